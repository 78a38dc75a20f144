import Foundation
import StaircaseCore
import Testing

@testable import StaircaseTUI

/// Re-assessment in the wizard: opening one from the start screen through the host, confirming
/// carried rows with one key, changing them with a reason, and the review's "Since last time".
@Suite struct ReassessWizardTests {
    let c: Catalogue
    let old: Assessment
    let new: Assessment

    /// An earlier assessment of child c-test, decided Level 3 on 2026-08-14, with three rows of
    /// the first domain and one of the second answered; and its re-assessment, nothing confirmed.
    init() throws {
        c = try Support.minimal()
        var a = Assessment(
            id: "a-old", createdAt: "2026-08-14T09:00:00Z", catalogue: .init(id: c.id, version: c.version), childKey: "c-test")
        a.child.name = "Jo Bloggs"
        a.child.dateOfBirth = "2019-05-01"
        a.answers = [
            "a1.r1": .init(.level3), "a1.r2": .init(.level2), "a2.r1": .init(.level1), "p1.mh": .init(.level2, note: "seen by GP"),
        ]
        a.updatedAt = "2026-08-14T10:00:00Z"
        a.decision = .init(level: 3, step: 3, reason: "", decidedAt: "2026-08-14T10:00:00Z")
        old = a
        new = try Reassessment.start(from: a, catalogue: c, id: "a-new", now: "2026-11-23T10:00:00Z")
    }

    /// The wizard opened on the re-assessment, the host having found the earlier one.
    func opened(domain: Int? = 0) -> WizardState {
        var s = Support.state(c)
        let effects = Wizard.reduce(&s, .reassessed(.success(new)))
        #expect(effects == [.findEarlier(new)])
        _ = Wizard.reduce(&s, .earlierFound([old]))
        if let domain { Wizard.go(&s, .domain(domain)) }
        return s
    }

    @Test func reOpeningSaysWhatWasCarriedAndCountsNothingYet() {
        let s = opened(domain: nil)
        #expect(s.screen == .details)
        #expect(s.message?.text == "Re-assessment: 4 earlier answers carried forward to confirm or change.")
        var empty = Assessment(id: "a-empty", createdAt: "2026-11-23T10:00:00Z", catalogue: .init(id: c.id, version: c.version))
        empty.child = new.child
        #expect(s.proposal == s.engine.propose(empty), "carried, unconfirmed answers count as not yet assessed")
        #expect(s.earlierAssessment == old)
    }

    @Test func yConfirmsTheCarriedAnswerAndMovesOn() {
        var s = opened()
        let effects = Support.press(&s, [.char("y")])
        #expect(s.assessment?.rating(of: "a1.r1") == .level3)
        #expect(s.assessment?.answers["a1.r1"]?.earlier?.assessment == "a-old", "the earlier reading stays")
        #expect(effects.contains { if case .save = $0 { true } else { false } })
        #expect(s.domainCursor[0] == 1)
        #expect(s.message?.text == "Confirmed: Level 3, as on 2026-08-14.")
        #expect(s.proposal?.level != nil, "a confirmed answer counts")
        // A second y on an answered row changes nothing.
        Support.press(&s, [.up])
        #expect(Support.press(&s, [.char("y")]).isEmpty)
        Support.press(&s, [.char("u")])
        #expect(s.assessment?.answers["a1.r1"]?.isCarriedUnconfirmed == true, "undo puts it back to confirm")
    }

    @Test func ratingDifferentlyKeepsTheEarlierReadingAndWGivesTheReason() {
        var s = opened()
        Support.press(&s, [.char("2")])
        let answer = s.assessment?.answers["a1.r1"]
        #expect(answer?.rating == .level2)
        #expect(answer?.earlier == .init(rating: .level3, on: "2026-08-14", assessment: "a-old"))
        #expect(s.domainCursor[0] == 0, "a changed row stays selected so w can follow")
        #expect(KeyMap.footer(for: s, in: Support.screen).contains("w why changed"))
        Support.press(&s, [.char("w")])
        #expect(s.assessment?.answers["a1.r1"]?.changeReason == .realChange)
        Support.press(&s, [.char("w")])
        #expect(s.assessment?.answers["a1.r1"]?.changeReason == .newInformation)
        #expect(s.message?.text.contains("Reason: new information") == true)
        Support.press(&s, [.char("w")])
        #expect(s.assessment?.answers["a1.r1"]?.changeReason == nil)
        Support.press(&s, [.char("w"), .char("3")])
        #expect(s.assessment?.answers["a1.r1"]?.changeReason == nil, "rated as before: no reason for a change")
        #expect(s.assessment?.answers["a1.r1"]?.earlier != nil)
    }

