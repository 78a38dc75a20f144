/// When an event of the chronology happened, as exactly as the referrer knows it: a day, a month,
/// or "about" either. Written in files as "2026-06-14", "2026-06", "about 2026-06-14" or
/// "about 2026-06", so a file reads the same in any time zone and a person can write one by hand.
public struct EventDate: Sendable, Hashable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    /// nil: only the month is known.
    public var day: Int?
    /// The referrer gave the date as approximate ("about …").
    public var approximate: Bool

    public init?(year: Int, month: Int, day: Int? = nil, approximate: Bool = false) {
        if let day {
            guard CalendarDate(year: year, month: month, day: day) != nil else { return nil }
        } else {
            guard (1900...2200).contains(year), (1...12).contains(month) else { return nil }
        }
        self.year = year
        self.month = month
        self.day = day
        self.approximate = approximate
    }

    /// Parses the file form, and what a practitioner types: "about" or "~" or "c." before the
    /// date means approximate. Anything else is refused (nil); `problem(_:)` says why.
    public init?(_ text: String) {
        var t = Substring(text.trimmingSpaces)
        var about = false
        for prefix in ["about ", "~", "c. ", "c."] where t.lowercased().hasPrefix(prefix) {
            t = t.dropFirst(prefix.count).drop(while: { $0 == " " })
            about = true
            break
        }
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let y = Int(parts[0]), let m = Int(parts[1])
        else { return nil }
        if parts.count == 3 {
            guard parts[2].count == 2, let d = Int(parts[2]) else { return nil }
            self.init(year: y, month: m, day: d, approximate: about)
        } else {
            self.init(year: y, month: m, approximate: about)
        }
    }

    /// The file form: "2026-06-14", "2026-06", "about 2026-06-14".
    public var description: String {
        var s = (approximate ? "about " : "") + String(year) + "-" + Self.two(month)
        if let day { s += "-" + Self.two(day) }
        return s
    }

    /// The words of a summary: "14 June 2026", "June 2026", "about 14 June 2026".
    public var words: String {
        let base = (day.map { "\($0) " } ?? "") + Self.monthNames[month - 1] + " " + String(year)
        return approximate ? "about " + base : base
    }

    /// Where the event sorts: an approximate date or a month alone sorts at the start of its
    /// month (the rule), so "about 14 June" comes before an exact 2 June.
    public var sortKey: Int { year * 10_000 + month * 100 + (approximate ? 0 : day ?? 0) }

    /// The first day the date can mean, for comparisons with another assessment's date.
    public var earliestDay: CalendarDate {
        CalendarDate(year: year, month: month, day: approximate ? 1 : day ?? 1) ?? .unknownDay
    }

    public static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Why `text` is not an event date, in words a practitioner can act on; nil when it is one.
    /// A date in the future (after `today`) is refused too: a chronology records what happened.
    public static func problem(_ text: String, today: CalendarDate? = nil) -> String? {
        guard let date = EventDate(text) else {
            let core = text.trimmingSpaces
            if core.isEmpty { return "a date is needed: YYYY-MM-DD, YYYY-MM, or about YYYY-MM-DD" }
            if let p = FieldRules.dateProblem(core), p.hasPrefix("no such date") { return p }
            return "use YYYY-MM-DD, YYYY-MM for a month, or put 'about' first: for example about 2026-06"
        }
        if let today, today < date.earliestDay { return "in the future: a chronology records what has happened" }
        return nil
    }
}

extension EventDate: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = EventDate(text), date.description == text else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not an event date: write YYYY-MM-DD, YYYY-MM or about YYYY-MM-DD"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
