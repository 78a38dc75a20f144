import StaircaseCore
import Testing

@testable import StaircaseTUI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A decision records the proposal it was made against; when the answers change the proposal,
/// every screen says so, the export asks first, and the summary never pairs the old reason with
/// the new proposal (issue 20, defect 3).
@Suite struct StaleDecisionTests {
    /// Level 3 accepted with a reason, then an answer at Level 4: the decision is stale.
    static func staleDecision() throws -> WizardState {
        var s = try ShownIsRecordedTests.nineYearOld()
        Support.press(&s, [.char("3")])
        while s.screen != .decision { Support.press(&s, [.tab]) }
        Support.press(&s, [.char("r")] + Support.type("Agree with Level 3") + [.enter, .enter])
        #expect(s.screen == .export)
        #expect(s.assessment?.decision?.proposedLevel == 3)
        while s.screen != .domain(0) { Support.press(&s, [.escape]) }
        Support.press(&s, [.char("4")])
        while s.screen != .decision { Support.press(&s, [.tab]) }
        return s
    }

    @Test func tabOnTheDecisionScreenDoesNotReRecordAStaleDecision() throws {
        var s = try Self.staleDecision()
        let before = s.assessment?.decision
        Support.press(&s, [.tab])
        #expect(s.screen == .decision)
        #expect(s.assessment?.decision == before)
        #expect(s.message?.text.contains("Enter confirms it") == true)
    }

    @Test func aDecisionMadeAgainstAnEarlierProposalIsSaidOnEveryScreen() throws {
        var s = try Self.staleDecision()
        // As an assessment resumed on the export screen opens.
        Wizard.go(&s, .export)
        let stale = try #require(s.staleDecisionText)
        #expect(stale.contains("earlier proposal (Level 3, step 3)") && stale.contains("now propose Level 4"))
        #expect(ScreenModel(s).blocks.flatMap(\.paragraphs).contains { $0.hasPrefix(stale) })
        let exportScreen = View.render(s, in: Support.screen).lines.joined(separator: " ")
        #expect(exportScreen.contains("made against an earlier") && exportScreen.contains("proposal (Level 3, step 3)"))
        Support.press(&s, [.escape, .escape])
        #expect(s.screen == .review)
        #expect(ScreenModel(s).blocks.flatMap(\.paragraphs).contains(stale))
        let line = LineRenderer.render(ScreenModel(s), width: 80).joined(separator: " ")
        #expect(line.contains("earlier proposal"))
        Support.press(&s, [.tab])
        #expect(s.screen == .decision)
        #expect(ScreenModel(s).blocks.flatMap(\.paragraphs).contains(stale))
    }

    @Test func theExportAsksToConfirmOrDecideAgainBeforeWriting() throws {
        var s = try Self.staleDecision()
        Wizard.go(&s, .export)
        let effects = Support.press(&s, [.enter])
        #expect(!effects.contains { if case .export = $0 { true } else { false } }, "nothing written")
        #expect(s.screen == .decision)
        #expect(s.message?.isError == true)
        // Enter on the decision screen: the reason was written against the earlier proposal, so it
        // is read again first (r, then Enter keeps it); then Enter confirms against the current one.
        Support.press(&s, [.enter])
        #expect(s.screen == .decision && s.message?.text.contains("was written for Level 3, step 3") == true)
        Support.press(&s, [.char("r"), .enter, .enter])
        #expect(s.screen == .export)
        #expect(s.staleDecisionText == nil)
        #expect(s.assessment?.decision?.proposedLevel == 4)
        let written = Support.press(&s, [.enter])
        #expect(written.contains { if case .export = $0 { true } else { false } })
    }

    @Test func theSummaryNeverPairsAReasonWithAProposalItWasNotWrittenFor() throws {
        let s = try Self.staleDecision()
        let a = try #require(s.assessment)
        let text = ReferralExporter.render(format: .text, catalogue: s.catalogue, assessment: a, redact: false)
        #expect(!text.contains("Reason for deciding differently from the proposal"))
        #expect(text.contains("written against the earlier proposal (Level 3, step 3)"))
        let summary = ReferralSummary.build(catalogue: s.catalogue, assessment: a, proposal: s.engine.propose(a), redact: false)
        #expect(summary.decidedAgainst == "Level 3, step 3")
    }

