import StaircaseCore

/// The details forms as data: which rows each form has, and how each field reads and writes the
/// record. The reducer (`Wizard+Details`), the screen model and the curses view all read these.
extension Wizard {
    /// The rows of the form shown: an open entry's fields, or the form's own fields and lists.
    public static func formRows(_ s: WizardState) -> [FormRow] {
        guard let a = s.assessment else { return [] }
        if let item = s.formItem { return entryFields(item.list).map(FormRow.field) + [.done] }
        func entries(_ list: FormList, _ count: Int) -> [FormRow] { (0..<count).map { .entry(FormItem(list, $0)) } + [.add(list)] }
        let rows: [FormRow]
        switch s.formPage {
        case .child:
            let dates: [DetailField] = a.child.unborn ? [.unborn, .expectedDate] : [.dateOfBirth, .unborn]
            rows = ([.childName] + dates + [.whereNow, .address, .communicationNeeds, .firstLanguage, .interpreter, .disability]).map(
                FormRow.field)
        case .family: rows = entries(.carers, a.carers.count) + entries(.household, a.household.count)
        case .agencies: rows = [.field(.tafExists), .field(.leadProfessional)] + entries(.agencies, a.agencies.count)
        case .referrer: rows = [DetailField.referrerName, .agency, .role, .phone, .email].map(FormRow.field)
        case .consent:
            var fields: [DetailField] = [.consent]
            if a.consent.status == .notSought { fields.append(.consentReason) }
            fields.append(.lawfulBasis)
            if a.sharing.lawfulBasis == .other { fields.append(.lawfulBasisDetail) }
            fields.append(.familyTold)
            if a.sharing.familyTold == .no { fields.append(.notToldReason) }
            rows = fields.map(FormRow.field)
        }
        return rows + [.next]
    }

    /// The fields of one entry of a list, in the order the form shows them.
    static func entryFields(_ list: FormList) -> [DetailField] {
        switch list {
        case .carers: [.carerName, .carerRelationship, .carerResponsibility, .carerLivesWith, .carerContact]
        case .household: [.memberName, .memberRelationship, .memberSibling, .memberLivesWith, .memberDateOfBirth]
        case .agencies: [.agencyName, .agencyWorker, .agencyContact, .agencyRole]
        }
    }

