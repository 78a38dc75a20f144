/// The parts of a version 2 record that describe the people around the child and the basis for
/// sharing: kept apart from `Assessment.swift` so the levels and the referral details read apart.
extension Assessment {
    /// An answer that may not be known yet; "not known" is never read as "no".
    public enum YesNoNotKnown: String, Codable, Sendable, CaseIterable {
        case yes, no
        case notKnown = "not-known"
    }

    /// A parent or carer.
    public struct Carer: Codable, Sendable, Equatable {
        public var name: String = ""
        /// Mother, father, step-father, grandmother, foster carer …
        public var relationship: String = ""
        public var parentalResponsibility: YesNoNotKnown = .notKnown
        public var livesWithChild: YesNoNotKnown = .notKnown
        public var contact: String = ""
        public init(
            name: String = "", relationship: String = "", parentalResponsibility: YesNoNotKnown = .notKnown,
            livesWithChild: YesNoNotKnown = .notKnown, contact: String = ""
        ) {
            self.name = name
            self.relationship = relationship
            self.parentalResponsibility = parentalResponsibility
            self.livesWithChild = livesWithChild
            self.contact = contact
        }
    }

    /// Someone else in the household, or a sibling wherever they live.
    public struct HouseholdMember: Codable, Sendable, Equatable {
        public var name: String = ""
        public var relationship: String = ""
        public var sibling: Bool = false
        public var livesWithChild: YesNoNotKnown = .notKnown
        /// YYYY-MM-DD when known.
        public var dateOfBirth: String?
        public init(
            name: String = "", relationship: String = "", sibling: Bool = false, livesWithChild: YesNoNotKnown = .notKnown,
            dateOfBirth: String? = nil
        ) {
            self.name = name
            self.relationship = relationship
            self.sibling = sibling
            self.livesWithChild = livesWithChild
            self.dateOfBirth = dateOfBirth
        }
    }

    /// Another agency involved ("at all levels … contact should be made with other agencies").
    public struct Agency: Codable, Sendable, Equatable {
        public var agency: String = ""
        public var worker: String = ""
        public var contact: String = ""
        /// What they do for the child or family.
        public var role: String = ""
        public init(agency: String = "", worker: String = "", contact: String = "", role: String = "") {
            self.agency = agency
            self.worker = worker
            self.contact = contact
            self.role = role
        }
    }

    /// Sharing information: the lawful basis, and whether the family was told.
    ///
    /// Separate from the family's agreement (`consent`): current information-sharing advice says
    /// consent is "not usually the appropriate legal basis" for sharing in safeguarding.
    public struct Sharing: Codable, Sendable, Equatable {
        public var lawfulBasis: LawfulBasis?
        /// What the basis is when `other`, or any detail worth adding.
        public var lawfulBasisDetail: String = ""
        public var familyTold: YesNoNotKnown = .notKnown
        /// Why the family was not told (seed 004: reasons for going ahead without parental
        /// agreement "must be recorded and shared with the parent/carer").
        public var notToldReason: String = ""
        public init() {}
    }

    /// The documented list of lawful bases (UK GDPR Article 6(1)) with "other".
    public enum LawfulBasis: String, Codable, Sendable, CaseIterable {
        case publicTask = "public-task"
        case legalObligation = "legal-obligation"
        case vitalInterests = "vital-interests"
        case legitimateInterests = "legitimate-interests"
        case consent
        case other

        public var label: String {
            switch self {
            case .publicTask: "public task (UK GDPR Art. 6(1)(e))"
            case .legalObligation: "legal obligation (UK GDPR Art. 6(1)(c))"
            case .vitalInterests: "vital interests (UK GDPR Art. 6(1)(d))"
            case .legitimateInterests: "legitimate interests (UK GDPR Art. 6(1)(f))"
            case .consent: "consent (UK GDPR Art. 6(1)(a))"
            case .other: "other"
            }
        }
    }
}
