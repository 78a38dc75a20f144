import Foundation
import StaircaseCore
import Testing

@testable import StaircaseTUI

/// Line mode's idle lock at every kind of prompt (the screen's, a follow-up question's, a text
/// field's), in line mode's own words, and a folder prompt whose Enter keeps what it shows.
@Suite struct LineLockTests {
    let c: Catalogue
    init() throws { c = try Support.minimal() }

    static let passphrase = IdleLockTests.passphrase

    /// Answers with a wait (seconds on the test clock) before each; counts passphrase prompts.
    struct TimedConsole: LineConsole {
        var width = 80
        var answers: [(wait: Int, text: String)]
        let clock: TestClock
        var output: [String] = []
        var secrets = 0
        mutating func write(_ lines: [String]) { output += lines }
        mutating func ask(_ prompt: String) -> LineInput {
            guard !answers.isEmpty else { return .end }
            let a = answers.removeFirst()
            clock.seconds += a.wait
            output.append(prompt + " " + a.text)
            return .line(a.text)
        }
        mutating func askSecret(_ prompt: String) -> LineInput {
            secrets += 1
            guard !answers.isEmpty else { return .end }
            output.append(prompt)
            return .line(answers.removeFirst().text)
        }
        var text: String { output.joined(separator: "\n") }
    }

    /// A console that, like a terminal, gives up waiting when the idle time passes.
    struct DeadlineConsole: LineConsole {
        var width = 80
        var answers: [LineInput]
        var output: [String] = []
        var deadlines: [Duration?] = []
        mutating func write(_ lines: [String]) { output += lines }
        mutating func ask(_ prompt: String) -> LineInput { ask(prompt, idleAfter: nil) }
        mutating func ask(_ prompt: String, idleAfter: Duration?) -> LineInput {
            deadlines.append(idleAfter)
            output.append(prompt)
            return answers.isEmpty ? .end : answers.removeFirst()
        }
    }

    func host(_ fake: FakeHost, clock: TestClock, encrypted: Bool) -> WizardHost {
        IdleLockTests.host(fake, clock: clock, encrypted: encrypted, idle: 30)
    }

    @Test func aFollowUpQuestionAnsweredAfterTheIdleTimeLocksAndTheAnswerIsNotUsed() {
        let clock = TestClock()
        let fake = FakeHost()
        // New assessment; 3 opens the Unborn question; 35 s later "2" (yes) is typed.
        let console = TimedConsole(answers: [(0, "1"), (0, "3"), (35, "2"), (0, Self.passphrase), (0, ""), (0, "q")], clock: clock)
        var runner = LineRunner(state: Support.state(c), console: console, host: host(fake, clock: clock, encrypted: true))
        _ = runner.run()
        #expect(runner.console.text.contains("Staircase is locked"))
        #expect(runner.console.secrets == 1)
        #expect(runner.state.assessment?.child.unborn == false, "the 2 typed after the idle time was not used")
        #expect(fake.files.values.allSatisfy { !$0.child.unborn }, "and not saved")
    }

    @Test func aTextPromptAnsweredAfterTheIdleTimeLocksAndTheTextIsNotUsed() {
        let clock = TestClock()
        let fake = FakeHost()
        let s = Support.onFirstDomain(c)
        // e opens the evidence note; the note comes 35 s later; after unlocking, Enter leaves it.
        let console = TimedConsole(
            answers: [(0, "e"), (35, "Late note"), (0, Self.passphrase), (0, ""), (0, "q")], clock: clock)
        var runner = LineRunner(state: s, console: console, host: host(fake, clock: clock, encrypted: true))
        _ = runner.run()
        #expect(runner.console.text.contains("Staircase is locked"))
        let notes = runner.state.assessment?.answers.values.compactMap(\.note) ?? []
        #expect(!notes.contains { $0.contains("Late note") }, "the note typed after the idle time was not used")
        #expect(fake.files.values.allSatisfy { $0.answers.values.allSatisfy { $0.note.isEmpty } })
    }

    @Test func aTerminalLocksWhenTheTimePassesNotAtTheNextAnswer() {
        let fake = FakeHost()
        let clock = TestClock()
        let s = Support.onFirstDomain(c)
        let console = DeadlineConsole(answers: [.idle, .line(""), .line("q")])
        var h = host(fake, clock: clock, encrypted: false)
        h.unlock = nil
        var runner = LineRunner(state: s, console: console, host: h)
        _ = runner.run()
        #expect(runner.console.deadlines.first == .seconds(30), "the prompt waits only as long as the idle time")
        let out = runner.console.output.joined(separator: "\n")
        #expect(out.contains("Staircase is locked: nothing was typed for a while"))
        #expect(out.contains("Press Enter to go back to where you were."))
        #expect(!out.contains("press any key") && !out.contains("Jo Bloggs"), "line mode's own words, and nothing of the case")
    }

    @Test func theLockIsWordedForLineModeOnAnEncryptedStore() {
        var s = Support.onFirstDomain(c)
        _ = Wizard.reduce(&s, .idle(needsPassphrase: true))
        let lines = LineRunner<DeadlineConsole>.lockLines(s, width: 40)
        #expect(lines.joined(separator: " ").contains("Type the store's passphrase and press Enter"))
        #expect(lines.allSatisfy { $0.count <= 40 })
        #expect(!lines.joined().contains("Jo Bloggs") && !lines.joined().contains("any key"))
    }

}

