/// Everything the referral summary says, already chosen, ordered and sanitised.
///
/// One model for every format: its `Codable` form *is* the JSON export (documented by
/// Data/summary.schema.json), and the Markdown, text and HTML renderers only lay it out, so the
/// formats can never disagree about content. Built by `ReferralSummary.build`.
public struct ReferralSummary: Codable, Sendable, Equatable {
    /// Bumped when the JSON shape changes incompatibly.
    public static let currentFormat = 3
    public static let documentTitle = "Children's Services referral summary"

    public var format: Int
    public var title: String
    public var assessmentId: String
    /// Links summaries of the same child; omitted for a version 1 file not yet saved again.
    public var childKey: String?
    /// ISO 8601, from the decision (or the last change): never the clock, so exports repeat exactly.
    public var dateTime: String
    public var dateSource: DateSource
    public var catalogue: CatalogueInfo
    public var training: Bool
    public var redacted: Bool
    /// When redacted: the kinds of name replaced ("child", "carer", …).
    public var redactedKinds: [String]
    public var immediateDanger: ImmediateDanger
    public var child: Child
    public var referrer: Referrer
    public var teamAroundTheFamily: TeamAroundTheFamily
    public var consent: Consent
    public var sharing: Sharing
    public var carers: [Carer]
    public var household: [HouseholdMember]
    public var agencies: [Agency]
    /// The engine's proposal; nil when no row has been assessed.
    public var proposed: Placement?
    public var proposalReasons: [String]
    /// The practitioner's decision; nil when not yet decided.
    public var decided: Placement?
    public var decisionReason: String
    public var differsFromProposal: Bool
    /// When the decision was made against an earlier proposal ("Level 3, step 3"): its reason
    /// was written for that one, and is never shown as a reason for differing from this one.
    public var decidedAgainst: String? = nil
    /// For the decided level (the proposed one while undecided), as the catalogue states it.
    public var courseOfAction: Course?
    public var domains: [DomainSummary]
    /// The services linked from the cells of the rows above Level 1, each once, in row order.
    public var informationLinks: [Link]
    /// "What is working well?", overall and per domain (version 2's "strengths" is `overall`).
    public var workingWell: WorkingWell
    public var childsVoice: String
    /// "What are you worried about, and how and why has it arisen?", in the referrer's words.
    public var worry: String
    /// The help asked of First Contact: the common kinds ticked and the request in words.
    public var request: Request
    /// The four household questions of the First Contact procedure, each answered or "not asked".
    public var householdDifficulties: [HouseholdDifficulty]
    /// The significant events, in date order (`Chronology.sorted`).
    public var chronology: [Event]
    public var flags: [Flag]
    public var completeness: Completeness
    /// At Level 4 only: the categories of concern chosen, by name.
    public var concernCategories: [ConcernCategory]
    /// What the reader must know is missing or odd, e.g. a Level 4 decision with no category.
    public var warnings: [String]
    /// What changed since the newest earlier assessment of the same child; omitted for a first one.
    public var sinceLastTime: AssessmentComparison? = nil
    /// Every assessment of the child so far, oldest first, this one included; omitted when
    /// there is no earlier one.
    public var journey: [JourneyPoint]? = nil
    /// What the referral still lacks ("no phone number for the referrer"), from `ReferralGaps`:
    /// the same list the review and export screens show.
    public var stillLacks: [String] = []

    public enum DateSource: String, Codable, Sendable {
        case decision
        case lastChange = "last-change"
    }

    public struct CatalogueInfo: Codable, Sendable, Equatable {
        public var id: String
        public var version: String
        public var title: String
        /// The first word of the authority ("Durham"), to label the document's descriptors.
        public var shortName: String
    }

    /// The gate answer and, when it is yes, who to call (the catalogue's contacts with a phone).
    public struct ImmediateDanger: Codable, Sendable, Equatable {
        public var status: Assessment.ImmediateDanger
        public var advice: [Contact]
    }

    public struct Contact: Codable, Sendable, Equatable {
        public var name: String
        public var phone: String
        public var email: String?
        public var when: String
    }

    /// When redacted: initials, no date of birth, exact age or address, only the age band.
    public struct Child: Codable, Sendable, Equatable {
        public var name: String
        public var dateOfBirth: String?
        public var unborn: Bool
        public var expectedDate: String?
        /// "7 months", "4 years", "unborn (due 2027-01-10)", at the summary's date.
        public var age: String?
        /// "under 1", "1–4", "5–10", "11–15", "16–19", "20 or over", "unborn"; nil when unknown.
        public var ageBand: String?
        public var whereNow: String
        /// Omitted when redacted.
        public var address: String?
        public var communicationNeeds: String
        public var firstLanguage: String
        public var interpreterNeeded: Assessment.YesNoNotKnown
        public var disability: String
    }

    /// When redacted: initials, and no contact details.
    public struct Referrer: Codable, Sendable, Equatable {
        public var name: String
        public var agency: String
        public var role: String
        public var contact: String?
        public var phone: String?
        public var email: String?
    }

