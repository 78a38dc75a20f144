import StaircaseCore

/// The start screen laid out from its screen model: the introduction, the list (with the
/// selection bar and scrolling, which are layout), and the notes at the foot.
enum StartView {
    static func draw(_ m: ScreenModel, _ s: WizardState, _ b: inout ScreenBuffer, _ r: Rect) {
        let intro = m.blocks.first?.paragraphs ?? []
        for (i, line) in intro.enumerated() { b.put(line, row: r.top + i, column: 2, style: i == 0 ? .muted : .plain, limit: r.width - 4) }
        // The numbered choices are the list the cursor moves through; lettered ones (re-assess)
        // are keys in the footer here, as line mode asks them by letter.
        let items = m.choices.filter { $0.key.allSatisfy(\.isNumber) }.map(\.label)
        let top = r.top + intro.count + 1
        let visible = max(1, r.bottom - top - 2)
        let first = max(0, s.cursor - visible + 1)
        for (i, item) in items.enumerated().dropFirst(first).prefix(visible) {
            let selected = i == s.cursor
            b.put(
                (selected ? "▸ " : "  ") + item, row: top + i - first, column: 2, style: selected ? .selected : .plain, limit: r.width - 4)
        }
        let notes = m.blocks.dropFirst().flatMap { block in block.paragraphs.map { ($0, View.style(block.kind)) } }
        if !notes.isEmpty {
            var lines: [(String, Style)] = []
            for (text, style) in notes { lines += TextWrap.lines(text, width: r.width - 4).map { ($0, style) } }
            for (i, (text, style)) in lines.suffix(3).enumerated() {
                b.put(text, row: r.bottom - min(3, lines.count) + i, column: 2, style: style)
            }
        } else if items.count > visible {
            // A training room can leave dozens: say how many, and that the list scrolls.
            let below = items.count - first - visible
            var hint = ["\(s.resumable.count) saved assessments"]
            if first > 0 { hint.append("↑ \(first) more") }
            if below > 0 { hint.append("↓ \(below) more") }
            b.put(hint.joined(separator: " · "), row: r.bottom - 1, column: 2, style: .muted)
        }
    }
}

/// Laid out from the screen model: the question, the three answers (the saved one ticked), and
/// the emergency advice after a yes.
enum DangerView {
    static func draw(_ s: WizardState, _ b: inout ScreenBuffer, _ r: Rect) {
        guard s.assessment != nil else { return }
        let m = ScreenModel.danger(s)
        let intro = m.blocks.first?.paragraphs ?? []
        for (i, (line, style)) in zip(intro, [Style.title, .muted]).enumerated() { b.put(line, row: r.top + i, column: 2, style: style) }
        for (i, c) in m.choices.enumerated() {
            b.put(
                (i == s.cursor ? "▸ " : "  ") + c.label + (c.current ? " ✓" : ""), row: r.top + 3 + i, column: 4,
                style: i == s.cursor ? .selected : .plain)
        }
        if let danger = m.blocks.first(where: { $0.kind == .danger }) {
            var y = r.top + 8
            for line in danger.paragraphs.flatMap({ TextWrap.lines($0, width: r.width - 6) }) {
                b.put(line, row: y, column: 3, style: .danger)
                y += 1
            }
            b.put("Press Tab to continue the assessment when the child is safe.", row: y + 1, column: 3)
        }
    }
}

/// Laid out from the screen model: the two texts, each under its title.
enum VoiceView {
    static func draw(_ s: WizardState, _ b: inout ScreenBuffer, _ r: Rect) {
        guard s.assessment != nil else { return }
        let half = (r.height - 2) / 2
        let targets: [TextField.Target] = [.strengths, .childsVoice]
        for (i, field) in ScreenModel.voice(s).fields.enumerated() {
            let top = r.top + i * (half + 1)
            b.put((i == s.cursor ? "▸ " : "  ") + field.label, row: top, column: 1, style: i == s.cursor ? .selected : .title)
            if let e = s.editor, i < targets.count, e.target == targets[i] {
                TextFieldView.draw(e, &b, row: top + 1, column: 4, width: r.width - 6)
                continue
            }
            let lines = field.isEmpty ? ["(empty — press Enter to write)"] : TextWrap.lines(field.value, width: r.width - 6)
            for (j, line) in lines.prefix(half - 1).enumerated() {
                b.put(line, row: top + 1 + j, column: 4, style: field.isEmpty ? .muted : .plain)
            }
        }
    }
}

/// A one-line editor: shows the end of long text, and places the terminal cursor.
enum TextFieldView {
    static func draw(_ e: TextField, _ b: inout ScreenBuffer, row: Int, column: Int, width: Int) {
        let chars = Array(e.text)
        var start = 0
        while DisplayWidth.of(String(chars[start..<e.cursor])) > width - 2 { start += 1 }
        let shown = String(chars[start...].prefix(width * 2))
        b.fill(row: row, from: column, to: column + width, style: Style(underline: true))
        b.put(shown, row: row, column: column, style: Style(underline: true), limit: width)
        b.cursor = (row, column + DisplayWidth.of(String(chars[start..<e.cursor])))
    }
}

enum Advice {
    static func emergency(_ c: Catalogue) -> String {
        let emergency = c.contact("emergency")?.when ?? "If a child is in immediate danger call 999."
        let first = c.contact("first-contact").map { "\($0.name) \($0.phone ?? "")" } ?? "First Contact"
        return "IMMEDIATE DANGER: \(emergency) Then contact \(first). It will be at the top of the referral summary."
    }
}
