import Foundation
import StaircaseCore
import Testing

@testable import StaircaseTUI

/// Line mode on "The referral in your words" and the household questions: each question printed
/// once, then its prompt; ticks by number or by name; y, n or k with an optional note.
@Suite struct ReferralLineModeTests {
    /// Skips the three domains of the Durham snapshot state to the voice screen, then runs `script`.
    func run(_ script: [String]) throws -> (LineRunner<ScriptConsole>, FakeHost) {
        let host = FakeHost()
        var s = try SnapshotTests.inProgress()
        Support.press(&s, [.tab, .tab, .tab])
        var runner = LineRunner(state: s, console: ScriptConsole(answers: script), host: host.host)
        _ = runner.run()
        return (runner, host)
    }

    @Test func theReferralIsWrittenAndTickedByNumberOrName() throws {
        let (runner, _) = try run(["1", "Bruises seen twice", "early help", "6", "single-assessment", "q"])
        let a = try #require(runner.state.assessment)
        #expect(a.worry == "Bruises seen twice")
        #expect(a.request.kinds == [.advice, .earlyHelp, .singleAssessment])
        let out = runner.console.output
        #expect(
            out.joined(separator: " ").contains(
                "What are you worried about, and how and why has it arisen? (Enter leaves it empty): Bruises"))
        #expect(out.contains("  7. Ask for early help: ticked"), "the change is printed")
        #expect(out.allSatisfy(LineModeTests.isPlainASCII))
    }

    @Test func typingATickAgainUnticksIt() throws {
        let (runner, _) = try run(["advice", "advice", "q"])
        #expect(runner.state.assessment?.request.kinds == [])
    }

    @Test func householdQuestionsAreAnsweredYNKWithAnOptionalNote() throws {
        let (runner, host) = try run(["", "1", "y", "Police called in October", "3", "k", "", "", "q"])
        let a = try #require(host.files[runner.state.assessment?.id ?? ""])
        #expect(a.householdDifficulties["domestic-abuse"] == .init(.yes, note: "Police called in October"))
        #expect(a.householdDifficulties["substance-misuse"] == .init(.notKnown))
        #expect(a.householdDifficulties["mental-illness"] == nil)
        #expect(runner.state.screen == .review)
        let out = runner.console.output
        let question = "Do you know of difficulties in the household due to domestic abuse?"
        let said = out.joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(said.components(separatedBy: question).count == 2, "the question is printed once, at its prompt")
        #expect(said.contains(question + " y, n or k (Enter leaves it not asked): y"))
        #expect(out.contains { $0.hasPrefix("Note on domestic abuse (Enter leaves it empty):") })
        #expect(out.contains { $0.contains("Rows it links to (4 of 4 not yet rated)") })
        // The review prints the same facts.
        #expect(said.contains("You know of domestic abuse in the household; none of its 4 rows is rated"))
        #expect(said.contains("Domestic abuse: yes (Police called in October)"))
    }
}
