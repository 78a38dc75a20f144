/// The referrer's own answers of Durham's referral procedure in the summary: the worry, the help
/// asked for, the four household questions, what is working well, and the dated chronology.
extension ReferralSummary {
    /// What is working well: overall, and per domain in the catalogue's order (domains with
    /// nothing written are left out).
    public struct WorkingWell: Codable, Sendable, Equatable {
        public var overall: String
        public var domains: [DomainText]
    }

    public struct DomainText: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var text: String
    }

    public struct Request: Codable, Sendable, Equatable {
        public var kinds: [Assessment.HelpKind]
        public var detail: String
        /// Every kind asked for falls outside the level the summary acts on (early help on a
        /// Level 4 decision): worth a second look, and the first screen says so.
        public var outsideLevel: Bool
    }

    /// One household question: the answer, or "not-asked" when the record has none.
    public struct HouseholdDifficulty: Codable, Sendable, Equatable {
        public var id: String
        public var topic: String
        public var answer: HouseholdAnswer
        public var note: String
        /// When the answer is yes: the titles of the rows it links that are not yet assessed.
        public var unratedRows: [String]
    }

    public enum HouseholdAnswer: String, Codable, Sendable {
        case yes, no
        case notKnown = "not-known"
        case notAsked = "not-asked"

        public var words: String {
            switch self {
            case .yes: "yes"
            case .no: "no"
            case .notKnown: "not known"
            case .notAsked: "not asked"
            }
        }
    }

    /// One event of the chronology. A redacted summary keeps its month and year, not its day.
    public struct Event: Codable, Sendable, Equatable {
        /// The file form: "2026-06-14", "2026-06", "about 2026-06" (the month only when redacted).
        public var date: String
        /// For people: "14 June 2026", "about June 2026".
        public var dateWords: String
        public var what: String
        public var source: String
        public var rows: [RowRef]
    }

}

extension ReferralSummary {
    /// The household questions: the catalogue's, in its order, each answered or "not asked". A
    /// record cannot answer a question its catalogue lacks: the loader refuses it.
    static func householdDifficulties(_ c: Catalogue, _ a: Assessment, text: (String) -> String) -> [HouseholdDifficulty] {
        let unrated = Dictionary(
            HouseholdCheck.flags(a, catalogue: c).map { ($0.questionID, $0.unrated) },
            uniquingKeysWith: { x, _ in x })
        return c.householdQuestions.map { q in
            let given = a.householdDifficulties[q.id]
            let answer: HouseholdAnswer
            switch given?.answer {
            case .yes: answer = .yes
            case .no: answer = .no
            case .notKnown: answer = .notKnown
            case nil: answer = .notAsked
            }
            return HouseholdDifficulty(
                id: ExportText.line(q.id), topic: ExportText.line(q.topic), answer: answer, note: text(given?.note ?? ""),
                unratedRows: (unrated[q.id] ?? []).map(ExportText.line))
        }
    }

    /// The events in date order. Redacted, an event keeps its month and year but not its day:
    /// the order and the spread over months are what a training or audit copy needs.
    static func events(_ c: Catalogue, _ a: Assessment, redact: Bool, line: (String) -> String) -> [Event] {
        let titles = c.indicatorTitles
        return Chronology.sorted(a.chronology).map { e in
            var date = e.date
            if redact { date.day = nil }
            return Event(
                date: date.description, dateWords: date.words, what: line(e.what), source: line(e.source),
                rows: e.rows.map { RowRef(id: ExportText.line($0), title: ExportText.line(titles[$0] ?? $0)) })
        }
    }

    /// What is working well, per domain in the catalogue's order; domains left blank are omitted.
    static func workingWell(_ c: Catalogue, _ a: Assessment, text: (String) -> String) -> WorkingWell {
        let domains = c.domains.compactMap { d -> DomainText? in
            let t = text(a.workingWell.domains[d.id] ?? "")
            return t.isEmpty ? nil : DomainText(id: ExportText.line(d.id), name: ExportText.line(d.name), text: t)
        }
        return WorkingWell(overall: text(a.workingWell.overall), domains: domains)
    }

