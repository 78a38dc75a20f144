/// The household questions answered "yes" whose linked rows are still unrated: the referrer
/// knows of domestic abuse (say) in the household, yet the rows that would weigh it are blank.
/// One rule, so the review and the summary's flags name the same rows.
public enum HouseholdCheck {
    /// Each question answered yes with at least one linked row not yet assessed, in the
    /// catalogue's order of questions, with those rows' titles in document order.
    public static func unratedYes(assessment a: Assessment, catalogue c: Catalogue) -> [(
        questionID: String, topic: String, unratedRowTitles: [String]
    )] {
        let titles = c.indicatorTitles
        return c.householdQuestions.compactMap { q in
            guard a.householdDifficulties[q.id]?.answer == .yes else { return nil }
            let unrated = c.rows(for: q).filter { a.rating(of: $0) == .notAssessed }.map { titles[$0] ?? $0 }
            return unrated.isEmpty ? nil : (q.id, q.topic, unrated)
        }
    }
}
