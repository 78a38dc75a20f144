/// The rules a child's dates must meet, in one place: the wizard checks a field when it is
/// saved and shows the reason beside it, and the loader applies the same format rule to files.
/// Each rule returns the reason in words a practitioner can act on, or nil: a few words, then
/// after a colon what to do, so a screen can show the first part beside the field.
public enum FieldRules {
    /// An expected date more than this many days in the past is a mistake, not a late baby.
    public static let expectedDatePastWindowDays = 30
    /// A date of birth giving an age above this is outside the document (0–19, 25 with SEND).
    public static let maximumAgeYears = 25

    /// "YYYY-MM-DD" and a real day; why not otherwise. On screen the reason may echo what was
    /// typed ("use YYYY-MM-DD: 2019-03-14?"); with `quotingValue: false`, for errors about a file
    /// that reach stderr, it never repeats anything derived from the value.
    public static func dateProblem(_ text: String, quotingValue: Bool = true) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let shaped =
            parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2
            && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
        guard shaped else {
            let pieces = text.split(whereSeparator: { $0 == "/" || $0 == "." }).map(String.init)
            if quotingValue, pieces.count == 3, pieces[2].count == 4, let d = Int(pieces[0]), let m = Int(pieces[1]),
                let y = Int(pieces[2]),
                let date = CalendarDate(year: y, month: m, day: d)
            {
                return "use YYYY-MM-DD: \(date)?"
            }
            return "use YYYY-MM-DD: for example 2019-03-14"
        }
        guard CalendarDate(text) == nil, let y = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        if !(1...12).contains(m) {
            return quotingValue ? "no such date: there is no month \(parts[1])" : "no such date: the month must be 01–12"
        }
        if !(1900...2200).contains(y) { return "no such date: the year must be 1900–2200" }
        return quotingValue
            ? "no such date: that month has \(CalendarDate.days(inMonth: m, year: y)) days"
            : "no such date: the day is past the end of its month"
    }

    /// A date of birth: a real date, not in the future, not making the child older than the document covers.
    public static func dateOfBirthProblem(_ text: String, today: CalendarDate) -> String? {
        if let p = dateProblem(text) { return p }
        guard let born = CalendarDate(text) else { return nil }
        if today < born { return "in the future: for a baby not yet born, tick Unborn" }
        if born.months(until: today) / 12 > maximumAgeYears {
            return "too long ago: the child would be \(born.months(until: today) / 12); the document covers 0–19 (25 with SEND)"
        }
        return nil
    }

    /// An expected date: a real date, not long past (then the baby is born).
    public static func expectedDateProblem(_ text: String, today: CalendarDate) -> String? {
        if let p = dateProblem(text) { return p }
        guard let due = CalendarDate(text) else { return nil }
        if due.days(until: today) > expectedDatePastWindowDays {
            return "over \(expectedDatePastWindowDays) days ago: if the baby is born, untick Unborn"
        }
        if today.days(until: due) > 300 { return "over 300 days ahead: check the year" }
        return nil
    }
}

extension CalendarDate {
    /// Days from `self` to `later` (negative if `later` is earlier), by the proleptic Gregorian calendar.
    public func days(until later: CalendarDate) -> Int { later.dayNumber - dayNumber }

    /// Days since a fixed epoch (the algorithm of Howard Hinnant's `days_from_civil`).
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe
    }
}
