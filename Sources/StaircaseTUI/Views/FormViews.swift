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

/// "The referral in your words" laid out from its screen model: each question on a line and its
/// answer under it (the selected one gets the rows to spare), the help asked for as ticks under
/// the question they answer.
enum VoiceView {
    static func draw(_ m: ScreenModel, _ s: WizardState, _ b: inout ScreenBuffer, _ r: Rect) {
        guard s.assessment != nil else { return }
        let items = ReferralItem.all(s.catalogue)
        let fields = m.fields
        guard fields.count == items.count else { return }
        // Rows needed at one line a value: a tick is one row, a text two, the help question one.
        let ticks = items.filter { if case .help = $0 { true } else { false } }.count
        let needed = (items.count - ticks) * 2 + ticks + (ticks > 0 ? 1 : 0)
        // The help question takes a second row when it needs one and there is room.
        let question = TextWrap.lines(ReferralItem.helpQuestion, width: r.width - 4)
        let shownQuestion = question.count > 1 && r.height > needed ? Array(question.prefix(2)) : [ReferralItem.helpQuestion]
        let spare = max(0, r.height - needed - (shownQuestion.count - 1))
        var y = r.top
        var askedHelp = false
        for (i, (item, field)) in zip(items, fields).enumerated() where y < r.bottom {
            let selected = i == s.cursor
            let style: Style = selected ? .selected : .title
            if case .help(let kind) = item {
                if !askedHelp {
                    askedHelp = true
                    for line in shownQuestion {
                        b.put(line, row: y, column: 1, style: .title, limit: r.width - 2)
                        y += 1
                    }
                }
                let ticked = s.assessment?.request.kinds.contains(kind) == true
                b.put(
                    (selected ? "▸ " : "  ") + (ticked ? "[✓] " : "[ ] ") + field.label, row: y, column: 3,
                    style: selected ? .selected : .plain, limit: r.width - 4)
                y += 1
                continue
            }
            b.put((selected ? "▸ " : "  ") + field.label, row: y, column: 1, style: style, limit: r.width - 2)
            y += 1
            if let e = s.editor, e.target == item.target {
                TextFieldView.draw(e, &b, row: y, column: 4, width: r.width - 6)
                y += 1
                continue
            }
            let room = selected ? 1 + spare : 1
            let all = field.isEmpty ? ["(empty — press Enter to write)"] : TextWrap.lines(field.value, width: r.width - 6)
            // An answer shown in part ends in an ellipsis, so it never reads as the whole answer.
            var lines = Array(all.prefix(room))
            if all.count > lines.count, let last = lines.popLast() {
                let mark = s.ascii ? "..." : "…"
                var cut = last
                while !cut.isEmpty && DisplayWidth.of(cut) + DisplayWidth.of(mark) > r.width - 6 { cut.removeLast() }
                lines.append(cut + mark)
            }
            for line in lines where y < r.bottom {
                b.put(line, row: y, column: 4, style: field.isEmpty ? .muted : .plain, limit: r.width - 6)
                y += 1
            }
        }
    }
}

/// The household questions laid out from their screen model: each question's answer on its
/// heading line (selected with the bar), the question, its note and, after a yes, its rows.
enum HouseholdView {
    static func draw(_ m: ScreenModel, _ s: WizardState, _ b: inout ScreenBuffer, _ r: Rect) {
        guard s.assessment != nil else { return }
        let topics = HouseholdTopic.all(s.catalogue)
        let width = r.width - 6
        var lines: [(String, Style, Int)] = (m.blocks.first?.paragraphs ?? []).flatMap { p in
            TextWrap.lines(p, width: r.width - 4).map { ($0, Style.muted, 2) }
        }
        // Each question: its heading (the answer), then all it says when the four fit; when they
        // do not (every yes lists its rows), the selected one whole and the others in a line or
        // two (the note, the count of rows not yet rated), so four fit 80×24 with every yes.
        func part(_ i: Int, _ block: TextBlock, whole: Bool) -> [(String, Style, Int)] {
            let selected = i == s.cursor
            var out: [(String, Style, Int)] = [((selected ? "▸ " : "  ") + (block.heading ?? ""), selected ? .selected : .title, 1)]
            if whole { out += TextWrap.lines(topics[i].question, width: width).map { ($0, Style.plain, 4) } }
            for p in block.paragraphs {
                let rows = p.hasPrefix("Rows it links to")
                let style: Style = rows ? (p.contains("not yet rated") ? .warning : .muted) : .plain
                if whole {
                    out += TextWrap.lines(p, width: width).map { ($0, style, 4) }
                } else if rows {
                    out.append((String(p.prefix { $0 != ":" }), style, 4))
                } else {
                    out.append((p, style, 4))
                }
            }
            return out
        }
        let blocks = Array(m.blocks.dropFirst().prefix(topics.count))
        var parts = blocks.enumerated().map { part($0, $1, whole: true) }
        if lines.count + parts.reduce(0, { $0 + $1.count }) > r.height {
            parts = blocks.enumerated().map { part($0, $1, whole: $0 == s.cursor) }
        }
        let body = parts.reduce(0) { $0 + $1.count }
        let gaps = lines.count + body + parts.count <= r.height
        for part in parts {
            if gaps { lines.append(("", .plain, 0)) }
            lines += part
        }
        var y = r.top
        for (text, style, column) in lines where y < r.bottom {
            b.put(text, row: y, column: column, style: style, limit: r.width - column - 1)
            y += 1
        }
        // The note being written, at the foot, named.
        if let e = s.editor, case .householdNote(let id) = e.target, let t = topics.first(where: { $0.id == id }) {
            b.fill(row: r.bottom - 2, from: 0, to: r.width, style: .plain)
            b.fill(row: r.bottom - 1, from: 0, to: r.width, style: .plain)
            b.put("Note on \(t.topic):", row: r.bottom - 2, column: 2, style: .key)
            TextFieldView.draw(e, &b, row: r.bottom - 1, column: 4, width: r.width - 6)
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
