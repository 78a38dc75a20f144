import StaircaseCore
import Synchronization

/// One Assessment Framework domain: the rows, grouped by area, above a panel with the selected
/// row's four descriptors in full (scrolling inside itself when they do not fit); or, expanded,
/// the full text of every level of one row, its links, the evidence note and the source note.
/// The status line, the descriptors and the full text are the screen model's (`ScreenModel.domain`);
/// the row list, its badges and columns, the highlight and the scroll marks are layout.
enum DomainView {
    static func badge(_ r: Rating, toConfirm: Bool = false) -> String {
        if toConfirm { return "[?]" }
        return switch r {
        case .notAssessed: "[ ]"
        case .notApplicable: "[–]"
        default: "[\(r.level ?? 0)]"
        }
    }

    /// Rows of the list and of the descriptor panel for a body of `height` rows: status, list,
    /// rule, panel, note line.
    static func layout(height: Int) -> (list: Int, panel: Int) {
        let list = max(4, (height - 3) * 2 / 5)
        return (list, max(1, height - 3 - list))
    }

    static func selected(_ s: WizardState, _ d: Int) -> VisibleRow? {
        let rows = s.visibleRows(domain: d)
        return rows.isEmpty ? nil : rows[min(s.domainCursor[d], rows.count - 1)]
    }

    /// The descriptor panel's lines: the model's numbered descriptors, each wrapped in full with
    /// its number on its first line.
    static func panelLines(_ m: ScreenModel, width: Int) -> [(level: Int, first: Bool, text: String)] {
        panelLines(m.blocks.first { $0.kind == .descriptor }?.paragraphs ?? [], width: width)
    }

    static func panelLines(_ descriptors: [String], width: Int) -> [(level: Int, first: Bool, text: String)] {
        // Each redraw asks twice (the footer, whether the panel scrolls; the panel, its lines)
        // for the same row: the last answer is kept, and wrapping was a tenth of a key press.
        if let last = lastPanel.withLock({ $0 }), last.width == width, last.descriptors == descriptors { return last.lines }
        let lines = wrapPanel(descriptors, width: width)
        lastPanel.withLock { $0 = PanelMemo(descriptors: descriptors, width: width, lines: lines) }
        return lines
    }

    private struct PanelMemo: Sendable {
        var descriptors: [String]
        var width: Int
        var lines: [(level: Int, first: Bool, text: String)]
    }
    private static let lastPanel = Mutex<PanelMemo?>(nil)

    private static func wrapPanel(_ descriptors: [String], width: Int) -> [(level: Int, first: Bool, text: String)] {
        var out: [(level: Int, first: Bool, text: String)] = []
        for (i, paragraph) in descriptors.enumerated() {
            let text = paragraph.hasPrefix("\(i + 1). ") ? String(paragraph.dropFirst("\(i + 1). ".count)) : paragraph
            for (j, line) in TextWrap.lines(text, width: width - 6).enumerated() { out.append((i + 1, j == 0, line)) }
        }
        return out
    }

    /// The level the model says is the answer (its current numbered choice), if any.
    static func chosen(_ m: ScreenModel) -> Int? {
        m.choices.first { $0.current && ["1", "2", "3", "4"].contains($0.key) }.flatMap { Int($0.key) }
    }

    /// How far the descriptor panel can scroll when the body is `body`: none when it all fits.
    static func panelMostScroll(_ s: WizardState, _ body: Rect) -> Int {
        guard case .domain(let d) = s.screen, !s.expanded, let row = selected(s, d), let a = s.assessment else { return 0 }
        let lines = panelLines(ScreenModel.descriptors(a, row.indicator), width: body.width)
        return max(0, lines.count - layout(height: body.height).panel)
    }

