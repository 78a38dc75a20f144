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
        let (y, m, d) = Self.civil(fromDayNumber: dayNumber + days)
        return CalendarDate(year: y, month: m, day: d) ?? (days < 0 ? CalendarDate.unknownDay : self)
    }

    /// The inverse of `dayNumber` (Howard Hinnant's `civil_from_days`; both count from the
    /// same epoch, 0000-03-01).
    static func civil(fromDayNumber z: Int) -> (Int, Int, Int) {
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
