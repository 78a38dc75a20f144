import StaircaseCore
import Testing

@Suite struct FieldRulesTests {
    let today = CalendarDate(year: 2026, month: 11, day: 23) ?? CalendarDate.unknownDay

    @Test func wellFormedRealDatesPass() {
        #expect(FieldRules.dateProblem("2019-03-14") == nil)
        #expect(FieldRules.dateProblem("2024-02-29") == nil)
        #expect(FieldRules.dateOfBirthProblem("2016-04-12", today: today) == nil)
        #expect(FieldRules.expectedDateProblem("2027-03-01", today: today) == nil)
    }

    @Test func theFormatIsCheckedAndADayFirstDateGetsASuggestion() {
        #expect(FieldRules.dateProblem("14/03/2019") == "use YYYY-MM-DD: 2019-03-14?")
        #expect(FieldRules.dateProblem("yesterday")?.hasPrefix("use YYYY-MM-DD") == true)
        #expect(FieldRules.dateProblem("2019-3-14")?.hasPrefix("use YYYY-MM-DD") == true)
    }

    @Test func impossibleDatesSayWhy() {
        #expect(FieldRules.dateProblem("2019-02-30") == "no such date: that month has 28 days")
        #expect(FieldRules.dateProblem("2023-02-29") == "no such date: that month has 28 days")
        #expect(FieldRules.dateProblem("2019-13-01") == "no such date: there is no month 13")
    }

    @Test func aFutureBirthOrALongPastExpectedDateIsRefused() {
        #expect(FieldRules.dateOfBirthProblem("2030-01-01", today: today)?.hasPrefix("in the future") == true)
        #expect(FieldRules.dateOfBirthProblem("1990-01-01", today: today)?.hasPrefix("too long ago") == true)
        #expect(FieldRules.expectedDateProblem("2026-11-01", today: today) == nil, "a baby a few weeks late is not a mistake")
        #expect(FieldRules.expectedDateProblem("2026-10-01", today: today)?.hasPrefix("over 30 days ago") == true)
        #expect(FieldRules.expectedDateProblem("2028-01-01", today: today)?.hasPrefix("over 300 days ahead") == true)
    }

    @Test func theLoaderUsesTheSameFormatRule() throws {
        let c = try Fixtures.minimal()
        var a = Assessment(id: "a1", createdAt: "2026-11-23T10:00:00Z", catalogue: .init(id: c.id, version: c.version))
        a.child.dateOfBirth = "2019-02-30"
        #expect(
            throws: AssessmentError.invalid(
                file: "f", field: "child.dateOfBirth", message: "not a date", fix: "no such date: the day is past the end of its month")
        ) {
            try AssessmentLoader.check(a, against: c, file: "f")
        }
    }

    @Test func daysBetweenDatesCountLeapYears() {
        let a = CalendarDate(year: 2024, month: 2, day: 28) ?? today
        let b = CalendarDate(year: 2024, month: 3, day: 1) ?? today
        #expect(a.days(until: b) == 2)
        #expect(b.days(until: a) == -2)
    }
}
