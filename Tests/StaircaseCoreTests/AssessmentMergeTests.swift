import Testing

@testable import StaircaseCore

/// `AssessmentMerge`: the saved assessment and a recovery copy made before it changed (issue 19,
/// defect 1), part by part, and the assessment the practitioner's choices make.
@Suite struct AssessmentMergeTests {
    /// Window A saved row 3 at Level 4 and a note; window B's copy has row 4 at Level 2, its own
    /// note on row 3 and another address.
    static func pair(_ c: Catalogue) -> (saved: Assessment, copy: Assessment, rows: [String]) {
        let rows = c.allIndicators.map(\.indicator.id)
        var base = Assessment(id: "a-one", createdAt: "2026-12-07T08:00:00Z", catalogue: .init(id: c.id, version: c.version))
        base.child.name = "Two Windows"
        base.answers[rows[0]] = .init(.level1)
        var saved = base
        saved.answers[rows[2]] = .init(.level4, note: "A's note")
        saved.child.address = "1 A Street"
        saved.updatedAt = "2026-12-07T08:05:00Z"
        var copy = base
        copy.answers[rows[3]] = .init(.level2)
        copy.answers[rows[2]] = .init(.notAssessed, note: "B's note")
        copy.child.address = "2 B Street"
        copy.updatedAt = "2026-12-07T08:06:00Z"
        return (saved, copy, rows)
    }

    @Test func listsEachPartThatDiffersRowsFirstInCatalogueOrder() throws {
        let c = try EmbeddedCatalogue.load()
        let (saved, copy, rows) = Self.pair(c)
        let d = AssessmentMerge.differences(saved: saved, copy: copy, catalogue: c)
        #expect(d.map(\.key) == ["level:" + rows[2], "note:" + rows[2], "level:" + rows[3], "child.address"])
        #expect(d[0].saved == "Level 4" && d[0].copy == "not yet assessed" && !d[0].joinable)
        #expect(d[1].saved == "A's note" && d[1].copy == "B's note" && d[1].joinable)
        #expect(d[2].saved == "not yet assessed" && d[2].copy == "Level 2")
        #expect(d[0].label.hasSuffix("(level)") && d[1].label.hasSuffix("(note)"))
    }

    @Test func withNoChoiceEveryPartKeepsTheSavedSide() throws {
        let c = try EmbeddedCatalogue.load()
        let (saved, copy, _) = Self.pair(c)
        var expected = saved
        expected.updatedAt = "now"
        #expect(AssessmentMerge.merge(saved: saved, copy: copy, choices: [:], now: "now") == expected)
    }

    @Test func takesTheCopysAnswerForOneRowAndKeepsTheSavedOneForAnother() throws {
        let c = try EmbeddedCatalogue.load()
        let (saved, copy, rows) = Self.pair(c)
        let merged = AssessmentMerge.merge(saved: saved, copy: copy, choices: ["level:" + rows[3]: .copy], now: "now")
        #expect(merged.rating(of: rows[2]) == .level4 && merged.answers[rows[2]]?.note == "A's note")
        #expect(merged.rating(of: rows[3]) == .level2)
        #expect(merged.child.address == "1 A Street" && merged.id == saved.id && merged.updatedAt == "now")
    }

    @Test func keepingBothNotesJoinsThemEachMarked() throws {
        let c = try EmbeddedCatalogue.load()
        let (saved, copy, rows) = Self.pair(c)
        let merged = AssessmentMerge.merge(
            saved: saved, copy: copy, choices: ["note:" + rows[2]: .both, "child.address": .both], now: "now")
        #expect(merged.answers[rows[2]]?.note == "[saved] A's note [recovery copy] B's note")
        #expect(merged.rating(of: rows[2]) == .level4, "the level is its own part")
        #expect(merged.child.address == "[saved] 1 A Street [recovery copy] 2 B Street")
    }

    @Test func takingTheCopysLevelKeepsTheSavedNoteAndAClearedRowLeavesNoEntry() throws {
        let c = try EmbeddedCatalogue.load()
        let (saved, copy, rows) = Self.pair(c)
        let merged = AssessmentMerge.merge(saved: saved, copy: copy, choices: ["level:" + rows[2]: .copy], now: "now")
        #expect(merged.answers[rows[2]] == .init(.notAssessed, note: "A's note"))
        let cleared = AssessmentMerge.merge(
            saved: saved, copy: copy, choices: ["level:" + rows[2]: .copy, "note:" + rows[2]: .copy], now: "now")
        #expect(cleared.answers[rows[2]] == .init(.notAssessed, note: "B's note"))
        var none = copy
        none.answers[rows[2]] = nil
        let gone = AssessmentMerge.merge(
            saved: saved, copy: none, choices: ["level:" + rows[2]: .copy, "note:" + rows[2]: .copy], now: "n")
        #expect(gone.answers[rows[2]] == nil)
    }

    /// Every part of the record is a part of the merge: taking the copy's side everywhere gives
    /// the copy (but for the saved id, its place and the time), so no field is left out silently.
    @Test func takingTheCopyEverywhereGivesTheCopyForEveryField() throws {
        let c = try EmbeddedCatalogue.load()
        let (saved, base, rows) = Self.pair(c)
        var copy = base
        copy.child = .init()
        copy.child.dateOfBirth = "2019-03-02"
        copy.child.interpreterNeeded = .yes
        copy.child.unborn = true
        copy.referrer.email = "b@example.org"
        copy.leadProfessional.tafExists = true
        copy.consent.status = .given
        copy.sharing.familyTold = .yes
        copy.immediateDanger = .no
        copy.workingWell.overall = "kind"
        copy.workingWell.domains = ["child-development": "reads well"]
        copy.worry = "B's worry"
        copy.request = .init(kinds: [.earlyHelp], detail: "B asks")
        copy.householdDifficulties = ["domestic-abuse": .init(.yes, note: "B knows")]
        copy.chronology = [.init(id: "e-b", date: EventDate("2026-06")!, what: "B's event", rows: [rows[0]])]
        copy.childsVoice = "wants to stay"
        copy.concernCategories = ["neglect"]
        copy.needsCannotBeMetAtHome = true
        copy.decision = .init(level: 3, step: 3, reason: "B's reason", decidedAt: "2026-12-07T08:06:00Z")
        copy.carers = [.init()]
        copy.household = [.init()]
        copy.agencies = [.init()]
        copy.answers[rows[5]] = .init(.level3, earlier: .init(rating: .level2, on: "2026-01-01", assessment: "a-0"))
        let all = Dictionary(
            uniqueKeysWithValues: AssessmentMerge.differences(saved: saved, copy: copy, catalogue: c).map {
                ($0.key, AssessmentMerge.Side.copy)
            })
        var merged = AssessmentMerge.merge(saved: saved, copy: copy, choices: all, now: copy.updatedAt)
        merged.id = copy.id
        merged.resumeAt = copy.resumeAt
        #expect(merged == copy)
    }
}
