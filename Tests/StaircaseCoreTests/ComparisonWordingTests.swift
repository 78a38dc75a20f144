import Foundation
import Testing

@testable import StaircaseCore

/// What `compare` (and "Since last time") says about a row, in words a reader cannot misread.
@Suite struct ComparisonWordingTests {
    static func assessments(_ c: Catalogue) -> (Assessment, Assessment) {
        let old = Assessment(
            id: "a-old", createdAt: "2026-08-01T09:00:00Z", catalogue: .init(id: c.id, version: c.version), childKey: "c-child")
        var new = old
        new.id = "a-new"
        new.createdAt = "2026-11-20T09:00:00Z"
        new.updatedAt = "2026-11-20T10:00:00Z"
        return (old, new)
    }

    static func text(_ old: Assessment, _ c: Catalogue, _ new: Assessment, _ n: Catalogue? = nil) throws -> String {
        let cmp = try AssessmentComparison.build(old: old, oldCatalogue: c, new: new, newCatalogue: n ?? c)
        return Self.unwrapped(ComparisonExporter.render(format: .text, comparison: cmp))
    }

    /// The text with its wrapping undone, so a sentence is found wherever the lines broke.
    static func unwrapped(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func aRowAnsweredThenAndRemovedFromTheCatalogueIsSaidToBeRemovedNotUnassessed() throws {
        let c = try EmbeddedCatalogue.load()
        let (next, removed, _, _) = ComparisonTests.nextVersion(c)
        var (old, new) = Self.assessments(c)
        old.answers[removed] = .init(.level2)
        new.catalogue.version = next.version
        let cmp = try AssessmentComparison.build(old: old, oldCatalogue: c, new: new, newCatalogue: next)
        #expect(cmp.rows.first { $0.id == removed }?.change == .removedFromCatalogue)
        #expect(cmp.totals.notAssessedNow == 0 && cmp.totals.removedFromCatalogue == 1)
        let text = Self.unwrapped(ComparisonExporter.render(format: .text, comparison: cmp))
        #expect(text.contains("removed from the catalogue 1"), "\(text)")
        #expect(!text.contains("not assessed now"), "\(text)")
    }

    @Test func levelTwoToNotApplicableIsLabelledNowNotApplicable() throws {
        let c = try EmbeddedCatalogue.load()
        let row = c.allIndicators[0].indicator
        var (old, new) = Self.assessments(c)
        old.answers[row.id] = .init(.level2)
        new.answers[row.id] = .init(.notApplicable)
        let text = try Self.text(old, c, new)
        #expect(text.contains("Level 2 → not applicable: \(row.title) (resolved (now not applicable))"), "\(text)")
        #expect(!text.contains("now Level 1"), "\(text)")
        new.answers[row.id] = .init(.level1)
        #expect(try Self.text(old, c, new).contains("Level 2 → Level 1: \(row.title) (resolved (now Level 1))"))
    }

    @Test func theOneRowChangedWithoutANeedIsNamed() throws {
        let c = try EmbeddedCatalogue.load()
        let row = c.allIndicators[3].indicator
        var (old, new) = Self.assessments(c)
        new.answers[row.id] = .init(.level1)
        let text = try Self.text(old, c, new)
        #expect(
            text.contains("1 more row changed without a need either time: not yet assessed → Level 1:")
                && text.contains("\(row.title) (no information then)"), "\(text)")
        #expect(!text.contains("for example"), "\(text)")
        _ = old
    }

