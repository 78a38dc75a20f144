/// A set of fictional cases for a training workshop, each with the answer its authors agreed.
///
/// Written against one catalogue id and version, so every row a model answer rates, and every
/// descriptor it quotes, can be checked against the document the participants will use.
/// Described by Data/training-pack.schema.json; checked by `TrainingPackValidator`.
public struct TrainingPack: Codable, Sendable, Equatable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var id: String
    public var version: String
    public var title: String
    public var catalogue: Assessment.CatalogueReference
    /// For the facilitator only: how to run the session, what to watch for.
    public var facilitatorNotes: [String]
    public var cases: [TrainingCase]

    public func trainingCase(_ id: String) -> TrainingCase? { cases.first { $0.id == id } }
}

/// One vignette: a fictional child, what is known about them, and the model answer.
public struct TrainingCase: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var child: FictionalChild
    public var narrative: Narrative
    /// What the wizard would ask besides the rows; the engine reads them.
    public var facts: Facts
    public var modelAnswer: ModelAnswer
    /// The case's significant events, dated as the narrative dates them, so participants can
    /// judge "persistent" and "repeated" as they would from a referral's chronology. Optional;
    /// written in any order, shown in date order (`events`).
    public var chronology: [Event]?

    /// One event of a case's chronology, as a pack file writes it. The date stays text so the
    /// validator can name a bad one by its path; `events` reads it as an `EventDate`.
    public struct Event: Codable, Sendable, Equatable {
        public var id: String
        /// "2026-06-14", "2026-06" or "about 2026-06-14", as in an assessment file.
        public var date: String
        public var what: String
        /// Who reported it, or where it is recorded.
        public var source: String?
        /// Catalogue row ids the event is evidence for.
        public var rows: [String]
    }

    /// The chronology in date order (equal dates keep the file's order); events whose date the
    /// validator would refuse are left out.
    public var events: [ChronologyEvent] {
        Chronology.sorted(
            (chronology ?? []).compactMap { e in
                EventDate(e.date).map { ChronologyEvent(id: e.id, date: $0, what: e.what, source: e.source ?? "", rows: e.rows) }
            })
    }

    /// A made-up child: a name, and an age in years (and months for babies) or unborn with
    /// the expected date of delivery.
    public struct FictionalChild: Codable, Sendable, Equatable {
        public var name: String
        public var ageYears: Int?
        public var ageMonths: Int?
        public var unborn: Bool?
        public var expectedDate: String?

        public var isUnborn: Bool { unborn == true }

        /// "7 years", "4 months", "unborn, expected 2027-02-14".
        public var ageText: String {
            if isUnborn { return "unborn, expected " + (expectedDate ?? "date not given") }
            let y = ageYears ?? 0
            let m = ageMonths ?? 0
            if y == 0 { return "\(m) month\(m == 1 ? "" : "s")" }
            return "\(y) year\(y == 1 ? "" : "s")" + (m > 0 ? ", \(m) month\(m == 1 ? "" : "s")" : "")
        }
    }

    /// The case as participants read it, in the sections a referral is gathered under.
    public struct Narrative: Codable, Sendable, Equatable {
        /// What the referrer saw and heard.
        public var referrer: [String]
        /// The family and household.
        public var family: [String]
        /// What other agencies know.
        public var agencies: [String]
        /// The child's own words (empty for an unborn baby).
        public var childsWords: [String]

        /// Section headings and paragraphs, in reading order.
        public var sections: [(title: String, paragraphs: [String])] {
            [
                ("What the referrer saw and heard", referrer), ("The family and household", family),
                ("What other agencies know", agencies), ("The child's own words", childsWords),
            ]
        }
    }

    public struct Facts: Codable, Sendable, Equatable {
        public var immediateDanger: Assessment.ImmediateDanger
        public var tafExists: Bool
        public var needsCannotBeMetAtHome: Bool
    }

    /// The authors' agreed answer; hidden from participants until they decide.
    public struct ModelAnswer: Codable, Sendable, Equatable {
        /// Only the rows the narrative gives evidence for; rows it is silent on are not scored.
        public var ratings: [RowRating]
        public var level: Int
        public var step: Int
        /// Why, for the key rows, each quoting the catalogue's descriptor verbatim.
        public var rationale: [Rationale]
        /// When the authors' level or step differs from what the engine proposes: why.
        public var engineDifference: String?
        public var discussionPoints: [String]

        public func level(of row: String) -> Int? { ratings.first { $0.row == row }?.level }
        public func rationale(for row: String) -> Rationale? { rationale.first { $0.row == row } }
    }

    public struct RowRating: Codable, Sendable, Equatable {
        public var row: String
        public var level: Int
    }

    public struct Rationale: Codable, Sendable, Equatable {
        public var row: String
        /// Words from the row's descriptor at the model level, exactly as the catalogue has them.
        public var quote: String
        public var why: String
    }
}

extension TrainingCase {
    /// The case as an assessment with the model answer's ratings, for the scoring engine.
    public func modelAssessment(catalogue: Assessment.CatalogueReference) -> Assessment {
        var a = Assessment(id: "training-model-" + id, createdAt: "2026-01-01T00:00:00Z", catalogue: catalogue)
        a.training = true
        a.child.name = child.name
        a.child.unborn = child.isUnborn
        a.child.expectedDate = child.expectedDate
        a.immediateDanger = facts.immediateDanger
        a.leadProfessional.tafExists = facts.tafExists
        a.needsCannotBeMetAtHome = facts.needsCannotBeMetAtHome
        for r in modelAnswer.ratings {
            if let rating = Rating(level: r.level) { a.answers[r.row] = Assessment.Answer(rating) }
        }
        return a
    }
}
