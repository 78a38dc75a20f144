import Foundation
import StaircaseCore
import Testing

@testable import StaircaseTUI

/// A clock the tests move by hand, read by the run loops through `WizardHost.clock`.
final class TestClock: @unchecked Sendable {
    let start = ContinuousClock.now
    var seconds = 0
    var now: ContinuousClock.Instant { start + .seconds(seconds) }
}

/// A terminal whose script holds waits as well as keys: a wait moves the clock on and reads no key.
struct TimedTerminal: TerminalBackend {
    enum Step {
        case key(Key)
        case wait(Int)
        /// A key read after a wait with no timeout in between (a key that ends a long wait).
        case late(Key, Int)
        /// A key typed ahead while the program was busy; `discardPendingInput` drops it.
        case ahead(Key)
    }

    var size: (width: Int, height: Int) = (80, 24)
    var steps: [Step]
    let clock: TestClock
    var frames: [ScreenBuffer] = []

    mutating func draw(_ buffer: ScreenBuffer, full: Bool) { frames.append(buffer) }
    mutating func readKey() -> Key? {
        guard !steps.isEmpty else { return nil }
        switch steps.removeFirst() {
        case .key(let k): return k
        case .wait(let n):
            clock.seconds += n
            return nil
        case .late(let k, let n):
            clock.seconds += n
            return k
        case .ahead(let k): return k
        }
    }
    mutating func discardPendingInput() {
        while case .ahead = steps.first { steps.removeFirst() }
    }
    func takeSignal() -> Int32 { 0 }
    var isExhausted: Bool { steps.isEmpty }
    var screen: String { frames.last?.text ?? "" }
}

/// The idle lock: the reducer (save, lock, the masked field, the host's answer), the run loop's
/// idle clock, the lock screen (a snapshot, and no name, id or note on it), and line mode.
@Suite struct IdleLockTests {
    let c: Catalogue
    init() throws { c = try Support.minimal() }

    static let passphrase = "correct horse"
    static let canaryNote = "Canarynote seen at school"

    /// A case open on the first domain with a note written, as the practitioner left it.
    func openCase() -> WizardState {
        var s = Support.onFirstDomain(c, name: "Jo Bloggs")
        Support.press(&s, [.char("e")] + Support.type(Self.canaryNote) + [.enter])
        return s
    }

    func host(_ fake: FakeHost, clock: TestClock, encrypted: Bool) -> WizardHost {
        Self.host(fake, clock: clock, encrypted: encrypted, idle: 600)
    }

    /// A fake host whose idle lock reads the test's clock; `encrypted`: it takes `passphrase`.
    static func host(_ fake: FakeHost, clock: TestClock, encrypted: Bool, idle: Int) -> WizardHost {
        var h = fake.host
        h.idleLock = .seconds(idle)
        h.clock = { clock.now }
        if encrypted { h.unlock = { $0 == passphrase } }
        return h
    }

    @Test func idleCommitsWhatIsBeingTypedSavesAndLocks() {
        var s = Support.onFirstDomain(c)
        Support.press(&s, [.char("e")] + Support.type("half a note"))
        let effects = Wizard.reduce(&s, .idle(needsPassphrase: true))
        #expect(s.editor == nil)
        #expect(s.lock?.needsPassphrase == true && s.lock?.field == "")
        #expect(s.lock?.reopen?.text == "half a note", "kept to open again on unlock")
        let saved = effects.compactMap { if case .save(let a) = $0 { a } else { nil } }
        #expect(saved.last?.answers.values.contains { $0.note == "half a note" } == true, "the note being typed is saved")
        #expect(Wizard.reduce(&s, .idle(needsPassphrase: true)).isEmpty, "locking twice does nothing")
    }

