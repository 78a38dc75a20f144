import Foundation
import Testing

@testable import StaircaseCore

/// The real Durham catalogue: complete, valid, compiled in exactly, and faithful to the document
/// (one row per section checked cell by cell against the text of seeds/003).
@Suite struct DurhamCatalogueTests {
    let c: Catalogue
    init() throws { c = try Fixtures.durham() }

    func row(_ id: String) throws -> Indicator {
        try #require(c.allIndicators.first { $0.indicator.id == id }?.indicator, "no row \(id)")
    }

    /// The binary carries only the compiled value; it must be exactly what Data/durham.json
    /// decodes and validates to, so the JSON file stays the one source of truth.
    @Test func compiledCatalogueEqualsTheValidatedJSONFile() throws {
        let compiled = try #require(EmbeddedCatalogue.compiled, "run Scripts/embed-catalogue")
        let file = try CatalogueLoader.load(path: Fixtures.projectFile("Data/durham.json"))
        #expect(compiled == file, "run Scripts/embed-catalogue after editing Data/durham.json")
        #expect(CatalogueValidator.problems(in: compiled).isEmpty)
        #expect(try EmbeddedCatalogue.validated() == file)
    }

    @Test func everyRowOfTheMatrixIsPresent() {
        #expect(c.allIndicators.count == 82)
        #expect(c.domains.map(\.id) == ["child-development", "parenting-capacity", "family-environment"])
        #expect(c.domains.map { $0.areas.reduce(0) { $0 + $1.indicators.count } } == [35, 23, 24])
        #expect(c.allIndicators.first?.indicator.id == "education.developmental-milestones")
        #expect(c.allIndicators.last?.indicator.id == "prejudiced-views-extremism.prejudiced-views-violent-extremism")
        #expect(
            Set(c.domains.flatMap { $0.areas.map(\.section) }) == [
                "Development of the baby, child, or young person", "Environmental factors", "Parental and family factors",
            ])
    }

    @Test func summaryCountsRowsAndLinks() {
        let s = CatalogueText.summary(c)
        #expect(
            s.hasPrefix(
                "durham-levels-of-need 2026.1: valid — 3 domains, 18 areas, 82 rows (328 cells at 4 levels each, 322 with descriptors, 6 not applicable)"
            ))
    }

    @Test func developmentSectionRowMatchesTheDocument() throws {
        let r = try row("education.developmental-milestones")
        #expect(r.levels.one == .descriptor(text: "Developmental milestones met", links: []))
        #expect(
            r.levels.two
                == .descriptor(
                    text: "Some developmental milestones are not being met which will be supported by universal services.",
                    links: ["first-contact", "single-assessment"]))
        #expect(
            r.levels.three
                == .descriptor(
                    text: "Some developmental milestones are not being met which will require support of targeted/specialist services",
                    links: ["single-assessment", "child-protection"]))
        #expect(
            r.levels.four
                == .descriptor(
                    text: "Developmental milestones are significantly delayed or impaired.",
                    links: ["single-assessment", "child-protection"]))
    }

    @Test func abuseAndNeglectRowMatchesTheDocument() throws {
        let r = try row("abuse-and-neglect.injuries")
        #expect(
            r.levels.one.text
                == "The child has injuries, such as bruising on their shins, etc. which are consistent with normal childish play and activities."
        )
        #expect(
            r.levels.three.text
                == "The child has injuries for example bruising, scalds, burns and scratches, which are accounted for but are more frequent than would be expected for a child of a similar age."
        )
        #expect(
            r.levels.four.text
                == "The child has injuries, for example bruising, scalds, burns and scratches, which are not accounted for. The child makes disclosure and implicates parents or extended family members."
        )
    }

    @Test func environmentalSectionKeepsBothNeighbourhoodRows() throws {
        let victim = try row("environment.neighbourhood-safety")
        let involved = try row("environment.neighbourhood-safety-2")
        #expect(victim.levels.one.text == "The neighbourhood is a safe and positive environment encouraging good citizenship.")
        #expect(victim.levels.one == involved.levels.one)
        #expect(victim.levels.two != involved.levels.two)
        #expect(
            victim.levels.two
                == .descriptor(
                    text:
                        "The child is affected by low level anti-social behaviour in the locality. The neighbourhood is known to have groups of children and/or adults who are engaged in threatening and intimidating behaviour and the child is intimidated and feels threatened in the area",
                    links: ["mais"]))
        #expect(victim.levels.four.links == ["housing-solutions", "durham-key-options", "mais"])
    }

    @Test func parentingDuringPregnancyRowMatchesTheDocument() throws {
        let r = try row("pregnancy-infancy.ante-natal-post-natal-care")
        #expect(r.tags == ["pre-birth"])
        #expect(r.levels.one.text == "The parent/carer accesses ante-natal and/or post-natal care")
        #expect(r.levels.three.text == "The parent/ carer is not accessing ante-natal and/ or post-natal care.")
        #expect(r.levels.four.links == ["single-assessment", "child-protection", "neglect-practice-guidance"])
    }

    @Test func protectionFromHarmKeepsTheDocumentsNotApplicable() throws {
        let r = try row("protection-from-harm.parental-sexual-abuse")
        #expect(r.levels.one.text == "The parent/carer does not sexually abuse their child.")
        #expect(
            r.levels.two
                == .descriptor(
                    text:
                        "There is a history of sexual abuse within the family or network but the parents respond appropriately to the need to protect the child.",
                    links: ["child-protection", "cse", "erase-abuse"]))
        #expect(r.levels.three == .notApplicable(.stated))
        let stated = c.allIndicators.flatMap { $0.indicator.levels.all }.filter { $0 == .notApplicable(.stated) }
        #expect(stated.count == 5)
    }

    @Test func threeDistinctNoViolenceRowsInDomesticAbuse() throws {
        let rows = c.allIndicators.filter {
            $0.indicator.levels.one.text?.hasPrefix("There are no incidents of violence in the family") == true
        }
        #expect(rows.count == 3)
        #expect(Set(rows.map(\.indicator.id)).count == 3)
        #expect(rows.allSatisfy { $0.indicator.hasTag("toxic-trio-domestic-abuse") })
        let r = try row("domestic-abuse.violence-between-adults")
        #expect(r.levels.two.links == ["harbour", "domestic-abuse-info", "sorry-not-enough"])
    }

    @Test func extremismRowEndsTheMatrix() throws {
        let r = try row("prejudiced-views-extremism.prejudiced-views-violent-extremism")
        #expect(
            r.levels.four.text?.hasSuffix(
                "there is evidence to suggest that they are doing so to support or participate in extremist activities.") == true)
        #expect(r.levels.two.links == ["child-protection", "prevent"])
    }

    @Test func scoringTagsArePresent() {
        func tagged(_ t: String) -> [String] { c.allIndicators.filter { $0.indicator.hasTag(t) }.map(\.indicator.id) }
        for t in c.rules.toxicTrio.componentTags { #expect(!tagged(t).isEmpty, "no row tagged \(t)") }
        #expect(tagged("toxic-trio-substance-misuse") == ["family-health.parental-drug-and-alcohol-use"])
        #expect(tagged("cannot-be-met-at-home").count == 3)
        #expect(tagged("pre-birth").contains("health.foetus-development"))
        #expect(tagged("disability").contains("family-health.parental-learning-disability"))
    }

    @Test func levelsStepsAndCourseOfAction() throws {
        #expect(c.steps.map(\.level) == [1, 2, 3, 4, 4])
        let two = try #require(c.level(2)).courseOfAction.routes
        #expect(two.map(\.when) == [.singleIssue, .severalIssues])
        #expect(two[1].actions.map(\.when) == [.taf, .noTaf])
        #expect(two[1].actions[1].text.contains("First Contact 03000 26 79 79"))
        #expect(try #require(c.level(4)).courseOfAction.routes[0].actions[0].text.contains("dial 999"))
        #expect(c.contact("first-contact")?.phone == "03000 26 79 79")
        #expect(c.contact("emergency")?.phone == "999")
        #expect(c.concernCategories.map(\.id) == ["physical-abuse", "emotional-abuse", "sexual-abuse", "neglect"])
    }

    @Test func everyLinkedServiceIsNamed() {
        let used = Set(c.allIndicators.flatMap { $0.indicator.levels.all.flatMap(\.links) })
        #expect(used.isSubset(of: Set(c.services.map(\.id))))
        #expect(c.service("first-contact")?.url == "http://www.durham.gov.uk/firstcontact")
    }
}
