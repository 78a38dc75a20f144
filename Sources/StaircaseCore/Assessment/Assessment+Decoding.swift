/// Decoding that lets optional parts of an assessment be left out of a hand-written file (only
/// what the schema requires must be there), and migrates a version 1 file to version 2 as it is
/// read. Unknown keys, types, lengths and formats are checked before this by `AssessmentShape`.
extension Assessment {
    enum CodingKeys: String, CodingKey {
        case schemaVersion, id, childKey, createdAt, updatedAt, training, catalogue, child, referrer, leadProfessional
        case consent, sharing, immediateDanger, answers, strengths, childsVoice, concernCategories, needsCannotBeMetAtHome, decision
        case carers, household, agencies, resumeAt, draftDecision, lastExport
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
        strengths = try c.decodeIfPresent(String.self, forKey: .strengths) ?? ""
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
