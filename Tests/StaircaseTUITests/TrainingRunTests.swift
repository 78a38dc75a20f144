import Foundation
import StaircaseCore
import Testing

@testable import StaircaseTUI

/// A participant's training run through the reducer and the screen model: alias, case,
/// narrative (side panel, overlay), the model answer hidden until the decision, the feedback,
/// the response written; and the feedback screen's line-mode text as a golden file.
@Suite struct TrainingRunTests {
    static func run(alias: String? = "Owl", asksFolder: Bool = true) throws -> WizardState {
        let c = try EmbeddedCatalogue.load()
        let pack = try EmbeddedTrainingPack.load(catalogue: c)
        var s = Support.state(c)
        s.training = true
        s.nextID = "a-0000000000000000test"
        s.nextChildKey = "c-0000000000000000test"
        s.trainingRun = TrainingRun(pack: pack, alias: alias, responsesFolder: "/media/usb", asksFolder: asksFolder)
        s.screen = .training(.choose)
        return s
    }

    /// Every piece of text a screen model holds, side panel included.
    static func allText(_ m: ScreenModel) -> String {
        (m.blocks + m.side).flatMap { [$0.heading ?? ""] + $0.paragraphs }.joined(separator: "\n")
            + m.fields.map(\.value).joined() + m.choices.map(\.label).joined() + m.title
    }

    /// Opens the first case (Ruby, model answer Level 1), rates one row against the model and
    /// records a Level 3 decision with a reason twelve and a half minutes later.
    static func decided(asksFolder: Bool = true) throws -> WizardState {
        var s = try run(asksFolder: asksFolder)
        Support.press(&s, [.enter, .enter])  // open Ruby, start rating
        s.assessment?.answers["education.developmental-milestones"] = .init(.level2)
        s.assessment?.answers["health.growth-and-weight"] = .init(.level1)
        Wizard.go(&s, .decision)
        s.now = "2026-11-23T10:12:30Z"
        _ = Wizard.reduce(&s, .chooseLevel(3))
        _ = Wizard.reduce(&s, .editReason)
        Support.press(&s, Support.type("Worried mother") + [.enter, .enter])
        return s
    }

    @Test func anAliasIsAskedBeforeACaseOpens() throws {
        var s = try Self.run(alias: nil)
        #expect(ScreenModel(s).fields.first?.isEmpty == true)
        Support.press(&s, [.enter])
        #expect(s.editor?.target == .alias)
        #expect(s.message?.isError == true)
        #expect(s.assessment == nil)
        Support.press(&s, [.enter])  // an empty alias is refused, the field stays open
        #expect(s.editor?.target == .alias)
        Support.press(&s, Support.type("Blue 7") + [.enter])
        #expect(s.trainingRun?.alias == "Blue 7")
        let effects = Support.press(&s, [.enter])
        #expect(s.screen == .training(.read))
        #expect(effects.contains { if case .save(let a) = $0 { a.training } else { false } })
    }

    @Test func theCursorMovesOverTheCasesOnly() throws {
        var s = try Self.run()
        let n = try #require(s.trainingRun?.pack.cases.count)
        Support.press(&s, [.up])
        #expect(s.cursor == n - 1, "wraps to the last case, not to an unseen item")
        Support.press(&s, [.enter])
        #expect(s.trainingRun?.caseID == s.trainingRun?.pack.cases[n - 1].id)
    }

    @Test func aCaseOpensAsATrainingAssessmentOfTheFictionalChild() throws {
        var s = try Self.run()
        Support.press(&s, [.down, .enter])  // Kai, 9 years
        let k = try #require(s.trainingRun?.trainingCase)
        #expect(k.id == s.trainingRun?.pack.cases[1].id)
        let a = try #require(s.assessment)
        #expect(a.training)
        #expect(a.child.name == k.child.name)
        #expect(a.child.dateOfBirth == "2017-11-23")
        #expect(a.id == "a-0000000000000000test")
        Support.press(&s, [.enter])
        #expect(s.screen == .details)
        Support.press(&s, [.escape])
        #expect(s.screen == .training(.read), "back from the first screen is the case, not the real start screen")
        Support.press(&s, [.escape])
        #expect(s.screen == .training(.choose))
        #expect(s.assessment == nil)
    }

