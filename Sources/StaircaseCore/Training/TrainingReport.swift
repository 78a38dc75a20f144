/// The facilitator's report on a workshop: for each case, how many decided, the spread of their
/// levels and steps, how far they agree with each other and with the model answer, and the rows
/// to debate first. A plain value: built by `TrainingReport+Build`, laid out by
/// `TrainingReportRenderer` as text, Markdown, HTML or JSON.
///
/// How agreement is measured (see docs/trainer.md, "After: the report"):
/// - Per case, Krippendorff's α (ordinal) is over every judgement participants made on the case
///   on the 1–4 scale: the overall level and each row. A single decision per participant is one
///   unit, on which α cannot be defined; the rows give it something to measure. Skipped rows
///   are missing values, which α handles.
/// - Fleiss's κ is Fleiss's (1971) statistic, as statsmodels and R's irr compute it: it needs
///   every participant on every unit, so it is over the complete units only (the level, and the
///   rows nobody skipped or marked not applicable), and the report says how many were left out.
/// - % exact is the share of pairs of participants who chose the same overall level.
/// - Across the pack, α and κ on the overall level use the cases as units.
/// - A row's α is across the cases that rate it, so it says whether the room reads that row the
///   same way wherever it appears.
public struct TrainingReport: Sendable, Equatable, Codable {
    public var pack: PackSummary
    public var named: Bool
    /// Distinct aliases among the counted responses.
    public var participants: Int
    public var responsesCounted: Int
    /// Cases at least one participant answered, of the pack's `cases.count`.
    public var casesAnswered: Int
    /// Agreement on the overall level with the cases as units.
    public var overall: AgreementSummary
    /// Most disputed first (see `TrainingReport.debateOrder`); unanswered cases last.
    public var cases: [CaseReport]
    /// Files holding the same response id, counted once.
    public var copies: [Copy]
    public var duplicates: [Duplicate]
    public var damaged: [FileProblem]
    public var refused: [FileProblem]

    public struct PackSummary: Sendable, Equatable, Codable {
        public var id: String
        public var version: String
        public var title: String
    }

    /// Krippendorff's α (ordinal) as the headline, with Fleiss's κ and % exact beside it.
    public struct AgreementSummary: Sendable, Equatable, Codable {
        public var alphaOrdinal: Statistic
        public var alphaBand: String?
        /// Fleiss's κ over the complete units only.
        public var fleissKappa: Statistic
        public var fleissBand: String?
        /// Units every participant rated (κ is over these) and units left out of κ.
        public var fleissUnitsUsed: Int
        public var fleissUnitsLeftOut: Int
        public var exact: Statistic

        public init(alphaOrdinal: Statistic, fleiss: Agreement.CompleteFleiss, exact: Statistic) {
            self.alphaOrdinal = alphaOrdinal
            self.alphaBand = Agreement.band(alphaOrdinal)
            self.fleissKappa = fleiss.kappa
            self.fleissBand = Agreement.band(fleiss.kappa)
            self.fleissUnitsUsed = fleiss.unitsUsed
            self.fleissUnitsLeftOut = fleiss.unitsLeftOut
            self.exact = exact
        }
    }

    public struct CaseReport: Sendable, Equatable, Codable {
        public var id: String
        public var title: String
        /// Where the case is in the pack (1-based), as participants saw it in their list.
        public var number: Int
        public var participants: Int
        public var model: LevelStep
        /// Participants per level 1–4.
        public var levels: [Bar]
        /// Participants per step 1–5.
        public var steps: [Bar]
        public var decisions: [Decision]
        public var agreement: AgreementSummary
        public var withModelExact: Statistic
        public var withModelWithinOne: Statistic
        /// Most disputed first.
        public var rows: [RowReport]
    }

    public struct LevelStep: Sendable, Equatable, Codable {
        public var level: Int
        public var step: Int
    }

    public struct Bar: Sendable, Equatable, Codable {
        public var label: String
        public var count: Int
        /// True for the model answer's level or step.
        public var model: Bool
    }

    public struct Decision: Sendable, Equatable, Codable {
        public var participant: String
        public var level: Int
        public var step: Int
        public var minutes: Int
    }

    public struct RowReport: Sendable, Equatable, Codable {
        public var row: String
        public var title: String
        public var modelLevel: Int?
        /// Participants per level 1–4.
        public var counts: [Int]
        public var notApplicable: Int
        /// Participants who decided the case but left this row unassessed.
        public var skipped: Int
        /// Share of pairs of participants who rated the row differently.
        public var disagreement: Statistic
        /// The row's α (ordinal) across every case that rates it.
        public var alphaAcrossCases: Statistic
        /// The descriptors of the levels participants chose (and the model's), quoted.
        public var descriptors: [Descriptor]
    }

    public struct Descriptor: Sendable, Equatable, Codable {
        public var level: Int
        public var text: String
    }

    public struct Duplicate: Sendable, Equatable, Codable {
        public var participant: String
        public var caseID: String
        public var responses: Int
        public var keptRecordedAt: String
    }

    /// One response id found in more than one file: counted once. `identical` is false when
    /// the copies differ (an alias edited by hand); the latest recorded copy counts.
    public struct Copy: Sendable, Equatable, Codable {
        public var responseID: String
        public var files: [String]
        public var identical: Bool
        public var aliases: [String]
        public var keptAlias: String
    }

    public struct FileProblem: Sendable, Equatable, Codable {
        public var file: String
        public var reason: String
    }
}
