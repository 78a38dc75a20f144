import Foundation
import StaircaseCore
import Testing

@testable import StaircaseTUI

/// A console that answers from a script and keeps every line printed.
struct ScriptConsole: LineConsole {
    var width = 80
    var answers: [String]
    var output: [String] = []

    mutating func write(_ lines: [String]) { output += lines }

    mutating func ask(_ prompt: String) -> LineInput {
        guard !answers.isEmpty else {
            output.append(prompt)
            return .end
        }
        let a = answers.removeFirst()
        output.append(prompt + " " + a)
        return .line(a)
    }
}

/// The line renderer on the screen model of every screen (golden text files in LineSnapshots/,
/// re-recorded with STAIRCASE_RECORD=1), and the line run loop driven by a script.
@Suite struct LineModeTests {
    /// Every screen of the curses snapshots, plus the decision accepted (export) and the quit question.
    static func screens() throws -> [(String, WizardState)] {
        var out = try SnapshotTests.screens().filter { $0.0 != "help" }
        if var review = out.first(where: { $0.0 == "review" })?.1 {
            Support.press(&review, [.tab, .enter])
            out.append(("export", review))
            Support.press(&review, [.enter])
            review.overlay = .confirmQuit
            out.append(("confirm-quit", review))
        }
        return out
    }

