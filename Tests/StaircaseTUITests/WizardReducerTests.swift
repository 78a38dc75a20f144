import StaircaseCore
import Testing

@testable import StaircaseTUI

@Suite struct WizardReducerTests {
    let c: Catalogue
    init() throws { c = try Support.minimal() }

    @Test func newAssessmentSavesAndOpensDetails() {
        var s = Support.state(c)
        let effects = Support.press(&s, [.enter])
        #expect(s.screen == .details)
        #expect(s.assessment?.catalogue == .init(id: "test-minimal", version: "1"))
        #expect(effects.count == 1)
    }

    @Test func typingInAFieldTakesEveryKeyIncludingQ() {
        var s = Support.state(c)
        Support.press(&s, [.enter, .enter] + Support.type("quinn u") + [.enter])
        #expect(s.assessment?.child.name == "quinn u")
        #expect(s.screen == .details)
    }

    @Test func controlCharactersNeverEnterAField() {
        var s = Support.state(c)
        Support.press(&s, [.enter, .enter, .char("A"), .char("\u{1B}"), .char("\u{202E}"), .char("B"), .enter])
        #expect(s.assessment?.child.name == "AB")
    }

    @Test func futureDateOfBirthIsRefusedWhenSavedWithTheReasonBesideIt() {
        var s = Support.state(c)
        Support.press(&s, [.enter, .enter] + Support.type("Jo") + [.enter, .down, .enter] + Support.type("2027-01-01"))
        let effects = Support.press(&s, [.enter])
        #expect(effects.isEmpty, "nothing is saved")
        #expect(s.assessment?.child.dateOfBirth == nil)
        #expect(s.editor?.text == "2027-01-01", "the field stays open to be corrected")
        #expect(s.fieldProblems[.dateOfBirth]?.hasPrefix("in the future") == true)
        #expect(View.render(s, in: Support.screen).lines.contains { $0.contains("Date of birth") && $0.contains("✗ in the future") })
        Support.press(&s, [.escape])
        #expect(s.fieldProblems[.dateOfBirth] == nil)
    }

    @Test(arguments: [
        ("2019-02-30", "that month has 28 days"), ("14/03/2019", "YYYY-MM-DD: 2019-03-14?"), ("2019-13-01", "no month 13"),
    ])
    func impossibleOrMisshapenDatesAreRefused(text: String, reason: String) {
        var s = Support.state(c)
        Support.press(&s, [.enter, .down, .enter] + Support.type(text) + [.enter])
        #expect(s.assessment?.child.dateOfBirth == nil)
        #expect(s.fieldProblems[.dateOfBirth]?.contains(reason) == true)
    }

    @Test func theSuggestedDateIsShownBesideTheFieldAt80Columns() throws {
        var s = Support.state(c)
        Support.press(&s, [.enter, .down, .enter] + Support.type("14/03/2019") + [.enter])
        let rendered = View.render(s, in: Support.screen)
        let lines = rendered.lines.filter { $0.contains("Date of birth") }
        #expect(lines.contains { $0.contains("14/03/2019") && $0.contains("✗ use YYYY-MM-DD: 2019-03-14?") }, "\(lines)")
        #expect(rendered.lines.allSatisfy { DisplayWidth.of($0) <= 80 })
    }

    @Test func aDatePutRightTakesItsComplaintOffTheMessageLine() {
        var s = Support.state(c)
        Support.press(&s, [.enter, .down, .enter] + Support.type("14/03/2019") + [.enter])
        #expect(s.message?.text == "Date of birth: use YYYY-MM-DD: 2019-03-14?")
        Support.press(&s, [.ctrl("u")] + Support.type("2019-03-14") + [.enter])
        #expect(s.assessment?.child.dateOfBirth == "2019-03-14")
        #expect(s.fieldProblems[.dateOfBirth] == nil)
        #expect(s.message == nil, "no stale complaint beside the accepted date")
        #expect(!ScreenModel(s).fields.contains { $0.problem != nil })
        // A refused date then Esc: the field is as it was, and so is the message line.
        Support.press(&s, [.enter, .ctrl("u")] + Support.type("2019-13-01") + [.enter])
        #expect(s.message?.isError == true)
        Support.press(&s, [.escape])
        #expect(s.assessment?.child.dateOfBirth == "2019-03-14")
        #expect(s.message == nil && s.fieldProblems[.dateOfBirth] == nil)
    }

