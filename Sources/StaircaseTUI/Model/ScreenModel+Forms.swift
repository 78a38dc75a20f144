import StaircaseCore

/// The details forms as the screen model: each row a numbered field or choice, so the line
/// mode asks for them by number and the curses view lays the same rows out.
extension ScreenModel {
    static func details(_ s: WizardState) -> ScreenModel {
        let page = s.formPage
        let pages = FormPage.allCases.count
        var title = "About the child, form \(page.rawValue + 1) of \(pages): \(page.title)"
        guard let a = s.assessment else { return ScreenModel(title: title, prompt: "") }
        let rows = Wizard.formRows(s)
        if let item = s.formItem {
            title += " · \(item.list.noun.capitalizedFirst) \(item.index + 1)"
        }
        let numbered = rows.count - 1
        let prompt =
            s.formItem == nil
            ? "Row to change (1-\(numbered)), Enter continues:" : "Row to change (1-\(numbered)), x removes, Enter closes:"
        var m = ScreenModel(title: title, position: screenPosition(s), prompt: prompt)
        m.blocks = [TextBlock([intro(s)])]
        for (i, row) in rows.enumerated() where row != .next && row != .done {
            let key = "\(i + 1)"
            switch row {
            case .field(let field):
                var value = Wizard.value(of: field, in: a, item: s.formItem)
                if field == .dateOfBirth, !a.child.unborn, let age = ChildAge.describe(a.child, on: s.today) { value += " (\(age))" }
                m.fields.append(
                    Field(
                        key: key, label: field.label, value: value.isEmpty ? "(empty)" : value,
                        problem: s.fieldProblems[field], isEmpty: value.isEmpty))
                var c = Choice(key, field.label, select(s, i) + [.activate])
                c.shown = false
                if !field.isText { c.then = optionQuestion(s, field, row: i, a) }
                m.choices.append(c)
            case .entry(let item):
                let label = "\(item.list.noun.capitalizedFirst) \(item.index + 1): \(Wizard.entrySummary(item, in: a))"
                m.choices.append(Choice(key, label, select(s, i) + [.activate]))
            case .add(let list):
                m.choices.append(Choice(key, "Add \(list.withArticle)", select(s, i) + [.activate]))
            case .done, .next: break
            }
        }
        if let item = s.formItem { m.choices.append(Choice("x", "Remove this \(item.list.noun)", [.removeItem])) }
        m.enter = Choice("", "Enter \(enterWords(s))", select(s, rows.count - 1) + [.activate])
        return m
    }

    /// What Enter on the last row does, in words.
    static func enterWords(_ s: WizardState) -> String {
        if let item = s.formItem { return "closes this \(item.list.noun)" }
        if let next = FormPage(rawValue: s.formPage.rawValue + 1) { return "continues to \(next.title.lowercasedFirst)" }
        return "continues to the immediate safety question"
    }

    static func intro(_ s: WizardState) -> String {
        if s.formItem != nil { return "Each field is saved as you leave it. Esc goes back to the list." }
        switch s.formPage {
        case .child: return "Each field is checked as it is saved: a date that cannot be right is refused with the reason."
        case .family: return "Parents and carers, then other household members and siblings. Add, open or remove each."
        case .agencies: return "Other agencies involved: “at all levels … contact should be made with other agencies”."
        case .referrer: return "How First Contact reaches you: a phone number and an e-mail address."
        case .consent: return "The family’s agreement to the referral is not the lawful basis for sharing: record both."
        }
    }

    /// A choice field asked as its own numbered question, by the same Space key the form uses
    /// (each press moves to the next option), so the number typed is the option chosen.
    static func optionQuestion(_ s: WizardState, _ field: DetailField, row: Int, _ a: Assessment) -> Question {
        let options = field.options
        let now = Wizard.optionIndex(field, in: a, item: s.formItem) ?? 0
        let choices = options.enumerated().map { i, label in
            let presses = (i - now + options.count) % options.count
            return Choice("\(i + 1)", label, current: i == now, select(s, row) + Array(repeating: WizardAction.adjust(1), count: presses))
        }
        return Question(
            prompt: "\(field.label) (1-\(options.count), Enter keeps it):", choices: choices,
            enter: "Enter keeps \(options[now])", enterActions: [])
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
