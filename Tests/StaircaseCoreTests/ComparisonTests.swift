import Foundation
import Testing

@testable import StaircaseCore

/// `AssessmentComparison`: each row's class, the counts, the order, flags, and catalogue versions.
@Suite struct ComparisonTests {
    typealias Change = AssessmentComparison.Change

    /// Every pair of answers and its class; nil means "not listed" (not assessed either time).
    static let table: [(Rating, Rating, Change?)] = [
        (.notAssessed, .notAssessed, nil),
        (.notAssessed, .level1, .noInformationThen),
        (.notAssessed, .level3, .noInformationThen),
        (.notAssessed, .notApplicable, .noInformationThen),
        (.level2, .notAssessed, .notAssessedNow),
        (.notApplicable, .notAssessed, .notAssessedNow),
        (.level1, .level1, .same),
        (.level1, .notApplicable, .same),
        (.notApplicable, .notApplicable, .same),
        (.level3, .level3, .same),
        (.level1, .level2, .newlyIdentified),
        (.notApplicable, .level4, .newlyIdentified),
        (.level2, .level1, .resolved),
        (.level4, .level1, .resolved),
        (.level3, .notApplicable, .resolved),
        (.level2, .level3, .up),
        (.level2, .level4, .up),
        (.level4, .level3, .down),
        (.level4, .level2, .down),
    ]

    @Test func classesOnATableOfCases() {
        for (before, after, expected) in Self.table {
            #expect(AssessmentComparison.classify(before, after) == expected, "\(before) → \(after)")
        }
    }

    static func pair(_ c: Catalogue) -> (Assessment, Assessment, [String]) {
        let rows = c.allIndicators.map(\.indicator.id)
        var old = Assessment(
            id: "a-old", createdAt: "2026-08-01T09:00:00Z", catalogue: .init(id: c.id, version: c.version), childKey: "c-child")
        old.decision = .init(level: 3, step: 3, reason: "", decidedAt: "2026-08-14T10:00:00Z")
        var new = Assessment(
            id: "a-new", createdAt: "2026-11-20T09:00:00Z", catalogue: .init(id: c.id, version: c.version), childKey: "c-child")
        let pairs: [(Rating, Rating)] = [
            (.level2, .level3), (.level4, .level2), (.level2, .level1), (.level1, .level2), (.notAssessed, .level2),
            (.level2, .notAssessed), (.level2, .level2), (.level1, .level4),
        ]
        for (i, (b, a)) in pairs.enumerated() {
            if b != .notAssessed { old.answers[rows[i]] = .init(b) }
            if a != .notAssessed { new.answers[rows[i]] = .init(a) }
        }
        new.answers[rows[1]]?.changeReason = .realChange
        new.answers[rows[7]]?.changeReason = .newInformation
        // Carried and never confirmed: apart, never a change.
        old.answers[rows[8]] = .init(.level3)
        new.answers[rows[8]] = .init(.notAssessed, earlier: .init(rating: .level3, on: "2026-08-14", assessment: "a-old"))
        // The chronology carried forward with its ids: one event edited since, two added (the
        // later-dated one entered first).
        old.chronology = [
            .init(
                id: "e-police", date: date("2026-06-14"), what: "Police called to a domestic incident", source: "Police", rows: [rows[0]]),
            .init(id: "e-school", date: date("2026-07"), what: "Absent from school for a week", source: "School", rows: [rows[1]]),
        ]
        new.chronology = old.chronology
        new.chronology[1].what = "Absent from school for a week without explanation"
        new.chronology += [
            .init(id: "e-gp", date: date("2026-10-02"), what: "Missed GP appointment", source: "GP", rows: [rows[2], rows[0]]),
            .init(id: "e-nursery", date: date("about 2026-09-20"), what: "Arrived hungry at nursery", rows: []),
        ]
        return (old, new, rows)
    }

    static func date(_ text: String) -> EventDate {
        guard let d = EventDate(text) else { preconditionFailure("not an event date: \(text)") }
        return d
    }

