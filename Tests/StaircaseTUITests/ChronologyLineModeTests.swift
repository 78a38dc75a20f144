import StaircaseCore
import Testing

@testable import StaircaseTUI

/// The chronology in line mode: `c` on a row asks the date (refusing a wrong one with the same
/// reason as curses), what happened and the source, then Enter adds it; `h` prints the events as
/// numbered lines in date order; rows are found with /words and linked by number.
@Suite struct ChronologyLineModeTests {
    @Test func cOnARowAsksEachFieldAndAddsTheEventForThatRow() throws {
        let start = try SnapshotTests.inProgress()
        let row = try #require(start.selectedRowID(domain: 0))
        let script = [
            "c", "2026-13-01", "2026-06-14", "Police attended after a neighbour called", "Police notification", "",
            "h", "a", "about 2026-05", "Moved house for the second time this year", "", "4", "/accommodation", "1", "", "",
            "1", "x", "q",
        ]
        let host = FakeHost()
        var runner = LineRunner(state: start, console: ScriptConsole(answers: script), host: host.host)
        _ = runner.run()
        let out = runner.console.output
        let said = out.joined(separator: "\n")
        #expect(out.contains { $0.hasPrefix("Date of the event (2026-06-14, 2026-06 or about 2026-06)") })
        #expect(said.contains("Problem: Date: no such date: there is no month 13."), "the same reason as curses")
        #expect(said.contains("Note: Added the event of 14 June 2026: u undoes it."))
        // The chronology as numbered lines in date order: the approximate May event first.
        #expect(out.contains("  1. about May 2026: Moved house for the second time this year. Rows: Family"))
        #expect(out.contains { $0.hasPrefix("  2. 14 June 2026: Police attended after a neighbour called. Source:") })
        #expect(said.contains("Rows matching \"accommodation\": 1"))
        #expect(said.contains("Note: Deleted the event of about May 2026: u undoes it."))
        let events = try #require(runner.state.assessment?.chronology)
        #expect(events.count == 1)
        #expect(events.first?.rows == [row], "linked to the row c was typed on")
        #expect(events.first?.source == "Police notification")
        #expect(host.files.values.first?.chronology == events, "saved")
    }

    @Test func theRowSaysItsEventsInLineMode() throws {
        var s = try SnapshotTests.inProgress()
        ChronologyTests.addFromRow(&s, date: "2026-06-14", what: "Police attended")
        ChronologyTests.addFromRow(&s, date: "2026-11-02", what: "Police attended again")
        let text = LineRenderer.render(ScreenModel(s), width: 80).joined(separator: "\n")
        #expect(text.contains("Chronology: 2 events, June-November 2026 (h lists them, c adds one)."))
        Support.press(&s, [.char("j")])
        #expect(!LineRenderer.render(ScreenModel(s), width: 80).joined().contains("Chronology:"), "nothing for a row with none")
    }
}
