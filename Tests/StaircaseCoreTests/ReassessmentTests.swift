import Foundation
import Testing

@testable import StaircaseCore

/// Carrying an assessment forward, confirming what was carried, and what counts meanwhile.
@Suite struct ReassessmentTests {
    static func durham() throws -> Catalogue { try EmbeddedCatalogue.load() }

    static func eventDate(_ text: String) -> EventDate {
        guard let d = EventDate(text) else { preconditionFailure("not an event date: \(text)") }
        return d
    }

    static func earlier(_ c: Catalogue) -> Assessment {
        var a = Assessment(
            id: "a-earlier", createdAt: "2026-08-01T09:00:00+01:00", catalogue: .init(id: c.id, version: c.version), childKey: "c-child")
        a.child.name = "Jo Smith"
        a.child.dateOfBirth = "2016-04-12"
        a.referrer.name = "A Teacher"
        a.carers = [.init(name: "Pat Smith", relationship: "mother")]
        a.workingWell.overall = "Loves football"
        a.immediateDanger = .no
        let rows = c.allIndicators.map(\.indicator.id)
        a.worry = "the worry then"
        a.request = .init(kinds: [.earlyHelp])
        a.householdDifficulties = ["domestic-abuse": .init(.no)]
        a.chronology = [
            .init(id: "e-later", date: Self.eventDate("2026-07-30"), what: "later", rows: [rows[0]]),
            .init(id: "e-first", date: Self.eventDate("2026-05"), what: "first"),
        ]
        a.answers[rows[0]] = .init(.level3, note: "evidence then")
        a.answers[rows[1]] = .init(.level1)
        a.answers[rows[2]] = .init(.notApplicable)
        a.answers[rows[3]] = .init(.notAssessed, note: "a note only")
        a.decision = .init(level: 3, step: 3, reason: "", decidedAt: "2026-08-14T10:00:00+01:00")
        return a
    }

    @Test func startCarriesEveryAnswerForwardToConfirm() throws {
        let c = try Self.durham()
        let old = Self.earlier(c)
        let copy = old
        let new = try Reassessment.start(from: old, catalogue: c, id: "a-new", now: "2026-11-20T09:00:00Z")
        #expect(old == copy)
        #expect(new.id == "a-new" && new.childKey == "c-child" && new.createdAt == "2026-11-20T09:00:00Z")
        #expect(new.child == old.child && new.referrer == old.referrer && new.carers == old.carers)
        #expect(new.decision == nil && new.workingWell.isEmpty && new.immediateDanger == .notKnown)
        #expect(new.worry.isEmpty && new.request.isEmpty && new.householdDifficulties.isEmpty, "these belong to one referral")
        #expect(new.chronology.map(\.id) == ["e-first", "e-later"], "the history is carried, with its ids, in date order")
        let rows = c.allIndicators.map(\.indicator.id)
        #expect(new.answers[rows[0]]?.earlier?.toConfirmLabel == "to confirm (was Level 3 on 2026-08-14)")
        #expect(new.answers[rows[0]]?.note == "evidence then")
        #expect(new.answers[rows[2]]?.earlier?.rating == .notApplicable)
        #expect(new.answers[rows[3]] == nil, "a row not assessed then has nothing to carry")
        #expect(new.rowsToConfirm == [rows[0], rows[1], rows[2]].sorted())
        #expect(new.rating(of: rows[0]) == .notAssessed)
    }

    @Test func refusesWithoutChildKeyOrAcrossCatalogues() throws {
        let c = try Self.durham()
        var old = Self.earlier(c)
        old.catalogue.id = "another-authority"
        #expect(throws: Reassessment.Failure.otherCatalogue(id: "a-earlier", expected: c.id)) {
            try Reassessment.start(from: old, catalogue: c, id: "a-new", now: "2026-11-20T09:00:00Z")
        }
        old = Self.earlier(c)
        old.childKey = nil
        #expect(throws: Reassessment.Failure.noChildKey(id: "a-earlier")) {
            try Reassessment.start(from: old, catalogue: c, id: "a-new", now: "2026-11-20T09:00:00Z")
        }
    }

    @Test func confirmTakesTheEarlierLevelOnce() throws {
        let c = try Self.durham()
        var new = try Reassessment.start(from: Self.earlier(c), catalogue: c, id: "a-new", now: "2026-11-20T09:00:00Z")
        let rows = c.allIndicators.map(\.indicator.id)
        let first = new.confirm(rows[0])
        #expect(first)
        #expect(new.rating(of: rows[0]) == .level3 && new.answers[rows[0]]?.earlier?.rating == .level3)
        let again = new.confirm(rows[0])
        #expect(!again, "already confirmed")
        let uncarried = new.confirm(rows[5])
        #expect(!uncarried, "nothing carried")
        new.answer(rows[1], .level2, reason: .realChange)
        #expect(new.answers[rows[1]]?.changeReason == .realChange && new.answers[rows[1]]?.earlier?.rating == .level1)
        new.answer(rows[2], .notApplicable, reason: .newInformation)
        #expect(new.answers[rows[2]]?.changeReason == nil, "no change, so no reason")
        #expect(new.rowsToConfirm.isEmpty)
    }

    /// The property: carried answers never count until confirmed. Whatever the earlier answers,
    /// a re-assessment with nothing confirmed proposes and counts exactly as an empty one.
    @Test func unconfirmedAnswersCountForNothing() throws {
        let c = try Self.durham()
        let engine = ScoringEngine(catalogue: c)
        let rows = c.allIndicators.map(\.indicator.id)
        var g = SplitMix(seed: 15)
        for trial in 0..<200 {
            var old = Self.earlier(c)
            old.answers = [:]
            for row in rows where g.next() % 3 != 0 {
                old.answers[row] = .init(Rating.allCases[Int(g.next() % UInt64(Rating.allCases.count))], note: g.next() % 2 == 0 ? "n" : "")
            }
            old.needsCannotBeMetAtHome = trial % 7 == 0
            let new = try Reassessment.start(from: old, catalogue: c, id: "a-new", now: "2026-11-20T09:00:00Z")
            var empty = new
            empty.answers = [:]
            #expect(engine.propose(new) == engine.propose(empty), "trial \(trial)")
            #expect(engine.dense(new) == engine.dense(empty))
        }
    }
}