    /// When redacted: initials, and no contact details.
    public struct Carer: Codable, Sendable, Equatable {
        public var name: String
        public var relationship: String
        public var parentalResponsibility: Assessment.YesNoNotKnown
        public var livesWithChild: Assessment.YesNoNotKnown
        public var contact: String?
    }

    /// When redacted: initials, and no date of birth.
    public struct HouseholdMember: Codable, Sendable, Equatable {
        public var name: String
        public var relationship: String
        public var sibling: Bool
        public var livesWithChild: Assessment.YesNoNotKnown
        public var dateOfBirth: String?
    }

    /// When redacted: the worker's initials, and no contact details.
    public struct Agency: Codable, Sendable, Equatable {
        public var agency: String
        public var worker: String
        public var contact: String?
        public var role: String
    }

    public struct Sharing: Codable, Sendable, Equatable {
        public var lawfulBasis: Assessment.LawfulBasis?
        public var lawfulBasisDetail: String
        public var familyTold: Assessment.YesNoNotKnown
        public var notToldReason: String
    }

    public struct TeamAroundTheFamily: Codable, Sendable, Equatable {
        public var exists: Bool
        public var leadProfessional: String
    }

    public struct Consent: Codable, Sendable, Equatable {
        public var status: Assessment.Consent.Status
        public var reason: String
    }

    /// A level and step with the document's names for them.
    public struct Placement: Codable, Sendable, Equatable {
        public var level: Int
        public var step: Int
        public var levelName: String
        public var stepName: String
    }

    public struct Course: Codable, Sendable, Equatable {
        public var level: Int
        /// Whether the level is the practitioner's decision or, while undecided, the proposal.
        public var basis: Basis
        public var steps: [Proposal.CourseStep]

        public enum Basis: String, Codable, Sendable {
            case decided, proposed
        }
    }

    /// One Assessment Framework domain: its rows above Level 1, the evidence notes written on
    /// rows at Level 1 or not applicable (a note is never dropped), its rows not yet assessed,
    /// and its rows judged not applicable (a reader must tell those from rows never looked at).
    public struct DomainSummary: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var rows: [Row]
        public var otherNotes: [NotedRow]
        public var notAssessed: [RowRef]
        public var notApplicable: [RowRef]
    }

    /// A row at Level 1 or not applicable that carries an evidence note (a strength seen, or why
    /// the row does not apply): the reader needs the note even though the row raises no need.
    public struct NotedRow: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        /// "Level 1" or "not applicable".
        public var answer: String
        public var note: String
    }

    /// A row assessed above Level 1: the document's descriptor at that level (its wording, not a
    /// description of this child) and the practitioner's evidence.
    public struct Row: Codable, Sendable, Equatable {
        public var id: String
        public var area: String
        public var title: String
        public var level: Int
        /// Empty when the document has no descriptor at this level.
        public var descriptor: String
        public var note: String
        /// Service ids; their names and addresses are in `informationLinks`.
        public var links: [String]
        /// The chronology's events linked to the row and the months they span ("3 events,
        /// June–November 2026"), so a reader can judge "persistent" or "repeated"; nil when none.
        public var events: String? = nil
    }

    public struct RowRef: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
    }

    public struct Link: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var url: String?
    }

    /// A flag the engine raised (immediate danger, combination, toxic trio), with its reason.
    public struct Flag: Codable, Sendable, Equatable {
        public var kind: Proposal.FlagKind
        public var text: String
        public var rows: [RowRef]
    }

    public struct Completeness: Codable, Sendable, Equatable {
        public var assessed: Int
        public var applicable: Int
    }

    /// One assessment on the child's journey: its day and the level and step it decided (or,
    /// while undecided, proposed).
    public struct JourneyPoint: Codable, Sendable, Equatable {
        public var assessmentId: String
        public var date: String
        public var level: Int
        public var step: Int
        public var basis: Course.Basis
        /// The assessment this summary is of.
        public var current: Bool
        /// Events added to the chronology since the assessment before; nil for the first.
        public var eventsAdded: Int?

        public init(
            assessmentId: String, date: String, level: Int, step: Int, basis: Course.Basis, current: Bool, eventsAdded: Int? = nil
        ) {
            self.assessmentId = assessmentId
            self.date = date
            self.level = level
            self.step = step
            self.basis = basis
            self.current = current
            self.eventsAdded = eventsAdded
        }

        /// "+3 events", or nil when none were added (or it is the first).
        var eventsWords: String? { eventsAdded.flatMap { $0 > 0 ? ChildHistory.eventsAddedWords($0) : nil } }

        /// "2026-08-14: Level 3, step 3 (decided); +3 events", for the text formats.
        var field: SummaryBlock.Field {
            .init(
                date,
                "Level \(level), step \(step) (\(basis == .decided ? "decided" : "proposed; not decided"))"
                    + (current ? ", this assessment" : "") + (eventsWords.map { "; " + $0 } ?? ""))
        }
    }

    public struct ConcernCategory: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
    }
}

extension ReferralSummary {
    /// The level the summary acts on: the decision, else the proposal.
    public var effectiveLevel: Int? { decided?.level ?? proposed?.level }

    /// The service a link id names, for renderers listing a row's links by name.
    public func link(_ id: String) -> Link? { informationLinks.first { $0.id == id } }
}
