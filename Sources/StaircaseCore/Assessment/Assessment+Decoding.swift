/// Decoding that lets optional parts of an assessment be left out of a hand-written file (only
/// what the schema requires must be there), and migrates a version 1 file to version 2 as it is
/// read, and a version 2 file to version 3. Unknown keys, types, lengths and formats are checked before this by `AssessmentShape`.
extension Assessment {
    enum CodingKeys: String, CodingKey {
        case schemaVersion, id, childKey, createdAt, updatedAt, training, catalogue, child, referrer, leadProfessional
        case consent, sharing, immediateDanger, answers, childsVoice, concernCategories, needsCannotBeMetAtHome, decision
        case carers, household, agencies, resumeAt, draftDecision, lastExport
        case worry, workingWell, request, householdDifficulties, chronology
        /// Version 1 and 2's single field for what is working well; read, never written.
        case strengths
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id), createdAt: try c.decode(String.self, forKey: .createdAt),
            catalogue: try c.decode(CatalogueReference.self, forKey: .catalogue))
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        childKey = try c.decodeIfPresent(String.self, forKey: .childKey)
        updatedAt = try c.decode(String.self, forKey: .updatedAt)
        training = try c.decodeIfPresent(Bool.self, forKey: .training) ?? false
        child = try c.decodeIfPresent(Child.self, forKey: .child) ?? Child()
        referrer = try c.decodeIfPresent(Referrer.self, forKey: .referrer) ?? Referrer()
        leadProfessional = try c.decodeIfPresent(LeadProfessional.self, forKey: .leadProfessional) ?? LeadProfessional()
        consent = try c.decodeIfPresent(Consent.self, forKey: .consent) ?? Consent()
        sharing = try c.decodeIfPresent(Sharing.self, forKey: .sharing) ?? Sharing()
        immediateDanger = try c.decodeIfPresent(ImmediateDanger.self, forKey: .immediateDanger) ?? .notKnown
        answers = try c.decodeIfPresent([String: Answer].self, forKey: .answers) ?? [:]
        worry = try c.decodeIfPresent(String.self, forKey: .worry) ?? ""
        workingWell = try c.decodeIfPresent(WorkingWell.self, forKey: .workingWell) ?? WorkingWell()
        request = try c.decodeIfPresent(HelpRequest.self, forKey: .request) ?? HelpRequest()
        householdDifficulties = try c.decodeIfPresent([String: HouseholdAnswer].self, forKey: .householdDifficulties) ?? [:]
        chronology = try c.decodeIfPresent([ChronologyEvent].self, forKey: .chronology) ?? []
        childsVoice = try c.decodeIfPresent(String.self, forKey: .childsVoice) ?? ""
        concernCategories = try c.decodeIfPresent([String].self, forKey: .concernCategories) ?? []
        needsCannotBeMetAtHome = try c.decodeIfPresent(Bool.self, forKey: .needsCannotBeMetAtHome) ?? false
        decision = try c.decodeIfPresent(Decision.self, forKey: .decision)
        resumeAt = try c.decodeIfPresent(ResumePosition.self, forKey: .resumeAt)
        draftDecision = try c.decodeIfPresent(DraftDecision.self, forKey: .draftDecision)
        carers = try c.decodeIfPresent([Carer].self, forKey: .carers) ?? []
        household = try c.decodeIfPresent([HouseholdMember].self, forKey: .household) ?? []
        agencies = try c.decodeIfPresent([Agency].self, forKey: .agencies) ?? []
        lastExport = try c.decodeIfPresent(ExportRecord.self, forKey: .lastExport)
        if schemaVersion == 1 { migrateFromVersionOne() }
        if schemaVersion == 2 {
            migrateFromVersionTwo(strengths: try c.decodeIfPresent(String.self, forKey: .strengths) ?? "")
        }
    }

    /// Writes version 3: every field, the chronology in date order (equal dates in the order
    /// they were entered), and never version 2's `strengths`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(childKey, forKey: .childKey)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(training, forKey: .training)
        try c.encode(catalogue, forKey: .catalogue)
        try c.encode(child, forKey: .child)
        try c.encode(referrer, forKey: .referrer)
        try c.encode(leadProfessional, forKey: .leadProfessional)
        try c.encode(consent, forKey: .consent)
        try c.encode(sharing, forKey: .sharing)
        try c.encode(immediateDanger, forKey: .immediateDanger)
        try c.encode(answers, forKey: .answers)
        try c.encode(worry, forKey: .worry)
        try c.encode(workingWell, forKey: .workingWell)
        try c.encode(request, forKey: .request)
        try c.encode(householdDifficulties, forKey: .householdDifficulties)
        try c.encode(Chronology.sorted(chronology), forKey: .chronology)
        try c.encode(childsVoice, forKey: .childsVoice)
        try c.encode(concernCategories, forKey: .concernCategories)
        try c.encode(needsCannotBeMetAtHome, forKey: .needsCannotBeMetAtHome)
        try c.encodeIfPresent(decision, forKey: .decision)
        try c.encodeIfPresent(draftDecision, forKey: .draftDecision)
        try c.encodeIfPresent(resumeAt, forKey: .resumeAt)
        try c.encode(carers, forKey: .carers)
        try c.encode(household, forKey: .household)
        try c.encode(agencies, forKey: .agencies)
        try c.encodeIfPresent(lastExport, forKey: .lastExport)
    }

    /// Version 2 → 3: the strengths become what is working well overall; the worry, the request,
    /// the household questions and the chronology start empty (unasked), never guessed.
    mutating func migrateFromVersionTwo(strengths: String) {
        schemaVersion = 3
        if workingWell.overall.isEmpty { workingWell.overall = strengths }
    }

    /// Version 1 → 2: the referrer's one contact field becomes a phone number or an e-mail
    /// address when it is plainly one of them (otherwise it stays as "other contact"); every other
    /// field keeps its name and meaning, and the new ones start empty or "not known".
    mutating func migrateFromVersionOne() {
        schemaVersion = 2
        let contact = referrer.contact.trimmingSpaces
        if Self.looksLikeEmail(contact) && referrer.email.isEmpty {
            referrer.email = contact
            referrer.contact = ""
        } else if Self.looksLikePhone(contact) && referrer.phone.isEmpty {
            referrer.phone = contact
            referrer.contact = ""
        }
    }

    /// Sorts one "phone or e-mail" entry into the referrer's fields, as migration does.
    static func sortContact(_ text: String, into r: inout Referrer) {
        for part in text.split(separator: ";").map({ String($0).trimmingSpaces }) where !part.isEmpty {
            if looksLikeEmail(part) && r.email.isEmpty {
                r.email = part
            } else if looksLikePhone(part) && r.phone.isEmpty {
                r.phone = part
            } else {
                r.contact = r.contact.isEmpty ? part : r.contact + "; " + part
            }
        }
    }

    static func looksLikeEmail(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !s.contains(where: \.isWhitespace)
    }

    static func looksLikePhone(_ s: String) -> Bool {
        let digits = s.filter(\.isNumber).count
        return digits >= 3 && s.allSatisfy { $0.isNumber || " +()-.".contains($0) }
    }
}