    @Test func aChangeThatWasNotSavedIsTriedAgainAndTheLockScreenSaysSoIfItFails() {
        var s = openCase()
        _ = Wizard.reduce(&s, .saveFailed(.io("disk full")))
        let effects = Wizard.reduce(&s, .idle(needsPassphrase: false))
        #expect(effects.contains { if case .save = $0 { true } else { false } })
        _ = Wizard.reduce(&s, .saveFailed(.io("disk full")))
        let text = View.render(s, in: Support.screen).text
        #expect(text.contains("could NOT be saved"))
        #expect(!text.contains("disk full"), "the reason waits until unlocked (it may name the file)")
        var saved = openCase()
        _ = Wizard.reduce(&saved, .idle(needsPassphrase: false))
        #expect(View.render(saved, in: Support.screen).text.contains("Everything you entered is saved."))
    }

    @Test func whileLockedKeysOnlyTypeThePassphraseWhichIsClearedWhenSent() {
        var s = openCase()
        _ = Wizard.reduce(&s, .idle(needsPassphrase: true))
        let before = s.assessment
        let effects = Support.press(&s, Support.type("1234qx?u") + [.backspace, .tab, .escape], unbound: true)
        #expect(effects.isEmpty)
        #expect(s.assessment == before, "no key reaches the case while locked")
        #expect(s.lock?.field == "1234qx?")
        #expect(View.render(s, in: Support.screen).text.contains("Passphrase: *******_"))
        Support.press(&s, [.ctrl("u")] + Support.type("guess"))
        let sent = Support.press(&s, [.enter])
        #expect(sent == [.checkPassphrase("guess")])
        #expect(s.lock?.field == "", "the passphrase leaves the state as it is sent")
        #expect(View.render(s, in: Support.screen).text.contains("Checking the passphrase"))
        _ = Wizard.reduce(&s, .unlocked(false))
        #expect(View.render(s, in: Support.screen).text.contains("does not unlock this store"))
        _ = Wizard.reduce(&s, .unlocked(true))
        #expect(s.lock == nil)
        #expect(s.screen == .domain(0))
    }

    @Test func aPlainStoreUnlocksWithAnyKey() {
        var s = openCase()
        _ = Wizard.reduce(&s, .idle(needsPassphrase: false))
        #expect(KeyContext(s) == .lockedKey)
        let before = s.assessment
        Support.press(&s, [.char("3")])
        #expect(s.lock == nil && s.assessment == before, "the key only unlocks")
    }

    /// The canary check: nothing of the child, the id or the notes on the lock screen, at any size.
    @Test(arguments: [(80, 24), (120, 40), (40, 10)])
    func theLockScreenShowsNoPersonalData(size: (Int, Int)) {
        var s = openCase()
        _ = Wizard.reduce(&s, .help)  // an overlay open underneath
        _ = Wizard.reduce(&s, .idle(needsPassphrase: true))
        Support.press(&s, Support.type("Jo"))
        let text = View.render(s, in: Viewport(width: size.0, height: size.1)).text
        #expect(text.contains("Staircase is locked"))
        for secret in ["Jo", "Bloggs", "J. B.", "a-", "Canarynote", "years", "Level"] {
            #expect(!text.contains(secret), "\(secret) is on the lock screen")
        }
        let model = ScreenModel(s)
        #expect(model.message == nil)
        #expect(!LineRenderer.header(model, width: 80).joined().contains("Bloggs"))
    }

    @Test func theLockScreenMatchesItsSnapshot() throws {
        var s = openCase()
        _ = Wizard.reduce(&s, .idle(needsPassphrase: true))
        Support.press(&s, Support.type("wrong") + [.enter])
        _ = Wizard.reduce(&s, .unlocked(false))
        Support.press(&s, Support.type("abc"))
        try Support.expectGolden(View.render(s, in: Support.screen).text + "\n", "Snapshots/locked-80x24.txt", "the lock screen")
    }