    @Test func anExpectedDateLongPastIsRefused() {
        var s = Support.state(c)
        Support.press(&s, [.enter, .down, .down, .char(" "), .down, .enter] + Support.type("2025-01-01") + [.enter])
        #expect(s.assessment?.child.unborn == true)
        #expect(s.assessment?.child.expectedDate == nil)
        #expect(s.fieldProblems[.expectedDate]?.contains("days ago") == true)
    }

    @Test func consentNotSoughtWithoutAReasonIsListedAsMissingNotBlocked() {
        var s = Support.state(c)
        Support.press(&s, [.enter, .enter] + Support.type("Jo") + [.enter, .down, .enter] + Support.type("2019-01-01") + [.enter])
        Support.press(&s, Array(repeating: .pageDown, count: 4) + [.enter, .enter, .enter])  // not-yet-asked → given → refused → not-sought
        #expect(s.assessment?.consent.status == .notSought)
        #expect(Wizard.formRows(s).contains(.field(.consentReason)), "not sought asks for the reason on the form")
        #expect(ReferralGaps.of(s.assessment!).contains("no reason is recorded for not seeking the family’s agreement"))
        Support.press(&s, [.pageDown])
        #expect(s.screen == .danger, "a missing detail never blocks Continue: it is listed on the review instead")
    }

    @Test func immediateDangerYesShowsAdviceAndStays() {
        var s = Support.onFirstDomain(c)
        Support.press(&s, [.backTab])
        #expect(s.screen == .danger)
        s.cursor = 0
        Support.press(&s, [.enter])
        #expect(s.assessment?.immediateDanger == .yes)
        #expect(s.screen == .danger)
        #expect(View.render(s, in: Support.screen).text.contains("999"))
    }

    @Test func ratingARowSavesAndMovesOn() {
        var s = Support.onFirstDomain(c)
        #expect(s.screen == .domain(0))
        let effects = Support.press(&s, [.char("2")])
        #expect(s.assessment?.rating(of: "a1.r1") == .level2)
        #expect(s.domainCursor[0] == 1)
        #expect(effects.count == 1)
    }

    @Test func preBirthRowsAreHiddenForAnOlderChildUntilAsked() {
        var s = Support.onFirstDomain(c)
        #expect(s.visibleRows(domain: 0).map(\.indicator.id) == ["a1.r1", "a2.r1"])
        Support.press(&s, [.char("a")])
        #expect(s.visibleRows(domain: 0).map(\.indicator.id) == ["a1.r1", "a1.r2", "a2.r1"])
    }

    @Test func filterNarrowsRowsAndEscClears() {
        var s = Support.onFirstDomain(c)
        Support.press(&s, [.char("/")] + Support.type("three") + [.enter])
        #expect(s.visibleRows(domain: 0).map(\.indicator.id) == ["a2.r1"])
        Support.press(&s, [.escape])
        #expect(s.filter.isEmpty)
    }

    @Test func undoRestoresThePreviousAnswer() {
        var s = Support.onFirstDomain(c)
        Support.press(&s, [.char("3"), .up, .char("4")])
        #expect(s.assessment?.rating(of: "a1.r1") == .level4)
        Support.press(&s, [.char("u")])
        #expect(s.assessment?.rating(of: "a1.r1") == .level3)
    }

    @Test func evidenceNoteIsKeptWithTheAnswer() {
        var s = Support.onFirstDomain(c)
        Support.press(&s, [.char("2"), .up, .char("e")] + Support.type("Seen at home") + [.enter])
        #expect(s.assessment?.answers["a1.r1"] == .init(.level2, note: "Seen at home"))
    }

