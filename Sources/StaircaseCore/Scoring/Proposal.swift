/// What the engine proposes, and why. The practitioner decides; this is the working to check.
/// Its JSON form is the stable output of `staircase score --format json`.
public struct Proposal: Codable, Sendable, Equatable {
    /// 1–4, or nil when no row has been assessed yet.
    public var level: Int?
    /// 1–5 on the Durham staircase, or nil with `level`.
    public var step: Int?
    public var reasons: [Reason]
    public var flags: [Flag]
    public var completeness: Completeness
    public var courseOfAction: SelectedCourse?
    /// Rows rated 1–4 that the catalogue gives for another age than the child's, not confirmed
    /// by the practitioner: not counted, and named wherever the proposal is shown. Omitted when none.
    public var outsideAge: [String]? = nil

    /// One rule that shaped the proposal, with the rows and areas behind it.
    public struct Reason: Codable, Sendable, Equatable {
        public var rule: RuleID
        public var text: String
        public var indicators: [String]
        public var areas: [String]
    }

    public enum RuleID: String, Codable, Sendable {
        case highestLevel = "highest-level"
        case combination = "combination"
        case stepFiveRow = "step-five-row"
        case stepFivePractitioner = "step-five-practitioner"
        case nothingAssessed = "nothing-assessed"
        /// A row rated at a level whose descriptor speaks of time ("persistent", "repeated"),
        /// with the chronology's events linked to it: the count a practitioner judges it by.
        case timeEvidence = "time-evidence"
    }

    public struct Flag: Codable, Sendable, Equatable {
        public var kind: FlagKind
        public var text: String
        public var indicators: [String]
    }

    public enum FlagKind: String, Codable, Sendable {
        case immediateDanger = "immediate-danger"
        case toxicTrio = "toxic-trio"
        case combination = "combination"
        case incomplete = "incomplete"
    }

    public struct Completeness: Codable, Sendable, Equatable {
        public var assessed: Int
        public var applicable: Int
        public var domains: [DomainCompleteness]

        public var isComplete: Bool { assessed >= applicable }
    }

    public struct DomainCompleteness: Codable, Sendable, Equatable {
        public var domain: String
        public var assessed: Int
        public var applicable: Int
    }

    /// The catalogue's course of action for the proposed level, with the routes that apply.
    public struct SelectedCourse: Codable, Sendable, Equatable {
        public var level: Int
        public var situation: [CourseOfAction.Condition]
        public var steps: [CourseStep]
    }

    public struct CourseStep: Codable, Sendable, Equatable {
        public var furtherAssessment: String
        public var actions: [String]
    }

    public func has(_ flag: FlagKind) -> Bool { flags.contains { $0.kind == flag } }
}