extension String {
    var trimmingSpaces: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}

extension Assessment.Child {
    enum CodingKeys: String, CodingKey {
        case name, dateOfBirth, unborn, expectedDate, whereNow, address, communicationNeeds, firstLanguage, interpreterNeeded, disability
    }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        dateOfBirth = try c.decodeIfPresent(String.self, forKey: .dateOfBirth)
        unborn = try c.decodeIfPresent(Bool.self, forKey: .unborn) ?? false
        expectedDate = try c.decodeIfPresent(String.self, forKey: .expectedDate)
        whereNow = try c.decodeIfPresent(String.self, forKey: .whereNow) ?? ""
        address = try c.decodeIfPresent(String.self, forKey: .address) ?? ""
        communicationNeeds = try c.decodeIfPresent(String.self, forKey: .communicationNeeds) ?? ""
        firstLanguage = try c.decodeIfPresent(String.self, forKey: .firstLanguage) ?? ""
        interpreterNeeded = try c.decodeIfPresent(Assessment.YesNoNotKnown.self, forKey: .interpreterNeeded) ?? .notKnown
        disability = try c.decodeIfPresent(String.self, forKey: .disability) ?? ""
    }
}

extension Assessment.Referrer {
    enum CodingKeys: String, CodingKey { case name, agency, role, contact, phone, email }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        agency = try c.decodeIfPresent(String.self, forKey: .agency) ?? ""
        role = try c.decodeIfPresent(String.self, forKey: .role) ?? ""
        contact = try c.decodeIfPresent(String.self, forKey: .contact) ?? ""
        phone = try c.decodeIfPresent(String.self, forKey: .phone) ?? ""
        email = try c.decodeIfPresent(String.self, forKey: .email) ?? ""
    }
}

