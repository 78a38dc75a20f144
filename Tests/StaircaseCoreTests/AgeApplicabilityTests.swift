import Foundation
import Testing

@testable import StaircaseCore

/// Which ages each row applies to is catalogue data, with a source note; the validator checks
/// the ranges, and the engine's completeness leaves out unanswered rows for another age.
@Suite struct AgeApplicabilityTests {
    @Test func everyDurhamRowStatesItsAgesWithASource() throws {
        let c = try Fixtures.durham()
        for (_, _, row) in c.allIndicators {
            let ages = try #require(row.ages, "\(row.id) has no ages")
            #expect(ages.from <= ages.to, "\(row.id)")
            #expect(!ages.source.trimmingCharacters(in: .whitespaces).isEmpty, "\(row.id)")
        }
        func ages(_ id: String) -> AgeRange? { c.allIndicators.first { $0.indicator.id == id }?.indicator.ages }
        #expect(ages("education.education-employment-training")?.from == .secondaryAge)
        #expect(ages("health.sexual-activity")?.from == .schoolAge)
        #expect(ages("health.foetus-development")?.to == .preBirth)
        #expect(ages("pregnancy-infancy.sleeping-feeding-crying").map { $0.from == .infancy && $0.to == .infancy } == true)
        #expect(ages("family-health.parental-mental-health").map { $0.from == .preBirth && $0.to == .youngAdult } == true)
    }

    @Test func stagesFollowTheChildsAge() {
        let day = CalendarDate(year: 2026, month: 11, day: 20) ?? .unknownDay
        func stage(_ dob: String?, unborn: Bool = false) -> AgeStage? {
            var child = Assessment.Child()
            child.dateOfBirth = dob
            child.unborn = unborn
            return ChildAge.stage(child, on: day)
        }
        #expect(stage(nil, unborn: true) == .preBirth)
        #expect(stage("2026-01-01") == .infancy)
        #expect(stage("2021-11-21") == .infancy)
        #expect(stage("2021-11-20") == .schoolAge)
        #expect(stage("2015-11-20") == .secondaryAge)
        #expect(stage("2010-11-20") == .youngAdult)
        #expect(stage(nil) == nil, "unknown age: every row applies")
        #expect(stage("2027-01-01") == nil, "a date of birth in the future is no age")
    }

    @Test func completenessLeavesOutUnansweredRowsForAnotherAge() throws {
        let c = try Fixtures.durham()
        let engine = ScoringEngine(catalogue: c)
        var a = Assessment(id: "a", createdAt: "2026-11-20T10:00:00Z", catalogue: .init(id: c.id, version: c.version))
        a.child.dateOfBirth = "2022-06-01"  // four
        let four = engine.propose(a).completeness.applicable
        a.child.dateOfBirth = "2010-06-01"  // sixteen
        let sixteen = engine.propose(a).completeness.applicable
        a.child.dateOfBirth = nil
        let unknown = engine.propose(a).completeness.applicable
        #expect(unknown == c.allIndicators.count)
        #expect(four < unknown && sixteen < unknown)
        func missing(_ dob: String) -> Set<String> {
            var b = a
            b.child.dateOfBirth = dob
            let s = ReferralSummary.build(catalogue: c, assessment: b, proposal: engine.propose(b), redact: false)
            return Set(s.domains.flatMap { $0.notAssessed.map(\.id) })
        }
        #expect(!missing("2022-06-01").contains("education.education-employment-training"))
        #expect(missing("2022-06-01").contains("pregnancy-infancy.sleeping-feeding-crying"))
        #expect(missing("2010-06-01").contains("education.education-employment-training"))
        #expect(!missing("2010-06-01").contains("pregnancy-infancy.sleeping-feeding-crying"))
        // A level on a row for another age counts once the practitioner confirms it applies
        // (issue 20): until then it is named, and left out like an unanswered row.
        a.child.dateOfBirth = "2022-06-01"
        a.answers["education.education-employment-training"] = .init(.level2)
        #expect(engine.propose(a).completeness.applicable == four)
        #expect(engine.propose(a).outsideAge == ["education.education-employment-training"])
        a.answers["education.education-employment-training"]?.confirmedForAge = true
        #expect(engine.propose(a).completeness.applicable == four + 1)
    }

    @Test func theValidatorChecksTheRanges() throws {
        var c = try Fixtures.minimal()
        c.domains[0].areas[0].indicators[0].ages = AgeRange(from: .youngAdult, to: .infancy, source: " ")
        let problems = CatalogueValidator.problems(in: c).map(\.path)
        #expect(problems.contains("domains[0].areas[0].indicators[0].ages"))
        #expect(problems.contains("domains[0].areas[0].indicators[0].ages.source"))
    }
}

/// The catalogue loader refuses keys the schema does not know, by path, like the assessment's.
@Suite struct CatalogueStrictKeyTests {
    @Test func aMisspeltCatalogueKeyIsRefusedWithTheNearestKey() throws {
        let text = try String(contentsOfFile: Fixtures.path("minimal.json"), encoding: .utf8)
        let misspelt = text.replacingOccurrences(of: "\"schemaVersion\"", with: "\"titel\": \"x\", \"schemaVersion\"")
        #expect(misspelt != text)
        do {
            _ = try CatalogueLoader.load(data: Data(misspelt.utf8), file: "m.json")
            Issue.record("an unknown key was accepted")
        } catch {
            #expect(error.lines.joined().contains("titel: unknown key — did you mean title?"), "\(error.lines)")
        }
        let extra = text.replacingOccurrences(of: "\"schemaVersion\"", with: "\"comment\": \"x\", \"schemaVersion\"")
        #expect(throws: CatalogueError.self) { try CatalogueLoader.load(data: Data(extra.utf8), file: "m.json") }
    }
}