    @Test func everyTrainingScreenSaysTraining() throws {
        var s = try Self.run()
        #expect(ScreenModel(s).title.hasPrefix("TRAINING"))
        Support.press(&s, [.enter])
        #expect(ScreenModel(s).title.hasPrefix("TRAINING"))
        for screen in Wizard.screenOrder(s) {
            Wizard.go(&s, screen)
            #expect(ScreenModel(s).title.hasPrefix("TRAINING"), "\(screen)")
            #expect(View.render(s, in: Support.screen).lines[0].contains("TRAINING"), "\(screen)")
        }
        let decided = try Self.decided()
        #expect(ScreenModel(decided).title.hasPrefix("TRAINING"))
        #expect(View.render(decided, in: Support.screen).lines[0].contains("TRAINING"))
    }

    @Test func theModelAnswerStaysHiddenUntilTheDecision() throws {
        var s = try Self.run()
        Support.press(&s, [.enter])
        let k = try #require(s.trainingRun?.trainingCase)
        let secrets = k.modelAnswer.discussionPoints + k.modelAnswer.rationale.map(\.why)
        var screens: [Screen] = [.training(.read)] + Wizard.screenOrder(s).filter { $0 != .export }
        screens.append(.decision)
        for screen in screens {
            Wizard.go(&s, screen)
            let text = Self.allText(ScreenModel(s))
            #expect(!text.contains("Model answer"), "\(screen)")
            for secret in secrets { #expect(!text.contains(secret), "\(screen) shows the model answer") }
        }
        let after = Self.allText(ScreenModel(try Self.decided()))
        #expect(after.contains("Model answer: Level \(k.modelAnswer.level), step \(k.modelAnswer.step)"))
        #expect(k.modelAnswer.discussionPoints.allSatisfy(after.contains))
    }

    @Test func theDecisionLeadsToFeedbackAndAResponse() throws {
        let s = try Self.decided()
        #expect(s.screen == .training(.feedback))
        let run = try #require(s.trainingRun)
        let r = try #require(run.response)
        #expect(r.alias == "Owl")
        #expect(r.id == "resp-0000000000000000test")
        #expect(r.caseID == run.trainingCase?.id)
        #expect(r.decision == .init(level: 3, step: 3, reason: "Worried mother"))
        #expect(r.ratings == ["education.developmental-milestones": .level2, "health.growth-and-weight": .level1])
        #expect(r.secondsTaken == 750)
        let f = try #require(run.feedback)
        #expect(f.theirs.level == 3 && f.model.level == 1)
        #expect(f.differences.map(\.row) == ["education.developmental-milestones"])
        let m = ScreenModel(s)
        let text = Self.allText(m)
        #expect(text.contains("Rows where you differ (1)"))
        #expect(text.contains("Rows the model rates that you left unassessed"))
        #expect(text.contains("Exact: 50%"))
        #expect(text.contains("Within one level: 100%"))
        #expect(KeyContext(s) == .feedback)
    }

    @Test func theResponseGoesToTheFolderChosen() throws {
        var s = try Self.decided()
        Support.press(&s, [.char("w")])
        #expect(s.editor?.target == .responsesFolder)
        #expect(s.editor?.text == "/media/usb", "the default is shown")
        let effects = Support.press(&s, [.ctrl("u")] + Support.type("/tmp/room") + [.enter])
        let r = try #require(s.trainingRun?.response)
        #expect(effects == [.writeResponse(r, folder: "/tmp/room")])
        _ = Wizard.reduce(&s, .responseFailed(.io("/tmp/room: cannot create the file")))
        #expect(s.message?.isError == true)
        #expect(s.trainingRun?.writtenPath == nil)
        _ = Wizard.reduce(&s, .responseWritten("/tmp/room/TRAINING-response-x.json"))
        #expect(s.trainingRun?.writtenPath == "/tmp/room/TRAINING-response-x.json")
        Support.press(&s, [.enter])
        #expect(s.screen == .training(.choose))
        #expect(s.assessment == nil)

        var given = try Self.decided(asksFolder: false)
        let written = Support.press(&given, [.char("w")])
        #expect(given.editor == nil)
        #expect(written == [.writeResponse(try #require(given.trainingRun?.response), folder: "/media/usb")])
    }

    @Test func theFeedbackScrollsNoFurtherThanItsLastLine() throws {
        var s = try Self.decided()
        var v = Support.screen
        Support.press(&s, &v, Array(repeating: .pageDown, count: 30))
        let most = v.scroll
        #expect(most > 0)
        let lines = View.render(s, in: v).lines
        #expect(lines.contains { $0.contains("Your response is not written yet") }, "the last line shows at the end")
        Support.press(&s, &v, [.char("k")])
        #expect(v.scroll == most - 1)
    }

    @Test func quittingBeforeTheResponseIsWrittenAsksOnce() throws {
        var s = try Self.decided()
        #expect(Support.press(&s, [.char("q")]).isEmpty)
        #expect(s.message?.text.contains("not written yet") == true)
        #expect(Support.press(&s, [.char("q")]).contains(.quit))
        var written = try Self.decided()
        _ = Wizard.reduce(&written, .responseWritten("/tmp/r.json"))
        #expect(Support.press(&written, [.char("q")]).contains(.quit))
    }

    @Test func theNarrativeIsOneKeyAwayOnEveryScreen() throws {
        var s = try Self.run()
        Support.press(&s, [.char("v")], unbound: true)
        #expect(s.overlay == nil, "no case yet")
        Support.press(&s, [.enter, .enter])
        let k = try #require(s.trainingRun?.trainingCase)
        for screen in Wizard.screenOrder(s).filter({ $0 != .export }) + [.training(.feedback)] {
            Wizard.go(&s, screen)
            if screen == .training(.feedback) { s = try Self.decided() }
            #expect(ScreenModel(s).side.first?.heading == "The case: " + k.title, "\(screen)")
            #expect(ScreenModel(s).choices.contains { $0.key == "v" }, "line mode offers v on \(screen)")
            Support.press(&s, [.char("v")])
            #expect(s.overlay == .narrative, "\(screen)")
            #expect(KeyContext(s) == .narrative)
            let overlay = View.render(s, in: Support.screen).lines.joined(separator: "\n")
            #expect(overlay.contains("TRAINING case narrative"))
            #expect(overlay.contains(k.child.name))
            #expect(ScreenModel(s).blocks.first?.heading == "The case: " + k.title)
            Support.press(&s, [.char("v")])
            #expect(s.overlay == nil)
        }
    }

    @Test func theNarrativeIsASidePanelAt120Columns() throws {
        var s = try Self.run()
        Support.press(&s, [.enter, .enter])
        Wizard.go(&s, .domain(0))
        let k = try #require(s.trainingRun?.trainingCase)
        let wide = View.render(s, in: Viewport(width: 120, height: 24)).lines
        #expect(wide.contains { $0.contains("│ The case: ") })
        #expect(wide.joined().contains(String(k.child.name.prefix(8))))
        let narrow = View.render(s, in: Support.screen).lines
        #expect(!narrow.contains { $0.contains("The case: ") }, "at 80 columns it is an overlay, not a panel")
    }

    /// Issue 23: at 120×40 a training run's "v Read the case narrative" choice was drawn as a
    /// fifth checkbox ("[ ] v Read t") among the Level 4 categories: the view parsed labels.
    @Test func onlyCategoriesOfConcernAreCheckboxesInATrainingRun() throws {
        var s = try Self.run()
        Support.press(&s, [.enter, .enter])
        Wizard.go(&s, .decision)
        _ = Wizard.reduce(&s, .chooseLevel(4))
        _ = Wizard.reduce(&s, .editReason)
        Support.press(&s, Support.type("Police protection sought") + [.enter, .enter])
        #expect(s.askingCategories)
        Support.press(&s, [.char("2")])
        let lines = View.render(s, in: Viewport(width: 120, height: 40)).lines
        let boxes = lines.filter { $0.contains("[ ] ") || $0.contains("[x] ") }
        #expect(boxes.count == s.catalogue.concernCategories.count, "\(boxes)")
        #expect(!lines.contains { $0.contains("] v ") })
        let names = s.catalogue.concernCategories.map(\.name)
        for name in names { #expect(boxes.contains { $0.contains(name) }, "the whole name: \(name)") }
        #expect(boxes.filter { $0.contains("[x] 2 ") }.count == 1)
    }

    /// Issue 23: marking a row the model rates "not applicable" is a difference of judgement,
    /// not "left unassessed", and the feedback never says "No row you rated differs" over it.
    @Test func notApplicableWhereTheModelRatesALevelIsSaidApart() throws {
        var s = try Self.run()
        Support.press(&s, [.enter, .enter])
        let k = try #require(s.trainingRun?.trainingCase)
        for r in k.modelAnswer.ratings { s.assessment?.answers[r.row] = .init(Rating(level: r.level) ?? .notAssessed) }
        let row = try #require(k.modelAnswer.ratings.first)
        s.assessment?.answers[row.row] = .init(.notApplicable)
        Wizard.go(&s, .decision)
        s.now = "2026-11-23T10:12:30Z"
        _ = Wizard.reduce(&s, .chooseLevel(k.modelAnswer.level))
        _ = Wizard.reduce(&s, .editReason)
        Support.press(&s, Support.type("As the model") + [.enter, .enter])
        let f = try #require(s.trainingRun?.feedback)
        #expect(f.notApplicable.map(\.row) == [row.row])
        #expect(!f.unassessed.contains { $0.row == row.row })
        let text = Self.allText(ScreenModel(s))
        #expect(text.contains("Rows you marked not applicable that the model rates at a level (1)"))
        #expect(!text.contains("No row you rated differs from the model answer."))
        #expect(!text.contains("kappa") && !text.contains("κ"))
    }

    @Test func timeTakenIsTheDifferenceOfTheHostsTimestamps() {
        #expect(TrainingRun.seconds(from: "2026-11-23T10:00:00+01:00", to: "2026-11-23T09:00:05Z") == 5)
        #expect(TrainingRun.seconds(from: "2026-12-31T23:59:00Z", to: "2027-01-01T00:01:00Z") == 120)
        #expect(TrainingRun.seconds(from: "garbage", to: "2027-01-01T00:01:00Z") == nil)
    }

    @Test func aliasesAreShortAndPrintable() {
        #expect(TrainingRun.aliasProblem("Owl") == nil)
        #expect(TrainingRun.aliasProblem("  ") != nil)
        #expect(TrainingRun.aliasProblem(String(repeating: "x", count: 41)) != nil)
        #expect(TrainingRun.aliasProblem("a\u{1B}[2J") != nil)
    }

    /// The feedback screen in line mode, as a golden file (re-record with STAIRCASE_RECORD=1).
    @Test func feedbackLineModeText() throws {
        let s = try Self.decided()
        let text = LineRenderer.render(ScreenModel(s), width: 80).joined(separator: "\n") + "\n"
        try Support.expectGolden(text, "LineSnapshots/training-feedback.txt", "the feedback screen")
    }
}
