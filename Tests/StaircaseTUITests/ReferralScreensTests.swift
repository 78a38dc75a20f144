import StaircaseCore
import Testing

@testable import StaircaseTUI

/// "The referral in your words" and the household questions (issue 25): each field writes what
/// it names and saves; ticks tick; answers answer; undo takes each back; the place is kept.
@Suite struct ReferralScreensTests {
    let c: Catalogue
    init() throws { c = try EmbeddedCatalogue.load() }

    /// On "The referral in your words", past the three domains.
    func onVoice() -> WizardState {
        var s = Support.onFirstDomain(c)
        Support.press(&s, [.tab, .tab, .tab])
        return s
    }

    func saved(_ effects: [Effect]) -> Assessment? {
        effects.compactMap { if case .save(let a) = $0 { a } else { nil } }.last
    }

    @Test func theVoiceScreenAsksItsItemsInOrderEachNamingItsQuestion() {
        let s = onVoice()
        #expect(s.screen == .voice)
        let labels = ScreenModel(s).fields.map(\.label)
        #expect(labels.first == "What are you worried about, and how and why has it arisen?")
        #expect(labels[1] == "What is working well?")
        #expect(labels[2] == "What is working well: " + c.domains[0].name)
        #expect(labels[2 + c.domains.count] == "Ask for advice")
        #expect(labels.suffix(2) == ["The help you ask for, in your words", "The child’s wishes and feelings, in their own words"])
        #expect(labels.count == 8 + c.domains.count)
    }

    @Test func eachTextItemWritesItsOwnFieldAndSavesIt() throws {
        let items = ReferralItem.all(c)
        for (i, item) in items.enumerated() where item.target != nil {
            var s = onVoice()
            Support.press(&s, Array(repeating: .down, count: i) + [.enter])
            #expect(s.editor?.target == item.target, "item \(i + 1) opens its own field")
            let effects = Support.press(&s, Support.type("Text \(i)") + [.enter])
            let a = try #require(saved(effects), "item \(i + 1) is saved")
            #expect(item.text(in: a) == "Text \(i)")
            // Every other text item is still empty: the text went to this field only.
            for other in items where other != item { #expect(other.text(in: a).isEmpty) }
            #expect(a.resumeAt == ResumePosition(screen: "voice", cursor: i))
        }
    }

    @Test func enterAndSpaceTickTheHelpAskedForAndUndoUnticks() throws {
        var s = onVoice()
        let first = try #require(ReferralItem.all(c).firstIndex(of: .help(.advice)))
        Support.press(&s, Array(repeating: .down, count: first + 1))  // early help
        let effects = Support.press(&s, [.enter])
        #expect(saved(effects)?.request.kinds == [.earlyHelp])
        Support.press(&s, [.up, .char(" ")])
        #expect(s.assessment?.request.kinds == [.advice, .earlyHelp], "kept in the fixed order")
        #expect(ScreenModel(s).fields[first].value == "ticked")
        Support.press(&s, [.char(" ")])
        #expect(s.assessment?.request.kinds == [.earlyHelp])
        Support.press(&s, [.char("u")])
        #expect(s.assessment?.request.kinds == [.advice, .earlyHelp])
        Support.press(&s, [.char("u"), .char("u")])
        #expect(s.assessment?.request.kinds == [])
        // Space on a text item changes nothing.
        Support.press(&s, [.up, .char(" ")])
        #expect(s.assessment?.request.kinds == [] && s.editor == nil)
    }

    @Test func undoRestoresAReferralText() {
        var s = onVoice()
        Support.press(&s, [.enter] + Support.type("Bruises seen twice") + [.enter])
        #expect(s.assessment?.worry == "Bruises seen twice")
        Support.press(&s, [.char("u")])
        #expect(s.assessment?.worry == "")
        #expect(s.message?.text == "Undone: the change to the worry.")
    }

    @Test func householdQuestionsAreNotAskedUntilAnsweredThenYNK() throws {
        var s = onVoice()
        Support.press(&s, [.tab])
        #expect(s.screen == .household)
        let m = ScreenModel(s)
        #expect(
            m.blocks.dropFirst().map(\.heading) == [
                "1. Domestic abuse: not asked", "2. Mental illness: not asked", "3. Substance misuse: not asked",
                "4. Learning difficulties: not asked",
            ])
        let effects = Support.press(&s, [.char("y")])
        #expect(saved(effects)?.householdDifficulties["domestic-abuse"] == .init(.yes))
        Support.press(&s, [.down, .char("n"), .down, .char("k")])
        Support.press(&s, [.char("j")], unbound: true)
        #expect(s.assessment?.householdDifficulties["mental-illness"]?.answer == .no)
        #expect(s.assessment?.householdDifficulties["substance-misuse"]?.answer == .notKnown)
        #expect(s.cursor == 2, "j does not move here: k is an answer, so ↑/↓ move")
        Support.press(&s, [.down, .char(" ")])
        #expect(s.assessment?.householdDifficulties["learning-difficulties"]?.answer == .yes, "Space starts at yes")
        Support.press(&s, [.char(" "), .char(" "), .char(" ")])
        #expect(s.assessment?.householdDifficulties["learning-difficulties"]?.answer == .yes, "and goes round")
        Support.press(&s, [.char("u")])
        #expect(s.assessment?.householdDifficulties["learning-difficulties"]?.answer == .notKnown)
        #expect(s.message?.text == "Undone: the change to the household questions.")
    }

