import Foundation
import Testing

@testable import StaircaseCore

/// Record version 3 (issue 25): the worry, what is working well, the request, the household
/// questions and the chronology. Every shipped example and every previous-version fixture
/// migrates; dates, sorting and the wording of a row's events are exact.
@Suite struct RecordV3Tests {
    static func date(_ s: String) throws -> EventDate { try #require(EventDate(s)) }

    @Test func eventDatesReadAndWriteTheirFourForms() throws {
        for text in ["2026-06-14", "2026-06", "about 2026-06-14", "about 2026-06"] {
            #expect(try Self.date(text).description == text)
        }
        #expect(try Self.date("~2026-06-14").description == "about 2026-06-14")
        #expect(try Self.date("c. 2026-06").description == "about 2026-06")
        #expect(try Self.date("2026-06-14").words == "14 June 2026")
        #expect(try Self.date("about 2026-06").words == "about June 2026")
        for bad in ["", "2026", "2026-13", "2026-02-30", "14/06/2026", "2026-6-1", "about", "2026-06-14x", "1899-12"] {
            #expect(EventDate(bad) == nil, "\(bad)")
            #expect(EventDate.problem(bad) != nil, "\(bad)")
        }
        #expect(EventDate.problem("2026-02-30")?.hasPrefix("no such date") == true)
        let today = try #require(CalendarDate("2026-12-07"))
        #expect(EventDate.problem("2026-12-08", today: today)?.hasPrefix("in the future") == true)
        #expect(EventDate.problem("2026-12", today: today) == nil, "this month is not the future")
        #expect(EventDate.problem("about 2026-12-30", today: today) == nil, "an approximate date counts from its month's start")
    }

    @Test func eventsSortByDateWithApproximateDatesAtTheStartOfTheirMonth() throws {
        func e(_ id: String, _ d: String) throws -> ChronologyEvent { .init(id: id, date: try Self.date(d), what: id) }
        let entered = [
            try e("exact-2", "2026-06-02"), try e("about-14", "about 2026-06-14"), try e("may", "2026-05-31"),
            try e("month", "2026-06"), try e("exact-2-again", "2026-06-02"), try e("july", "2026-07-01"),
        ]
        #expect(
            Chronology.sorted(entered).map(\.id) == ["may", "about-14", "month", "exact-2", "exact-2-again", "july"],
            "approximate and month-only dates sort at the month's start; equal dates keep entry order")
    }

    @Test func aRowsEventsAreCountedWithTheMonthsTheySpan() throws {
        func e(_ d: String, _ rows: [String]) throws -> ChronologyEvent {
            .init(id: "e-" + d, date: try Self.date(d), what: "x", rows: rows)
        }
        let events = [
            try e("2026-11-06", ["a"]), try e("2026-06-20", ["a", "b"]), try e("2026-09-15", ["a"]), try e("2025-11", ["c"]),
            try e("2026-02-01", ["c"]),
        ]
        #expect(Chronology.span(for: "a", in: events) == "3 events, June–November 2026")
        #expect(Chronology.span(for: "b", in: events) == "1 event, June 2026")
        #expect(Chronology.span(for: "c", in: events) == "2 events, November 2025–February 2026")
        #expect(Chronology.span(for: "d", in: events) == nil)
        #expect(Chronology.added(in: events, since: Array(events.prefix(2))).map(\.id) == ["e-2025-11", "e-2026-02-01", "e-2026-09-15"])
    }

