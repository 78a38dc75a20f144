/// The "Level of Need and Assessment" table for one level: what further assessment is needed
/// and what to do, with the branches the document draws (single issue or several, TAF or not).
public struct CourseOfAction: Codable, Sendable, Equatable {
    public var routes: [Route]

    /// One row of the table, taken when its condition holds.
    public struct Route: Codable, Sendable, Equatable {
        public var when: Condition
        public var furtherAssessment: String
        public var actions: [Action]
    }

    /// One thing to do; some apply only when a TAF exists (or does not).
    public struct Action: Codable, Sendable, Equatable {
        public var text: String
        public var when: Condition
    }

    /// Facts of the case that choose a route or an action.
    public enum Condition: String, Codable, Sendable, CaseIterable {
        case always
        case singleIssue = "single-issue"
        case severalIssues = "several-issues"
        case taf
        case noTaf = "no-taf"
    }
}

/// Thresholds of the scoring rules, kept in the catalogue so an authority can change them.
public struct Rules: Codable, Sendable, Equatable {
    public var combination: Combination
    public var toxicTrio: ToxicTrio
    public var stepFive: StepFive

    /// "If there is a combination of indicators of need under Level Two, the case may be a
    /// Level Three case overall."
    public struct Combination: Codable, Sendable, Equatable {
        public var minimumRows: Int
        public var minimumAreas: Int
        public var minimumDomains: Int
        public var proposesLevel: Int
        public var quote: String
    }

    /// Parental mental health, domestic abuse and parental substance misuse all present.
    public struct ToxicTrio: Codable, Sendable, Equatable {
        public var componentTags: [String]
        public var minimumLevel: Int
        public var quote: String
    }

    /// Level 4 becomes step 5 when a row with this tag is at Level 4.
    public struct StepFive: Codable, Sendable, Equatable {
        public var tag: String
    }
}
