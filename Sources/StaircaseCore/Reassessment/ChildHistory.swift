/// The child's journey: every assessment of one child key, oldest first, with the level and
/// step each one decided (or, while undecided, proposed). Pure: the assessments are passed in.
public struct ChildHistory: Codable, Sendable, Equatable {
    public var childKey: String
    public var entries: [Entry]

    public struct Entry: Codable, Sendable, Equatable {
        public var assessmentId: String
        /// The decision's day, else the last change's ("2026-08-14").
        public var date: String
        public var decided: AssessmentComparison.Place?
        /// The engine's proposal, when the catalogue it was made with is at hand.
        public var proposed: AssessmentComparison.Place?
        public var training: Bool
        /// Carried answers still to confirm (a re-assessment not finished).
        public var toConfirm: Int
        /// Events in its chronology and not in the one before's (by id); nil for the first.
        /// Persistence is judged over time, so the journey says when the record grew.
        public var eventsAdded: Int? = nil

        /// The decision, else the proposal.
        public var effective: AssessmentComparison.Place? { decided ?? proposed }
    }

    /// The entries for `childKey` among `assessments`, ordered by day, then by when each was
    /// created, then by id, so the order never depends on the order the files were listed in.
    /// `catalogues` score each assessment made with one of them; others show only a decision.
    public static func build(childKey: String, assessments: [Assessment], catalogues: [Catalogue]) -> ChildHistory {
        let engines = catalogues.map { ScoringEngine(catalogue: $0) }
        let mine = assessments.filter { $0.childKey == childKey }
        let entries = mine.map { a -> (CalendarDate, String, Entry, [ChronologyEvent]) in
            let engine = engines.first { $0.catalogue.id == a.catalogue.id && $0.catalogue.version == a.catalogue.version }
            let p = engine?.propose(a)
            let day = Reassessment.day(of: a)
            let entry = Entry(
                assessmentId: a.id, date: day, decided: a.decision.map { .init(level: $0.level, step: $0.step) },
                proposed: p.flatMap { p in p.level.flatMap { l in p.step.map { .init(level: l, step: $0) } } }, training: a.training,
                toConfirm: a.rowsToConfirm.count)
            return (CalendarDate(day) ?? .unknownDay, a.createdAt, entry, a.chronology)
        }
        .sorted { ($0.0, $0.1, $0.2.assessmentId) < ($1.0, $1.1, $1.2.assessmentId) }
        var out = entries.map(\.2)
        for i in out.indices.dropFirst() {
            out[i].eventsAdded = Chronology.added(in: entries[i].3, since: entries[i - 1].3).count
        }
        return ChildHistory(childKey: childKey, entries: out)
    }

    /// The newest assessment of the same child made before `a` (by day, then creation), which
    /// a summary's "Since last time" compares with; nil for a first assessment. One with no row
    /// assessed (a re-assessment started and left) says nothing to compare with and is passed
    /// over, as is a training run for a real case and the other way round.
    public static func predecessor(of a: Assessment, among all: [Assessment]) -> Assessment? {
        guard let key = a.childKey else { return nil }
        func order(_ x: Assessment) -> (CalendarDate, String, String) {
            (CalendarDate(Reassessment.day(of: x)) ?? .unknownDay, x.createdAt, x.id)
        }
        let mine = order(a)
        return all.filter { x in
            x.childKey == key && x.id != a.id && x.training == a.training && order(x) < mine
                && x.answers.values.contains { $0.rating != .notAssessed }
        }.max { order($0) < order($1) }
    }

    /// One line per assessment: "2026-08-14  Level 3, step 3 (decided)   a-…".
    public var timeline: String {
        var out = "The child's journey (\(entries.count) assessment\(entries.count == 1 ? "" : "s"), oldest first):\n"
        if entries.isEmpty { return out + "  none saved for this child\n" }
        for e in entries {
            out += "  " + e.date + "  " + Self.describe(e).padding(to: 44) + "  " + SafeText.clean(e.assessmentId) + "\n"
        }
        return out
    }

    /// An entry's level, what is left to confirm, and whether it was a training run.
    public static func describe(_ e: Entry) -> String {
        var text = AssessmentComparison.Place.words(decided: e.decided, proposed: e.proposed)
        if e.toConfirm > 0 { text += "; \(e.toConfirm) to confirm" }
        if let n = e.eventsAdded, n > 0 { text += "; " + eventsAddedWords(n) }
        if e.training { text += "; training" }
        return text
    }
}

extension ChildHistory {
    /// "+1 event", "+3 events": how the journey words the events added since the one before.
    public static func eventsAddedWords(_ n: Int) -> String { "+\(n) event" + (n == 1 ? "" : "s") }
}

extension String {
    /// Padded with spaces to `width` display columns.
    func padding(to width: Int) -> String {
        let w = DisplayWidth.of(self)
        return w >= width ? self : self + String(repeating: " ", count: width - w)
    }
}
