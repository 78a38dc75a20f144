import Foundation
import StaircaseCore
import Testing

@testable import StaircaseTUI

/// A level on a row the catalogue gives for another age than the child's is named wherever the
/// proposal is shown and counts only once the practitioner confirms it applies (issue 20, defect 8).
@Suite struct OutsideAgeTests {
    /// The shipped Level 3 example (a ten-year-old) with the extra answer.
    static func levelThreeWithAFoetusRow() throws -> (Catalogue, Assessment) {
        let c = try EmbeddedCatalogue.load()
        let path = Support.testsDirectory.appendingPathComponent("../../Data/examples/level3-several-areas.json").standardized.path
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var a = try AssessmentLoader.load(data: data, file: "level3-several-areas.json", catalogue: c)
        a.answers["health.foetus-development"] = .init(.level4)
        return (c, a)
    }

    @Test func aRatingOnARowForAnotherAgeCountsOnlyOnceConfirmed() throws {
        var (c, a) = try Self.levelThreeWithAFoetusRow()
        let engine = ScoringEngine(catalogue: c)
        let p = engine.propose(a)
        #expect(p.level == 3, "the foetus row does not make a ten-year-old Level 4")
        #expect(p.outsideAge == ["health.foetus-development"])
        let text = ProposalText.render(p, catalogue: c, width: 80)
        #expect(text.contains("Foetus Development") && text.contains("Not counted"), "score names the row")
        let summary = ReferralExporter.render(format: .text, catalogue: c, assessment: a, redact: false)
        #expect(summary.contains("Not counted"), "the summary names it")
        a.answers["health.foetus-development"]?.confirmedForAge = true
        let confirmed = engine.propose(a)
        #expect(confirmed.level == 4)
        #expect(confirmed.outsideAge == nil)
    }

    @Test func theConfirmationIsKeptInTheFileOnlyWhenGiven() throws {
        var answer = Assessment.Answer(.level2)
        #expect(!String(decoding: try JSONEncoder().encode(answer), as: UTF8.self).contains("confirmedForAge"))
        answer.confirmedForAge = true
        let data = try JSONEncoder().encode(answer)
        #expect(try JSONDecoder().decode(Assessment.Answer.self, from: data).confirmedForAge)
    }

    @Test func cOnTheRowConfirmsItAndTheReviewNamesItUntilThen() throws {
        var s = try ShownIsRecordedTests.nineYearOld()
        Support.press(&s, [.char("a")])
        while s.selectedRowID(domain: 0) != "health.foetus-development" { Support.press(&s, [.char("j")]) }
        Support.press(&s, [.char("4"), .char("k")])
        #expect(s.proposal?.level != 4)
        #expect(ScreenModel(s).blocks.flatMap(\.paragraphs).contains { $0.contains("does not count until you confirm") })
        Wizard.go(&s, .review)
        #expect(ScreenModel(s).blocks.flatMap(\.paragraphs).contains { $0.contains("Not counted: “Foetus Development”") })
        Wizard.go(&s, .domain(0))
        Support.press(&s, [.char("y")])
        #expect(s.assessment?.answers["health.foetus-development"]?.confirmedForAge == true)
        #expect(s.proposal?.level == 4)
        Support.press(&s, [.char("u")])
        #expect(s.proposal?.level != 4, "undo takes the confirmation back")
        // Confirmed, then a note written and the level changed: it still applies, so it still counts.
        Support.press(&s, [.char("y"), .char("e")] + Support.type("Midwife's letter, March") + [.enter])
        #expect(s.assessment?.answers["health.foetus-development"]?.confirmedForAge == true, "a note keeps the confirmation")
        Support.press(&s, [.char("3")])
        #expect(s.assessment?.answers["health.foetus-development"]?.confirmedForAge == true, "a new level keeps it")
        #expect(s.assessment?.answers["health.foetus-development"]?.note == "Midwife's letter, March")
    }
}