    /// How much of the worry and of the request's words the first screen quotes: up to four lines
    /// each, so the first screen keeps every item; longer text follows in full.
    static let worryLimit = 240
    static let requestLimit = 140

    /// The first screen's lines for the worry, the request and the household questions.
    var worryField: SummaryBlock.Field {
        .init("What we are worried about", worry.isEmpty ? "not recorded" : Self.brief(oneLine(worry), limit: Self.worryLimit))
    }

    var requestField: SummaryBlock.Field {
        var parts: [String] = []
        if !request.kinds.isEmpty { parts.append(Self.joinedWords(request.kinds.map(\.label))) }
        if !request.detail.isEmpty { parts.append(Self.brief(oneLine(request.detail), limit: Self.requestLimit)) }
        var value = parts.isEmpty ? "not recorded" : parts.joined(separator: " — ")
        if request.outsideLevel, let level = effectiveLevel {
            value += " (not what Level \(level) usually leads to: worth a second look)"
        }
        return .init("Help asked for", value)
    }

    /// "domestic abuse yes; mental illness not known; substance misuse no; learning
    /// difficulties not asked": the four answers on one line; nil when there are no questions.
    var householdDifficultiesField: SummaryBlock.Field? {
        guard !householdDifficulties.isEmpty else { return nil }
        return .init("Household difficulties", householdDifficulties.map { "\($0.topic) \($0.answer.words)" }.joined(separator: "; "))
    }

    /// "advice", "advice and early help", "advice, early help and a strategy discussion".
    static func joinedWords(_ words: [String]) -> String {
        words.count <= 1 ? words.joined() : words.dropLast().joined(separator: ", ") + " and " + (words.last ?? "")
    }

    /// The worry and the request in full when the first screen had to cut them.
    var worryBlocks: [SummaryBlock] {
        var out: [SummaryBlock] = []
        if Self.isCut(oneLine(worry), limit: Self.worryLimit) { out.append(.userText(label: "What we are worried about", text: worry)) }
        if Self.isCut(oneLine(request.detail), limit: Self.requestLimit) {
            out.append(.userText(label: "Help asked for", text: request.detail))
        }
        return out
    }

    /// The referrer's notes on the household answers, with the family's details.
    var householdNoteBlocks: [SummaryBlock] {
        householdDifficulties.filter { !$0.note.isEmpty }.map {
            .userText(label: "Household difficulties: \($0.topic) (\($0.answer.words))", text: $0.note)
        }
    }

    /// Household questions answered yes whose rows are not yet rated, for the flags.
    var householdFlagFields: [SummaryBlock.Field] {
        householdDifficulties.filter { $0.answer == .yes && !$0.unratedRows.isEmpty }.map { h in
            .init("Household: \(h.topic)", "yes, but its rows are not yet rated: " + h.unratedRows.joined(separator: "; ") + ".")
        }
    }

    /// What is working well, overall then per domain.
    var workingWellBlocks: [SummaryBlock] {
        [.userText(label: "What is working well", text: workingWell.overall)]
            + workingWell.domains.map { .userText(label: "What is working well: \($0.name)", text: $0.text) }
    }

    /// The chronology as a dated table, or nothing when no event is recorded.
    var chronologyBlocks: [SummaryBlock] {
        guard !chronology.isEmpty else { return [] }
        var out: [SummaryBlock] = [.heading("Chronology of significant events"), Self.eventTable(chronology)]
        // The sorting rule, said where a reader would otherwise take it for a mistake.
        if chronology.contains(where: { $0.date.hasPrefix("about ") || $0.date.count == 7 }) {
            out.append(
                .paragraph("In date order; a date given as “about” a day, or as a month alone, is placed at the start of its month."))
        }
        return out
    }

    /// Events as a dated table (date in words, what happened, source, rows by title): the
    /// summary's chronology and `compare`'s events added since last time lay them out alike.
    static func eventTable(_ events: [Event]) -> SummaryBlock {
        .table(
            .init(
                headers: ["Date", "What happened", "Source", "Rows"],
                rows: events.map { e in
                    [e.dateWords, e.what, e.source.isEmpty ? "not given" : e.source, e.rows.map(\.title).joined(separator: "; ")]
                }))
    }
}