extension Assessment.LeadProfessional {
    enum CodingKeys: String, CodingKey { case tafExists, name }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        tafExists = try c.decodeIfPresent(Bool.self, forKey: .tafExists) ?? false
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
    }
}

extension Assessment.Consent {
    enum CodingKeys: String, CodingKey { case status, reason }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        status = try c.decodeIfPresent(Status.self, forKey: .status) ?? .notYetAsked
        reason = try c.decodeIfPresent(String.self, forKey: .reason) ?? ""
    }
}

extension Assessment.Sharing {
    enum CodingKeys: String, CodingKey { case lawfulBasis, lawfulBasisDetail, familyTold, notToldReason }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        lawfulBasis = try c.decodeIfPresent(Assessment.LawfulBasis.self, forKey: .lawfulBasis)
        lawfulBasisDetail = try c.decodeIfPresent(String.self, forKey: .lawfulBasisDetail) ?? ""
        familyTold = try c.decodeIfPresent(Assessment.YesNoNotKnown.self, forKey: .familyTold) ?? .notKnown
        notToldReason = try c.decodeIfPresent(String.self, forKey: .notToldReason) ?? ""
    }
}

extension Assessment.Carer {
    enum CodingKeys: String, CodingKey { case name, relationship, parentalResponsibility, livesWithChild, contact }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decodeIfPresent(String.self, forKey: .name) ?? "",
            relationship: try c.decodeIfPresent(String.self, forKey: .relationship) ?? "",
            parentalResponsibility: try c.decodeIfPresent(Assessment.YesNoNotKnown.self, forKey: .parentalResponsibility) ?? .notKnown,
            livesWithChild: try c.decodeIfPresent(Assessment.YesNoNotKnown.self, forKey: .livesWithChild) ?? .notKnown,
            contact: try c.decodeIfPresent(String.self, forKey: .contact) ?? "")
    }
}

extension Assessment.HouseholdMember {
    enum CodingKeys: String, CodingKey { case name, relationship, sibling, livesWithChild, dateOfBirth }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decodeIfPresent(String.self, forKey: .name) ?? "",
            relationship: try c.decodeIfPresent(String.self, forKey: .relationship) ?? "",
            sibling: try c.decodeIfPresent(Bool.self, forKey: .sibling) ?? false,
            livesWithChild: try c.decodeIfPresent(Assessment.YesNoNotKnown.self, forKey: .livesWithChild) ?? .notKnown,
            dateOfBirth: try c.decodeIfPresent(String.self, forKey: .dateOfBirth))
    }
}

extension Assessment.Agency {
    enum CodingKeys: String, CodingKey { case agency, worker, contact, role }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            agency: try c.decodeIfPresent(String.self, forKey: .agency) ?? "",
            worker: try c.decodeIfPresent(String.self, forKey: .worker) ?? "",
            contact: try c.decodeIfPresent(String.self, forKey: .contact) ?? "",
            role: try c.decodeIfPresent(String.self, forKey: .role) ?? "")
    }
}

extension Assessment.Answer {
    enum CodingKeys: String, CodingKey { case rating, note, earlier, changeReason, confirmedForAge }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try c.decode(Rating.self, forKey: .rating), note: try c.decodeIfPresent(String.self, forKey: .note) ?? "",
            earlier: try c.decodeIfPresent(Assessment.Earlier.self, forKey: .earlier),
            changeReason: try c.decodeIfPresent(Assessment.ChangeReason.self, forKey: .changeReason),
            confirmedForAge: try c.decodeIfPresent(Bool.self, forKey: .confirmedForAge) ?? false)
    }

    /// As before, with `confirmedForAge` written only when set, so files without it stay as they were.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rating, forKey: .rating)
        try c.encode(note, forKey: .note)
        try c.encodeIfPresent(earlier, forKey: .earlier)
        try c.encodeIfPresent(changeReason, forKey: .changeReason)
        if confirmedForAge { try c.encode(true, forKey: .confirmedForAge) }
    }
}