    /// The tryout's case: a reason written for Level 2 is never recorded as the reason for
    /// Level 4, nor printed as why Level 4 differs from a proposal it never saw.
    @Test func aReasonWrittenForAnotherLevelIsNotRecordedForThisOne() throws {
        var s = try Self.staleDecision()
        Support.press(&s, [.char("2"), .char("r")] + Support.type(" Early help first") + [.enter])
        Support.press(&s, [.enter])
        #expect(s.screen == .export && s.assessment?.decision?.level == 2)
        while s.screen != .decision { Support.press(&s, [.escape]) }
        Support.press(&s, [.char("4"), .enter])
        #expect(s.screen == .decision, "not recorded: the reason was written for Level 2")
        #expect(s.assessment?.decision?.level == 2)
        #expect(s.message?.text.contains("was written for Level 2") == true)
        Support.press(&s, [.char("r")] + Support.type(" Now at risk") + [.enter, .enter])
        #expect(s.assessment?.decision?.level == 4 || s.askingCategories)
    }
    /// Level 3 accepted with a reason: the decision screen again, with Level 3 still proposed.
    static func acceptedWithAReason() throws -> WizardState {
        var s = try ShownIsRecordedTests.nineYearOld()
        Support.press(&s, [.char("3")])
        while s.screen != .decision { Support.press(&s, [.tab]) }
        Support.press(&s, [.char("r")] + Support.type("A coordinated Level 3 Family Plan") + [.enter, .enter])
        #expect(s.screen == .export && s.assessment?.decision?.level == 3)
        Support.press(&s, [.escape])
        #expect(s.screen == .decision)
        return s
    }

    /// The second tryout's case: the reason written for accepting Level 3 is never recorded as why
    /// Level 2 differs from the proposal, in the same session or after a resume.
    @Test func aReasonWrittenForTheProposalIsReadAgainBeforeAnotherLevelIsRecorded() throws {
        var s = try Self.acceptedWithAReason()
        Support.press(&s, [.char("2"), .enter])
        #expect(s.screen == .decision && s.assessment?.decision?.level == 3, "not recorded")
        #expect(s.message?.text.contains("was written for Level 3, step 3") == true)
        Support.press(&s, [.char("r"), .enter, .enter])
        #expect(s.assessment?.decision?.level == 2, "recorded once the reason was read again")
    }

    @Test func aDraftKeepsWhatItsReasonWasWrittenForAcrossAResume() throws {
        var s = try Self.acceptedWithAReason()
        Support.press(&s, [.char("2")])
        let saved = try #require(s.assessment)
        #expect(saved.draftDecision?.reasonFor == Assessment.ReasonContext(level: 3, step: 3, proposedLevel: 3, proposedStep: 3))
        // The file as written and read back, in a wizard that has never seen this record.
        let file = try JSONEncoder.stable.encode(saved)
        var fresh = try ShownIsRecordedTests.nineYearOld()
        _ = Wizard.resume(&fresh, try AssessmentLoader.decode(data: file, file: "resumed.json"))
        #expect(fresh.screen == .decision && fresh.decisionLevel == 2)
        Support.press(&fresh, [.enter])
        #expect(fresh.assessment?.decision?.level == 3, "not recorded")
        #expect(fresh.message?.text.contains("was written for Level 3, step 3") == true)
    }
    /// Never recorded: a reason written while Level 3 was chosen, then Level 2 chosen and the
    /// terminal closed. The draft alone knows what the reason was written for.
    @Test func anUnrecordedReasonKeepsWhatItWasWrittenForAcrossAResume() throws {
        var s = try ShownIsRecordedTests.nineYearOld()
        Support.press(&s, [.char("3")])
        while s.screen != .decision { Support.press(&s, [.tab]) }
        Support.press(&s, [.char("r")] + Support.type("Accept: a Level 3 Family Plan") + [.enter, .char("2")])
        let saved = try #require(s.assessment)
        #expect(saved.decision == nil && saved.draftDecision?.level == 2)
        var fresh = try ShownIsRecordedTests.nineYearOld()
        _ = Wizard.resume(&fresh, try AssessmentLoader.decode(data: try JSONEncoder.stable.encode(saved), file: "resumed.json"))
        Support.press(&fresh, [.enter])
        #expect(fresh.assessment?.decision == nil, "not recorded")
        #expect(fresh.message?.text.contains("was written for Level 3, step 3") == true)
    }
}
