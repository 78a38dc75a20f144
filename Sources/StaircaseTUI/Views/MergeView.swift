import StaircaseCore

/// The merge screen in curses: when each side was last changed, one line per part that differs
/// with the side it keeps, the line that saves, and the selected part's two answers in full.
enum MergeView {
    static func draw(_ m: ScreenModel, _ s: WizardState, _ b: inout ScreenBuffer, _ r: Rect) {
        guard let merge = s.merge else { return }
        var y = r.top
        for text in m.blocks.first?.paragraphs ?? [] {
            for line in TextWrap.lines(text, width: r.width - 4) where y < r.bottom {
                b.put(line, row: y, column: 2, style: .muted)
                y += 1
            }
        }
        y += 1
        let detail = 5
        let visible = max(1, r.bottom - y - detail)
        let items = merge.differences.indices.map { i in (text: line(merge, i, width: r.width - 6), i: i) }
        let all = items + [(text: "Save the merged assessment", i: merge.differences.count)]
        let first = max(0, s.cursor - visible + 1)
        for (k, item) in all.enumerated().dropFirst(first).prefix(visible) {
            let selected = k == s.cursor
            b.put(
                (selected ? "▸ " : "  ") + item.text, row: y + k - first, column: 2, style: selected ? .selected : .plain,
                limit: r.width - 4)
        }
        if all.count > visible {
            b.put("\(all.count - visible) more: ↑/↓", row: y + visible, column: 4, style: .muted)
        }
        guard merge.differences.indices.contains(s.cursor) else { return }
        let d = merge.differences[s.cursor]
        var lines: [(String, Style)] = []
        for (who, text) in [("Saved: ", d.saved), ("Copy:  ", d.copy)] {
            lines += TextWrap.lines(who + text, width: r.width - 4).prefix(2).map { ($0, Style.plain) }
        }
        for (k, (text, style)) in lines.enumerated() { b.put(text, row: r.bottom - lines.count + k, column: 2, style: style) }
    }

    /// "Housing (level)      saved Level 4 · copy Level 2   [saved]": the label cut to fit.
    static func line(_ m: MergeState, _ i: Int, width: Int) -> String {
        let d = m.differences[i]
        let mark: String =
            switch m.side(i) {
            case .saved: "[keeps saved]"
            case .copy: "[takes copy]"
            case .both: "[keeps both]"
            }
        let room = max(8, width - DisplayWidth.of(mark) - 1)
        var label = d.label
        if DisplayWidth.of(label) > room { label = String(label.prefix(room - 1)) + "…" }
        return label + String(repeating: " ", count: max(1, room - DisplayWidth.of(label) + 1)) + mark
    }
}