    @Test func decisionOtherThanProposalNeedsAReason() {
        var s = Support.onFirstDomain(c)
        Support.press(&s, [.char("2"), .tab, .tab, .tab, .tab, .tab, .tab])
        #expect(s.screen == .decision)
        #expect(s.decisionLevel == 2)
        Support.press(&s, [.char("3"), .enter])
        #expect(s.screen == .decision)
        #expect(s.message?.isError == true)
        Support.press(&s, [.char("r")] + Support.type("Escalating concerns from school") + [.enter, .enter])
        #expect(
            s.assessment?.decision
                == .init(
                    level: 3, step: 3, reason: "Escalating concerns from school", decidedAt: "2026-11-23T10:00:00Z", proposedLevel: 2,
                    proposedStep: 2)
        )
        #expect(s.screen == .export)
    }

    @Test func acceptingTheProposalNeedsNoReason() {
        var s = Support.onFirstDomain(c)
        // At Level 4 the first Enter asks for the categories of concern, the second records.
        Support.press(&s, [.char("4"), .tab, .tab, .tab, .tab, .tab, .tab, .enter, .enter])
        #expect(s.assessment?.decision?.level == 4)
        #expect(s.assessment?.decision?.step == 4)
        #expect(s.assessment?.decision?.reason == "")
    }

    /// Found by a new user: a reason written before accepting the proposal was dropped.
    @Test func aReasonWrittenWhenAcceptingTheProposalIsKept() {
        var s = Support.onFirstDomain(c)
        Support.press(
            &s, [.char("2"), .tab, .tab, .tab, .tab, .tab, .tab, .char("r")] + Support.type("Seen over months") + [.enter, .enter])
        #expect(s.assessment?.decision?.level == 2)
        #expect(s.assessment?.decision?.reason == "Seen over months")
    }

    @Test func decidingLevelFourAsksForCategoriesWhateverTheProposal() {
        var s = Support.onFirstDomain(c)
        Support.press(&s, [.char("2"), .tab, .tab, .tab, .tab, .tab, .tab])
        #expect(s.screen == .decision)
        Support.press(&s, [.char("4"), .char("r")] + Support.type("Police protection sought") + [.enter, .enter])
        #expect(s.askingCategories, "Level 4 decided over a Level 2 proposal asks for categories")
        #expect(KeyMap.footer(for: s, in: Support.screen).hasPrefix("1-4 mark category · Enter record"))
        #expect(s.assessment?.decision == nil)
        Support.press(&s, [.char("1"), .char("4"), .char("4"), .char("2")])
        #expect(s.assessment?.concernCategories == ["physical-abuse", "emotional-abuse"])
        #expect(s.decisionLevel == 4, "digits mark categories while asking, not the level")
        Support.press(&s, [.enter])
        #expect(s.assessment?.decision?.level == 4)
        #expect(s.screen == .export)
    }

    @Test func levelFourWithNoCategoryIsRecordedWithAWarning() {
        var s = Support.onFirstDomain(c)
        Support.press(&s, [.char("4"), .tab, .tab, .tab, .tab, .tab, .tab, .enter, .enter])
        #expect(s.assessment?.decision?.level == 4)
        #expect(s.message?.isError == true)
        #expect(s.message?.text.contains("No category of concern") == true)
    }

    @Test func passingTheDecisionAgainKeepsItsTime() {
        var s = Support.onFirstDomain(c)
        Support.press(&s, [.char("3"), .tab, .tab, .tab, .tab, .tab, .tab, .enter])
        #expect(s.assessment?.decision?.decidedAt == "2026-11-23T10:00:00Z")
        s.now = "2026-11-24T09:00:00+00:00"
        Support.press(&s, [.escape, .enter])
        #expect(s.screen == .export)
        #expect(s.assessment?.decision?.decidedAt == "2026-11-23T10:00:00Z", "the same decision keeps its time")
        Support.press(&s, [.escape, .char("2"), .char("r")] + Support.type("Mother asked for help") + [.enter, .enter])
        #expect(s.assessment?.decision?.level == 2)
        #expect(s.assessment?.decision?.decidedAt == "2026-11-24T09:00:00+00:00", "a changed decision gets a new time")
    }

    @Test func quitAsksOnlyWhenSomethingIsUnsaved() {
        var s = Support.onFirstDomain(c)
        // Quitting saves where the user was, so Resume opens there.
        let effects = Support.press(&s, [.char("q")])
        #expect(effects.last == .quit)
        guard case .save(let a)? = effects.first else {
            Issue.record("no save of the position before quitting")
            return
        }
        #expect(a.resumeAt == ResumePosition(screen: "domain-1", row: "a1.r1", cursor: 0))
        _ = Wizard.reduce(&s, .saveFailed(.io("disk full")))
        #expect(Support.press(&s, [.char("q")]).isEmpty)
        #expect(s.overlay == .confirmQuit)
        #expect(Support.press(&s, [.char("y")]) == [.quit])
    }

    @Test func aSignalCommitsTheFieldBeingTyped() {
        var s = Support.onFirstDomain(c)
        Support.press(&s, [.char("e")] + Support.type("half-typed note"))
        let effects = Wizard.reduce(&s, .signal)
        #expect(effects.last == .quit)
        #expect(s.assessment?.answers["a1.r1"]?.note == "half-typed note")
        #expect(effects.contains { if case .save = $0 { return true } else { return false } })
    }

    @Test func tooSmallTerminalSaysSoAndRecovers() throws {
        var s = Support.state(c)
        var v = Viewport(width: 60, height: 20)
        #expect(View.render(s, in: v).text.contains("Staircase needs at least 80×24; this terminal is 60×20."))
        #expect(KeyMap.action(for: .enter, in: s, viewport: v) == nil, "only q and Ctrl-L work while it is too small")
        let resize = try #require(KeyMap.action(for: .resize(width: 80, height: 24), in: s, viewport: v))
        #expect(Wizard.reduce(&s, resize).isEmpty, "the reducer never sees the terminal's size")
        Support.press(&s, &v, [.resize(width: 80, height: 24)])
        #expect(View.render(s, in: v).text.contains("New assessment"))
    }
}

