#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One assessment of one child: what the wizard saves after every change, what `score` and
/// `export` read. Dates are ISO 8601 strings ("2026-11-23", "2026-11-23T14:05:00+01:00") with
/// the offset where the time was recorded, so the file gives the same bytes in any time zone.
///
/// Schema version 2 (see Data/assessment.schema.json) added what a referral needs beyond the
/// levels: where the child is, the carers, household, agencies, the referrer's phone and e-mail,
/// and the lawful basis for sharing. Version 3 adds what Durham's referral procedure asks for:
/// the worry and the request in the referrer's words, what is working well (version 2's
/// "strengths", now also per domain), the four household questions and a dated chronology.
/// Version 1 and 2 files are read and migrated on decoding.
public struct Assessment: Codable, Sendable, Equatable {
    public static let currentSchemaVersion = 3
    /// Versions the loader reads; older ones are migrated to the current one as they are decoded.
    public static let readableSchemaVersions = 1...3

    public var schemaVersion: Int = Assessment.currentSchemaVersion
    /// Stable id, also the saved file's name.
    public var id: String
    /// Links assessments of the same child (`c-` and 20 random characters); nil only in a
    /// version 1 file not yet saved again, which gets one the first time the wizard opens it.
    public var childKey: String?
    public var createdAt: String
    public var updatedAt: String
    /// A training-workshop run rather than a real case.
    public var training: Bool = false
    public var catalogue: CatalogueReference
    public var child: Child = Child()
    public var referrer: Referrer = Referrer()
    public var leadProfessional: LeadProfessional = LeadProfessional()
    public var consent: Consent = Consent()
    public var immediateDanger: ImmediateDanger = .notKnown
    /// Indicator id → answer. A row with no entry is not yet assessed.
    public var answers: [String: Answer] = [:]
    /// "What are you worried about, and how and why has it arisen?", in the referrer's words.
    public var worry: String = ""
    /// "What is working well?": the strengths and protective factors, overall and per domain.
    public var workingWell: WorkingWell = WorkingWell()
    /// "What help do you think the child needs, or what are you asking First Contact for?"
    public var request: HelpRequest = HelpRequest()
    /// The four household questions, keyed by the catalogue's `householdQuestions` ids; a
    /// question with no entry has not been asked yet.
    public var householdDifficulties: [String: HouseholdAnswer] = [:]
    /// Significant events, in the order they were entered (`Chronology.sorted` gives date order;
    /// files list them in date order).
    public var chronology: [ChronologyEvent] = []
    /// The child's wishes and feelings, in their own words.
    public var childsVoice: String = ""
    /// At Level 4: the categories of concern (ids from the catalogue's `concernCategories`).
    public var concernCategories: [String] = []
    /// The practitioner judges that the child's needs cannot be met safely at home (step 5).
    public var needsCannotBeMetAtHome: Bool = false
    public var decision: Decision?
    /// The level, step and reason chosen on the decision screen but not yet recorded with Enter,
    /// so a closed terminal loses none of them. Never a decision: no summary or score reads it.
    public var draftDecision: DraftDecision?
    /// Where the wizard was when this was last saved; optional, and not part of any summary.
    public var resumeAt: ResumePosition?
    /// Parents and carers, in the order the practitioner gave them.
    public var carers: [Carer] = []
    /// Other members of the household, and siblings wherever they live.
    public var household: [HouseholdMember] = []
    /// Other agencies involved with the child or family.
    public var agencies: [Agency] = []
    /// The lawful basis for sharing and whether the family was told: apart from `consent`,
    /// which is the family's agreement to the referral.
    public var sharing: Sharing = Sharing()
    /// When the full summary was last exported, and in which format; nil: never (or before
    /// exports were recorded). Never part of a summary.
    public var lastExport: ExportRecord?

    public init(id: String, createdAt: String, catalogue: CatalogueReference, childKey: String? = nil) {
        self.id = id
        self.childKey = childKey
        self.createdAt = createdAt
        self.updatedAt = createdAt
        self.catalogue = catalogue
    }

