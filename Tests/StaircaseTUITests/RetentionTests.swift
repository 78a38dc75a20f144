import StaircaseCore
import Testing

@testable import StaircaseTUI

/// Issue 14 in the wizard: a successful export is recorded in the assessment (for `sessions
/// purge --exported`), and the start screen counts saved assessments past the retention period.
@Suite struct RetentionTests {
    let c: Catalogue
    init() throws { c = try Support.minimal() }

    func exportScreen() -> WizardState {
        var s = Support.onFirstDomain(c)
        s.exportDirectory = "/docs"
        Support.press(&s, [.char("2"), .tab, .tab, .tab, .tab, .tab, .tab, .enter])
        return s
    }

    func run(_ keys: [Key], host: WizardHost, state: WizardState) -> WizardState {
        var runner = WizardRunner(state: state, backend: MemoryTerminal(keys: keys), host: host)
        _ = runner.run()
        return runner.state
    }

    @Test func anExportIsRecordedAndSavedWithoutChangingTheAssessment() throws {
        let host = FakeHost()
        let s = exportScreen()
        #expect(s.screen == .export)
        let before = try #require(s.assessment)
        let after = run([.enter], host: host.host, state: s)
        let saved = try #require(host.files[before.id])
        #expect(saved.lastExport == Assessment.ExportRecord(at: "2026-11-23T10:00:00Z", format: .markdown))
        #expect(saved.updatedAt == before.updatedAt, "an export does not restart the retention period")
        #expect(Array(host.calls.suffix(2)) == ["export /docs/referral-JB-2026-11-23.md", "save \(before.id)"])
        #expect(after.exportedPath == "/docs/referral-JB-2026-11-23.md", "the written file still matches")
        #expect(!after.unsaved)
        #expect(after.undoStack.count == s.undoStack.count, "no undo step")
    }

    @Test func aReadOnlyWindowExportsWithoutRecording() throws {
        let host = FakeHost()
        var h = host.host
        h.canSave = { _ in false }
        let after = run([.enter], host: h, state: exportScreen())
        #expect(host.calls.last == "export /docs/referral-JB-2026-11-23.md")
        #expect(after.assessment?.lastExport == nil)
        #expect(!after.unsaved, "nothing to save, so nothing is reported lost")
    }

    @Test func undoKeepsTheExportRecorded() throws {
        var s = exportScreen()
        _ = Wizard.reduce(&s, .exported("/docs/x.md"))
        let record = try #require(s.assessment?.lastExport)
        let effects = Wizard.reduce(&s, .undo)
        #expect(s.assessment?.lastExport == record)
        #expect(effects.contains { if case .save(let a) = $0 { a.lastExport == record } else { false } })
    }

    // MARK: The start screen's note

    static func startState(_ c: Catalogue, days: Int?) -> WizardState {
        var s = Support.state(c)
        s.retentionDays = days
        s.resumable = [
            ResumeItem(id: "a-1", label: "J.S.  2026-11-20 10:45  13/80 rows", lastChange: "2026-11-20T10:45:00Z"),
            ResumeItem(id: "a-2", label: "K.L.  2026-07-01 09:00  40/80 rows", lastChange: "2026-07-01T09:00:00+01:00"),
            ResumeItem(id: "a-3", label: "M.P.  2026-05-12 14:30  80/80 rows", lastChange: "2026-05-12T14:30:00Z"),
            ResumeItem(id: "recovery/a-4", label: "Recovery copy: R.T.", lastChange: ""),
        ]
        return s
    }

    @Test func theStartScreenCountsWhatIsPastThePeriodAndSaysHowToPurge() throws {
        let m = ScreenModel(Self.startState(c, days: 90))
        let note = try #require(m.blocks.first { $0.kind == .note })
        #expect(
            note.paragraphs == [
                "2 saved assessments are past the 90-day retention period. This deletes them:",
                "staircase sessions purge --older-than 90d",
            ])
        #expect(!note.paragraphs[0].contains("K.L.") && !note.paragraphs[0].contains("M.P."), "a count, never initials")
        let one = ScreenModel(Self.startState(c, days: 150))
        #expect(one.blocks.contains { $0.paragraphs.first?.hasPrefix("1 saved assessment is past the 150-day") == true })
    }

    @Test func noPeriodNothingPastOrATrainingRunSaysNothing() {
        for (days, training) in [(nil, false), (365, false), (90, true)] as [(Int?, Bool)] {
            var s = Self.startState(c, days: days)
            s.training = training
            #expect(!ScreenModel(s).blocks.contains { $0.paragraphs.contains { $0.contains("retention") } })
        }
    }
}
