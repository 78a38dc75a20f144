import Foundation
import Testing

@testable import StaircaseCore

/// The child's journey: ordering, the text timeline, the SVG chart (golden files) and the
/// summary's "Since last time".
@Suite struct ChildHistoryTests {
    static func make(_ c: Catalogue, _ id: String, created: String, decided: (Int, Int, String)?, child: String = "c-child") -> Assessment {
        var a = Assessment(id: id, createdAt: created, catalogue: .init(id: c.id, version: c.version), childKey: child)
        a.updatedAt = created
        if let (l, s, on) = decided {
            a.decision = .init(level: l, step: s, reason: "", decidedAt: on)
            a.answers[c.allIndicators[0].indicator.id] = .init(Rating(level: l) ?? .level1)
        }
        return a
    }

    static func journey(_ c: Catalogue) -> [Assessment] {
        var undecided = make(c, "a-4-undecided", created: "2027-02-01T09:00:00Z", decided: nil)
        undecided.answers[c.allIndicators[0].indicator.id] = .init(.level2)
        undecided.answers[c.allIndicators[1].indicator.id] = .init(
            .notAssessed, earlier: .init(rating: .level3, on: "2026-11-20", assessment: "a-3"))
        // The chronology grows: 1 event, then 3 (one of them edited since, so not new), 3, 4, 4.
        func event(_ id: String, _ date: String) -> ChronologyEvent { .init(id: id, date: ComparisonTests.date(date), what: id) }
        var first = make(c, "a-1-first", created: "2026-05-02T09:00:00Z", decided: (2, 2, "2026-05-02T10:00:00Z"))
        first.chronology = [event("e-1", "2026-04-30")]
        var step5 = make(c, "a-2-step5", created: "2026-08-14T09:00:00Z", decided: (4, 5, "2026-08-14T10:00:00+01:00"))
        step5.chronology = [event("e-1", "2026-04"), event("e-2", "2026-07-01"), event("e-3", "about 2026-08")]
        var earlier = make(c, "a-3-earlier-same-day", created: "2026-11-20T09:00:00Z", decided: (3, 3, "2026-11-20T10:00:00Z"))
        earlier.chronology = step5.chronology
        var later = make(c, "a-3-later-same-day", created: "2026-11-20T15:00:00Z", decided: (2, 2, "2026-11-20T16:00:00Z"))
        later.chronology = step5.chronology + [event("e-4", "2026-11-19")]
        undecided.chronology = later.chronology
        return [
            undecided,
            later,
            first,
            make(c, "a-other-child", created: "2026-06-01T09:00:00Z", decided: (1, 1, "2026-06-01T10:00:00Z"), child: "c-someone-else"),
            step5,
            earlier,
        ]
    }

    @Test func eachEntryCountsTheEventsAddedSinceTheOneBefore() throws {
        let c = try EmbeddedCatalogue.load()
        let h = ChildHistory.build(childKey: "c-child", assessments: Self.journey(c).shuffled(), catalogues: [c])
        #expect(h.entries.map(\.eventsAdded) == [nil, 2, 0, 1, 0])
        #expect(h.timeline.contains("(decided); +2 events") && h.timeline.contains("(decided); +1 event  "))
        #expect(!h.timeline.contains("+0"))
        // The summary's journey carries the counts, this assessment's included.
        let all = Self.journey(c)
        let now = all[1]
        let s = ReferralSummary.build(
            catalogue: c, assessment: now, proposal: ScoringEngine(catalogue: c).propose(now), redact: false,
            previous: ChildHistory.predecessor(of: now, among: all), history: h)
        #expect(s.journey?.map(\.eventsAdded) == [nil, 2, 0, 1])
        #expect(ReferralExporter.render(format: .text, summary: s).contains("this assessment; +1 event"))
        let html = ReferralExporter.render(format: .html, summary: s)
        #expect(html.contains(">+2 events</text>") && html.contains("step 5 +2 events;"))
        #expect(try ExportSchemaTests.schema().errors(try JSONValue.parse(ReferralExporter.render(format: .json, summary: s))) == [])
    }