    public struct CatalogueReference: Codable, Sendable, Equatable {
        public var id: String
        public var version: String
        public init(id: String, version: String) {
            self.id = id
            self.version = version
        }
    }

    public struct Child: Codable, Sendable, Equatable {
        /// Name or initials.
        public var name: String = ""
        public var dateOfBirth: String?
        public var unborn: Bool = false
        public var expectedDate: String?
        /// Where the child is now (at school, at home, in hospital, with a relative …).
        public var whereNow: String = ""
        public var address: String = ""
        public var communicationNeeds: String = ""
        public var firstLanguage: String = ""
        public var interpreterNeeded: YesNoNotKnown = .notKnown
        /// Any disability, in the practitioner's words; empty when none is known.
        public var disability: String = ""
        public init() {}
    }

    public struct Referrer: Codable, Sendable, Equatable {
        public var name: String = ""
        public var agency: String = ""
        public var role: String = ""
        /// Any other way to reach the referrer; version 1's single contact field when it was
        /// neither a phone number nor an e-mail address.
        public var contact: String = ""
        public var phone: String = ""
        public var email: String = ""
        public init() {}

        /// Phone, e-mail and any other contact as one "a; b; c" line, for a form with a single
        /// contact field; setting it sorts each part into the field it plainly belongs to.
        public var combinedContact: String {
            get { [phone, email, contact].filter { !$0.isEmpty }.joined(separator: "; ") }
            set {
                phone = ""
                email = ""
                contact = ""
                Assessment.sortContact(newValue, into: &self)
            }
        }
    }

    /// Whether a Team Around the Family with a Lead Professional already exists.
    public struct LeadProfessional: Codable, Sendable, Equatable {
        public var tafExists: Bool = false
        public var name: String = ""
        public init() {}
    }

    public struct Consent: Codable, Sendable, Equatable {
        public var status: Status = .notYetAsked
        /// Required when not sought: why seeking it would put the child at risk.
        public var reason: String = ""
        public init() {}

        public enum Status: String, Codable, Sendable, CaseIterable {
            case given = "given"
            case refused = "refused"
            case notSought = "not-sought"
            case notYetAsked = "not-yet-asked"
        }
    }

    public enum ImmediateDanger: String, Codable, Sendable, CaseIterable {
        case yes, no
        case notKnown = "not-known"
    }

    /// A practitioner's answer for one row.
    public struct Answer: Codable, Sendable, Equatable {
        public var rating: Rating
        public var note: String = ""
        /// On a re-assessment: the answer this row had last time. While `rating` is
        /// `.notAssessed` the answer is carried forward and waits for the practitioner to confirm
        /// or change it, so it never counts; once answered it stays as the earlier reading.
        public var earlier: Earlier?
        /// Why the row differs from last time, when the practitioner says (CANS's distinction).
        public var changeReason: ChangeReason?
        /// The practitioner confirmed that a row the catalogue gives for another age applies to
        /// this child: only then does its level count (`ScoringEngine.dense`).
        public var confirmedForAge = false
        public init(
            _ rating: Rating, note: String = "", earlier: Earlier? = nil, changeReason: ChangeReason? = nil, confirmedForAge: Bool = false
        ) {
            self.rating = rating
            self.note = note
            self.earlier = earlier
            self.changeReason = changeReason
            self.confirmedForAge = confirmedForAge
        }

        /// Carried forward from an earlier assessment and not yet confirmed or changed.
        public var isCarriedUnconfirmed: Bool { rating == .notAssessed && earlier != nil }
    }

    /// A row's answer on the assessment this one was carried forward from.
    public struct Earlier: Codable, Sendable, Equatable {
        /// A level or "not applicable": "not yet assessed" is never carried.
        public var rating: Rating
        /// The day of that assessment's decision (or last change), "2026-08-14".
        public var on: String
        /// That assessment's id.
        public var assessment: String
        public init(rating: Rating, on: String, assessment: String) {
            self.rating = rating
            self.on = on
            self.assessment = assessment
        }

        /// "to confirm (was Level 3 on 2026-08-14)": the wizard's and the summary's wording.
        public var toConfirmLabel: String { "to confirm (was \(rating.label) on \(on))" }
    }

