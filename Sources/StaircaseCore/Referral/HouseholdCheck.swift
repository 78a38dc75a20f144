/// The review's check of the four household questions against the rows they link: a "yes" says
/// the referrer knows of the difficulty, so the rows that cover it should be rated. Written once
/// here, for the wizard's review and (later) the summary, from plain inputs: the catalogue's rows
/// per question are passed in, so the rule does not depend on where the questions are kept.
public enum HouseholdCheck {
    /// One household question as the check needs it: its id (the key in
    /// `Assessment.householdDifficulties`), its topic in words, and the ids of the rows it links.
    public struct Question: Sendable, Equatable {
        public var id: String
        public var topic: String
        public var rows: [String]
        public init(id: String, topic: String, rows: [String]) {
            self.id = id
            self.topic = topic
            self.rows = rows
        }
    }

    /// A "yes" whose linked rows are not all rated: the titles of those not rated, of `linked`.
    public struct Flag: Sendable, Equatable {
        public var questionID: String
        public var topic: String
        public var linked: Int
        public var unrated: [String]

        /// "You know of domestic abuse in the household; 3 of its 4 rows are not rated: Violence
        /// between adults: perpetrator behaviour, …" — every unrated row named, in catalogue order.
        public var text: String {
            let count =
                linked == 1
                ? "its one row is not rated"
                : unrated.count == linked
                    ? "none of its \(linked) rows is rated"
                    : "\(unrated.count) of its \(linked) rows \(unrated.count == 1 ? "is" : "are") not rated"
            return "You know of \(topic) in the household; \(count): " + unrated.joined(separator: "; ") + "."
        }
    }

    /// A row counts as rated once it has any answer (a level or not applicable); a carried answer
    /// still to confirm counts too, since the domain screen shows and asks about it.
    public static func isRated(_ id: String, in a: Assessment) -> Bool { a.rating(of: id) != .notAssessed }

    /// The flags, in the questions' order: one for each "yes" with a linked row not rated.
    /// `titles` names the rows (`Catalogue.indicatorTitles`); an unknown id is named by its id.
    public static func flags(_ a: Assessment, questions: [Question], titles: [String: String]) -> [Flag] {
        questions.compactMap { q in
            guard a.householdDifficulties[q.id]?.answer == .yes, !q.rows.isEmpty else { return nil }
            let unrated = q.rows.filter { !isRated($0, in: a) }
            guard !unrated.isEmpty else { return nil }
            return Flag(questionID: q.id, topic: q.topic, linked: q.rows.count, unrated: unrated.map { titles[$0] ?? $0 })
        }
    }
}

extension HouseholdCheck {
    /// The rows a question links that concern this child: a row the catalogue gives for another
    /// age (a baby's row for a 10-year-old) is left out unless it has been answered, as the
    /// domain screens hide it, so a "yes" never asks for a row that cannot apply.
    public static func rows(_ q: Catalogue.HouseholdQuestion, _ c: Catalogue, for a: Assessment, on today: CalendarDate) -> [String] {
        let stage = ChildAge.stage(a.child, on: today)
        let byID = Dictionary(c.allIndicators.map { ($0.indicator.id, $0.indicator) }, uniquingKeysWith: { x, _ in x })
        return c.rows(for: q).filter { id in byID[id]?.applies(to: stage) != false || isRated(id, in: a) }
    }

    /// The catalogue's household questions as the check takes them, each with its rows for this child.
    public static func questions(_ c: Catalogue, for a: Assessment, on today: CalendarDate) -> [Question] {
        c.householdQuestions.map { Question(id: $0.id, topic: $0.topic, rows: rows($0, c, for: a, on: today)) }
    }

    /// The flags for `a` against the catalogue's own questions: the review and the summary. The
    /// child's age is taken on `today` (the wizard's day), else on the record's last change.
    public static func flags(_ a: Assessment, catalogue c: Catalogue, today: CalendarDate? = nil) -> [Flag] {
        let day = today ?? CalendarDate(a.updatedAt) ?? .unknownDay
        return flags(a, questions: questions(c, for: a, on: day), titles: c.indicatorTitles)
    }
}