    /// A new user gave the reason for a change, then wrote the row's evidence note: the reason
    /// and the earlier reading went, and the summary said "(down)" without why. A note edit
    /// changes the note only; emptying a carried row's note keeps the carried answer.
    @Test func writingTheNoteKeepsTheReasonAndTheEarlierReading() {
        var s = opened()
        Support.press(&s, [.char("2"), .char("w"), .char("w"), .char("e")] + Support.type("Grandmother now cares after school") + [.enter])
        let answer = s.assessment?.answers["a1.r1"]
        #expect(answer?.note == "Grandmother now cares after school")
        #expect(answer?.rating == .level2)
        #expect(answer?.changeReason == .newInformation)
        #expect(answer?.earlier == .init(rating: .level3, on: "2026-08-14", assessment: "a-old"))
        // A carried row not yet confirmed: a note written and then emptied leaves it to confirm.
        Support.press(&s, [.down, .char("e")] + Support.type("to check") + [.enter])
        #expect(s.assessment?.answers["a1.r2"]?.isCarriedUnconfirmed == true)
        Support.press(&s, [.char("e"), .ctrl("u"), .enter])
        #expect(s.assessment?.answers["a1.r2"]?.isCarriedUnconfirmed == true, "the carried answer stays")
        #expect(s.assessment?.answers["a1.r2"]?.note == "")
    }

    @Test func clearingAChangedRowPutsItBackToConfirm() {
        var s = opened()
        Support.press(&s, [.char("4"), .char("x")])
        #expect(s.assessment?.answers["a1.r1"]?.isCarriedUnconfirmed == true)
        #expect(s.assessment?.answers["a1.r1"]?.earlier?.rating == .level3)
    }

    @Test func wAndYOnARowWithNothingCarriedSayWhy() {
        var s = opened(domain: 2)
        #expect(Support.press(&s, [.char("y")]).isEmpty)
        #expect(s.message?.text.contains("no answer carried") == true)
        var t = opened()
        #expect(Support.press(&t, [.char("w")]).isEmpty)
        #expect(t.message?.text.contains("A reason is given for a row rated differently") == true)
        #expect(KeyMap.footer(for: t, in: Support.screen).contains("y confirm"))
    }

    @Test func rOnTheStartScreenAsksTheHostForTheReassessment() {
        var s = Support.state(c)
        _ = Wizard.reduce(&s, .listed(.success([ResumeItem(id: "a-old", label: "J. B.")])))
        #expect(Support.press(&s, [.char("r")]).isEmpty, "on New assessment, r only says how")
        #expect(s.message?.text.contains("Choose a saved assessment first") == true)
        #expect(Support.press(&s, [.down, .char("r")]) == [.reassess(id: "a-old")])
    }

    @Test func aRecoveryCopyIsOpenedNotReassessed() {
        var s = Support.state(c)
        let copy = ResumeItem(id: "recovery/a-old", label: "Recovery copy: J. B.", recovery: true)
        _ = Wizard.reduce(&s, .listed(.success([copy])))
        #expect(Support.press(&s, [.down, .char("r")]).isEmpty, "no re-assessment of a file not in the store")
        #expect(s.message?.text.contains("recovery copy, not yet saved in the store: open it (Enter)") == true)
    }

    @Test func theHostMakesItOpensItAndFindsTheEarlierOne() {
        var s = Support.state(c)
        _ = Wizard.reduce(&s, .listed(.success([ResumeItem(id: "a-old", label: "J. B.")])))
        var saved: [String] = []
        let host = WizardHost(
            save: {
                saved.append($0.id); return .success(())
            }, load: { _ in .failure(.notFound("no")) }, list: { .success([]) },
            export: { _, _, _, _ in .failure(.io("no")) }, now: { "2026-11-23T10:00:00Z" },
            reassess: { [new] id in id == "a-old" ? .success(new) : .failure(.notFound(id)) }, findEarlier: { [old] _ in [old] })
        _ = host.perform([.reassess(id: "a-old")], on: &s)
        #expect(s.assessment?.id == "a-new")
        #expect(s.reassess.others == [old])
        _ = host.perform([.reassess(id: "a-gone")], on: &s)
        #expect(s.message == Message("Cannot re-assess: a-gone", error: true))
    }