    static func draw(_ m: ScreenModel, _ s: WizardState, _ d: Int, _ v: Viewport, _ b: inout ScreenBuffer, _ r: Rect) {
        guard let a = s.assessment else { return }
        let rows = s.visibleRows(domain: d)
        let cursor = min(s.domainCursor[d], max(0, rows.count - 1))
        if s.expanded, !rows.isEmpty {
            expanded(m, s, scroll: v.scroll, &b, r)
            return
        }
        let (listHeight, panelHeight) = layout(height: r.height)
        if let e = s.editor, e.target == .filter {
            b.put("Filter: ", row: r.top, column: 1, style: .key)
            TextFieldView.draw(e, &b, row: r.top, column: 9, width: 40)
        } else {
            b.put(m.tally?.line ?? "", row: r.top, column: 1, style: .muted, limit: r.width - 2)
        }
        if rows.isEmpty {
            let hidden = s.hiddenMatches(domain: d)
            let more = hidden == 0 ? "" : " \(hidden) hidden for the child’s age: a shows \(hidden == 1 ? "it" : "them")."
            b.put(
                s.filter.isEmpty ? "No rows in this domain." : "No row shown matches “\(s.filter)”.\(more) Esc clears the filter.",
                row: r.top + 2, column: 2, limit: r.width - 3)
            return
        }
        let first = min(max(0, cursor - listHeight / 2), max(0, rows.count - listHeight))
        // Titles keep 53 columns; the area column takes what is left, up to its longest name.
        let longest = rows.map { DisplayWidth.of($0.area.name) }.max() ?? 0
        let areaWidth = max(26, min(longest + 2, r.width - 54))
        for (i, row) in rows.enumerated().dropFirst(first).prefix(listHeight) {
            let y = r.top + 1 + i - first
            let selected = i == cursor
            let rating = a.rating(of: row.indicator.id)
            let note = (a.answers[row.indicator.id]?.note.isEmpty ?? true) ? " " : "✎"
            let source = row.indicator.sourceNote == nil ? " " : "†"
            let style: Style = selected ? .selected : (rating == .notAssessed ? .plain : Style(bold: rating.level ?? 0 >= 3))
            b.fill(row: y, from: 0, to: r.width, style: style)
            let carried = a.answers[row.indicator.id]?.isCarriedUnconfirmed == true
            b.put(
                // The mark as well as the reverse video, as every other list has: a monochrome or
                // LANG=C terminal, a screen magnifier's capture or a print of the screen keeps it.
                "\(selected ? "▸" : " ")\(badge(rating, toConfirm: carried))\(note)\(source)\(row.indicator.title)", row: y, column: 0,
                style: style,
                limit: r.width - areaWidth - 1)
            b.put(row.area.name, row: y, column: r.width - areaWidth, style: selected ? style : .muted, limit: areaWidth - 1)
        }
        let row = rows[cursor]
        var y = r.top + 1 + listHeight
        let lines = panelLines(m, width: r.width)
        let scroll = min(v.panelScroll, max(0, lines.count - panelHeight))
        b.put(String(repeating: "─", count: r.width), row: y, column: 0, style: .muted)
        var more: [String] = []
        if scroll > 0 { more.append("↑ \(scroll)") }
        if lines.count - scroll > panelHeight { more.append("↓ \(lines.count - scroll - panelHeight) more (PgDn)") }
        let moreText = more.isEmpty ? "" : " " + more.joined(separator: " · ") + " "
        let moreWidth = DisplayWidth.of(moreText)
        b.put(" \(row.indicator.title) — \(row.area.name) ", row: y, column: 2, style: .title, limit: r.width - 4 - moreWidth)
        if !more.isEmpty { b.put(moreText, row: y, column: r.width - moreWidth - 1, style: .key) }
        y += 1
        let chosen = chosen(m)
        for (i, line) in lines.dropFirst(scroll).prefix(panelHeight).enumerated() {
            let on = chosen == line.level
            if line.first { b.put("\(line.level)", row: y + i, column: 1, style: Style(bold: true, reverse: on)) }
            b.put(line.text, row: y + i, column: 4, style: on ? Style(bold: true, reverse: true) : .plain)
        }
        y += panelHeight
        let noteText = a.answers[row.indicator.id]?.note ?? ""
        // "3 events, June–November 2026 · ": the row's chronology before the note, when it has one.
        let span = Chronology.span(for: row.indicator.id, in: a.chronology).map { $0 + " · " } ?? ""
        if s.editor == nil, !span.isEmpty {
            b.put(span, row: y, column: 1, style: .key)
            let w = DisplayWidth.of(span)
            let rest = lastTimeLine(a, row.indicator.id) ?? (noteText.isEmpty ? "No evidence note (e adds one)" : "Note: " + noteText)
            b.put(rest, row: y, column: 1 + w, style: noteText.isEmpty ? .muted : .plain, limit: r.width - 2 - w)
        } else if let e = s.editor, case .note(let id) = e.target {
            let label = noteLabel(s, id, width: r.width)
            b.put(label, row: y, column: 1, style: .key)
            let column = 1 + DisplayWidth.of(label)
            TextFieldView.draw(e, &b, row: y, column: column, width: r.width - column - 1)
        } else if let last = lastTimeLine(a, row.indicator.id) {
            // A carried row says what it was last time where the note hint goes (the note is in f).
            b.put(last, row: y, column: 1, style: .key, limit: r.width - 2)
        } else if noteText.isEmpty {
            let hint =
                row.indicator.sourceNote == nil
                ? "No evidence note (e adds one)" : "No evidence note (e adds one) · † a source note: f shows it"
            b.put(hint, row: y, column: 1, style: .muted, limit: r.width - 2)
        } else {
            b.put("Note: " + noteText, row: y, column: 1, limit: r.width - 2)
        }
    }

