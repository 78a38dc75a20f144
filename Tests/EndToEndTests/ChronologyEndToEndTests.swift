import Foundation
import Testing

/// The chronology in a real terminal (issue 25): `c` on a domain row, a date and what happened,
/// Enter to add; the saved (encrypted) file's chronology holds the event linked to that row.
extension WizardEndToEndTests {
    @Test func cOnADomainRowAddsAnEventThatIsSavedLinkedToThatRow() throws {
        let t = try Tmux()
        try t.start()
        try t.waitFor("New assessment")
        try t.send("Enter")
        try t.waitFor("form 1 of 5: The child")
        try t.send("NPage", "NPage", "NPage", "NPage", "NPage")
        try t.waitFor("Is the child in immediate danger?")
        try t.send("Down", "Enter")
        try t.waitFor("(1/3)")
        try t.send("c")
        try t.waitFor("New event")
        try t.type("2026-06-14")
        try t.send("Enter")
        try t.type("Told a teacher there was no food at home")
        try t.send("Enter")
        try t.type("Class teacher")
        try t.send("Enter", "Enter")
        let screen = try t.waitFor("Added the event of 14 June 2026")
        #expect(screen.contains("1 event, June 2026"), "the row's panel says its events: \(screen)")
        let saved = try Tmux.savedText(try #require(try t.savedFiles().first))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(saved.utf8)) as? [String: Any])
        let events = try #require(json["chronology"] as? [[String: Any]])
        #expect(events.count == 1)
        #expect(events.first?["date"] as? String == "2026-06-14")
        #expect(events.first?["what"] as? String == "Told a teacher there was no food at home")
        #expect(events.first?["source"] as? String == "Class teacher")
        #expect(events.first?["rows"] as? [String] == ["education.developmental-milestones"], "the first row, selected when c was pressed")
        let resume = try #require(json["resumeAt"] as? [String: Any])
        #expect(resume["row"] as? String == "education.developmental-milestones", "back on the same row")
    }
}