    /// True when the text is printable ASCII lines: no escape sequence, no box drawing, no mark.
    static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 == 10 || (0x20...0x7e).contains($0) }
    }

    @Test func eachScreenMatchesItsGoldenText() throws {
        for (name, state) in try Self.screens() {
            let text = LineRenderer.render(ScreenModel(state), width: 80).joined(separator: "\n") + "\n"
            #expect(Self.isPlainASCII(text), "\(name) has a byte that is not printable ASCII")
            #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(name) has a line over 80 columns")
            try Support.expectGolden(text, "LineSnapshots/\(name).txt", name)
        }
    }

    @Test func narrowTerminalsWrapAtWordsAndNothingIsLost() throws {
        for (name, state) in try Self.screens() {
            let lines = LineRenderer.render(ScreenModel(state), width: 40)
            #expect(lines.allSatisfy { $0.count <= 40 }, "\(name) at 40 columns")
            let words = { (l: [String]) in l.joined(separator: " ").split(separator: " ").map(String.init) }
            #expect(words(lines) == words(LineRenderer.render(ScreenModel(state), width: 80)), "\(name) loses or splits words")
        }
    }

    /// Read a line at a time on a braille display, a line must not end on a key whose word is on
    /// the next ("x" / "clear"), on "Level" whose number is on the next, or inside "(your answer)";
    /// and a file path is never cut.
    @Test func aNarrowLineNeverEndsOnAKeyOrHalfAPhrase() throws {
        let prompt = "Level for Height, weight and growth (1-4, n not applicable, x clear, e note, Enter keep):"
        let choice = "3. Some developmental milestones are not being met which will require support (your answer)"
        let enter = "Enter keeps Level 3 and goes to the next row, Level 4 after that."
        let written = "Written: /home/sam/Documents/staircase-exports/referral-ST-2026-12-07-level3.md"
        for width in 20...80 {
            for text in [prompt, choice, enter] {
                let lines = LineRenderer.wrap(text, width).map { $0.trimmingCharacters(in: .whitespaces) }
                for (line, next) in zip(lines, lines.dropFirst()) {
                    let last = line.split(separator: " ").last.map(String.init) ?? ""
                    #expect(!["x", "n", "e", "1-4", "Level", "(your"].contains(last), "width \(width): “\(line)” / “\(next)”")
                }
                #expect(lines.joined(separator: " ") == text, "width \(width): nothing lost or split")
            }
            #expect(
                LineRenderer.wrap(written, width).contains {
                    $0.hasSuffix("level3.md") && $0.contains(" /home/") || $0.hasPrefix("/home/")
                }, "\(width): \(LineRenderer.wrap(written, width))")
        }
    }

    @Test func aDomainRowSaysWhereItIsAndWhatEnterKeeps() throws {
        let s = try SnapshotTests.inProgress()
        let m = ScreenModel(s)
        #expect(m.position == "Child’s developmental needs, row 4 of 32")
        #expect(m.prompt == "Level for Height, weight and growth (1-4, n not applicable, x clear, e note, Enter keep):")
        var answered = s
        Support.press(&answered, [.up])
        #expect(ScreenModel(answered).enter?.label == "Enter keeps Level 3 and goes to the next row")
        #expect(m.keys.contains { $0.keys == "1-4" && $0.label == "level" }, "the keys come from the key table")
    }

    /// The numbers spoken are the numbers typed, and they do what the same key does in the curses wizard.
    @Test func aChoiceSendsWhatItsKeySendsInTheCursesWizard() throws {
        var checked = 0
        for (name, state) in try Self.screens() where state.editor == nil {
            for c in ScreenModel(state).choices where c.key.count == 1 {
                guard let key = c.key.first, let keyAction = KeyMap.action(for: .char(key), in: state) else { continue }
                #expect(c.actions.first == keyAction, "\(name): \(c.key)")
                checked += 1
            }
        }
        #expect(checked >= 12, "domain levels, n, x, e, f, a and the decision's levels were compared")
    }

    /// Tryout finding: the decision prompt offers "e reason"; when a different level asks for the
    /// reason at once, an "e" typed from habit was saved as the reason. It is refused now.
    @Test func aCommandLetterTypedAsTheDecisionsReasonIsRefused() throws {
        let c = try Support.minimal()
        let host = FakeHost()
        let rows = c.domains.map { d in d.areas.reduce(0) { $0 + $1.indicators.count } }.reduce(0, +) - 1
        var answers = ["1", "1", "Jo Bloggs", "2", "2019-05-01", "", "", "", "", "", "2"]
        answers += Array(repeating: "3", count: rows)
        answers += ["", "", "", "2", "e", "2", "The school nurse can meet this one need.", "", ""]
        var runner = LineRunner(state: Support.state(c), console: ScriptConsole(answers: answers), host: host.host)
        #expect(runner.run() == 0)
        let a = try #require(host.files["a-test1"])
        #expect(a.decision?.level == 2)
        #expect(a.decision?.reason == "The school nurse can meet this one need.")
        let out = runner.console.output.joined(separator: "\n")
        #expect(out.components(separatedBy: "The reason is asked for now").count == 3, "both slips were refused")
    }

    @Test func userTextReachesTheLinesCleaned() throws {
        var s = try SnapshotTests.inProgress()
        s.assessment?.child.name = "Evil\u{1B}[2J\u{7}Name"
        s.screen = .details
        s.formPage = .child
        let text = LineRenderer.render(ScreenModel(s), width: 80).joined(separator: "\n")
        #expect(Self.isPlainASCII(text), "no escape or bell byte reaches the output")
        #expect(text.contains("Child's name or initials: Evil"))
    }

    /// A whole assessment on the minimal catalogue, typed as a script: the same reducer, saves and export.
    @Test func aScriptCompletesAnAssessmentAndExports() throws {
        let c = try Support.minimal()
        let host = FakeHost()
        // Every row but the pre-birth one, which is hidden for a seven-year-old.
        let rows = c.domains.map { d in d.areas.reduce(0) { $0 + $1.indicators.count } }.reduce(0, +) - 1
        var answers = ["1", "1", "Jo Bloggs", "2", "2019-05-01", "", "", "", "", "", "2"]  // Enter through the five forms
        answers += Array(repeating: "3", count: rows)
        // The referral in your words (item 2: what is working well), the household, review, accept the decision, write.
        answers += ["2", "Loves football", "", "", "", "", ""]
        var runner = LineRunner(state: Support.state(c), console: ScriptConsole(answers: answers), host: host.host)
        #expect(runner.run() == 0)
        let a = try #require(host.files["a-test1"])
        #expect(a.child.name == "Jo Bloggs")
        #expect(a.workingWell.overall == "Loves football")
        #expect(a.answers.count == rows && a.answers.values.allSatisfy { $0.rating == .level3 })
        let proposed = runner.state.proposal?.level
        #expect(a.decision?.level == proposed && proposed == 3)
        #expect(host.calls.contains { $0.hasPrefix("export ") })
        let ended = runner.endedByInput
        #expect(ended, "the script ran out: quit and save")
        let out = runner.console.output.joined(separator: "\n")
        #expect(out.contains("Proposed: Level 3"))
        #expect(out.contains("Written: "))
        #expect(Self.isPlainASCII(out))
        #expect(runner.console.output.allSatisfy { $0.count <= 80 })
    }

    @Test func invalidAnswersAreAskedAgainWithTheReason() throws {
        let c = try Support.minimal()
        var runner = LineRunner(
            state: Support.state(c), console: ScriptConsole(answers: ["7", "1", "2", "not a date", "", "q"]), host: FakeHost().host)
        _ = runner.run()
        let out = runner.console.output
        #expect(out.contains { $0.contains("\"7\" is not an answer here. Type 1 or 2, Enter, or ? for help.") })
        #expect(out.contains { $0.hasPrefix("Problem: Date of birth:") })
        #expect(runner.state.assessment?.child.dateOfBirth == nil, "the bad date was not kept")
        // Found by a new user: the re-asked prompt promised to keep the refused text.
        #expect(out.joined(separator: " ").contains("Enter leaves the field as it was"))
        #expect(!out.joined(separator: " ").contains("Enter keeps \"not a date\""))
    }

    @Test func consentIsAskedAsANumberedQuestion() throws {
        let c = try Support.minimal()
        let script = ["1", "", "", "", "", "1", "9", "2", "1", "3", "q"]  // to the consent form; ask, refuse, ask again
        let host = FakeHost()
        var runner = LineRunner(state: Support.state(c), console: ScriptConsole(answers: script), host: host.host)
        _ = runner.run()
        let out = runner.console.output
        #expect(out.contains("  2. sought and refused"))
        #expect(out.contains { $0.hasPrefix("\"9\" is not an answer here. Type 1, 2, 3 or 4, or Enter.") })
        #expect(out.contains("  2. sought and refused (your answer)"), "the second time, the saved status is said")
        let status = host.files["a-test1"]?.consent.status
        #expect(status == .notSought, "1-4 chose the status directly; Enter kept it")
    }

    @Test func commonCommandsWorkAtEveryPrompt() throws {
        let c = try Support.minimal()
        let script = ["1", "1", "Jo", "?", "about", "glossary", "r", "2", "2019-05-01", "", "", "", "", "", "2", "3", "b", "s", "q"]
        var runner = LineRunner(state: Support.state(c), console: ScriptConsole(answers: script), host: FakeHost().host)
        _ = runner.run()
        let out = runner.console.output
        #expect(out.contains("Answers here") && out.contains("Commands at every prompt"), "? says this prompt's answers first")
        #expect(out.contains("About line mode"), "about says how line mode works")
        #expect(out.contains("Glossary"), "the glossary is its own command")
        let help = try #require(out.firstIndex(of: "Answers here"))
        #expect(out[help...].prefix(40).allSatisfy { $0 != "Glossary" }, "? is short: no glossary")
        #expect(out.filter { $0 == "Staircase: About the child, form 1 of 5: The child" }.count == 2, "r repeats the screen")
        let ended = runner.endedByInput
        let answers = runner.state.assessment?.answers ?? [:]
        let screen = runner.state.screen
        #expect(!ended, "q quits before the script ends")
        #expect(answers.count == 1)
        #expect(screen == .domain(1), "b went back a row, s skipped to the next domain")
    }

    @Test func aSignalSavesWhatIsBeingTyped() throws {
        struct Signalling: LineConsole {
            var width = 80
            var n = 0
            mutating func write(_ lines: [String]) {}
            mutating func ask(_ prompt: String) -> LineInput {
                n += 1
                return n == 1 ? .line("1") : n == 2 ? .line("1") : .signal(15)
            }
        }
        let host = FakeHost()
        var runner = LineRunner(state: Support.state(try Support.minimal()), console: Signalling(), host: host.host)
        #expect(runner.run() == 15)
        #expect(host.files["a-test1"] != nil)
    }
}

