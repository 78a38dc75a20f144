/// A day in the Gregorian calendar, parsed from "YYYY-MM-DD". Ages and "is this date in the
/// future" need no time zone or clock, which keeps the core pure and tests exact.
public struct CalendarDate: Comparable, Sendable, Hashable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2200).contains(year), (1...12).contains(month),
            (1...CalendarDate.days(inMonth: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Stands in when an assessment has no valid timestamp; ages are then not computed.
    public static let unknownDay = CalendarDate(unchecked: 1900, 1, 1)

    /// Accepts exactly "YYYY-MM-DD", or a timestamp "YYYY-MM-DDThh:mm:ss" followed by "Z" or an
    /// offset "±hh:mm" (the date is then the local date where the time was recorded); anything
    /// after the date other than a well-formed time is refused, so junk never rides along in a file.
    public init?(_ text: String) {
        let u = Array(text.utf8)
        func digits(_ r: Range<Int>) -> Int? {
            var n = 0
            for i in r {
                guard u[i] >= 0x30 && u[i] <= 0x39 else { return nil }
                n = n * 10 + Int(u[i] - 0x30)
            }
            return n
        }
        guard u.count == 10 || u.count == 20 || u.count == 25, u[4] == 0x2D, u[7] == 0x2D,
            let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10)
        else { return nil }
        if u.count > 10 {
            guard u[10] == 0x54, u[13] == 0x3A, u[16] == 0x3A,
                let hh = digits(11..<13), let mm = digits(14..<16), let ss = digits(17..<19), hh < 24, mm < 60, ss < 61
            else { return nil }
            if u.count == 20 {
                guard u[19] == 0x5A else { return nil }
            } else {
                guard u[19] == 0x2B || u[19] == 0x2D, u[22] == 0x3A, let oh = digits(20..<22), let om = digits(23..<25), oh <= 14, om < 60
                else { return nil }
            }
        }
        self.init(year: y, month: m, day: d)
    }

    /// A full timestamp ("2026-07-01T10:45:00+01:00" or "…Z"), not just a date.
    /// "2026-11-21T16:40:00Z" or "…+01:00" with a real time of day: the schema's pattern and
    /// RFC 3339's ranges, with no leap second ("23:59:60"), as the schema refuses it.
    public static func isTimestamp(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count == 20 || b.count == 25, CalendarDate(text) != nil, b[10] == UInt8(ascii: "T"), b[13] == UInt8(ascii: ":"),
            b[16] == UInt8(ascii: ":")
        else { return false }
        func number(_ i: Int) -> Int? {
            guard (48...57).contains(b[i]), (48...57).contains(b[i + 1]) else { return nil }
            return Int(b[i] - 48) * 10 + Int(b[i + 1] - 48)
        }
        guard let h = number(11), h <= 23, let m = number(14), m <= 59, let sec = number(17), sec <= 59 else { return false }
        if b.count == 20 { return b[19] == UInt8(ascii: "Z") }
        guard b[19] == UInt8(ascii: "+") || b[19] == UInt8(ascii: "-"), b[22] == UInt8(ascii: ":"), let oh = number(20), oh <= 23,
            let om = number(23), om <= 59
        else { return false }
        return true
    }

    public var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func days(inMonth m: Int, year y: Int) -> Int {
        switch m {
        case 2: (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Whole months from `self` to `later` (negative if `later` is earlier).
    public func months(until later: CalendarDate) -> Int {
        var m = (later.year - year) * 12 + (later.month - month)
        if later.day < day { m -= 1 }
        return m
    }
}

/// How old the child is on a given day, in the words a practitioner uses.
public enum ChildAge {
    /// "unborn (due 2027-01-10)", "7 months", "4 years", or nil if the date is missing or invalid.
    public static func describe(_ child: Assessment.Child, on today: CalendarDate) -> String? {
        if child.unborn {
            return child.expectedDate.flatMap(CalendarDate.init).map { "unborn (due \($0))" } ?? "unborn"
        }
        guard let born = child.dateOfBirth.flatMap(CalendarDate.init), born <= today else { return nil }
        let months = born.months(until: today)
        if months < 24 { return months == 1 ? "1 month" : "\(months) months" }
        return "\(months / 12) years"
    }

    /// Whole years, or nil when unborn or unknown.
    public static func years(_ child: Assessment.Child, on today: CalendarDate) -> Int? {
        guard !child.unborn, let born = child.dateOfBirth.flatMap(CalendarDate.init), born <= today else { return nil }
        return born.months(until: today) / 12
    }

    /// Pre-birth rows apply to an unborn child and a baby under one; hidden for older children.
    public static func preBirthRowsApply(_ child: Assessment.Child, on today: CalendarDate) -> Bool {
        if child.unborn { return true }
        guard let years = years(child, on: today) else { return true }
        return years < 1
    }
}
