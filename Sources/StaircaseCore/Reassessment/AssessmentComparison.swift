/// What changed between two assessments of the same child, row by row: the model behind
/// `staircase compare`, the summary's "Since last time" and (to come) the wizard's review.
///
/// Rows are matched by id, so assessments made under two versions of one catalogue compare;
/// rows added, removed or reworded between the versions are listed as such, never dropped.
/// Its `Codable` form is the JSON output of `staircase compare --format json`.
public struct AssessmentComparison: Codable, Sendable, Equatable {
    public static let currentFormat = 1

    public var format: Int
    public var catalogueId: String
    public var old: Reading
    public var new: Reading
    /// Rows answered either time, most important first: rows now at Level 3 or 4, then rows
    /// that moved two levels or more, then the other changes, then the rows that stayed the same.
    public var rows: [RowChange]
    /// Rows carried forward and never confirmed: neither a change nor "the same", shown apart.
    public var toConfirm: [RowChange]
    /// Per domain (the new catalogue's order, then domains only the old one had).
    public var domains: [DomainCounts]
    public var flagsAppeared: [Proposal.FlagKind]
    public var flagsCleared: [Proposal.FlagKind]
    /// Rows added, removed or reworded between the two catalogue versions (empty for one version).
    public var catalogueChanges: [CatalogueRowChange]
    /// Events in the later assessment's chronology and not in the earlier one's, matched by id
    /// (a re-assessment carries the chronology forward with its ids, so an edited event is not
    /// "added"), in date order: what has happened since last time, for the same reader.
    public var eventsAdded: [ReferralSummary.Event] = []
    /// Set (by `compare --different-children`) when the two assessments have different child
    /// keys: the output then says so itself, since a warning on stderr never reaches the file.
    public var differentChildren: Bool?

    /// One assessment's place on the staircase.
    public struct Reading: Codable, Sendable, Equatable {
        public var assessmentId: String
        public var catalogueVersion: String
        /// The decision's day, else the last change's.
        public var date: String
        public var decided: Place?
        public var proposed: Place?
        /// The decision, else the proposal.
        public var effective: Place? { decided ?? proposed }
    }

    public struct Place: Codable, Sendable, Equatable {
        public var level: Int
        public var step: Int

        /// "Level 3, step 3 (decided)", "Level 2, step 2 (proposed; not decided)" or "no level
        /// yet": the one wording of an assessment's level in compare, history and the review.
        public static func words(decided: Place?, proposed: Place?) -> String {
            if let d = decided { return "Level \(d.level), step \(d.step) (decided)" }
            if let p = proposed { return "Level \(p.level), step \(p.step) (proposed; not decided)" }
            return "no level yet"
        }
    }

    /// How a row moved. Not applicable and Level 1 both mean "no need at this row".
    public enum Change: String, Codable, Sendable, CaseIterable {
        /// A need both times, higher now.
        case up
        /// A need both times, lower now but still above Level 1.
        case down
        /// The same answer, or no need either time.
        case same
        /// A need then; Level 1 (or not applicable) now.
        case resolved
        /// No need then (Level 1 or not applicable); a need now.
        case newlyIdentified = "newly-identified"
        /// Not assessed then (or the row did not exist); answered now.
        case noInformationThen = "no-information-then"
        /// Answered then; not assessed now.
        case notAssessedNow = "not-assessed-now"
        /// Answered then; the new catalogue version no longer has the row, so it could not be.
        case removedFromCatalogue = "removed-from-catalogue"

        public var label: String {
            switch self {
            case .up: "up"
            case .down: "down"
            case .same: "the same"
            case .resolved: "resolved (no need now)"
            case .newlyIdentified: "newly identified"
            case .noInformationThen: "no information then"
            case .notAssessedNow: "not assessed now"
            case .removedFromCatalogue: "removed from the catalogue"
            }
        }
    }

    public struct RowChange: Codable, Sendable, Equatable {
        public var id: String
        public var domain: String
        public var title: String
        /// nil on a row carried forward and not yet confirmed.
        public var change: Change?
        public var before: Rating
        public var after: Rating
        /// New level minus old, when both are levels.
        public var moved: Int?
        /// Why this row comes first: "now at Level 4", "moved 2 levels".
        public var important: [String]
        /// The practitioner's reason for the change, stored on the new answer.
        public var reason: Assessment.ChangeReason?
        /// Set when the row was added, removed or reworded between catalogue versions.
        public var catalogueChange: CatalogueRowChange.Kind?

        /// The class in words for this row: a resolved row says whether it is now Level 1 or
        /// not applicable, which differ to a reader though both mean no need.
        public var changeLabel: String {
            guard let change else { return "to confirm" }
            if change == .resolved { return after == .notApplicable ? "resolved (now not applicable)" : "resolved (now Level 1)" }
            return change.label
        }
    }

    public struct DomainCounts: Codable, Sendable, Equatable {
        public var domain: String
        public var name: String
        public var up = 0
        public var down = 0
        public var same = 0
        public var resolved = 0
        public var newlyIdentified = 0
        public var noInformationThen = 0
        public var notAssessedNow = 0
        public var removedFromCatalogue = 0
        public var toConfirm = 0

        public func count(_ c: Change) -> Int {
            switch c {
            case .up: up
            case .down: down
            case .same: same
            case .resolved: resolved
            case .newlyIdentified: newlyIdentified
            case .noInformationThen: noInformationThen
            case .notAssessedNow: notAssessedNow
            case .removedFromCatalogue: removedFromCatalogue
            }
        }

        mutating func add(_ c: Change) {
            switch c {
            case .up: up += 1
            case .down: down += 1
            case .same: same += 1
            case .resolved: resolved += 1
            case .newlyIdentified: newlyIdentified += 1
            case .noInformationThen: noInformationThen += 1
            case .notAssessedNow: notAssessedNow += 1
            case .removedFromCatalogue: removedFromCatalogue += 1
            }
        }
    }

    public struct CatalogueRowChange: Codable, Sendable, Equatable {
        public enum Kind: String, Codable, Sendable {
            case added, removed, reworded
        }
        public var id: String
        public var kind: Kind
        /// The new title (the old one for a removed row).
        public var title: String
        /// The old title, when it changed.
        public var oldTitle: String?
    }

    /// The totals of every domain.
    public var totals: DomainCounts {
        var t = DomainCounts(domain: "all", name: "All domains")
        for d in domains {
            t.up += d.up
            t.down += d.down
            t.same += d.same
            t.resolved += d.resolved
            t.newlyIdentified += d.newlyIdentified
            t.noInformationThen += d.noInformationThen
            t.notAssessedNow += d.notAssessedNow
            t.removedFromCatalogue += d.removedFromCatalogue
            t.toConfirm += d.toConfirm
        }
        return t
    }
}
