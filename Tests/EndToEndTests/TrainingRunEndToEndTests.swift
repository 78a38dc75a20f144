import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A participant's training run in a real terminal: alias, case, narrative, rating, decision,
/// feedback and a 0600 response file that the facilitator's report counts. An extension of the
/// serialized suite, so it never runs beside the other terminal tests.
extension WizardEndToEndTests {
    @Test func aParticipantCompletesACaseSeesTheFeedbackAndWritesAResponse() throws {
        let t = try Tmux()
        let responses = t.home + "/usb"
        mkdir(responses, 0o700)
        try t.start("train --responses '\(responses)'")
        // Each check waits for its own text: under load a screen can be read half drawn.
        try t.waitFor("Training: choose a case")
        let start = try t.waitFor("(not set: press a)")
        #expect(start.split(separator: "\n").first?.contains("TRAINING") == true, "the header says TRAINING")
        try t.send("a")
        try t.type("Owl")
        try t.send("Enter")
        try t.waitFor("You are Owl for this workshop.")
        try t.send("Enter")  // the first case: Ruby
        try t.waitFor("What the referrer saw and heard")
        try t.send("Enter")
        let details = try t.waitFor("About the child")
        #expect(details.contains("TRAINING · R. H."), "the fictional child is filled in, and the header says TRAINING")
        try t.send(contentsOf: Array(repeating: "NPage", count: 5))
        try t.waitFor("Is the child in immediate danger?")
        try t.send("Up", "Enter")
        try t.waitFor("Child’s developmental needs (1/3)")
        try t.send("v")
        try t.waitFor("TRAINING case narrative")
        try t.send("v")
        try t.waitUntilGone("TRAINING case narrative")
        try t.send("1", "1")
        try t.waitFor("2 of")
        for _ in 0..<5 { try t.send("Tab") }
        let review = try t.waitFor("Proposed: Level 1, step 1")
        #expect(!review.contains("Model answer"), "the model answer stays hidden until the decision")
        try t.send("Tab")
        try t.waitFor("The engine proposes: Level 1, step 1.")
        try t.send("Enter")
        try t.waitFor("Model answer: Level 1, step 1")
        try t.waitFor("Yours: Level 1, step 1")
        let feedback = try t.waitFor("Training feedback")
        #expect(feedback.split(separator: "\n").first?.contains("TRAINING") == true)
        try t.send("w")
        try t.waitFor("Saved your response")
        try t.send("q")
        try t.waitFor("Saved:")

        let files = try FileManager.default.contentsOfDirectory(atPath: responses)
        #expect(files.count == 1)
        let file = try #require(files.first)
        #expect(file.hasPrefix("TRAINING-response-resp-") && file.hasSuffix(".json"))
        var st = stat()
        stat(responses + "/" + file, &st)
        #expect(st.st_mode & 0o777 == 0o600)
        let text = try String(contentsOfFile: responses + "/" + file, encoding: .utf8)
        #expect(text.contains("\"alias\" : \"Owl\""))
        #expect(!text.contains("Ruby Hale"), "the fictional child's name is not in the response")

        let report = try Tmux.staircase(["training", "report", responses], env: ["STAIRCASE_CATALOGUE": ""])
        #expect(report.status == 0, "\(report.output)")
        #expect(report.output.contains("1 participant, 1 response counted"))

        // The run lives in the training store, never among real assessments.
        let real = try FileManager.default.contentsOfDirectory(atPath: t.dataDirectory + "/staircase")
        #expect(real.filter { $0.hasSuffix(".json") }.isEmpty)
        let training = try FileManager.default.contentsOfDirectory(atPath: t.dataDirectory + "/staircase/training")
        #expect(training.filter { $0.hasSuffix(".json") }.count == 1)
        let list = try Tmux.staircase(["sessions", "list"], env: ["XDG_DATA_HOME": t.dataDirectory])
        #expect(!list.output.contains("RH"), "sessions list never shows a training run")
    }
}