    /// A change since last time is a real change in the child's life, or better information
    /// about what was already so (CANS guidance warns the two look alike).
    public enum ChangeReason: String, Codable, Sendable, CaseIterable {
        case realChange = "real-change"
        case newInformation = "new-information"

        public var label: String {
            switch self {
            case .realChange: "real change"
            case .newInformation: "new information"
            }
        }
    }

    /// A decision being made: what the decision screen shows until Enter records it.
    public struct DraftDecision: Codable, Sendable, Equatable {
        public var level: Int
        public var step: Int
        public var reason: String
        /// The decision and proposal the reason was written for, which may not be this draft's:
        /// a reason written for Level 3 and kept while Level 2 is chosen must be read again before
        /// it is recorded as why Level 2 differs, after a resume as much as before it.
        public var reasonFor: ReasonContext?
        public init(level: Int, step: Int, reason: String, reasonFor: ReasonContext? = nil) {
            self.level = level
            self.step = step
            self.reason = reason
            self.reasonFor = reasonFor
        }
    }

    /// A decision (level, step) and the proposal (level, step) it was made against.
    public struct ReasonContext: Codable, Sendable, Equatable {
        public var level: Int
        public var step: Int
        public var proposedLevel: Int
        public var proposedStep: Int
        public init(level: Int, step: Int, proposedLevel: Int, proposedStep: Int) {
            self.level = level
            self.step = step
            self.proposedLevel = proposedLevel
            self.proposedStep = proposedStep
        }
    }

    /// The decided level and step; a difference from the proposal needs a reason.
    public struct Decision: Codable, Sendable, Equatable {
        public var level: Int
        public var step: Int
        public var reason: String
        public var decidedAt: String
        /// The proposal the decision was made against (0 when there was none); nil in a file
        /// written before this was kept. A different proposal now makes the decision stale.
        public var proposedLevel: Int?
        public var proposedStep: Int?
        public init(level: Int, step: Int, reason: String, decidedAt: String, proposedLevel: Int? = nil, proposedStep: Int? = nil) {
            self.level = level
            self.step = step
            self.reason = reason
            self.decidedAt = decidedAt
            self.proposedLevel = proposedLevel
            self.proposedStep = proposedStep
        }

        /// Whether this decision was made against a proposal other than `p`. A decision from
        /// before the proposal was kept cannot tell, and is not called stale.
        /// What its reason was written for: this decision against the proposal kept with it.
        public var reasonContext: ReasonContext {
            ReasonContext(level: level, step: step, proposedLevel: proposedLevel ?? 0, proposedStep: proposedStep ?? 0)
        }

        public func isStale(against p: Proposal) -> Bool {
            guard let proposedLevel else { return false }
            return proposedLevel != (p.level ?? 0) || (proposedStep ?? 0) != (p.step ?? 0)
        }

        /// "Level 3, step 3", or "no proposal".
        public var proposedWords: String {
            guard let proposedLevel, proposedLevel > 0 else { return "no proposal" }
            return "Level \(proposedLevel), step \(proposedStep ?? 0)"
        }
    }
}

/// A level for one row, "not applicable", or "not yet assessed" (which never counts as Level 1).
public enum Rating: String, Codable, Sendable, CaseIterable {
    case notAssessed = "not-assessed"
    case notApplicable = "not-applicable"
    case level1 = "1"
    case level2 = "2"
    case level3 = "3"
    case level4 = "4"

    public init?(level: Int) {
        switch level {
        case 1: self = .level1
        case 2: self = .level2
        case 3: self = .level3
        case 4: self = .level4
        default: return nil
        }
    }

    /// 1–4, or nil for not applicable / not assessed.
    public var level: Int? {
        switch self {
        case .level1: 1
        case .level2: 2
        case .level3: 3
        case .level4: 4
        case .notAssessed, .notApplicable: nil
        }
    }

    public var label: String {
        switch self {
        case .notAssessed: "not yet assessed"
        case .notApplicable: "not applicable"
        default: "Level \(level ?? 0)"
        }
    }
}

extension Assessment {
    public func rating(of id: String) -> Rating { answers[id]?.rating ?? .notAssessed }
}