extension LineModeTests {
    /// The combination rule can rest on dozens of rows: the curses review lists them whole, line
    /// mode reads the first five and how many more, so a screen-reader user does not hear 40 titles.
    @Test func theReviewsCombinationFlagReadsFiveRowsAndHowManyMore() throws {
        var s = Support.onFirstDomain(try EmbeddedCatalogue.load(), dob: "2016-03-01")
        let rows = (0..<3).flatMap { s.visibleRows(domain: $0) }
        for row in rows { s.assessment?.answers[row.indicator.id] = Assessment.Answer(.level2) }
        s.screen = .review
        let model = ScreenModel(s)
        let full = try #require(model.blocks.flatMap(\.paragraphs).first { $0.hasPrefix("Rows: ") && $0.count > 400 })
        #expect(full.components(separatedBy: "; ").count == rows.count, "the model (and the curses review) lists every row")
        let heard = LineRenderer.render(model, width: 1000).joined(separator: "\n")
        #expect(heard.contains("; and \(rows.count - 5) more."), "line mode reads five and the count")
        #expect(!heard.contains(rows[10].indicator.title + ";"), "the eleventh row is not read out")
        #expect(LineRenderer.heard("Rows: A; B; C.") == "Rows: A; B; C.", "a short list is read whole")
    }
}
