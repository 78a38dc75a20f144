import StaircaseCore
import Testing

@testable import StaircaseTUI

/// An undo step keeps only the answers a change touched (issue 26); these check that undoing
/// through such steps brings back exactly the records whole copies would have.
@Suite struct UndoStepTests {
    static let rows = (1...40).map { "row-\($0)" }

    /// One random change of the kind the wizard makes: a rating, a note, an answer removed, or a
    /// field beside the answers.
    static func change(_ a: inout Assessment, _ g: inout SplitMix) {
        let id = rows[g.below(rows.count)]
        switch g.below(5) {
        case 0: a.answers[id] = .init(Rating.allCases[g.below(Rating.allCases.count)])
        case 1: a.answers[id, default: .init(.notAssessed)].note = "note \(g.below(1000))"
        case 2: a.answers[id] = nil
        case 3: a.worry = "worry \(g.below(1000))"
        default:
            a.answers[id] = .init(.level2, earlier: .init(rating: .level3, on: "2026-08-14", assessment: "e-1"))
            a.concernCategories = g.below(2) == 0 ? [] : ["neglect"]
        }
    }

    @Test(arguments: 0..<20)
    func undoingEveryStepBringsBackEachEarlierRecordExactly(seed: Int) {
        var g = SplitMix(UInt64(seed))
        var a = Assessment(id: "a-1", createdAt: "2026-12-07T09:00:00Z", catalogue: .init(id: "durham", version: "1"))
        var whole: [Assessment] = []
        var steps: [UndoStep] = []
        for _ in 0..<(20 + g.below(60)) {
            let before = a
            Self.change(&a, &g)
            whole.append(before)
            steps.append(UndoStep(before: before, after: a))
        }
        while let step = steps.popLast(), let expected = whole.popLast() {
            a = step.restore(onto: a)
            #expect(a == expected)
        }
    }

    @Test func aStepHoldsOnlyTheAnswersItsChangeTouched() {
        var before = Assessment(id: "a-1", createdAt: "2026-12-07T09:00:00Z", catalogue: .init(id: "durham", version: "1"))
        for id in Self.rows { before.answers[id] = .init(.level1) }
        var after = before
        after.answers["row-3"] = .init(.level4, note: "Seen by the school nurse")
        after.answers["row-41"] = .init(.level2)
        after.answers["row-7"] = nil
        let step = UndoStep(before: before, after: after)
        #expect(step.rest.answers.isEmpty)
        #expect(step.answers.count == 3)
        #expect(step.answers["row-41"] == .some(nil), "a new answer is undone by removing it")
        #expect(step.restore(onto: after) == before)
    }
}
