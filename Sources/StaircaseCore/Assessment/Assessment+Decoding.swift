/// Decoding that lets optional parts of an assessment be left out of a hand-written file:
/// only the schema version, id, timestamps and catalogue are required, as the schema says.
extension Assessment {
    enum CodingKeys: String, CodingKey {
        case schemaVersion, id, createdAt, updatedAt, training, catalogue, child, referrer, leadProfessional
        case consent, immediateDanger, answers, strengths, childsVoice, concernCategories, needsCannotBeMetAtHome, decision
        case resumeAt
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id), createdAt: try c.decode(String.self, forKey: .createdAt),
            catalogue: try c.decode(CatalogueReference.self, forKey: .catalogue))
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        updatedAt = try c.decode(String.self, forKey: .updatedAt)
        training = try c.decodeIfPresent(Bool.self, forKey: .training) ?? false
        child = try c.decodeIfPresent(Child.self, forKey: .child) ?? Child()
        referrer = try c.decodeIfPresent(Referrer.self, forKey: .referrer) ?? Referrer()
        leadProfessional = try c.decodeIfPresent(LeadProfessional.self, forKey: .leadProfessional) ?? LeadProfessional()
        consent = try c.decodeIfPresent(Consent.self, forKey: .consent) ?? Consent()
        immediateDanger = try c.decodeIfPresent(ImmediateDanger.self, forKey: .immediateDanger) ?? .notKnown
        answers = try c.decodeIfPresent([String: Answer].self, forKey: .answers) ?? [:]
        strengths = try c.decodeIfPresent(String.self, forKey: .strengths) ?? ""
        childsVoice = try c.decodeIfPresent(String.self, forKey: .childsVoice) ?? ""
        concernCategories = try c.decodeIfPresent([String].self, forKey: .concernCategories) ?? []
        needsCannotBeMetAtHome = try c.decodeIfPresent(Bool.self, forKey: .needsCannotBeMetAtHome) ?? false
        decision = try c.decodeIfPresent(Decision.self, forKey: .decision)
        resumeAt = try c.decodeIfPresent(ResumePosition.self, forKey: .resumeAt)
    }
}

extension Assessment.Child {
    enum CodingKeys: String, CodingKey { case name, dateOfBirth, unborn, expectedDate }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        dateOfBirth = try c.decodeIfPresent(String.self, forKey: .dateOfBirth)
        unborn = try c.decodeIfPresent(Bool.self, forKey: .unborn) ?? false
        expectedDate = try c.decodeIfPresent(String.self, forKey: .expectedDate)
    }
}

extension Assessment.Referrer {
    enum CodingKeys: String, CodingKey { case name, agency, role, contact }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        agency = try c.decodeIfPresent(String.self, forKey: .agency) ?? ""
        role = try c.decodeIfPresent(String.self, forKey: .role) ?? ""
        contact = try c.decodeIfPresent(String.self, forKey: .contact) ?? ""
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

extension Assessment.Answer {
    enum CodingKeys: String, CodingKey { case rating, note }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try c.decode(Rating.self, forKey: .rating), note: try c.decodeIfPresent(String.self, forKey: .note) ?? "")
    }
}