    /// The review after confirming one row, changing one (real change), leaving two to confirm.
    func reviewed() -> WizardState {
        var s = opened()
        Support.press(&s, [.char("y"), .char("3"), .char("w")])  // a1.r1 confirmed; a1.r2 2 → 3, a real change
        Wizard.go(&s, .review)
        return s
    }

    @Test func reviewCountsSinceLastTime() {
        let s = reviewed()
        guard let comparison = s.comparison else {
            Issue.record("no comparison")
            return
        }
        let child = comparison.domains.first { $0.domain == "child" }
        #expect(child?.same == 1 && child?.up == 1 && child?.toConfirm == 1)
        #expect(comparison.totals.toConfirm == 2)
        #expect(comparison.rows.map(\.id) == ["a1.r1", "a1.r2"], "both now at Level 3: the most important, in catalogue order")
        #expect(comparison.rows.allSatisfy { $0.important == ["now at Level 3"] })
        let blocks = ScreenModel(s).blocks
        #expect(blocks.contains { $0.heading == "Since last time" })
        #expect(blocks.contains { $0.heading == "The child’s journey (oldest first)" && $0.paragraphs.count == 2 })
        #expect(ReviewView.lines(s, width: 78).contains { $0.0 == "Since last time" }, "the curses review shows it too")
    }

    /// Golden line-mode text of a row to confirm, a changed row and the review's sections
    /// (LineSnapshots/reassess-*.txt, re-recorded with STAIRCASE_RECORD=1).
    @Test func lineTextMatchesGoldenFiles() throws {
        var changed = opened()
        Support.press(&changed, [.char("2"), .char("w")])
        let review = reviewed()
        let cases = [("reassess-domain-to-confirm", opened()), ("reassess-domain-changed", changed), ("reassess-review", review)]
        for (name, state) in cases {
            let text = LineRenderer.render(ScreenModel(state), width: 80).joined(separator: "\n") + "\n"
            #expect(LineModeTests.isPlainASCII(text), "\(name) has a byte that is not printable ASCII")
            try Support.expectGolden(text, "LineSnapshots/\(name).txt", name)
        }
        #expect(
            LineRenderer.render(ScreenModel(opened()), width: 80).joined(separator: "\n").contains("to confirm (was Level 3 on 2026-08-14)")
        )
    }

    /// Line mode: a re-assesses a listed assessment, y confirms, a level and w with its question change.
    @Test func lineModeReassessesConfirmsAndChangesWithAReason() {
        final class Saved: @unchecked Sendable { var last: Assessment? }
        let saved = Saved()
        let host = WizardHost(
            save: {
                saved.last = $0; return .success(())
            }, load: { _ in .failure(.notFound("no")) },
            list: { .success([ResumeItem(id: "a-old", label: "J. B.")]) }, export: { _, _, _, _ in .failure(.io("no")) },
            now: { "2026-11-23T10:00:00Z" }, reassess: { [new] _ in .success(new) }, findEarlier: { [old] _ in [old] })
        // Re-assess the first listed, through the five details forms and danger (no), then c, 4, w.
        let script = ["a", "1", "", "", "", "", "", "2", "y", "4", "w", "1"]
        var runner = LineRunner(state: Support.state(c), console: ScriptConsole(answers: script), host: host)
        #expect(runner.run() == 0)
        #expect(saved.last?.id == "a-new")
        #expect(saved.last?.rating(of: "a1.r1") == .level3)
        #expect(saved.last?.answers["a1.r2"]?.rating == .level4)
        #expect(saved.last?.answers["a1.r2"]?.changeReason == .realChange)
        #expect(saved.last?.answers["a2.r1"]?.isCarriedUnconfirmed == true)
        let out = runner.console.output.joined(separator: "\n")
        #expect(out.contains("a. Re-assess a saved assessment's child"))
        #expect(out.contains("Why is it different from last time?"))
    }
}