/// Moving around in line mode: `g` to a row by number or title and back, `p` for where you are,
/// and the commands of every prompt at follow-up questions and text prompts.
@Suite struct LineMovingTests {
    let c: Catalogue
    init() throws { c = try EmbeddedCatalogue.load() }

    func run(_ answers: [String], from s: WizardState) -> LineRunner<ScriptConsole> {
        var runner = LineRunner(state: s, console: ScriptConsole(answers: answers), host: FakeHost().host)
        _ = runner.run()
        return runner
    }

    @Test func gGoesToARowByNumberOrTitleAndBackAndTheRatingLandsThere() throws {
        let s = Support.onFirstDomain(c)
        let rows = s.visibleRows(domain: 0)
        try #require(rows.count >= 3)
        let third = rows[2].indicator
        let runner = run(["g 3", "p", "2", "g", "p", "g 99", "q"], from: s)
        let out = runner.console.output.joined(separator: "\n")
        #expect(runner.state.assessment?.answers[third.id]?.rating == .level2, "the rating went to row 3, the row g went to")
        #expect(out.contains(", row 3 of \(rows.count), 0 answered."))
        #expect(out.contains(", row 1 of \(rows.count), 1 answered."), "g alone went back to the row left")
        #expect(out.contains("type g and a number from 1 to \(rows.count)"))
        let byTitle = run(["g \(third.title.lowercased())", "p", "q"], from: s)
        #expect(byTitle.console.output.joined(separator: "\n").contains(", row 3 of"), "g with a word of the title")
    }

    @Test func aLineThatIsACommandAtATextPromptIsTheCommandUnlessEscaped() {
        let s = Support.onFirstDomain(c)
        let id = s.visibleRows(domain: 0)[0].indicator.id
        let asText = run(["e", "\\q", "q"], from: s)
        #expect(asText.state.assessment?.answers[id]?.note == "q", "a backslash types q as the text")
        let quit = run(["e", "q"], from: s)
        #expect(quit.state.assessment?.answers[id]?.note == nil, "q at a text prompt quits without writing q")
        let help = run(["e", "?", "b", "q"], from: s)
        #expect(help.console.output.joined(separator: " ").contains("type a backslash first"))
        #expect(help.state.assessment?.answers[id]?.note == nil)
    }

    @Test func anInvalidAnswerWhereThereAreNoChoicesNamesEnterOnly() {
        var s = Support.onFirstDomain(c)
        Support.press(&s, [.tab, .tab, .tab, .tab, .tab])
        let runner = run(["7", "q"], from: s)
        let said = runner.console.output.first { $0.contains("is not an answer here") } ?? ""
        #expect(!said.contains("Type ,") && !said.contains("Type  "), "no empty list of choices: \(said)")
        #expect(said.contains("Enter"))
    }

    @Test func lRepeatsOnlyTheLastPrompt() {
        let s = Support.onFirstDomain(c)
        let runner = run(["l", "q"], from: s)
        let out = runner.console.output
        let asked = out.filter { $0.hasPrefix("Level for ") }
        #expect(asked.count == 2, "the prompt, then the same prompt again: \(asked)")
        let first = out.firstIndex { $0.hasPrefix("Level for ") } ?? 0
        let second = out[(first + 1)...].firstIndex { $0.hasPrefix("Level for ") } ?? out.endIndex
        #expect(second - first <= 2, "nothing but the prompt between them: \(out[first..<second])")
    }

    /// A level the document marks not applicable for the row is refused, in both renderers.
    @Test func aLevelTheDocumentMarksNotApplicableIsRefused() throws {
        var s = Support.onFirstDomain(c)
        func notApplicable(_ r: VisibleRow) -> Int? {
            (1...4).first { if case .notApplicable? = r.indicator.levels[$0] { true } else { false } }
        }
        guard let d = (0..<3).first(where: { d in s.visibleRows(domain: d).contains { notApplicable($0) != nil } }) else {
            Issue.record("no row has a level marked not applicable")
            return
        }
        Support.press(&s, Array(repeating: .tab, count: d))
        let rows = s.visibleRows(domain: d)
        let i = rows.firstIndex { notApplicable($0) != nil } ?? 0
        let n = notApplicable(rows[i]) ?? 1
        Support.press(&s, Array(repeating: .char("j"), count: i))
        let id = rows[i].indicator.id
        Support.press(&s, [.char(Character(String(n)))])
        #expect(s.assessment?.answers[id] == nil, "not recorded")
        #expect(s.message?.isError == true && s.message?.text.contains("not applicable") == true)
        #expect(s.visibleRows(domain: d)[s.domainCursor[d]].indicator.id == id, "still on the row")
        let line = run(["\(n)", "q"], from: s)
        #expect(line.state.assessment?.answers[id] == nil)
        #expect(line.console.output.contains { $0.contains("is not an answer here") })
    }

    /// p says where you are at a question and at a text prompt too; \p types the letter.
    @Test func pSaysWhereYouAreAtEveryKindOfPrompt() {
        let s = Support.onFirstDomain(c)
        let id = s.visibleRows(domain: 0)[0].indicator.id
        let runner = run(["e", "p", "\\p", "q"], from: s)
        #expect(runner.console.output.contains { $0.contains(", row 1 of ") && $0.hasSuffix("answered.") })
        #expect(runner.state.assessment?.answers[id]?.note == "p")
    }
}
