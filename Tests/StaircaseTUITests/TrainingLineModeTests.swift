import Foundation
import StaircaseCore
import Testing

@testable import StaircaseTUI

/// A participant's training run in line mode, answered from a script through the real line
/// run loop: the alias is asked, `v` prints the narrative, the decision leads to the feedback,
/// and `w` asks for the folder (the default shown) and writes through the host.
@Suite struct TrainingLineModeTests {
    @Test func aLineModeParticipantDecidesSeesFeedbackAndWritesTheResponse() throws {
        let fake = FakeHost()
        var host = fake.host
        var writes: [(TrainingResponse, String)] = []
        host.writeResponse = { r, folder in
            writes.append((r, folder))
            return .success(folder + "/" + r.fileName)
        }
        let state = try TrainingRunTests.run(alias: nil)
        // Case 1 without an alias asks for it; then read, go through the five details forms and
        // danger, rate two rows, skip the rest (the referral and household screens too), record the proposal, print the narrative, write to
        // the folder typed.
        let script = [
            "1", "Owl", "1", "", "", "", "", "", "", "2", "1", "1", "s", "s", "s", "", "", "", "v", "", "", "w", "/tmp/room", "q",
        ]
        var runner = LineRunner(state: state, console: ScriptConsole(answers: script), host: host)
        _ = runner.run()
        let out = runner.console.output.joined(separator: "\n")
        // Line mode wraps at 80 columns; the checks of long lines read it unwrapped.
        let flat = runner.console.output.joined(separator: " ")
        #expect(out.contains("Your workshop alias (never your real name) (Enter leaves it empty): Owl"))
        #expect(out.contains("Staircase: TRAINING - Training case: Ruby"))
        #expect(out.contains("Staircase: TRAINING - Training case narrative"))
        #expect(out.contains("Model answer: Level 1, step 1"))
        #expect(flat.contains("Folder for your TRAINING response file (a USB stick or a shared folder) (Enter keeps \"/media/usb\""))
        #expect(writes.count == 1)
        #expect(writes.first?.1 == "/tmp/room")
        #expect(writes.first?.0.alias == "Owl")
        #expect(flat.contains("Saved your response (TRAINING, private to you): /tmp/room/TRAINING-response-"))
        let before = try #require(out.range(of: "Model answer:"))
        #expect(!out[..<before.lowerBound].contains("For discussion"), "the model answer stays hidden until the decision")
        #expect(!fake.files.isEmpty && fake.files.values.allSatisfy { $0.training }, "every file saved is a training run")
    }

    /// The folder prompt says "Enter keeps" the folder shown: Enter writes the response there.
    @Test func enterAtTheFolderPromptWritesTheResponseToTheFolderShown() throws {
        let fake = FakeHost()
        var host = fake.host
        var writes: [String] = []
        host.writeResponse = { r, folder in
            writes.append(folder)
            return .success(folder + "/" + r.fileName)
        }
        let state = try TrainingRunTests.run(alias: nil)
        let script = ["1", "Owl", "1", "", "", "", "", "", "", "2", "1", "1", "s", "s", "s", "", "", "", "", "w", "", "q"]
        var runner = LineRunner(state: state, console: ScriptConsole(answers: script), host: host)
        _ = runner.run()
        #expect(writes == ["/media/usb"], "Enter kept the folder shown and wrote the response there")
        #expect(runner.console.output.joined(separator: " ").contains("Saved your response (TRAINING, private to you): /media/usb/"))
    }
}
