import StaircaseCore
import Testing

@testable import StaircaseTUI

/// The chronology in the wizard (issue 25): `c` on a row adds an event for exactly that row and
/// comes back to it; the list is in date order with equal dates in the order entered; a wrong
/// date is refused with its reason; delete and undo are ordinary changes.
@Suite struct ChronologyTests {
    static let t = Support.type

    /// `c` on the selected row, then a date, what happened and the source, each with Enter.
    @discardableResult
    static func addFromRow(_ s: inout WizardState, date: String, what: String, source: String = "School log") -> [Effect] {
        Support.press(&s, [.char("c")] + t(date) + [.enter] + t(what) + [.enter] + t(source) + [.enter, .enter])
    }

    @Test func cOnARowAddsAnEventLinkedToThatRowAndComesBackToIt() throws {
        var s = try SnapshotTests.inProgress()
        let row = try #require(s.selectedRowID(domain: 0))
        let effects = Self.addFromRow(&s, date: "2026-06-14", what: "Told a teacher there was no food at home")
        #expect(s.screen == .domain(0))
        #expect(s.selectedRowID(domain: 0) == row, "the same row is still selected")
        let events = try #require(s.assessment?.chronology)
        #expect(events.count == 1)
        #expect(events.first?.rows == [row], "exactly the row c was pressed on")
        #expect(events.first?.date.description == "2026-06-14")
        #expect(events.first?.what == "Told a teacher there was no food at home")
        #expect(events.first?.source == "School log")
        #expect(s.message?.text == "Added the event of 14 June 2026: u undoes it.")
        #expect(effects.contains { if case .save(let a) = $0 { a.chronology == events } else { false } }, "saved")
        // The row's panel says how many events it has, and over what span.
        #expect(ScreenModel(s).blocks.flatMap(\.paragraphs).contains("Chronology: 1 event, June 2026 (h lists them, c adds one)."))
        #expect(View.render(s, in: Support.screen).text.contains("1 event, June 2026 · "))
    }

    @Test func cAddsForTheRowShownAfterAMoveNotTheOneRatedBefore() throws {
        var s = try SnapshotTests.inProgress()
        Support.press(&s, [.char("2")])  // rates and moves on
        let shown = try #require(s.selectedRowID(domain: 0))
        Self.addFromRow(&s, date: "2026-07", what: "Missed a week of school")
        #expect(s.assessment?.chronology.first?.rows == [shown])
    }