    @Test func theRunLoopLocksAfterTheIdleTimeAndUnlocksWithThePassphrase() {
        let fake = FakeHost()
        let clock = TestClock()
        let steps: [TimedTerminal.Step] =
            [.wait(599), .key(.char("j")), .wait(599), .wait(2)] + Support.type("wrong").map { .key($0) } + [.key(.enter)]
            + Support.type(Self.passphrase).map { .key($0) } + [.key(.enter)]
        var runner = WizardRunner(
            state: openCase(), backend: TimedTerminal(steps: steps, clock: clock), host: host(fake, clock: clock, encrypted: true))
        _ = runner.run()
        let frames = runner.backend.frames.map(\.text)
        let locked = frames.firstIndex { $0.contains("Staircase is locked") }
        #expect(locked != nil)
        #expect(frames.prefix(locked ?? 0).allSatisfy { !$0.contains("Staircase is locked") }, "a key within the time keeps it open")
        #expect(frames.contains { $0.contains("does not unlock this store") })
        #expect(!frames.contains { $0.contains(Self.passphrase) || $0.contains("wrong") }, "the passphrase is never shown")
        #expect(runner.state.lock == nil)
        #expect(runner.backend.screen.contains("J. B."), "back where it was")
        #expect(runner.state.screen == .domain(0))
    }

    @Test func keysTypedWhileThePassphraseIsCheckedNeverReachTheCase() {
        let fake = FakeHost()
        let clock = TestClock()
        let steps: [TimedTerminal.Step] =
            [.wait(601)] + Support.type(Self.passphrase).map { .key($0) } + [.key(.enter), .ahead(.char("4")), .ahead(.char("n"))]
        var runner = WizardRunner(
            state: openCase(), backend: TimedTerminal(steps: steps, clock: clock), host: host(fake, clock: clock, encrypted: true))
        let before = runner.state.assessment
        _ = runner.run()
        #expect(runner.state.lock == nil)
        #expect(runner.state.assessment == before, "4 and n were typed during the check, and dropped")
    }

    @Test func aNoteBeingWrittenOpensAgainWithItsTextOnUnlock() {
        var s = Support.onFirstDomain(c, name: "Jo Bloggs")
        Support.press(&s, [.char("e")] + Support.type("Mum says seen "))
        let effects = Wizard.reduce(&s, .idle(needsPassphrase: false))
        #expect(effects.contains { if case .save = $0 { true } else { false } }, "what was typed is saved before the lock")
        #expect(s.editor == nil)
        Support.press(&s, [.char(" ")])
        #expect(s.lock == nil)
        #expect(s.editor?.text == "Mum says seen ", "the note is open again, as it was")
        #expect(s.message == nil, "no stale note from before the lock")
        Support.press(&s, Support.type("3 times a week") + [.enter])
        let id = s.catalogue.domains[0].areas[0].indicators[0].id
        #expect(s.assessment?.answers[id]?.note == "Mum says seen 3 times a week")
        #expect(s.assessment?.answers[id]?.rating == .notAssessed, "the 3 went into the note, not the rating")
    }

    @Test func aKeyThatEndsALongWaitLocksInsteadOfActing() {
        let fake = FakeHost()
        let clock = TestClock()
        var runner = WizardRunner(
            state: openCase(), backend: TimedTerminal(steps: [.late(.char("3"), 700)], clock: clock),
            host: host(fake, clock: clock, encrypted: false))
        let before = runner.state.assessment
        _ = runner.run()
        #expect(runner.state.lock == WizardLock(needsPassphrase: false))
        #expect(runner.state.assessment == before)
    }

    @Test func lineModeLocksAtTheNextPromptAndDoesNotUseTheAnswer() {
        let fake = FakeHost()
        let clock = TestClock()
        let console = LineLockTests.TimedConsole(answers: [(700, "3"), (0, "nope"), (0, Self.passphrase), (0, "q")], clock: clock)
        var runner = LineRunner(state: openCase(), console: console, host: host(fake, clock: clock, encrypted: true))
        _ = runner.run()
        let out = runner.console.output.joined(separator: "\n")
        #expect(out.contains("Staircase is locked"))
        #expect(out.contains("does not unlock this store"))
        #expect(runner.console.secrets == 2)
        #expect(!out.contains(Self.passphrase) && !out.contains("nope"))
        #expect(out.contains("Unlocked. What was typed before the lock was not used"))
        #expect(
            !(runner.state.assessment?.answers.values.contains { $0.rating == .level3 } ?? true), "the 3 typed after the wait was not used")
    }
}
