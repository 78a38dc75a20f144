import StaircaseCore

extension Wizard {
    static func details(_ s: inout WizardState, _ action: WizardAction) -> [Effect] {
        let fields = DetailField.allCases
        switch action {
        case .move(let d): s.cursor = clamp(s.cursor, by: d, count: fields.count)
        case .back: go(&s, .start)
        case .adjust(let d): return adjust(&s, fields[s.cursor], by: d)
        case .activate:
            guard let a = s.assessment else { return [] }
            let field = fields[s.cursor]
            switch field {
            case .unborn, .tafExists, .consent: return adjust(&s, field, by: 1)
            case .immediateDangerNext: return continueFromDetails(&s)
            default: s.editor = TextField(.detail(field), text: value(of: field, in: a))
            }
        default: break
        }
        return []
    }

    /// Space, ← and → change a toggle or the consent choice; on other fields they do nothing.
    static func adjust(_ s: inout WizardState, _ field: DetailField, by d: Int) -> [Effect] {
        guard let a = s.assessment else { return [] }
        switch field {
        case .unborn:
            let effects = change(&s) { $0.child.unborn.toggle() }
            s.fieldProblems = fieldProblems(s.assessment ?? a, today: s.today)
            return effects
        case .tafExists: return change(&s) { $0.leadProfessional.tafExists.toggle() }
        case .consent:
            let all = Assessment.Consent.Status.allCases
            let next = all[wrap(all.firstIndex(of: a.consent.status) ?? 0, by: d, count: all.count)]
            return change(&s) { $0.consent.status = next }
        default: return []
        }
    }

    /// The reasons beside the date fields, by the core's field rules (the same on load).
    static func fieldProblems(_ a: Assessment, today: CalendarDate) -> [DetailField: String] {
        var out: [DetailField: String] = [:]
        if !a.child.unborn, let dob = a.child.dateOfBirth, let p = FieldRules.dateOfBirthProblem(dob, today: today) { out[.dateOfBirth] = p }
        if a.child.unborn, let due = a.child.expectedDate, let p = FieldRules.expectedDateProblem(due, today: today) { out[.expectedDate] = p }
        return out
    }

    static func value(of field: DetailField, in a: Assessment) -> String {
        switch field {
        case .childName: a.child.name
        case .dateOfBirth: a.child.dateOfBirth ?? ""
        case .expectedDate: a.child.expectedDate ?? ""
        case .referrerName: a.referrer.name
        case .agency: a.referrer.agency
        case .role: a.referrer.role
        case .contact: a.referrer.combinedContact
        case .leadProfessional: a.leadProfessional.name
        case .consentReason: a.consent.reason
        case .unborn: a.child.unborn ? "yes" : "no"
        case .tafExists: a.leadProfessional.tafExists ? "yes" : "no"
        case .consent: consentLabel(a.consent.status)
        case .immediateDangerNext: ""
        }
    }

    public static func consentLabel(_ status: Assessment.Consent.Status) -> String {
        switch status {
        case .given: "sought and given"
        case .refused: "sought and refused"
        case .notSought: "not sought — it would put the child at risk"
        case .notYetAsked: "not yet asked"
        }
    }

    /// Why the details cannot be accepted yet, or nil.
    public static func detailsProblem(_ a: Assessment, today: CalendarDate) -> String? {
        if a.child.name.trimmed.isEmpty { return "Give the child’s name or initials." }
        if a.child.unborn {
            guard let due = a.child.expectedDate else { return "Give the expected date as YYYY-MM-DD." }
            if let p = FieldRules.expectedDateProblem(due, today: today) { return "The expected date \(SafeText.clean(due)): \(p)." }
        } else {
            guard let dob = a.child.dateOfBirth else { return "Give the date of birth as YYYY-MM-DD (or tick Unborn)." }
            if let p = FieldRules.dateOfBirthProblem(dob, today: today) { return "The date of birth \(SafeText.clean(dob)): \(p)." }
        }
        if a.consent.status == .notSought && a.consent.reason.trimmed.isEmpty {
            return "Say why seeking consent would put the child at risk."
        }
        return nil
    }