    @Test func eventsAddedSinceAreTheNewIDsInDateOrder() throws {
        let c = try EmbeddedCatalogue.load()
        let (old, new, rows) = Self.pair(c)
        let cmp = try AssessmentComparison.build(old: old, oldCatalogue: c, new: new, newCatalogue: c)
        // The edited event keeps its id, so it is not "added"; the approximate date sorts first.
        #expect(cmp.eventsAdded.map(\.what) == ["Arrived hungry at nursery", "Missed GP appointment"])
        #expect(cmp.eventsAdded.map(\.date) == ["about 2026-09-20", "2026-10-02"])
        #expect(cmp.eventsAdded.map(\.dateWords) == ["about 20 September 2026", "2 October 2026"])
        let titles = c.indicatorTitles
        #expect(cmp.eventsAdded[1].rows.map(\.id) == [rows[2], rows[0]])
        #expect(cmp.eventsAdded[1].rows.map(\.title) == [titles[rows[2]], titles[rows[0]]].compactMap { $0 })
        #expect(cmp.eventsAdded[1].source == "GP" && cmp.eventsAdded[0].source == "")
        // Nothing added: the same chronology, or one with only an edit.
        var edited = old
        edited.id = "a-edited"
        edited.chronology[0].what = "Police called to a domestic incident at night"
        edited.chronology[0].date = Self.date("2026-06-15")
        #expect(try AssessmentComparison.build(old: old, oldCatalogue: c, new: edited, newCatalogue: c).eventsAdded == [])
        // An event removed since is not "added" either way round.
        var fewer = new
        fewer.chronology.removeAll { $0.id == "e-police" }
        #expect(try AssessmentComparison.build(old: old, oldCatalogue: c, new: fewer, newCatalogue: c).eventsAdded.count == 2)
    }

    @Test func buildsRowsCountsAndOrder() throws {
        let c = try EmbeddedCatalogue.load()
        let (old, new, rows) = Self.pair(c)
        let cmp = try AssessmentComparison.build(old: old, oldCatalogue: c, new: new, newCatalogue: c)
        let byID = Dictionary(uniqueKeysWithValues: cmp.rows.map { ($0.id, $0) })
        #expect(byID[rows[0]]?.change == .up)
        #expect(byID[rows[1]]?.change == .down && byID[rows[1]]?.reason == .realChange && byID[rows[1]]?.moved == -2)
        #expect(byID[rows[2]]?.change == .resolved)
        #expect(byID[rows[3]]?.change == .newlyIdentified)
        #expect(byID[rows[4]]?.change == .noInformationThen)
        #expect(byID[rows[5]]?.change == .notAssessedNow)
        #expect(byID[rows[6]]?.change == .same)
        #expect(byID[rows[7]]?.change == .newlyIdentified && byID[rows[7]]?.important == ["now at Level 4", "moved 3 levels up"])
        #expect(byID[rows[8]] == nil && cmp.toConfirm.map(\.id) == [rows[8]])
        // Most important first: now at 4, then 3 (each in catalogue order), then moved two or more, then the rest, "same" last.
        #expect(cmp.rows.map(\.id) == [rows[7], rows[0], rows[1], rows[2], rows[3], rows[4], rows[5], rows[6]])
        let t = cmp.totals
        let counts: [Int] = [t.up, t.down, t.same, t.resolved, t.newlyIdentified, t.noInformationThen, t.notAssessedNow, t.toConfirm]
        #expect(counts == [1, 1, 1, 1, 2, 1, 1, 1])
        #expect(cmp.domains.map(\.domain) == c.domains.map(\.id))
        #expect(cmp.old.decided == .init(level: 3, step: 3) && cmp.old.date == "2026-08-14")
        #expect(cmp.new.decided == nil && cmp.new.proposed?.level == 4)
        #expect(cmp.catalogueChanges.isEmpty)
    }

    @Test func flagsThatAppearedOrCleared() throws {
        let c = try EmbeddedCatalogue.load()
        let trioRows = c.allIndicators.filter { r in c.rules.toxicTrio.componentTags.contains { r.indicator.hasTag($0) } }.map(
            \.indicator.id)
        var old = Assessment(id: "a-old", createdAt: "2026-08-01T09:00:00Z", catalogue: .init(id: c.id, version: c.version))
        var new = old
        new.id = "a-new"
        old.immediateDanger = .yes
        for r in trioRows { new.answers[r] = .init(Rating(level: c.rules.toxicTrio.minimumLevel) ?? .level3) }
        let cmp = try AssessmentComparison.build(old: old, oldCatalogue: c, new: new, newCatalogue: c)
        #expect(cmp.flagsAppeared.contains(.toxicTrio))
        #expect(cmp.flagsCleared == [.immediateDanger])
    }

    /// Version 2027.1 of the catalogue, made from 2026.1: one row removed, one added, one reworded.
    static func nextVersion(_ c: Catalogue) -> (Catalogue, removed: String, added: String, reworded: String) {
        var next = c
        next.version = "2027.1"
        var areas = next.domains[0].areas
        let removed = areas[0].indicators.removeLast().id
        var added = areas[0].indicators[0]
        added.id = "test.added-row"
        added.title = "A row new in 2027"
        areas[0].indicators.append(added)
        let reworded = areas[0].indicators[0].id
        areas[0].indicators[0].title += " (reworded)"
        next.domains[0].areas = areas
        return (next, removed, added.id, reworded)
    }