    @Test func equalDatesKeepTheOrderEnteredOnScreen() throws {
        var s = try SnapshotTests.inProgress()
        Self.addFromRow(&s, date: "2026-09-01", what: "First")
        Self.addFromRow(&s, date: "2026-08-01", what: "Earlier")
        Self.addFromRow(&s, date: "2026-09-01", what: "Second")
        Self.addFromRow(&s, date: "about 2026-09-20", what: "Approximate")
        Support.press(&s, [.char("h")])
        #expect(s.screen == .chronology)
        let labels = ScreenModel(s).choices.filter { Int($0.key) != nil }.map(\.label)
        #expect(
            labels.map { String($0.prefix(while: { $0 != ":" })) } == [
                "1 August 2026", "about 20 September 2026", "1 September 2026", "1 September 2026",
            ])
        #expect(labels[2].contains("First") && labels[3].contains("Second"), "equal dates in the order entered: \(labels)")
        let screen = View.render(s, in: Support.screen).text
        let first = try #require(screen.range(of: "First")), second = try #require(screen.range(of: "Second"))
        #expect(first.lowerBound < second.lowerBound)
    }

    @Test func aWrongDateIsRefusedWithItsReasonAndNothingIsAdded() throws {
        var s = try SnapshotTests.inProgress()
        Support.press(&s, [.char("c")] + Self.t("2026-02-30") + [.enter])
        #expect(s.editor?.target == .eventDate, "the field stays open")
        #expect(s.chronology?.draft?.dateProblem?.contains("no such date") == true)
        #expect(s.message?.isError == true)
        Support.press(&s, [.ctrl("u")] + Self.t("2027-01-05") + [.enter])
        #expect(s.chronology?.draft?.dateProblem == "in the future: a chronology records what has happened")
        #expect(View.render(s, in: Support.screen).text.contains("✗ in the future"), "the reason beside the field")
        // Esc leaves a refused date as it was; the event cannot be added without a date.
        Support.press(&s, [.escape, .down, .enter] + Self.t("Ran away overnight") + [.enter, .escape, .down, .down, .enter])
        #expect(s.chronology?.draft?.date == "")
        #expect(s.assessment?.chronology.isEmpty == true)
        #expect(s.message?.text.hasPrefix("The event needs a date (") == true)
        #expect(s.chronology?.draft?.line == EventDraft.Line.date.rawValue, "the cursor goes to what is missing")
        // Esc on an unfinished event asks once, then throws it away and goes back to the row.
        let row = s.chronology?.draft?.forRow
        Support.press(&s, [.escape])
        #expect(s.screen == .chronology && s.message?.text.contains("Esc again throws it away") == true)
        Support.press(&s, [.escape])
        #expect(s.screen == .domain(0) && s.selectedRowID(domain: 0) == row)
        #expect(s.assessment?.chronology.isEmpty == true)
    }

    /// Tryout finding: Esc on a new event with nothing typed closed it without a word.
    @Test func escOnAnUntouchedNewEventSaysNoEventWasAdded() throws {
        var s = try SnapshotTests.inProgress()
        let row = s.selectedRowID(domain: 0)
        Support.press(&s, [.char("c"), .escape, .escape])  // the first Esc leaves the date field
        #expect(s.screen == .domain(0) && s.selectedRowID(domain: 0) == row)
        #expect(s.message?.text == "No event was added.")
        #expect(s.assessment?.chronology.isEmpty == true)
    }

    @Test func deleteSaysWhichEventAndUndoBringsItBack() throws {
        var s = try SnapshotTests.inProgress()
        Self.addFromRow(&s, date: "2026-06-14", what: "Police attended")
        let added = s.assessment?.chronology
        Support.press(&s, [.char("h")])
        let effects = Support.press(&s, [.char("x")])
        #expect(s.assessment?.chronology.isEmpty == true)
        #expect(s.message?.text == "Deleted the event of 14 June 2026: u undoes it.")
        #expect(effects.contains { if case .save = $0 { true } else { false } })
        Support.press(&s, [.char("u")])
        #expect(s.assessment?.chronology == added)
        Support.press(&s, [.escape])
        #expect(s.screen == .domain(0), "Esc goes back where the chronology was opened")
    }

    @Test func editingAnEventChangesItInPlaceAsOneUndoableChange() throws {
        var s = try SnapshotTests.inProgress()
        Self.addFromRow(&s, date: "2026-06-14", what: "Police attended")
        let steps = s.undoStack.count
        Support.press(&s, [.char("h"), .enter, .down, .enter, .ctrl("u")] + Self.t("Police attended at night") + [.enter])
        Support.press(&s, [.down, .down, .down, .enter])
        #expect(s.assessment?.chronology.first?.what == "Police attended at night")
        #expect(s.assessment?.chronology.count == 1)
        #expect(s.undoStack.count == steps + 1)
        #expect(s.message?.text == "Kept the changes to the event of 14 June 2026: u undoes it.")
    }

    @Test func thePickerLinksRowsFromAnyDomainByFilter() throws {
        var s = try SnapshotTests.inProgress()
        Support.press(&s, [.char("h"), .char("a")] + Self.t("2026-05") + [.enter] + Self.t("Moved house twice") + [.enter, .enter])
        #expect(s.chronology?.draft?.line == EventDraft.Line.rows.rawValue)
        Support.press(&s, [.enter, .char("/")] + Self.t("accommodation") + [.enter])
        #expect(s.chronology?.draft?.picking == true, "\(String(describing: s.chronology)) \(String(describing: s.editor))")
        Support.press(&s, [.char(" "), .escape, .escape])
        let rows = try #require(s.chronology?.draft?.rows)
        #expect(rows.count == 1)
        #expect(s.rowTitle(try #require(rows.first)) == "Family accommodation")
        Support.press(&s, [.down, .enter])
        #expect(s.assessment?.chronology.first?.rows == rows)
        #expect(s.screen == .chronology, "added from the list: back to the list")
    }

    /// u after an event was added, deleted or changed says which event came back or went.
    @Test func undoNamesTheEvent() throws {
        let june = try #require(EventDate("2026-06-14"))
        let event = ChronologyEvent(id: "e-1", date: june, what: "Police called to a domestic incident at home")
        var edited = event
        edited.what = "Police called"
        #expect(UndoDescription.chronology([event], []) == ["the event of 14 June 2026 (“Police called to a domestic i…”) added"])
        #expect(
            UndoDescription.chronology([], [event]) == [
                "the deletion of the event of 14 June 2026 (“Police called to a domestic i…”); it is back"
            ])
        #expect(
            UndoDescription.chronology([edited], [event]) == ["the change to the event of 14 June 2026 (“Police called to a domestic i…”)"])
        #expect(UndoDescription.chronology([event], [event]).isEmpty)
    }
}
