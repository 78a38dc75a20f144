import StaircaseCore
import Testing

@testable import StaircaseTUI

/// The run loop with an in-memory terminal and a fake host: keys in, effects carried out,
/// their results fed back, frames drawn.
@Suite struct RunLoopTests {
    let c: Catalogue
    init() throws { c = try Support.minimal() }

    func run(_ keys: [Key], host: FakeHost, state: WizardState? = nil) -> WizardRunner<MemoryTerminal> {
        var runner = WizardRunner(state: state ?? Support.state(c), backend: MemoryTerminal(keys: keys), host: host.host)
        _ = runner.run()
        return runner
    }

    @Test func startListsSavesAndDrawsEachKey() {
        let host = FakeHost()
        let r = run([.enter, .enter] + Support.type("Jo") + [.enter], host: host)
        #expect(host.calls.first == "list")
        #expect(host.files["a-test1"]?.child.name == "Jo")
        #expect(r.backend.frames.count == 6, "the first frame and one per key")
        #expect(r.backend.screen.contains("Jo"))
    }

    @Test func theStartListRefreshesWhenShownAgain() {
        let host = FakeHost()
        let r = run([.enter, .escape], host: host)
        #expect(host.calls.filter { $0 == "list" }.count == 2)
        #expect(r.state.resumable.map(\.id) == ["a-test1"])
        #expect(r.backend.screen.contains("Resume a-test1"))
    }

    @Test func anUnreadableStoreAndDamagedFilesAreReported() {
        let host = FakeHost()
        host.listError = .io("cannot list /x (Permission denied)")
        #expect(run([], host: host).backend.screen.contains("Saved assessments cannot be listed: cannot list /x"))
        host.listError = nil
        host.extraListed = [ResumeItem(id: "a-bad", label: "a-bad.json", damaged: "not JSON")]
        let r = run([], host: host)
        #expect(r.backend.screen.contains("1 saved file is damaged and not listed: a-bad.json"))
        #expect(r.state.resumable.isEmpty)
    }

    @Test func aFailedLoadSaysSoAndStaysOnTheStartScreen() {
        let host = FakeHost()
        // Listed, then removed before it is opened (another window deleted it, say).
        host.extraListed = [ResumeItem(id: "a-gone", label: "gone")]
        let r = run([.down, .enter], host: host)
        #expect(r.state.screen == .start)
        #expect(r.backend.screen.contains("Cannot open that assessment: no saved assessment a-gone"))
    }

    @Test func resumeOpensWhereTheUserLeftOff() {
        let host = FakeHost()
        var s = Support.onFirstDomain(c)
        Support.press(&s, [.down])
        let first = run([.char("q")], host: host, state: s)
        #expect(first.state.assessment?.resumeAt?.screen == "domain-1")
        let id = first.state.assessment?.id ?? ""
        let second = run([.down, .enter], host: host)
        #expect(host.calls.contains("load \(id)"))
        #expect(second.state.screen == .domain(0))
        #expect(second.state.domainCursor[0] == 1)
        #expect(second.backend.screen.contains("Resumed where you left off"))
    }

    @Test func anExistingFileAsksReplaceAndYesReplacesIt() {
        let host = FakeHost()
        var s = Support.onFirstDomain(c)
        s.exportDirectory = "/docs"
        Support.press(&s, [.char("2"), .tab, .tab, .tab, .tab, .tab, .tab, .enter])
        #expect(s.screen == .export)
        let r = run([.enter, .enter, .char("y")], host: host, state: s)
        let path = "/docs/referral-JB-2026-11-23.md"
        #expect(host.calls.filter { $0.hasPrefix("export") } == ["export \(path)", "export \(path)", "export \(path) replace"])
        #expect(r.state.exportedPath == path)
        #expect(r.backend.frames.contains { $0.text.contains("Replace it? y/n") })
        #expect(r.backend.screen.contains("Written: \(path)"))
    }

    @Test func noToReplacingThisSessionsOwnFileSaysItIsKept() {
        let host = FakeHost()
        var s = Support.onFirstDomain(c)
        s.exportDirectory = "/docs"
        Support.press(&s, [.char("2"), .tab, .tab, .tab, .tab, .tab, .tab, .enter])
        let r = run([.enter, .enter, .char("n")], host: host, state: s)
        let path = "/docs/referral-JB-2026-11-23.md"
        #expect(r.state.message?.text == "Kept as written earlier: \(path).")
        #expect(!r.backend.screen.contains("was not changed"), "no contradiction beside its Written: line")
        #expect(r.backend.screen.contains("Written: \(path)"))
    }

    @Test func resumingOnTheExportScreenKeepsTheChosenFormat() {
        var s = Support.onFirstDomain(c)
        Support.press(&s, [.char("2"), .tab, .tab, .tab, .tab, .tab, .tab, .enter, .down, .down])
        #expect(s.screen == .export && s.exportFormat == .html)
        _ = Wizard.reduce(&s, .quit)
        let saved = s.assessment
        var again = Support.state(c)
        _ = Wizard.reduce(&again, .loaded(saved!))
        #expect(again.screen == .export)
        #expect(again.exportFormat == .html, "resumed with HTML chosen, as it was left")
    }

    @Test func aSignalSavesThePositionAndStops() {
        let host = FakeHost()
        var terminal = MemoryTerminal(keys: [])
        terminal.signal = 15
        var runner = WizardRunner(state: Support.onFirstDomain(c), backend: terminal, host: host.host)
        #expect(runner.run() == 15)
        #expect(host.files.values.first?.resumeAt?.screen == "domain-1")
    }

    /// Issue 19, defect 12: end of input on the terminal is a hang-up even when no signal comes.
    @Test func theTerminalGoingAwaySavesAndEndsTheRunAsAHangUp() {
        let host = FakeHost()
        var terminal = MemoryTerminal(keys: [.char("3")])
        terminal.endsInput = true
        var runner = WizardRunner(state: Support.onFirstDomain(c), backend: terminal, host: host.host)
        #expect(runner.run() == 1)
        #expect(host.files.values.first?.resumeAt?.screen == "domain-1")
        #expect(!runner.state.unsaved)
    }
}
