import StaircaseCore

/// The details forms in curses, laid out from the screen model: its title, its line on what the
/// form is for, then its rows in the reducer's order, each row's words taken from the model's
/// field or choice of the same number. The selection bar, the ‹ › round a choice, the short form
/// of a problem, the editor and the Done/Continue button are layout. A form longer than the
/// screen scrolls with the cursor, so the selected row is always shown.
enum DetailsView {
    static func draw(_ m: ScreenModel, _ s: WizardState, _ b: inout ScreenBuffer, _ r: Rect) {
        guard s.assessment != nil else { return }
        b.put(m.title, row: r.top, column: 2, style: .title, limit: r.width - 4)
        let intro = m.blocks.first?.paragraphs.joined(separator: " ") ?? ""
        for (i, line) in TextWrap.lines(intro, width: r.width - 4).prefix(2).enumerated() {
            b.put(line, row: r.top + 1 + i, column: 2, style: .muted)
        }
        let rows = Wizard.formRows(s)
        let top = r.top + 4
        let visible = max(1, r.bottom - top - 1)
        let first = max(0, min(s.cursor - visible + 1, rows.count - visible))
        for (i, row) in rows.enumerated().dropFirst(first).prefix(visible) {
            draw(row, key: "\(i + 1)", m, selected: i == s.cursor, s, &b, y: top + i - first, width: r.width)
        }
        var more: [String] = []
        if first > 0 { more.append("↑ \(first) more") }
        if rows.count - first - visible > 0 { more.append("↓ \(rows.count - first - visible) more") }
        if !more.isEmpty { b.put(more.joined(separator: " · "), row: r.bottom - 1, column: 2, style: .muted) }
    }

    static func draw(
        _ row: FormRow, key: String, _ m: ScreenModel, selected: Bool, _ s: WizardState, _ b: inout ScreenBuffer, y: Int, width: Int
    ) {
        let mark = selected ? "▸ " : "  "
        let style: Style = selected ? .selected : .plain
        let choice = m.choices.first { $0.key == key }
        switch row {
        case .field(let field):
            guard let f = m.fields.first(where: { $0.key == key }) else { return }
            b.put(mark + f.label, row: y, column: 2, style: selected ? Style(bold: true) : .plain, limit: 32)
            // A choice field (one the model asks as a question of its options) is shown ‹ between marks ›.
            let value = choice?.then != nil ? "‹ \(f.value) ›" : f.value
            // The reason a value was refused sits beside the field, after the value.
            let valueWidth = f.problem == nil ? width - 38 : min(width - 38, 12)
            let problem = f.problem.map { Self.problemText($0, room: width - 36 - valueWidth - 2) }
            let editing: TextField? = if case .detail(let d)? = s.editor?.target, d == field { s.editor } else { nil }
            if let e = editing {
                TextFieldView.draw(e, &b, row: y, column: 36, width: valueWidth)
            } else {
                b.put(value, row: y, column: 36, style: f.isEmpty && !selected ? .muted : style, limit: valueWidth)
            }
            if let problem {
                b.put(problem, row: y, column: 36 + valueWidth + 1, style: .danger, limit: width - 36 - valueWidth - 2)
            }
        case .entry: b.put(mark + (choice?.label ?? ""), row: y, column: 2, style: style, limit: width - 4)
        case .add: b.put(mark + "+ " + (choice?.label ?? ""), row: y, column: 2, style: selected ? .selected : .key, limit: width - 4)
        case .done: b.put(mark + "[ Done ]", row: y, column: 2, style: selected ? .selected : .key)
        case .next:
            // The button for what Enter does on the last row (the model's `enter`), named as a button.
            let next = FormPage(rawValue: s.formPage.rawValue + 1).map { "[ Continue: \($0.title) ]" } ?? "[ Continue: immediate safety ]"
            b.put(mark + next, row: y, column: 2, style: selected ? .selected : .key)
        }
    }

    /// The reason a value was refused, as it fits beside its field: whole when there is room, so a
    /// suggestion ("use YYYY-MM-DD: 2019-03-14?") is seen, else the part before its first colon.
    static func problemText(_ problem: String, room: Int) -> String {
        let whole = "✗ " + problem
        if DisplayWidth.of(whole) <= room { return whole }
        return "✗ " + (problem.split(separator: ":").first.map(String.init) ?? problem)
    }
}
