import StaircaseCore

extension Wizard {
    static func details(_ s: inout WizardState, _ action: WizardAction) -> [Effect] {
        let fields = DetailField.allCases
        switch action {
        case .move(let d): s.cursor = wrap(s.cursor, by: d, count: fields.count)
        case .back: go(&s, .start)
        case .nextScreen: return continueFromDetails(&s)
        case .activate:
            guard let a = s.assessment else { return [] }
            let field = fields[s.cursor]
            switch field {
            case .unborn: return change(&s) { $0.child.unborn.toggle() }
            case .tafExists: return change(&s) { $0.leadProfessional.tafExists.toggle() }
            case .consent:
                let all = Assessment.Consent.Status.allCases
                let next = all[wrap(all.firstIndex(of: a.consent.status) ?? 0, by: 1, count: all.count)]
                return change(&s) { $0.consent.status = next }
            case .immediateDangerNext: return continueFromDetails(&s)
            default: s.editor = TextField(.detail(field), text: value(of: field, in: a))
            }
        default: break
        }
        return []
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
            guard let due = a.child.expectedDate.flatMap(CalendarDate.init) else {
                return "Give the expected date as YYYY-MM-DD."
            }
            if due < today { return "The expected date \(due) is in the past: if the baby is born, untick Unborn and give the date of birth." }
        } else {
            guard let dob = a.child.dateOfBirth.flatMap(CalendarDate.init) else {
                return "Give the date of birth as YYYY-MM-DD (or tick Unborn)."
            }
            if today < dob { return "The date of birth \(dob) is in the future." }
            if let years = ChildAge.years(a.child, on: today), years > 25 {
                return "The date of birth makes the child \(years): this document covers 0–19."
            }
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
        case .cursor(let d): e.move(d)
        case .commitEdit: return commitEdit(&s)
        case .cancelEdit:
            s.editor = nil
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
        s.editor = nil
        let text = e.text.trimmed
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
            return []
        case .note(let id):
            return change(&s) { a in
                let rating = a.answers[id]?.rating ?? .notAssessed
                if rating == .notAssessed && text.isEmpty { a.answers[id] = nil } else { a.answers[id] = .init(rating, note: text) }
            }
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