    @Test func orderedByDayThenCreationAndOnlyThisChild() throws {
        let c = try EmbeddedCatalogue.load()
        let all = Self.journey(c)
        for order in [all, all.reversed(), all.shuffled()] {
            let h = ChildHistory.build(childKey: "c-child", assessments: order, catalogues: [c])
            #expect(
                h.entries.map(\.assessmentId) == ["a-1-first", "a-2-step5", "a-3-earlier-same-day", "a-3-later-same-day", "a-4-undecided"])
        }
        let h = ChildHistory.build(childKey: "c-child", assessments: all, catalogues: [c])
        #expect(h.entries.last?.decided == nil && h.entries.last?.proposed == .init(level: 2, step: 2) && h.entries.last?.toConfirm == 1)
        try ExportSupport.expectGolden(h.timeline, "history.txt")
        #expect(ChildHistory.predecessor(of: all[0], among: all)?.id == "a-3-later-same-day")
        #expect(ChildHistory.predecessor(of: all[2], among: all) == nil)
        // A re-assessment started and left (nothing assessed) is not what "last time" means.
        let left = Self.make(c, "a-3c-left", created: "2026-12-01T09:00:00Z", decided: nil)
        #expect(ChildHistory.predecessor(of: all[0], among: all + [left])?.id == "a-3-later-same-day")
    }

    static let points: [ReferralSummary.JourneyPoint] = [
        .init(assessmentId: "a-1", date: "2026-05-02", level: 2, step: 2, basis: .decided, current: false),
        .init(assessmentId: "a-2", date: "2026-08-14", level: 4, step: 5, basis: .decided, current: false, eventsAdded: 2),
        .init(assessmentId: "a-3", date: "2026-11-20", level: 3, step: 3, basis: .decided, current: false),
        .init(assessmentId: "a-4", date: "2027-02-01", level: 2, step: 2, basis: .proposed, current: true, eventsAdded: 1),
    ]

    @Test func theChartIsInlineSVGOnTheStaircaseScale() throws {
        let svg = JourneyChart.svg(Self.points)
        try ExportSupport.expectGolden(svg + "\n", "journey.svg")
        #expect(svg.hasPrefix("<svg") && !svg.contains("<script") && !svg.contains("href"))
        for step in 1...5 { #expect(svg.contains("step \(step)</text>")) }
        for p in Self.points { #expect(svg.contains(">\(p.date)</text>")) }
    }

    @Test func theSummarySaysWhatChangedSinceLastTime() throws {
        let c = try EmbeddedCatalogue.load()
        let (old, new, _) = ComparisonTests.pair(c)
        let p = ScoringEngine(catalogue: c).propose(new)
        let history = ChildHistory.build(childKey: "c-child", assessments: [old, new], catalogues: [c])
        let s = ReferralSummary.build(catalogue: c, assessment: new, proposal: p, redact: true, previous: old, history: history)
        #expect(s.sinceLastTime?.totals.up == 1)
        #expect(s.journey?.map(\.assessmentId) == ["a-old", "a-new"] && s.journey?.last?.current == true)
        let html = HTMLRenderer.render(s)
        #expect(html.contains("<h2>Since last time</h2>") && html.contains("<svg") && !html.contains("<script"))
        for format in [ExportFormat.text, .markdown] {
            let text = ReferralExporter.render(format: format, summary: s)
            #expect(text.contains("Since last time") && text.contains("journey on the staircase"), "\(format)")
        }
        let json = try JSONValue.parse(ReferralExporter.render(format: .json, summary: s))
        #expect(try ExportSchemaTests.schema().errors(json) == [])
        // Without an earlier assessment the summary is exactly as before.
        let plain = ReferralSummary.build(catalogue: c, assessment: new, proposal: p, redact: false)
        #expect(ReferralSummary.build(catalogue: c, assessment: new, proposal: p, redact: false, previous: nil) == plain)
        #expect(plain.sinceLastTime == nil && plain.journey == nil)
    }
}
