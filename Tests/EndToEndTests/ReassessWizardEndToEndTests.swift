import Foundation
import Testing

/// Re-assessment inside the wizard, in a real terminal: r on the start screen makes the new
/// assessment, c confirms carried rows, a level and w change others with a reason, and the
/// review's "Since last time" counts them.
@Suite(.serialized) struct ReassessWizardEndToEndTests {
    /// A store holding only the Level 3 example (decided 2026-11-20).
    static func store() throws -> String {
        let dir = try ReassessCommandLineTests.store()
        try FileManager.default.removeItem(atPath: dir + "/\(ReassessCommandLineTests.newID).json")
        return dir
    }

    /// Scrolls the review a page at a time until `text` shows; returns everything seen.
    func scrollReview(_ t: Tmux, until text: String) throws -> String {
        var seen = ""
        for _ in 0..<20 {
            seen += try t.screen()
            if seen.contains(text) { break }
            try t.send("NPage")
            usleep(150_000)
        }
        return seen
    }

    @Test func reassessConfirmSomeChangeOthersAndSeeSinceLastTime() throws {
        let dir = try Self.store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = try Tmux()
        try t.start("assess --store '\(dir)'")
        try t.waitFor("r re-assess")
        try t.send("Down", "r")
        try t.waitFor("Re-assessment: 70 earlier answers carried forward to confirm or change.")
        try t.send(contentsOf: Array(repeating: "NPage", count: 5))
        try t.waitFor("Is the child in immediate danger?")
        try t.send("Down", "Enter")
        let screen = try t.waitFor("Child’s developmental needs (1/3)")
        #expect(screen.contains("[?]"), "carried rows are marked")
        #expect(screen.contains("to confirm (was Level 1 on 2026-11-20)"))
        #expect(screen.contains("y confirm"))
        #expect(screen.contains("0 of 33 rows answered · 33 [?] to confirm"))

        // Confirm milestones (Level 1), then change academic progress 2 → 4, a real change.
        try t.send("y")
        try t.waitFor("Confirmed: Level 1, as on 2026-11-20.")
        try t.send("4")
        try t.waitFor("Was Level 2 on 2026-11-20, now Level 4")
        try t.send("w")
        try t.waitFor("Reason: real change")
        // Confirm EET (not applicable), then general development 1 → 2, new information.
        try t.send("Down", "y")
        try t.waitFor("Confirmed: not applicable")
        try t.send("2")
        try t.waitFor("Was Level 1 on 2026-11-20, now Level 2")
        try t.send("w", "w")
        try t.waitFor("Reason: new information")

        try t.send("Tab", "Tab", "Tab", "Tab", "Tab")
        try t.waitFor("Review")
        // Wrapped lines joined again, so a row's text can be matched whole.
        let review = try scrollReview(t, until: "The child’s journey").replacingOccurrences(
            of: "\n\\s+", with: " ", options: .regularExpression)
        #expect(review.contains("Since last time"))
        #expect(review.contains("Before: Level 3, step 3 (decided) on 2026-11-20"))
        #expect(review.contains("Rows: up 1, the same 2, newly identified 1; 66 to confirm"))
        #expect(review.contains("Level 2 → Level 4: Understanding and academic progress"))
        #expect(review.contains("Understanding and academic progress (up; now at Level 4; moved 2 levels up; real change)"))
        #expect(review.contains("Level 1 → Level 2: General child development (newly identified; new information)"))
        #expect(review.contains("and 58 more, marked to confirm"))
        #expect(review.contains("2026-11-20: Level 3, step 3 (decided)"))
        try t.send("q")
        try t.waitFor("Saved:")

        // The earlier file is unchanged; the new one is the same child, with the reasons saved.
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".json") }
        #expect(files.count == 2)
        guard let made = files.first(where: { $0 != ReassessCommandLineTests.oldID + ".json" }) else { return }
        let compare = try Tmux.staircase(["compare", ReassessCommandLineTests.oldID, dir + "/" + made, "--store", dir])
        #expect(compare.output.contains("Rows: up 1, the same 2, newly identified 1; 66 to confirm"), "\(compare.output)")
    }
}
