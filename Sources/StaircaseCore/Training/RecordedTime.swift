/// A response's `recordedAt` read as an instant: "2026-11-26T10:40:00+01:00" is 09:40 UTC, so
/// the latest of two answers is found by time, not by comparing text, and "yesterday" is
/// refused when the file is read. The shape is the schema's: a date, hours and minutes
/// (seconds optional), and `Z` or an offset, which is required because a time without one is
/// not an instant.
public struct RecordedTime: Comparable, Sendable, Hashable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSinceEpoch: Int

    public init?(_ text: String) {
        let c = Array(text.utf8)
        func number(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= c.count else { return nil }
            var n = 0
            for b in c[r] {
                guard b >= 48, b <= 57 else { return nil }
                n = n * 10 + Int(b - 48)
            }
            return n
        }
        func at(_ i: Int, _ ch: UInt8) -> Bool { i < c.count && c[i] == ch }
        guard c.count >= 17, let date = CalendarDate(String(decoding: c[0..<10], as: UTF8.self)), at(10, UInt8(ascii: "T")),
            let hour = number(11..<13), at(13, UInt8(ascii: ":")), let minute = number(14..<16), hour <= 23, minute <= 59
        else { return nil }
        var i = 16
        var second = 0
        if at(16, UInt8(ascii: ":")) {
            guard let s = number(17..<19), s <= 59 else { return nil }
            second = s
            i = 19
        }
        var offset = 0
        if at(i, UInt8(ascii: "Z")) {
            guard i + 1 == c.count else { return nil }
        } else {
            guard at(i, UInt8(ascii: "+")) || at(i, UInt8(ascii: "-")), i + 6 == c.count, let oh = number((i + 1)..<(i + 3)),
                at(i + 3, UInt8(ascii: ":")), let om = number((i + 4)..<(i + 6)), oh <= 23, om <= 59
            else { return nil }
            offset = (oh * 60 + om) * 60 * (c[i] == UInt8(ascii: "-") ? -1 : 1)
        }
        let days = Self.daysSinceEpoch(year: date.year, month: date.month, day: date.day)
        secondsSinceEpoch = days * 86_400 + hour * 3_600 + minute * 60 + second - offset
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Hinnant's `days_from_civil`).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func < (a: RecordedTime, b: RecordedTime) -> Bool { a.secondsSinceEpoch < b.secondsSinceEpoch }
}