/// The start screen's list scrolls and says so when saved assessments outnumber its rows.
@Suite struct StartListTests {
    func hint(_ s: WizardState) -> String? {
        View.render(s, in: Support.screen).lines.first { $0.contains("saved assessments") }?.trimmed
    }

    @Test func aLongResumeListSaysHowManyAndWhichWayItScrolls() throws {
        var s = Support.state(try Support.minimal())
        s.resumable = (0..<40).map { ResumeItem(id: "a-\($0)", label: "Child \($0)") }
        // 42 items (New, 40 to resume, Quit) in 15 rows.
        #expect(hint(s) == "40 saved assessments · ↓ 27 more")
        Support.press(&s, Array(repeating: .down, count: 20))
        #expect(View.render(s, in: Support.screen).text.contains("▸ Resume Child 19"))
        #expect(hint(s) == "40 saved assessments · ↑ 6 more · ↓ 21 more")
        Support.press(&s, Array(repeating: .down, count: 21))  // the last item; one more wraps to the top
        #expect(View.render(s, in: Support.screen).text.contains("▸ Quit"))
        #expect(hint(s) == "40 saved assessments · ↑ 27 more")
    }

    @Test func aShortListNeedsNoHint() throws {
        var s = Support.state(try Support.minimal())
        s.resumable = [ResumeItem(id: "a-1", label: "J. S.")]
        #expect(hint(s) == nil)
    }
}

/// Assessment ids come from the host's random source, never the clock.
@Suite struct NewAssessmentIDTests {
    @Test func aNewAssessmentTakesTheHostsRandomID() throws {
        var s = Support.state(try Support.minimal())
        s.nextID = "a-first"
        Support.press(&s, [.enter])
        #expect(s.assessment?.id == "a-first")
        Support.press(&s, [.escape])
        s.nextID = "a-second"
        let effects = Support.press(&s, [.enter])
        #expect(s.assessment?.id == "a-second")
        #expect(effects == [.save(try #require(s.assessment))])
    }

    @Test func randomIDsAreWellFormedAndDistinct() {
        var ids = Set<String>()
        for _ in 0..<2000 {
            let id = RandomID.make(prefix: "a")
            #expect(id.count == 2 + RandomID.length)
            #expect(id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
            ids.insert(id)
        }
        #expect(ids.count == 2000)
    }

    @Test func aSeededGeneratorRepeats() {
        struct Counter: RandomNumberGenerator {
            var x: UInt64 = 0
            mutating func next() -> UInt64 { x &+= 0x9E37_79B9_7F4A_7C15; return x }
        }
        var g1 = Counter(), g2 = Counter()
        #expect(RandomID.make(prefix: "r", using: &g1) == RandomID.make(prefix: "r", using: &g2))
    }
}