    /// "yes", "no", "not known".
    public static func yesNoLabel(_ v: Assessment.YesNoNotKnown) -> String {
        switch v {
        case .yes: "yes"
        case .no: "no"
        case .notKnown: "not known"
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

    /// Which of `field.options` the record holds; nil for a text field.
    static func optionIndex(_ field: DetailField, in a: Assessment, item: FormItem?) -> Int? {
        let yn = Assessment.YesNoNotKnown.allCases
        switch field {
        case .unborn: return a.child.unborn ? 1 : 0
        case .tafExists: return a.leadProfessional.tafExists ? 1 : 0
        case .memberSibling: return member(a, item)?.sibling == true ? 1 : 0
        case .interpreter: return yn.firstIndex(of: a.child.interpreterNeeded)
        case .carerResponsibility: return carer(a, item).flatMap { yn.firstIndex(of: $0.parentalResponsibility) }
        case .carerLivesWith: return carer(a, item).flatMap { yn.firstIndex(of: $0.livesWithChild) }
        case .memberLivesWith: return member(a, item).flatMap { yn.firstIndex(of: $0.livesWithChild) }
        case .familyTold: return yn.firstIndex(of: a.sharing.familyTold)
        case .consent: return Assessment.Consent.Status.allCases.firstIndex(of: a.consent.status)
        case .lawfulBasis: return a.sharing.lawfulBasis.flatMap { Assessment.LawfulBasis.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        default: return nil
        }
    }

    /// Sets a choice field to option `i` of `field.options`.
    static func setOption(_ field: DetailField, _ i: Int, in a: inout Assessment, item: FormItem?) {
        let yn = Assessment.YesNoNotKnown.allCases
        let v = yn[min(max(0, i), yn.count - 1)]
        switch field {
        case .unborn: a.child.unborn = i == 1
        case .tafExists: a.leadProfessional.tafExists = i == 1
        case .memberSibling: updateMember(&a, item) { $0.sibling = i == 1 }
        case .interpreter: a.child.interpreterNeeded = v
        case .carerResponsibility: updateCarer(&a, item) { $0.parentalResponsibility = v }
        case .carerLivesWith: updateCarer(&a, item) { $0.livesWithChild = v }
        case .memberLivesWith: updateMember(&a, item) { $0.livesWithChild = v }
        case .familyTold: a.sharing.familyTold = v
        case .consent: a.consent.status = Assessment.Consent.Status.allCases[i]
        case .lawfulBasis: a.sharing.lawfulBasis = i == 0 ? nil : Assessment.LawfulBasis.allCases[i - 1]
        default: break
        }
    }

    /// What a field holds, in words (a choice field's option, a text field's text).
    public static func value(of field: DetailField, in a: Assessment, item: FormItem? = nil) -> String {
        if let i = optionIndex(field, in: a, item: item) { return field.options[i] }
        return FieldSlot.of(field)?.read(a, item) ?? ""
    }

    /// Stores a text field's text (already trimmed and checked).
    static func setText(_ field: DetailField, _ text: String, in a: inout Assessment, item: FormItem?) {
        FieldSlot.of(field)?.write(text, &a, item)
    }

    /// Why a typed value is refused, by the core's field rules; nil when it can be saved.
    static func problem(_ field: DetailField, _ text: String, today: CalendarDate) -> String? {
        guard !text.isEmpty else { return nil }
        switch field {
        case .dateOfBirth: return FieldRules.dateOfBirthProblem(text, today: today)
        case .expectedDate: return FieldRules.expectedDateProblem(text, today: today)
        case .memberDateOfBirth: return FieldRules.dateProblem(text)
        default: return nil
        }
    }

    /// One line for a list entry: "Jane Smith, mother, parental responsibility: yes".
    public static func entrySummary(_ item: FormItem, in a: Assessment) -> String {
        func join(_ parts: [String]) -> String {
            let text = parts.filter { !$0.isEmpty }.joined(separator: ", ")
            return text.isEmpty ? "(nothing written yet)" : text
        }
        switch item.list {
        case .carers:
            guard let c = carer(a, item) else { return "" }
            return join([c.name, c.relationship, "parental responsibility: " + yesNoLabel(c.parentalResponsibility)])
        case .household:
            guard let m = member(a, item) else { return "" }
            return join([m.name, m.relationship, m.sibling ? "sibling" : ""])
        case .agencies:
            guard let g = agency(a, item) else { return "" }
            return join([g.agency, g.worker, g.role])
        }
    }

    static func carer(_ a: Assessment, _ item: FormItem?) -> Assessment.Carer? {
        guard let i = item?.index, item?.list == .carers, a.carers.indices.contains(i) else { return nil }
        return a.carers[i]
    }

    static func member(_ a: Assessment, _ item: FormItem?) -> Assessment.HouseholdMember? {
        guard let i = item?.index, item?.list == .household, a.household.indices.contains(i) else { return nil }
        return a.household[i]
    }

    static func agency(_ a: Assessment, _ item: FormItem?) -> Assessment.Agency? {
        guard let i = item?.index, item?.list == .agencies, a.agencies.indices.contains(i) else { return nil }
        return a.agencies[i]
    }

    static func updateCarer(_ a: inout Assessment, _ item: FormItem?, _ body: (inout Assessment.Carer) -> Void) {
        guard let i = item?.index, item?.list == .carers, a.carers.indices.contains(i) else { return }
        body(&a.carers[i])
    }

    static func updateMember(_ a: inout Assessment, _ item: FormItem?, _ body: (inout Assessment.HouseholdMember) -> Void) {
        guard let i = item?.index, item?.list == .household, a.household.indices.contains(i) else { return }
        body(&a.household[i])
    }

    static func updateAgency(_ a: inout Assessment, _ item: FormItem?, _ body: (inout Assessment.Agency) -> Void) {
        guard let i = item?.index, item?.list == .agencies, a.agencies.indices.contains(i) else { return }
        body(&a.agencies[i])
    }

    static func count(_ list: FormList, in a: Assessment) -> Int {
        switch list {
        case .carers: a.carers.count
        case .household: a.household.count
        case .agencies: a.agencies.count
        }
    }

    /// An entry left with nothing written is not worth keeping.
    static func isBlank(_ item: FormItem, in a: Assessment) -> Bool {
        switch item.list {
        case .carers: carer(a, item) == Assessment.Carer()
        case .household: member(a, item) == Assessment.HouseholdMember()
        case .agencies: agency(a, item) == Assessment.Agency()
        }
    }

    static func remove(_ item: FormItem, from a: inout Assessment) {
        switch item.list {
        case .carers: if a.carers.indices.contains(item.index) { a.carers.remove(at: item.index) }
        case .household: if a.household.indices.contains(item.index) { a.household.remove(at: item.index) }
        case .agencies: if a.agencies.indices.contains(item.index) { a.agencies.remove(at: item.index) }
        }
    }
}

extension Wizard {
    /// Opens the form (and the list entry) a saved position names, with the cursor in range.
    static func resumeForm(_ s: inout WizardState, _ p: ResumePosition) {
        guard let page = FormPage(resumeName: p.screen), let a = s.assessment else { return }
        s.formPage = page
        if let row = p.row, let dash = row.lastIndex(of: "-"), let list = FormList(rawValue: String(row[..<dash])),
            let n = Int(row[row.index(after: dash)...]), list.page == page, (1...max(1, count(list, in: a))).contains(n),
            n <= count(list, in: a)
        {
            s.formItem = FormItem(list, n - 1)
        }
        s.cursor = min(max(0, p.cursor), formRows(s).count - 1)
    }
}

extension Wizard {
    /// An entry is open, or the selected row is one: `x` then removes it.
    static func entrySelected(_ s: WizardState) -> Bool {
        guard s.screen == .details, s.editor == nil else { return false }
        if s.formItem != nil { return true }
        let rows = formRows(s)
        guard rows.indices.contains(s.cursor), case .entry = rows[s.cursor] else { return false }
        return true
    }
}