    @Test func aHouseholdNoteIsWrittenBesideItsAnswerOnly() throws {
        var s = onVoice()
        Support.press(&s, [.tab, .down, .enter])
        #expect(s.editor == nil, "no note before an answer")
        #expect(s.message?.text.hasPrefix("Answer first") == true)
        Support.press(&s, [.char("y"), .enter])
        #expect(s.editor?.target == .householdNote("mental-illness"))
        #expect(LineRunner<ScriptConsole>.fieldName(s.editor?.target, s) == "Note on mental illness")
        let effects = Support.press(&s, Support.type("Mother treated for depression") + [.enter])
        #expect(saved(effects)?.householdDifficulties["mental-illness"] == .init(.yes, note: "Mother treated for depression"))
        Support.press(&s, [.char("n")])
        #expect(
            s.assessment?.householdDifficulties["mental-illness"] == .init(.no, note: "Mother treated for depression"),
            "a new answer keeps the note")
        #expect(s.assessment?.resumeAt == ResumePosition(screen: "household", cursor: 1))
    }

    @Test func aYesListsItsRowsWithTheirRatingsAndHowManyAreNotRated() throws {
        var s = onVoice()
        let rows = HouseholdTopic.all(c)[0].rows(s)
        #expect(rows.count == 4, "the four domestic-abuse rows")
        s.assessment?.answers[rows[0]] = .init(.level3)
        Support.press(&s, [.tab, .char("y")])
        let block = try #require(ScreenModel(s).blocks.dropFirst().first)
        let linked = try #require(block.paragraphs.last)
        #expect(linked.hasPrefix("Rows it links to (3 of 4 not yet rated): "))
        #expect(linked.contains("\(s.rowTitle(rows[0])) (Level 3)"))
        #expect(linked.contains("\(s.rowTitle(rows[1])) (not yet assessed)"))
    }

    @Test func theReviewShowsTheWordsTheAnswersAndFlagsAYesWithUnratedRows() throws {
        var s = onVoice()
        Support.press(&s, [.enter] + Support.type("Bruises") + [.enter])
        let early = try #require(ReferralItem.all(c).firstIndex(of: .help(.earlyHelp)))
        Support.press(&s, Array(repeating: .down, count: early) + [.enter])
        Support.press(&s, [.tab, .char("y"), .tab])
        #expect(s.screen == .review)
        let text = ScreenModel(s).blocks.flatMap { [$0.heading ?? ""] + $0.paragraphs }
        #expect(text.contains("Worry: Bruises"))
        #expect(text.contains("You ask for: early help"))
        #expect(text.contains("Domestic abuse: yes"))
        #expect(text.contains("Mental illness: not asked"))
        #expect(text.contains { $0.hasPrefix("Warning: You know of domestic abuse in the household; none of its 4 rows is rated: ") })
        #expect(ReviewView.lines(s, width: 78).contains { $0.0.contains("You know of domestic abuse") })
    }

    @Test func theDecisionShowsTheRequestAndWarnsOfAMisfitWithoutBlocking() throws {
        var s = onVoice()
        let early = try #require(ReferralItem.all(c).firstIndex(of: .help(.earlyHelp)))
        Support.press(&s, Array(repeating: .down, count: early) + [.enter])
        // Level 4 on the first row of the first domain: the proposal is Level 4.
        s.assessment?.answers[c.domains[0].areas[0].indicators[0].id] = .init(.level4)
        Support.press(&s, [.tab, .tab, .tab])
        #expect(s.screen == .decision)
        let block = try #require(ScreenModel(s).blocks.first { $0.heading == ScreenModel.requestHeading })
        #expect(block.kind == .warning)
        #expect(
            block.paragraphs == [
                "You ask for: early help.",
                "You ask for early help; the proposal is Level 4, and early help usually follows Level 2–3: worth a second look.",
            ])
        #expect(View.render(s, in: Support.screen).lines.contains { $0.contains("worth a second look") })
        Support.press(&s, [.enter, .enter])
        #expect(s.assessment?.decision?.level == 4, "the warning never blocks recording")
    }

    @Test func theResumePositionOfBothScreensIsKept() throws {
        var s = onVoice()
        Support.press(&s, Array(repeating: .down, count: 9) + [.enter] + Support.type("x") + [.enter])
        var a = try #require(s.assessment)
        var t = Support.state(c)
        _ = Wizard.reduce(&t, .loaded(a))
        #expect(t.screen == .voice && t.cursor == 9)
        Support.press(&s, [.tab, .down, .down, .char("k")])
        a = try #require(s.assessment)
        t = Support.state(c)
        _ = Wizard.reduce(&t, .loaded(a))
        #expect(t.screen == .household && t.cursor == 2)
    }
}

