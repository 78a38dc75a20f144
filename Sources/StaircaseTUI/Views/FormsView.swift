import StaircaseCore

/// The details forms in curses: the form's name, a line on what it is for, then its rows (the
/// screen model's fields and choices, in the reducer's order). A form longer than the screen
/// scrolls with the cursor, so the selected row is always shown.
enum DetailsView {
    static func draw(_ s: WizardState, _ b: inout ScreenBuffer, _ r: Rect) {
        guard let a = s.assessment else { return }
        let page = s.formPage
        var heading = "Form \(page.rawValue + 1) of \(FormPage.allCases.count): \(page.title)"
        if let item = s.formItem { heading += " › \(item.list.noun.capitalizedFirst) \(item.index + 1)" }
        b.put(heading, row: r.top, column: 2, style: .title, limit: r.width - 4)
        for (i, line) in TextWrap.lines(ScreenModel.intro(s), width: r.width - 4).prefix(2).enumerated() {
            b.put(line, row: r.top + 1 + i, column: 2, style: .muted)
        }
        let rows = Wizard.formRows(s)
        let top = r.top + 4
        let visible = max(1, r.bottom - top - 1)
        let first = max(0, min(s.cursor - visible + 1, rows.count - visible))
        for (i, row) in rows.enumerated().dropFirst(first).prefix(visible) {
            draw(row, a, selected: i == s.cursor, s, &b, y: top + i - first, width: r.width)
        }
        var more: [String] = []
        if first > 0 { more.append("↑ \(first) more") }
        if rows.count - first - visible > 0 { more.append("↓ \(rows.count - first - visible) more") }
        if !more.isEmpty { b.put(more.joined(separator: " · "), row: r.bottom - 1, column: 2, style: .muted) }
    }

    static func draw(_ row: FormRow, _ a: Assessment, selected: Bool, _ s: WizardState, _ b: inout ScreenBuffer, y: Int, width: Int) {
        let mark = selected ? "▸ " : "  "
        let style: Style = selected ? .selected : .plain
        switch row {
        case .field(let field):
            b.put(mark + field.label, row: y, column: 2, style: selected ? Style(bold: true) : .plain, limit: 32)
            var value = Wizard.value(of: field, in: a, item: s.formItem)
            if !field.isText { value = "‹ \(value) ›" }
            if field == .dateOfBirth, let age = ChildAge.describe(a.child, on: s.today), !a.child.unborn { value += "   (\(age))" }
            // The reason a value was refused sits beside the field, after the value.
            let problem = s.fieldProblems[field].map { "✗ " + ($0.split(separator: ":").first.map(String.init) ?? $0) }
            let editing: TextField? = if case .detail(let f)? = s.editor?.target, f == field { s.editor } else { nil }
            let valueWidth = problem == nil ? width - 38 : min(width - 38, 12)
            if let e = editing {
                TextFieldView.draw(e, &b, row: y, column: 36, width: valueWidth)
            } else {
                b.put(value, row: y, column: 36, style: style, limit: valueWidth)
            }
            if let problem {
                b.put(problem, row: y, column: 36 + valueWidth + 1, style: .danger, limit: width - 36 - valueWidth - 2)
            }
        case .entry(let item):
            b.put(
                mark + "\(item.list.noun.capitalizedFirst) \(item.index + 1): " + Wizard.entrySummary(item, in: a), row: y, column: 2,
                style: style, limit: width - 4)
        case .add(let list):
            b.put(mark + "+ Add \(list.withArticle)", row: y, column: 2, style: selected ? .selected : .key, limit: width - 4)
        case .done: b.put(mark + "[ Done ]", row: y, column: 2, style: selected ? .selected : .key)
        case .next:
            let next = FormPage(rawValue: s.formPage.rawValue + 1).map { "[ Continue: \($0.title) ]" } ?? "[ Continue: immediate safety ]"
            b.put(mark + next, row: y, column: 2, style: selected ? .selected : .key)
        }
    }
}