    @Test func severalRowsChangedWithoutANeedAreCountedByWhatHappenedToThem() throws {
        let c = try EmbeddedCatalogue.load()
        let rows = c.allIndicators.map(\.indicator.id)
        var (old, new) = Self.assessments(c)
        new.answers[rows[0]] = .init(.level1)
        new.answers[rows[1]] = .init(.notApplicable)
        old.answers[rows[2]] = .init(.level1)
        let text = try Self.text(old, c, new)
        #expect(
            text.contains(
                "3 more rows changed without a need either time (1 not yet assessed then, Level 1 now; "
                    + "1 not yet assessed then, not applicable now; 1 Level 1 then, not yet assessed now)"), "\(text)")
        #expect(!text.contains("for example"), "\(text)")
    }

    @Test func mostImportantListsALevel4RowBeforeALevel3Row() throws {
        let c = try EmbeddedCatalogue.load()
        let rows = c.allIndicators.map(\.indicator)
        var (old, new) = Self.assessments(c)
        old.answers[rows[0].id] = .init(.level2)
        new.answers[rows[0].id] = .init(.level3)
        old.answers[rows[5].id] = .init(.level3)
        new.answers[rows[5].id] = .init(.level4)
        let cmp = try AssessmentComparison.build(old: old, oldCatalogue: c, new: new, newCatalogue: c)
        #expect(cmp.rows.map(\.id).prefix(2) == [rows[5].id, rows[0].id])
        let text = Self.unwrapped(ComparisonExporter.render(format: .text, comparison: cmp))
        let four = try #require(text.range(of: rows[5].title))
        let three = try #require(text.range(of: rows[0].title))
        #expect(four.lowerBound < three.lowerBound, "\(text)")
    }

    @Test func twoChildrenComparedOnPurposeAreFlaggedInTheOutputItself() throws {
        let c = try EmbeddedCatalogue.load()
        let (old, new) = Self.assessments(c)
        var cmp = try AssessmentComparison.build(old: old, oldCatalogue: c, new: new, newCatalogue: c)
        #expect(!ComparisonExporter.render(format: .text, comparison: cmp).contains("different child keys"))
        #expect(!ComparisonExporter.render(format: .json, comparison: cmp).contains("differentChildren"))
        cmp.differentChildren = true
        for format in ExportFormat.allCases {
            #expect(ComparisonExporter.render(format: format, comparison: cmp).contains("differen"), "\(format)")
        }
        #expect(
            Self.unwrapped(ComparisonExporter.render(format: .text, comparison: cmp)).contains(
                "Warning: these two assessments have different child keys"))
        #expect(ComparisonExporter.render(format: .json, comparison: cmp).contains("\"differentChildren\" : true"))
    }

    @Test func theNewerAssessmentGivenFirstIsRecognisedByTheJourneysOrder() throws {
        let c = try EmbeddedCatalogue.load()
        var (old, new) = Self.assessments(c)
        #expect(!AssessmentComparison.isNewerFirst(old: old, new: new))
        #expect(AssessmentComparison.isNewerFirst(old: new, new: old))
        // A decision dates an assessment before its last change does.
        old.decision = .init(level: 2, step: 2, reason: "", decidedAt: "2026-12-01T09:00:00Z")
        #expect(AssessmentComparison.isNewerFirst(old: old, new: new))
        #expect(!AssessmentComparison.isNewerFirst(old: old, new: old), "the same assessment twice is not backwards")
    }

    @Test func eventsAddedAreListedInFullByCompareAndBrieflyInTheSummary() throws {
        let c = try EmbeddedCatalogue.load()
        let (old, new, _) = ComparisonTests.pair(c)
        let text = try Self.text(old, c, new)
        #expect(text.contains("Events added to the chronology since the assessment of 14 August 2026"))
        // The table: date in words, what, source (or "not given"), rows by title; date order.
        let cmp = try AssessmentComparison.build(old: old, oldCatalogue: c, new: new, newCatalogue: c)
        let md = ComparisonExporter.render(format: .markdown, comparison: cmp)
        let nursery = try #require(md.range(of: "| about 20 September 2026 | Arrived hungry at nursery | not given |  |"))
        let gp = try #require(md.range(of: "| 2 October 2026 | Missed GP appointment | GP | Education, employment"))
        #expect(nursery.lowerBound < gp.lowerBound)
        #expect(!md.contains("Police called") && !md.contains("Absent from school"))
        let brief = ReferralExporter.render(format: .text, summary: summary(c, old, new))
        let flat = Self.unwrapped(brief)
        #expect(
            flat.contains(
                "Events added to the chronology since the assessment of 14 August 2026 ------- 2 events added to the chronology, in date order: "
                    + "- about 20 September 2026: Arrived hungry at nursery "
                    + "- 2 October 2026: Missed GP appointment"))
        #expect(
            cmp.blocks.contains(.bullets(["about 20 September 2026: Arrived hungry at nursery", "2 October 2026: Missed GP appointment"])))
        // None added: said, not left out.
        var same = new
        same.chronology = old.chronology
        let sameText = try Self.text(old, c, same)
        #expect(
            sameText.contains("Events added to the chronology since the assessment of 14 August 2026 -")
                && sameText.contains("- None: no event was added to the chronology."))
        let none = Self.unwrapped(ReferralExporter.render(format: .text, summary: summary(c, old, same)))
        #expect(
            none.contains(
                "Events added to the chronology since the assessment of 14 August 2026 ------- None: no event was added to the chronology."
            ))
    }

    @Test func aRedactedSummaryListsTheAddedEventsAsItsChronologyDoes() throws {
        let c = try EmbeddedCatalogue.load()
        var (old, new, _) = ComparisonTests.pair(c)
        new.child.name = "Kayden Morrow"
        new.chronology[3].what = "Kayden Morrow arrived hungry at nursery"
        let s = summary(c, old, new, redact: true)
        let added = try #require(s.sinceLastTime?.eventsAdded)
        #expect(added.map(\.date) == ["about 2026-09", "2026-10"])
        #expect(added.allSatisfy { e in s.chronology.contains(e) })
        #expect(!added.contains { $0.what.contains("Kayden") })
        for format in ExportFormat.allCases {
            #expect(!ReferralExporter.render(format: format, summary: s).contains("Kayden"), "\(format)")
        }
    }

    func summary(_ c: Catalogue, _ old: Assessment, _ new: Assessment, redact: Bool = false) -> ReferralSummary {
        ReferralSummary.build(
            catalogue: c, assessment: new, proposal: ScoringEngine(catalogue: c).propose(new), redact: redact, previous: old)
    }
}