    @Test func aRequestThatDoesNotFitTheProposalIsWorthASecondLook() {
        var a = Assessment(id: "a", createdAt: "2026-12-07T10:00:00Z", catalogue: .init(id: "x", version: "1"))
        #expect(a.requestMismatch(proposedLevel: 4) == nil, "no request, nothing to say")
        a.request.toggle(.earlyHelp)
        #expect(
            a.requestMismatch(proposedLevel: 4)
                == "You ask for early help; the proposal is Level 4, and early help usually follows Level 2–3: worth a second look.")
        #expect(a.requestMismatch(proposedLevel: 3) == nil && a.requestMismatch(proposedLevel: nil) == nil)
        a.request.toggle(.singleAssessment)
        #expect(a.request.kinds == [.earlyHelp, .singleAssessment], "kept in the list's order")
        #expect(a.requestMismatch(proposedLevel: 4) == nil, "one kind that fits is enough")
        a.request = .init(kinds: [.strategyDiscussion])
        #expect(
            a.requestMismatch(proposedLevel: 1)
                == "You ask for a strategy discussion; the proposal is Level 1, and a strategy discussion usually follows Level 4: worth a second look."
        )
    }

    /// Every shipped example as it was at version 2, and the version 1 fixture, read as version 3
    /// with the strengths as what is working well overall, written back without "strengths", and
    /// read again to the same record.
    @Test(arguments: ["level3-several-areas", "level4-immediate-danger", "hostile"])
    func everyPreviousVersionExampleMigrates(name: String) throws {
        let c = try Fixtures.durham()
        let path = Fixtures.path("v2/\(name).json")
        let old = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        #expect(old["schemaVersion"] as? Int == 2)
        let a = try AssessmentLoader.load(path: path, catalogue: c)
        #expect(a.schemaVersion == 3)
        #expect(a.workingWell.overall == old["strengths"] as? String)
        #expect(a.worry.isEmpty && a.request.isEmpty && a.householdDifficulties.isEmpty && a.chronology.isEmpty)
        let data = try JSONEncoder.stable.encode(a)
        let written = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(written["strengths"] == nil && written["schemaVersion"] as? Int == 3)
        #expect(try AssessmentLoader.load(data: data, file: "x.json", catalogue: c) == a)

        // The shipped example itself is version 3 and keeps everything the old one had.
        let shipped = try AssessmentLoader.load(path: Fixtures.projectFile("Data/examples/\(name).json"), catalogue: c)
        #expect(shipped.schemaVersion == 3)
        #expect(shipped.answers == a.answers && shipped.child == a.child && shipped.workingWell.overall == a.workingWell.overall)
    }

    @Test func theChronologyIsWrittenInDateOrder() throws {
        let c = try Fixtures.durham()
        var a = try AssessmentLoader.load(path: Fixtures.projectFile("Data/examples/level3-several-areas.json"), catalogue: c)
        a.chronology.reverse()
        let data = try JSONEncoder.stable.encode(a)
        let back = try AssessmentLoader.load(data: data, file: "x.json", catalogue: c)
        #expect(back.chronology.map(\.date.description) == ["2026-03", "2026-05-12", "about 2026-06-20", "2026-09-15", "2026-11-06"])
    }

    /// The loader names the path and the fix, and never a value (a value can be case text).
    @Test func theLoaderRefusesWhatVersionThreeCannotHold() throws {
        let c = try Fixtures.durham()
        let base = try String(contentsOfFile: Fixtures.projectFile("Data/examples/level3-several-areas.json"), encoding: .utf8)
        func error(_ edit: (String) -> String) -> String? {
            do {
                _ = try AssessmentLoader.load(data: Data(edit(base).utf8), file: "x.json", catalogue: c)
                return nil
            } catch {
                return error.description
            }
        }
        let cases: [(String, (String) -> String, String)] = [
            (
                "strengths in version 3", { $0.replacingOccurrences(of: "\"worry\":", with: "\"strengths\": \"x\", \"worry\":") },
                "strengths"
            ),
            ("a chronology in version 2", { $0.replacingOccurrences(of: "\"schemaVersion\": 3", with: "\"schemaVersion\": 2") }, "worry"),
            (
                "an unknown row",
                { $0.replacingOccurrences(of: "\"environment.financial-resources\"\n", with: "\"environment.no-such-row\"\n") },
                "chronology[0].rows[0]"
            ),
            ("a date that does not exist", { $0.replacingOccurrences(of: "\"2026-09-15\"", with: "\"2026-09-31\"") }, "chronology[3].date"),
            (
                "an event id twice", { $0.replacingOccurrences(of: "e-level3example00002", with: "e-level3example00001") },
                "chronology[1].id"
            ),
            (
                "an unknown domain", { $0.replacingOccurrences(of: "\"child-development\":", with: "\"child-developmnet\":") },
                "workingWell.domains"
            ),
            (
                "an unknown household question", { $0.replacingOccurrences(of: "\"substance-misuse\":", with: "\"gambling\":") },
                "householdDifficulties"
            ),
            ("a request not on the list", { $0.replacingOccurrences(of: "\"early-help\"", with: "\"a-bed\"") }, "request.kinds[0]"),
        ]
        for (name, edit, path) in cases {
            let message = error(edit)
            #expect(message?.contains(path) == true, "\(name): \(message ?? "accepted")")
        }
    }
}