    @Test func acrossCatalogueVersionsByRowID() throws {
        let c = try EmbeddedCatalogue.load()
        let (next, removed, added, reworded) = Self.nextVersion(c)
        var old = Assessment(id: "a-old", createdAt: "2026-08-01T09:00:00Z", catalogue: .init(id: c.id, version: c.version))
        old.answers[removed] = .init(.level3)
        old.answers[reworded] = .init(.level2)
        var new = Assessment(id: "a-new", createdAt: "2026-11-20T09:00:00Z", catalogue: .init(id: next.id, version: next.version))
        new.answers[added] = .init(.level2)
        new.answers[reworded] = .init(.level2)
        let cmp = try AssessmentComparison.build(old: old, oldCatalogue: c, new: new, newCatalogue: next)
        let kinds = Dictionary(uniqueKeysWithValues: cmp.catalogueChanges.map { ($0.id, $0.kind) })
        #expect(kinds == [removed: .removed, added: .added, reworded: .reworded])
        #expect(cmp.catalogueChanges.first { $0.id == reworded }?.oldTitle == c.allIndicators[0].indicator.title)
        let byID = Dictionary(uniqueKeysWithValues: cmp.rows.map { ($0.id, $0) })
        #expect(
            byID[removed]?.change == .removedFromCatalogue && byID[removed]?.catalogueChange == .removed,
            "a removed row is listed, not dropped")
        #expect(byID[added]?.change == .noInformationThen && byID[added]?.catalogueChange == .added)
        #expect(byID[reworded]?.change == .same && byID[reworded]?.catalogueChange == .reworded)
        let text = TextRenderer.render(cmp.blocks)
        #expect(text.contains("removed: ") && text.contains("added: A row new in 2027") && text.contains("reworded: "))

        // Carrying forward from the old version keeps the rows the new one still has.
        var withKey = old
        withKey.childKey = "c-child"
        let carried = try Reassessment.start(from: withKey, catalogue: next, id: "a-next", now: "2026-11-20T09:00:00Z")
        #expect(carried.rowsToConfirm == [reworded])
        #expect(carried.catalogue.version == "2027.1")
    }

    @Test func refusesDifferentCataloguesAndMismatchedOnes() throws {
        let c = try EmbeddedCatalogue.load()
        var other = c
        other.id = "another-authority"
        let old = Assessment(id: "a-old", createdAt: "2026-08-01T09:00:00Z", catalogue: .init(id: c.id, version: c.version))
        let new = Assessment(id: "a-new", createdAt: "2026-11-20T09:00:00Z", catalogue: .init(id: other.id, version: c.version))
        #expect(throws: AssessmentComparison.Failure.otherCatalogue(old: c.id, new: other.id)) {
            try AssessmentComparison.build(old: old, oldCatalogue: c, new: new, newCatalogue: other)
        }
        let failure = AssessmentComparison.Failure.otherCatalogue(old: c.id, new: other.id)
        #expect(failure.description.contains("different catalogues"))
        #expect(throws: AssessmentComparison.Failure.self) {
            try AssessmentComparison.build(old: old, oldCatalogue: Self.nextVersion(c).0, new: old, newCatalogue: c)
        }
    }

    @Test func everyFormatSaysTheSameAndJSONRoundTrips() throws {
        let c = try EmbeddedCatalogue.load()
        let (old, new, _) = Self.pair(c)
        let cmp = try AssessmentComparison.build(old: old, oldCatalogue: c, new: new, newCatalogue: c)
        for format in ExportFormat.allCases where format != .json {
            let out = ComparisonExporter.render(format: format, comparison: cmp)
            #expect(out.contains("Most important") && out.contains("Carried forward, not yet confirmed"), "\(format)")
            #expect(out.contains("real change") && out.contains("new information"), "\(format)")
            #expect(
                out.contains("Events added to the chronology since the assessment of 14 August 2026") && out.contains("Missed GP"),
                "\(format)")
        }
        #expect(ComparisonExporter.render(format: .html, comparison: cmp).contains("<td>about 20 September 2026</td>"))
        #expect(ComparisonExporter.render(format: .markdown, comparison: cmp).contains("| Date | What happened | Source | Rows |"))
        let json = ComparisonExporter.render(format: .json, comparison: cmp)
        #expect(try JSONDecoder().decode(AssessmentComparison.self, from: Data(json.utf8)) == cmp.sanitised)
        #expect(!ComparisonExporter.render(format: .html, comparison: cmp).contains("<script"))
        // The wording, byte for byte (STAIRCASE_RECORD=1 re-records).
        try ExportSupport.expectGolden(ComparisonExporter.render(format: .text, comparison: cmp), "compare.txt")
        try ExportSupport.expectGolden(ComparisonExporter.render(format: .markdown, comparison: cmp), "compare.md")
    }
}