extension ReferralScreensTests {
    @Test func ticksAreDrawnInASCIIUnderLangC() throws {
        var s = onVoice()
        let early = try #require(ReferralItem.all(c).firstIndex(of: .help(.earlyHelp)))
        Support.press(&s, Array(repeating: .down, count: early) + [.enter])
        let utf8 = View.render(s, in: Support.screen).lines
        #expect(utf8.contains { $0.contains("▸ [✓] Ask for early help") })
        #expect(utf8.contains { $0.contains("  [ ] Ask for advice") })
        s.ascii = true
        let ascii = View.render(s, in: Support.screen).lines
        #expect(ascii.contains { $0.contains("> [x] Ask for early help") })
        #expect(ascii.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } })
    }
}

extension ReferralScreensTests {
    /// The random walk reaches these screens with their own rules, in both renderers.
    @Test func theRandomWalkWritesTicksAndAnswersHere() {
        var g = SplitMix(7)
        let voice = onVoice()
        var household = voice
        Support.press(&household, [.tab])
        for (s, expected) in [(voice, "referral"), (household, "household")] {
            let r = WalkReference(s)
            var found = false
            for _ in 0..<50 {
                for (rule, _) in RandomWalk.choices(s, r, lineMode: true, &g) where "\(rule)".hasPrefix(expected) {
                    found = true
                    #expect(RandomWalk.inputs(rule, s) != nil, "\(rule) has curses keys")
                    #expect(!RandomWalk.lineScript(rule, s).isEmpty, "\(rule) has line-mode answers")
                }
            }
            #expect(found, "the walk offers \(expected) rules")
        }
    }

    /// Tryout finding: an answer not selected shows one line, which ended mid-sentence with no
    /// sign that more follows. It ends in an ellipsis now.
    @Test func anAnswerShownInPartEndsInAnEllipsis() throws {
        var s = onVoice()
        s.assessment?.worry = String(repeating: "She said she does not want to go home because of shouting. ", count: 4)
        s.cursor = 1
        let lines = View.render(s, in: Support.screen).lines
        let i = try #require(lines.firstIndex { $0.contains("What are you worried about") })
        #expect(lines[i + 1].trimmingCharacters(in: .whitespaces).hasSuffix("…"), "\(lines[i + 1])")
        s.assessment?.worry = "Short."
        let short = View.render(s, in: Support.screen).lines
        let j = try #require(short.firstIndex { $0.contains("What are you worried about") })
        #expect(short[j + 1].trimmingCharacters(in: .whitespaces) == "Short.")
    }
}
