import Testing

@testable import StaircaseCore

/// One table per rule, with the boundaries, on the small fixture catalogue:
/// a1.r1, a1.r2 (pre-birth) | a2.r1 (cannot be met at home) | p1.mh, p1.da, p1.sm (toxic trio) | f1.r1, f1.r2.
@Suite struct ScoringRuleTests {
    let catalogue: Catalogue
    let engine: ScoringEngine

    init() throws {
        catalogue = try Fixtures.minimal()
        engine = ScoringEngine(catalogue: catalogue)
    }

    func assess(_ answers: [String: Rating], danger: Assessment.ImmediateDanger = .no, stepFive: Bool = false, taf: Bool = false)
        -> Assessment
    {
        var a = Assessment(id: "t", createdAt: "2026-11-23T10:00:00Z", catalogue: .init(id: catalogue.id, version: catalogue.version))
        a.child.dateOfBirth = "2019-05-01"
        a.answers = answers.mapValues { Assessment.Answer($0) }
        a.immediateDanger = danger
        a.needsCannotBeMetAtHome = stepFive
        a.leadProfessional.tafExists = taf
        return a
    }

    @Test(
        arguments: [
            ([:], nil, nil),
            (["a1.r1": .level1], 1, 1),
            (["a1.r1": .level1, "f1.r1": .level2], 2, 2),
            (["a1.r1": .level3, "f1.r1": .level2], 3, 3),
            (["a1.r1": .level4], 4, 4),
            (["a1.r1": .notApplicable], nil, nil),
        ] as [([String: Rating], Int?, Int?)])
    func highestAssessedLevelIsTheFloor(answers: [String: Rating], level: Int?, step: Int?) {
        let p = engine.propose(assess(answers))
        #expect(p.level == level)
        #expect(p.step == step)
        if let level { #expect(p.reasons.first?.rule == .highestLevel && p.reasons.first?.text.contains("Level \(level)") == true) }
    }

    @Test func combinationNeedsFourRowsAcrossTwoAreas() {
        // Three Level 2 rows: below the threshold.
        let three = engine.propose(assess(["a1.r1": .level2, "a2.r1": .level2, "f1.r1": .level2]))
        #expect(three.level == 2)
        #expect(!three.has(.combination))
        // Four rows, but all in one area? The fixture has at most three per area: p1.* is one area.
        let oneArea = engine.propose(assess(["p1.mh": .level2, "p1.da": .level2, "p1.sm": .level2]))
        #expect(oneArea.level == 2)
        // Four rows across areas: Level 3, and the reason says the rule fired.
        let four = engine.propose(assess(["a1.r1": .level2, "a2.r1": .level2, "f1.r1": .level2, "f1.r2": .level2]))
        #expect(four.level == 3)
        #expect(four.step == 3)
        #expect(four.has(.combination))
        let reason = four.reasons.first { $0.rule == .combination }
        #expect(reason?.indicators.sorted() == ["a1.r1", "a2.r1", "f1.r1", "f1.r2"])
        #expect(reason?.text.contains("combination of indicators of need under Level Two") == true)
        #expect(reason?.areas.sorted() == ["a1", "a2", "f1"])
    }

    @Test func combinationThresholdComesFromTheCatalogue() {
        var c = catalogue
        c.rules.combination.minimumRows = 2
        c.rules.combination.minimumAreas = 1
        let p = ScoringEngine(catalogue: c).propose(assess(["p1.mh": .level2, "p1.da": .level2]))
        #expect(p.level == 3)
        c.rules.combination.minimumDomains = 2
        let q = ScoringEngine(catalogue: c).propose(assess(["p1.mh": .level2, "p1.da": .level2]))
        #expect(q.level == 2)
    }

    @Test func levelFourIsStepFourUnlessCannotBeMetAtHome() {
        #expect(engine.propose(assess(["a1.r1": .level4])).step == 4)
        let row = engine.propose(assess(["a2.r1": .level4]))
        #expect(row.step == 5)
        #expect(row.reasons.contains { $0.rule == .stepFiveRow && $0.indicators == ["a2.r1"] })
        #expect(engine.propose(assess(["a2.r1": .level3])).step == 3)
        let said = engine.propose(assess(["a1.r1": .level2], stepFive: true))
        #expect(said.level == 4)
        #expect(said.step == 5)
        #expect(said.reasons.contains { $0.rule == .stepFivePractitioner })
    }

    @Test func toxicTrioNeedsAllThreeAtLevelTwoOrAbove() {
        let two = engine.propose(assess(["p1.mh": .level2, "p1.da": .level3]))
        #expect(!two.has(.toxicTrio))
        let low = engine.propose(assess(["p1.mh": .level2, "p1.da": .level3, "p1.sm": .level1]))
        #expect(!low.has(.toxicTrio))
        let all = engine.propose(assess(["p1.mh": .level2, "p1.da": .level3, "p1.sm": .level2]))
        #expect(all.has(.toxicTrio))
        #expect(all.flags.first { $0.kind == .toxicTrio }?.indicators.sorted() == ["p1.da", "p1.mh", "p1.sm"])
    }

    @Test func unassessedRowsNeverCountAsLevelOne() {
        let p = engine.propose(assess(["f1.r1": .level2]))
        #expect(p.completeness.assessed == 1)
        // a1.r2 is pre-birth and the child is seven: it is not counted as applicable.
        #expect(p.completeness.applicable == 7)
        #expect(p.flags.contains { $0.kind == .incomplete && $0.text.hasPrefix("Incomplete: 6 of 7") })
        let na = engine.propose(assess(["f1.r1": .level2, "f1.r2": .notApplicable]))
        #expect(na.completeness.applicable == 6)
    }

    @Test func preBirthRowsCountForAnUnbornChild() {
        var a = assess([:])
        a.child.unborn = true
        a.child.dateOfBirth = nil
        #expect(engine.propose(a).completeness.applicable == 8)
    }

    @Test func immediateDangerIsIndependentOfEveryAnswer() {
        let none = engine.propose(assess([:], danger: .yes))
        #expect(none.has(.immediateDanger))
        #expect(none.level == nil)
        let low = engine.propose(assess(["a1.r1": .level1], danger: .yes))
        #expect(low.has(.immediateDanger))
        #expect(low.level == 1)
        #expect(!engine.propose(assess(["a1.r1": .level4], danger: .notKnown)).has(.immediateDanger))
    }

    @Test func levelTwoCourseOfActionDistinguishesSingleFromSeveralIssues() throws {
        let single = try #require(engine.propose(assess(["a1.r1": .level2])).courseOfAction)
        #expect(single.situation.contains(.singleIssue))
        #expect(single.steps.map(\.furtherAssessment).allSatisfy { $0.contains("single clear issue") })
        let several = try #require(engine.propose(assess(["a1.r1": .level2, "f1.r1": .level2])).courseOfAction)
        #expect(several.steps.count == 1)
        #expect(several.steps[0].furtherAssessment.contains("must be offered"))
        #expect(several.steps[0].actions.count == 1)
        #expect(several.steps[0].actions[0].contains("If there is no TAF"))
        #expect(several.steps[0].actions[0].contains("03000 26 79 79"))
        let taf = try #require(engine.propose(assess(["a1.r1": .level2, "f1.r1": .level2], taf: true)).courseOfAction)
        #expect(taf.steps[0].actions == ["If there is a TAF, you should discuss your concerns with the Lead Professional"])
    }

    @Test func levelFourCourseGivesTheEmergencyNumbers() throws {
        let course = try #require(engine.propose(assess(["a1.r1": .level4])).courseOfAction)
        #expect(course.steps.flatMap(\.actions).joined().contains("999"))
    }
}