    static func continueFromDetails(_ s: inout WizardState) -> [Effect] {
        guard let a = s.assessment else { return [] }
        if let problem = detailsProblem(a, today: s.today) {
            s.message = Message(problem, error: true)
            return []
        }
        go(&s, .danger)
        s.cursor = [.yes, .no, .notKnown].firstIndex(of: a.immediateDanger) ?? 2
        return []
    }

    /// Typing into the open field; Enter stores it (trimmed), Esc leaves the old value.
    static func edit(_ s: inout WizardState, _ action: WizardAction) -> [Effect] {
        guard var e = s.editor else { return [] }
        switch action {
        case .type(let c): e.insert(c)
        case .deleteBackward: e.deleteBackward()
        case .deleteForward: e.deleteForward()
        case .deleteWordBackward: e.deleteWordBackward()
        case .killToEnd: e.killToEnd()
        case .killToStart: e.killToStart()
        case .cursor(let d): e.move(d)
        case .cursorToStart: e.cursor = 0
        case .cursorToEnd: e.cursor = e.text.count
        case .wordCursor(let d): e.cursor = e.wordBoundary(d)
        case .commitEdit: return commitEdit(&s)
        case .cancelEdit:
            s.editor = nil
            if case .detail(let field) = e.target, let a = s.assessment {
                s.fieldProblems[field] = fieldProblems(a, today: s.today)[field]
            }
            if e.target == .filter {
                s.filter = ""
                s.filtering = false
            }
            return []
        default: return []
        }
        s.editor = e
        if e.target == .filter {
            s.filter = e.text
            s.domainCursor = s.domainCursor.map { _ in 0 }
        }
        return []
    }

    static func commitEdit(_ s: inout WizardState) -> [Effect] {
        guard let e = s.editor else { return [] }
        let text = e.text.trimmed
        // A date is checked as it is saved: a wrong one stays in the field with the reason beside it.
        if case .detail(let field) = e.target, !text.isEmpty {
            let problem: String? =
                switch field {
                case .dateOfBirth: FieldRules.dateOfBirthProblem(text, today: s.today)
                case .expectedDate: FieldRules.expectedDateProblem(text, today: s.today)
                default: nil
                }
            s.fieldProblems[field] = problem
            if let problem {
                let name = String(field.label.split(separator: "(").first ?? Substring(field.label)).trimmed
                s.message = Message("\(name): \(problem).", error: true)
                return []
            }
        } else if case .detail(let field) = e.target {
            s.fieldProblems[field] = nil
        }
        s.editor = nil
        switch e.target {
        case .filter:
            s.filter = text
            s.filtering = false
            return []
        case .decisionReason:
            s.decisionReason = text
            return []
        case .exportPath:
            s.exportPath = text
            s.exportedPath = nil
            return []
        case .note(let id):
            return change(&s) { a in
                let rating = a.answers[id]?.rating ?? .notAssessed
                if rating == .notAssessed && text.isEmpty { a.answers[id] = nil } else { a.answers[id] = .init(rating, note: text) }
            }
        case .alias, .responsesFolder: return commitTraining(&s, e.target, text)
        case .strengths: return change(&s) { $0.strengths = text }
        case .childsVoice: return change(&s) { $0.childsVoice = text }
        case .detail(let field):
            let optional: String? = text.isEmpty ? nil : text
            return change(&s) { a in
                switch field {
                case .childName: a.child.name = text
                case .dateOfBirth: a.child.dateOfBirth = optional
                case .expectedDate: a.child.expectedDate = optional
                case .referrerName: a.referrer.name = text
                case .agency: a.referrer.agency = text
                case .role: a.referrer.role = text
                case .contact: a.referrer.combinedContact = text
                case .leadProfessional: a.leadProfessional.name = text
                case .consentReason: a.consent.reason = text
                default: break
                }
            }
        }
    }
}
