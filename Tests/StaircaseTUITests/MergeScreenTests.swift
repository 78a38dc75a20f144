import StaircaseCore
import Testing

@testable import StaircaseTUI

/// The merge screen (issue 19, defect 1): a recovery copy brought back after the store's file
/// changed is shown part by part; every key acts on the part shown as selected, nothing is taken
/// from the copy unless chosen, the last line saves, and Esc changes nothing.
@Suite struct MergeScreenTests {
    /// Window A saved row 3 at Level 4 with a note; window B's copy has row 4 at Level 2 and its
    /// own note on row 3.
    static func pair(_ c: Catalogue) throws -> (saved: Assessment, copy: Assessment) {
        let rows = c.allIndicators.map(\.indicator.id)
        var base = Assessment(
            id: "a-1", createdAt: "2026-11-23T09:00:00Z", catalogue: .init(id: c.id, version: c.version), childKey: "c-two")
        base.child.name = "Two Windows"
        base.answers[rows[0]] = .init(.level1)
        var saved = base
        saved.answers[rows[2]] = .init(.level4, note: "Seen by the school nurse")
        saved.updatedAt = "2026-11-23T09:40:00Z"
        var copy = base
        copy.answers[rows[3]] = .init(.level2)
        copy.answers[rows[2]] = .init(.notAssessed, note: "Mother says she sleeps badly")
        copy.updatedAt = "2026-11-23T09:42:00Z"
        return (saved, copy)
    }

    static func onMerge() throws -> (WizardState, Assessment, Assessment) {
        let c = try EmbeddedCatalogue.load()
        var s = Support.state(c)
        let (saved, copy) = try pair(c)
        let effects = Wizard.reduce(&s, .broughtBack(.success(.changed(saved: saved, copy: copy, copyID: "recovery/a-1"))))
        #expect(effects.isEmpty && s.screen == .merge && s.assessment == nil)
        return (s, saved, copy)
    }

    @Test func listsTheSavedAndTheCopysAnswerForEachPartWithWhenEachWasChanged() throws {
        let (s, _, _) = try Self.onMerge()
        let m = ScreenModel(s)
        let intro = m.blocks.first?.paragraphs.joined(separator: " ") ?? ""
        #expect(intro.contains("Saved in the store: last changed 2026-11-23 09:40"))
        #expect(intro.contains("Recovery copy (not in the store): last changed 2026-11-23 09:42"))
        #expect(m.choices.map(\.key) == ["1", "2", "3", "m"])
        #expect(m.choices[0].label.contains("saved Level 4; copy not yet assessed. Keeps the saved answer."))
        #expect(m.choices[1].then?.choices.count == 3, "a note can keep both")
        #expect(m.choices[0].then?.choices.count == 2, "a level cannot")
    }

    @Test func takingTheCopysLevelForOneRowAndKeepingTheSavedForAnotherSavesExactlyThat() throws {
        var (s, saved, copy) = try Self.onMerge()
        let rows = s.catalogue.allIndicators.map(\.indicator.id)
        // Part 3 is row 4's level: take the copy's. Part 1 (row 3's level) stays saved.
        var effects = Support.press(&s, [.down, .down, .char("c"), .down, .enter])
        #expect(effects.count == 1)
        guard case .saveMerged(let merged, let copyID)? = effects.first else {
            Issue.record("no save: \(effects)")
            return
        }
        #expect(copyID == "recovery/a-1")
        #expect(merged.rating(of: rows[2]) == .level4 && merged.rating(of: rows[3]) == .level2)
        #expect(merged.answers[rows[2]]?.note == "Seen by the school nurse")
        #expect(merged.id == saved.id && merged != copy)
        effects = Wizard.reduce(&s, .mergeSaved(nil))
        #expect(s.assessment == merged && s.merge == nil && s.screen != .merge && !s.unsaved)
        #expect(s.message?.text.contains("recovery copy is removed") == true)
    }

    @Test func keepingBothNotesJoinsThemAndBothIsRefusedForALevel() throws {
        var (s, _, _) = try Self.onMerge()
        let rows = s.catalogue.allIndicators.map(\.indicator.id)
        Support.press(&s, [.char("b")])
        #expect(s.merge?.choices.isEmpty == true && s.message?.text.contains("Only text") == true)
        let effects = Support.press(&s, [.down, .char("b"), .down, .down, .enter])
        guard case .saveMerged(let merged, _)? = effects.first else {
            Issue.record("no save: \(effects)")
            return
        }
        #expect(merged.answers[rows[2]]?.note == "[saved] Seen by the school nurse [recovery copy] Mother says she sleeps badly")
        #expect(merged.rating(of: rows[3]) == .notAssessed, "no choice keeps the saved side")
    }

