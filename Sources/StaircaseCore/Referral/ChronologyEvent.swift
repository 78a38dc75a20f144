/// One significant event in the child's life, as the referrer knows it: when, what happened,
/// who said so, and which rows of the catalogue it is evidence for. Durham's descriptors turn on
/// time ("persistent", "repeated", "recently"); dated events linked to rows are what lets a
/// practitioner judge those words rather than guess them.
public struct ChronologyEvent: Codable, Sendable, Equatable, Identifiable {
    /// "e-" and 20 random characters: never from the clock.
    public var id: String
    public var date: EventDate
    /// What happened, in the referrer's words.
    public var what: String
    /// Who reported it, or where it is recorded (school log, police notification …).
    public var source: String
    /// The catalogue rows it is evidence for, in any domain.
    public var rows: [String]

    public init(id: String, date: EventDate, what: String, source: String = "", rows: [String] = []) {
        self.id = id
        self.date = date
        self.what = what
        self.source = source
        self.rows = rows
    }

    enum CodingKeys: String, CodingKey { case id, date, what, source, rows }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id), date: try c.decode(EventDate.self, forKey: .date),
            what: try c.decodeIfPresent(String.self, forKey: .what) ?? "",
            source: try c.decodeIfPresent(String.self, forKey: .source) ?? "",
            rows: try c.decodeIfPresent([String].self, forKey: .rows) ?? [])
    }
}

/// The chronology's questions, answered from the events alone (pure; the wizard, the scoring
/// reasons and every export read these, so they all count and word events the same way).
public enum Chronology {
    /// Date order; equal dates keep the order they were entered in.
    public static func sorted(_ events: [ChronologyEvent]) -> [ChronologyEvent] {
        events.enumerated().sorted { ($0.element.date.sortKey, $0.offset) < ($1.element.date.sortKey, $1.offset) }.map(\.element)
    }

    /// The events linked to one row, in date order.
    public static func events(for row: String, in events: [ChronologyEvent]) -> [ChronologyEvent] {
        sorted(events.filter { $0.rows.contains(row) })
    }

    /// "3 events, June–November 2026", "2 events, November 2025–February 2026", "1 event, June
    /// 2026"; nil when there are none. Months, not days: persistence is judged over months.
    public static func span(of events: [ChronologyEvent]) -> String? {
        let ordered = sorted(events)
        guard let first = ordered.first?.date, let last = ordered.last?.date else { return nil }
        let count = ordered.count == 1 ? "1 event" : "\(ordered.count) events"
        let name = EventDate.monthNames
        let range: String
        if first.year == last.year && first.month == last.month {
            range = "\(name[first.month - 1]) \(first.year)"
        } else if first.year == last.year {
            range = "\(name[first.month - 1])–\(name[last.month - 1]) \(last.year)"
        } else {
            range = "\(name[first.month - 1]) \(first.year)–\(name[last.month - 1]) \(last.year)"
        }
        return count + ", " + range
    }

    /// The span of the events linked to `row`, or nil when none is.
    public static func span(for row: String, in events: [ChronologyEvent]) -> String? {
        span(of: events.filter { $0.rows.contains(row) })
    }

    /// Events recorded in `now` and not in `before` (by id): what a re-assessment added.
    public static func added(in now: [ChronologyEvent], since before: [ChronologyEvent]) -> [ChronologyEvent] {
        let old = Set(before.map(\.id))
        return sorted(now.filter { !old.contains($0.id) })
    }
}