    /// A carried row's earlier reading in one short line, for the panel's last line.
    static func lastTimeLine(_ a: Assessment, _ id: String) -> String? {
        guard let answer = a.answers[id], let earlier = answer.earlier else { return nil }
        if answer.isCarriedUnconfirmed { return earlier.toConfirmLabel + " · y confirms, 1-4 or n changes it" }
        if answer.rating == earlier.rating { return "Confirmed: \(earlier.rating.label), as on \(earlier.on)" }
        return "Was \(earlier.rating.label) on \(earlier.on) · "
            + (answer.changeReason.map { "reason: \($0.label) (w)" } ?? "w: real change or new information?")
    }

    /// The full-text view's lines: the expanded row's screen model, block by block, the chosen
    /// level's heading highlighted.
    static func fullTextLines(_ m: ScreenModel, width: Int) -> [(String, Style)] {
        let chosen = chosen(m).map { "Level \($0)" }
        var lines: [(String, Style)] = []
        for (i, block) in m.blocks.enumerated() {
            if i > 0 { lines.append(("", .plain)) }
            if let heading = block.heading {
                let style: Style =
                    block.kind == .descriptor
                    ? Style(bold: true, reverse: chosen.map(heading.hasPrefix) == true) : (block.kind == .text ? .title : Style(bold: true))
                lines += TextWrap.lines(heading, width: width).map { ($0, style) }
            }
            for p in block.paragraphs {
                let style: Style = p.hasPrefix("Links: ") || p.hasPrefix("Area: ") ? .muted : View.style(block.kind)
                lines += TextWrap.paragraph(p, width: width, indent: block.indent).map { ($0, style) }
            }
        }
        return lines
    }

    static func fullTextLineCount(_ s: WizardState, width: Int) -> Int {
        guard case .domain(let d) = s.screen, s.expanded, selected(s, d) != nil else { return 0 }
        return fullTextLines(ScreenModel.domain(s, d), width: width).count
    }

    static func expanded(_ m: ScreenModel, _ s: WizardState, scroll: Int, _ b: inout ScreenBuffer, _ r: Rect) {
        let lines = fullTextLines(m, width: r.width - 2)
        // When more follows, the last row says so instead of holding text.
        let first = min(scroll, max(0, lines.count - r.height + 1))
        let more = lines.count - first > r.height
        for (i, (text, style)) in lines.dropFirst(first).prefix(more ? r.height - 1 : r.height).enumerated() {
            b.put(text, row: r.top + i, column: 1, style: style, limit: r.width - 2)
        }
        if more { b.put("↓ \(lines.count - first - r.height + 1) more lines (PgDn)", row: r.bottom - 1, column: 1, style: .key) }
        if let e = s.editor, case .note(let id) = e.target {
            b.fill(row: r.bottom - 1, from: 0, to: r.width, style: .plain)
            b.put(String(repeating: " ", count: r.width), row: r.bottom - 1, column: 0)
            let label = noteLabel(s, id, width: r.width)
            b.put(label, row: r.bottom - 1, column: 1, style: .key)
            let column = 1 + DisplayWidth.of(label)
            TextFieldView.draw(e, &b, row: r.bottom - 1, column: column, width: r.width - column - 1)
        }
    }

    /// "Note for “Housing”: ": a note field names the row it writes to, its title shortened to
    /// leave the field at least half the width.
    static func noteLabel(_ s: WizardState, _ id: String, width: Int) -> String {
        let title = s.rowTitle(id)
        let room = max(8, width / 2 - 14)
        let shown = DisplayWidth.of(title) <= room ? title : String(title.prefix(room - 1)) + "…"
        return "Note for “\(shown)”: "
    }
}