    /// A note typed in either window reaches the merge screen as text, never as a control sequence.
    @Test func aNoteWithAnEscapeSequenceIsShownCleanedInBothRenderers() throws {
        let c = try EmbeddedCatalogue.load()
        var s = Support.state(c)
        var (saved, copy) = try Self.pair(c)
        let row = c.allIndicators.map(\.indicator.id)[2]
        copy.answers[row]?.note = "Evil\u{1B}[2J\u{7}note"
        saved.child.address = "1 A\u{1B}]0;title\u{7} Street"
        _ = Wizard.reduce(&s, .broughtBack(.success(.changed(saved: saved, copy: copy, copyID: "recovery/a-1"))))
        Support.press(&s, [.down])
        let curses = View.render(s, in: Support.screen).text
        let line = LineRenderer.render(ScreenModel(s), width: 80).joined(separator: "\n")
        for text in [curses, line] {
            #expect(!text.contains("\u{1B}") && !text.contains("\u{7}"), "\(text)")
        }
        #expect(curses.contains("Evil") && line.contains("Evil"))
    }

    @Test func escChangesNothingAndGoesBackToTheStart() throws {
        var (s, _, _) = try Self.onMerge()
        let effects = Support.press(&s, [.char("c"), .escape])
        #expect(effects == [.list] && s.screen == .start && s.merge == nil && s.assessment == nil)
        #expect(s.message?.text.contains("both kept") == true)
    }

    @Test func aRefusedSaveKeepsTheMergeScreenAndSaysBothAreAsTheyWere() throws {
        var (s, _, _) = try Self.onMerge()
        Support.press(&s, [.down, .down, .down, .enter])
        _ = Wizard.reduce(&s, .mergeSaved(.io("the saved file changed again")))
        #expect(s.screen == .merge && s.merge?.saving == nil && s.assessment == nil)
        #expect(s.message?.isError == true && s.message?.text.contains("both as they were") == true)
    }

    /// The walk's host lists no recovery copies, so the random walk never reaches this screen:
    /// here the same promise is walked on it. Every key that chooses a side changes the choice of
    /// the part selected when it was pressed, and no other.
    @Test(arguments: 0..<40) func everyKeyActsOnThePartShownAsSelected(seed: Int) throws {
        var (s, _, _) = try Self.onMerge()
        let keys: [Key] = [.up, .down, .char("j"), .char("k"), .char("s"), .char("c"), .char("b"), .enter]
        var g = SplitMix(UInt64(seed))
        for _ in 0..<60 where s.screen == .merge {
            let key = keys[g.below(keys.count)]
            let before = s
            Support.press(&s, [key])
            guard let b = before.merge else { break }
            let after = s.merge?.choices ?? b.choices
            let changed = Set(b.choices.keys).union(after.keys).filter { b.choices[$0] != after[$0] }
            let selected = b.differences.indices.contains(before.cursor) ? [b.differences[before.cursor].key] : []
            #expect(changed.isSubset(of: Set(selected)), "\(key) changed \(changed) while \(selected) was selected")
        }
    }

    @Test func lineModeTakesTheCopysAnswerForOnePartAndSaves() throws {
        let c = try EmbeddedCatalogue.load()
        let (saved, copy) = try Self.pair(c)
        let rows = c.allIndicators.map(\.indicator.id)
        final class Box: @unchecked Sendable { var merged: Assessment? }
        let box = Box()
        var host = WizardHost(
            save: { _ in .success(()) }, load: { _ in .failure(.notFound("no")) },
            list: { .success([ResumeItem(id: "recovery/a-1", label: "Recovery copy: T.W.", recovery: true)]) },
            export: { _, _, _, _ in .failure(.io("no")) }, now: { "2026-11-23T10:00:00Z" })
        host.bringBack = { _ in .success(.changed(saved: saved, copy: copy, copyID: "recovery/a-1")) }
        host.saveMerged = { merged, _ in
            box.merged = merged
            return .success(())
        }
        // Open the copy (2), take the copy's level for part 3, keep part 1, save (m), then quit.
        let script = ["2", "3", "2", "1", "1", "m", "q"]
        var runner = LineRunner(state: Support.state(c), console: ScriptConsole(answers: script), host: host)
        #expect(runner.run() == 0)
        let out = runner.console.output.joined(separator: "\n")
        #expect(out.contains("Which for"), "\(out)")
        #expect(box.merged?.rating(of: rows[3]) == .level2 && box.merged?.rating(of: rows[2]) == .level4)
        #expect(out.contains("Saved the merged assessment"))
    }
}
