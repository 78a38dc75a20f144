import Testing

@testable import StaircaseCore

/// Issue 25: every descriptor the catalogue marks as speaking of time ("persistent",
/// "repeated", "recently" …) gets, when its row is rated at that level, a reason quoting the
/// events linked to the row and the months they span; other levels and other rows get none.
@Suite struct TimeEvidenceTests {
    static func event(_ id: String, _ date: String, _ rows: [String]) throws -> ChronologyEvent {
        ChronologyEvent(id: id, date: try #require(EventDate(date)), what: "seen", rows: rows)
    }

    @Test func everyMarkedDescriptorQuotesItsLinkedEvents() throws {
        let c = try Fixtures.durham()
        let engine = ScoringEngine(catalogue: c)
        var checked = 0
        for (_, _, row) in c.allIndicators {
            for level in 1...4 {
                let words = row.timeWords(atLevel: level)
                guard let rating = Rating(level: level), row.cell(level)?.isApplicable == true else { continue }
                var a = Assessment(
                    id: "a-time", createdAt: "2026-12-07T10:00:00Z", catalogue: .init(id: c.id, version: c.version))
                a.child.dateOfBirth = "2012-01-01"
                a.answers[row.id] = .init(rating, confirmedForAge: true)
                a.chronology = [
                    try Self.event("e-1", "2026-11-06", [row.id]), try Self.event("e-2", "about 2026-06-20", [row.id]),
                    try Self.event("e-3", "2026-09", [row.id]), try Self.event("e-other", "2025-01-01", ["not-this-row"]),
                ]
                let reasons = engine.propose(a).reasons.filter { $0.rule == .timeEvidence }
                if words.isEmpty {
                    #expect(reasons.isEmpty, "\(row.id) at \(level) does not speak of time")
                    continue
                }
                checked += 1
                let reason = try #require(reasons.first, "\(row.id) at Level \(level) speaks of time: \(words)")
                #expect(reasons.count == 1 && reason.indicators == [row.id])
                #expect(reason.text.contains("3 events, June–November 2026"), "\(reason.text)")
                for word in words { #expect(reason.text.contains("“\(word)”"), "\(row.id): \(word)") }

                a.chronology = []
                let bare = engine.propose(a).reasons.filter { $0.rule == .timeEvidence }
                #expect(bare.count == 1 && bare.first?.indicators == [row.id], "\(row.id)")
                #expect(bare.first?.text.hasPrefix("“\(row.title)” is at Level \(level), whose descriptor speaks of time (“") == true)
                #expect(bare.first?.text.hasSuffix("no dated event is linked to it yet.") == true)
            }
        }
        #expect(checked >= 80, "the Durham catalogue marks over 80 descriptors; checked \(checked)")
    }

    @Test func rowsWithoutEventsAreNamedInOneReason() throws {
        let c = try Fixtures.durham()
        var a = Assessment(id: "a", createdAt: "2026-12-07T10:00:00Z", catalogue: .init(id: c.id, version: c.version))
        a.child.dateOfBirth = "2012-01-01"
        a.answers["behaviour.running-away"] = .init(.level3)
        a.answers["social-development.belonging-bullying-discrimination"] = .init(.level3)
        a.answers["environment.financial-resources"] = .init(.level3)
        a.chronology = [try Self.event("e-1", "2026-11-06", ["environment.financial-resources"])]
        let reasons = ScoringEngine(catalogue: c).propose(a).reasons.filter { $0.rule == .timeEvidence }
        #expect(reasons.count == 2)
        #expect(reasons.first?.indicators == ["environment.financial-resources"])
        #expect(reasons.first?.text.contains("the chronology has 1 event, November 2026") == true)
        #expect(Set(reasons.last?.indicators ?? []) == ["behaviour.running-away", "social-development.belonging-bullying-discrimination"])
        #expect(
            reasons.last?.text.hasPrefix("2 rows are at levels whose descriptors speak of time, with no dated event linked yet:") == true)
    }

    @Test func anUnratedOrUnconfirmedRowGetsNoReason() throws {
        let c = try Fixtures.durham()
        var a = Assessment(id: "a", createdAt: "2026-12-07T10:00:00Z", catalogue: .init(id: c.id, version: c.version))
        a.chronology = [try Self.event("e-1", "2026-11-06", ["behaviour.running-away"])]
        #expect(ScoringEngine(catalogue: c).propose(a).reasons.allSatisfy { $0.rule != .timeEvidence })
        a.answers["behaviour.running-away"] = .init(.notApplicable)
        #expect(ScoringEngine(catalogue: c).propose(a).reasons.allSatisfy { $0.rule != .timeEvidence })
    }
}
