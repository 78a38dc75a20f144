import StaircaseCore

enum StartView {
    static func draw(_ s: WizardState, _ b: inout ScreenBuffer, _ r: Rect) {
        b.put(s.catalogue.authority, row: r.top, column: 2, style: .muted)
        b.put("Decide a child’s level of need and write the referral.", row: r.top + 1, column: 2)
        b.put("Not a tick-box exercise: Staircase proposes, you decide.", row: r.top + 2, column: 2)
        var items = ["New assessment"]
        items += s.resumable.map { "Resume  " + $0.label }
        items.append("Quit")
        let visible = max(1, r.height - 6)
        let first = max(0, s.cursor - visible + 1)
        for (i, item) in items.enumerated().dropFirst(first).prefix(visible) {
            let y = r.top + 4 + i - first
            let selected = i == s.cursor
            b.put((selected ? "▸ " : "  ") + item, row: y, column: 2, style: selected ? .selected : .plain, limit: r.width - 4)
        }
        var notes: [(String, Style)] = []
        if let problem = s.listProblem {
            notes.append(("Saved assessments cannot be listed: \(problem)", .danger))
        } else if s.resumable.isEmpty && s.damaged.isEmpty {
            notes.append(("No saved assessments yet.", .muted))
        }
        if !s.damaged.isEmpty {
            let names = s.damaged.map(\.label).joined(separator: ", ")
            let what = s.damaged.count == 1 ? "1 saved file is damaged and not listed" : "\(s.damaged.count) saved files are damaged and not listed"
            notes.append(("\(what): \(names). `staircase sessions list` says why.", .warning))
        }
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
            b.put((i == s.cursor ? "▸ " : "  ") + c.label + (c.current ? " ✓" : ""), row: r.top + 3 + i, column: 4, style: i == s.cursor ? .selected : .plain)
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
