import Foundation
import Testing

/// The details forms in a real terminal: a carer and an agency entered by keys reach the
/// exported summary. An extension of the serialized suite, like the other tmux tests.
extension WizardEndToEndTests {
    @Test func aCarerAndAnAgencyEnteredInTheFormsReachTheSummary() throws {
        let t = try Tmux()
        let docs = t.home + "/docs"
        try t.start(env: ["XDG_DOCUMENTS_DIR": docs])
        try t.waitFor("New assessment")
        try t.send("Enter")
        try t.waitFor("form 1 of 5: The child")
        try t.send("Enter")
        try t.type("Test Child")
        try t.send("Enter", "Down", "Enter")
        try t.type("2016-04-12")
        try t.send("Enter")
        try t.waitFor("10 years")
        try t.send("NPage")
        try t.waitFor("form 2 of 5: Family and household")
        try t.send("Enter")
        try t.waitFor("Parent or carer 1")
        try t.send("Enter")
        try t.type("Sam Smith")
        try t.send("Enter", "Down", "Enter")
        try t.type("mother")
        try t.send("Enter", "Down", "Space", "Escape")
        try t.waitFor("Parent or carer 1: Sam Smith, mother, parental responsibility: yes")
        try t.send("NPage")
        try t.waitFor("form 3 of 5: Other agencies")
        try t.send("Down", "Down", "Enter")
        try t.waitFor("Agency 1")
        try t.send("Enter")
        try t.type("Riverside Primary")
        try t.send("Enter", "Down", "Enter")
        try t.type("Ms Khan")
        try t.send("Enter", "Escape")
        try t.waitFor("Agency 1: Riverside Primary, Ms Khan")
        try t.send("NPage", "NPage", "NPage")
        try t.waitFor("Is the child in immediate danger?")
        try t.send("Up", "Enter")
        try t.waitFor("(1/3)")
        try t.send("2")
        let screen = try t.exportFromTheReview()
        let words = screen.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        // The export screen counts what is missing and names the first few; the review and the
        // summary list them all.
        #expect(words.contains("The referral still lacks"), "the export screen says what is missing")
        #expect(words.contains("the review and the summary list them all"))
        let files = try FileManager.default.contentsOfDirectory(atPath: docs).filter { $0.hasSuffix(".txt") }
        let summary = try String(contentsOfFile: docs + "/" + (try #require(files.first)), encoding: .utf8)
        #expect(summary.contains("Sam Smith"))
        #expect(summary.contains("mother"))
        #expect(summary.contains("Riverside Primary"))
        #expect(summary.contains("Ms Khan"))
        // What the referral still lacks is on the first screen, one line, wrapped when long.
        let flat = summary.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        #expect(flat.contains("Still lacks:"))
        #expect(flat.lowercased().contains("where the child is now is not recorded"))
    }
}
