/// The organisation's retention period as dates: which saved assessments are past it. One rule
/// for the start screen's note and `sessions purge`, so the two always count the same ones.
public enum Retention {
    /// The first day still inside a period of `days` ending `today`: an assessment last changed
    /// before it is past the period.
    public static func cutoff(days: Int, today: CalendarDate) -> CalendarDate {
        today.adding(days: -days)
    }

    /// True when `lastChange` (a timestamp or a date, as saved) falls before `cutoff`. A value
    /// that is not a date is never past: with no trustworthy date, nothing is purged.
    public static func isPast(lastChange: String, cutoff: CalendarDate) -> Bool {
        guard let day = CalendarDate(lastChange) else { return false }
        return day < cutoff
    }

    /// The command that deletes them, as the start screen tells it.
    public static func purgeCommand(days: Int) -> String { "staircase sessions purge --older-than \(days)d" }
}

extension CalendarDate {
    /// The day `days` later (earlier when negative), clamped to the years a date may have.
    public func adding(days: Int) -> CalendarDate {
        let n = Self.dayNumber(year: year, month: month, day: day) + days
        let (y, m, d) = Self.civil(fromDayNumber: n)
        return CalendarDate(year: y, month: m, day: d) ?? (days < 0 ? CalendarDate.unknownDay : self)
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The inverse of `dayNumber` (`civil_from_days`).
    static func civil(fromDayNumber z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
