import StaircaseCore

/// What a terminal must do for the wizard. The ncurses backend is one; `MemoryTerminal` is
/// another, for tests of the run loop.
public protocol TerminalBackend {
    var size: (width: Int, height: Int) { get }
    /// Draws the buffer, changing only cells that differ from the last frame unless `full`.
    mutating func draw(_ buffer: ScreenBuffer, full: Bool)
    /// The next key, or nil after a short timeout (so signals are noticed).
    mutating func readKey() -> Key?
    /// A quit-type signal (SIGINT, SIGTERM, SIGHUP) received since the last call, or 0.
    func takeSignal() -> Int32
    /// True when the run loop has nothing more to read (a test's script is used up).
    var isExhausted: Bool { get }
    /// Throws away keys typed but not yet read: those pressed while the passphrase was checked
    /// must not reach the case (or the next try) once the check is over.
    mutating func discardPendingInput()
    /// True once the terminal has gone (end of input, a hang-up): the run loop ends as on SIGHUP,
    /// since that signal can be lost or blocked.
    var hungUp: Bool { get }
}

extension TerminalBackend {
    public var isExhausted: Bool { false }
    public mutating func discardPendingInput() {}
    public var hungUp: Bool { false }
}

/// Why the host could not do what an effect asked. The executable maps the store's and the
/// writer's errors to these, so the reducer can tell "exists" (ask to replace) from the rest.
public enum HostError: Error, Equatable, Sendable {
    /// The export file exists and was not changed.
    case exists(path: String)
    case notFound(String)
    case damaged(String)
    /// Reading or writing failed (permissions, a full disk, a folder given as a file).
    case io(String)

    public var message: String {
        switch self {
        case .exists(let path): "\(path) already exists."
        case .notFound(let m), .damaged(let m), .io(let m): m
        }
    }
}

/// The host's side of effects: saving, loading, listing, exporting and the clock.
public struct WizardHost {
    public var save: (Assessment) -> Result<Void, HostError>
    public var load: (String) -> Result<Assessment, HostError>
    /// Every saved assessment, damaged ones included (with their reason).
    public var list: () -> Result<[ResumeItem], HostError>
    /// Writes a summary; with `replace` an existing file is replaced atomically.
    public var export: (_ format: ExportFormat, _ path: String, _ assessment: Assessment, _ replace: Bool) -> Result<String, HostError>
    public var now: () -> String
    /// A new random id (never from the clock); tests inject a deterministic one.
    public var newID: () -> String
    /// A new random child key (never from the clock).
    public var newChildKey: () -> String = { RandomID.make(prefix: "c") }
    /// A new random event id for the chronology (never from the clock).
    public var newEventID: () -> String = { RandomID.make(prefix: "e") }
    /// False while the assessment is open read-only here: an export is then not recorded in it.
    public var canSave: (String) -> Bool = { _ in true }
    /// A note to show after `load` succeeded (for example "opened read-only"), or nil.
    public var afterLoad: (String) -> String? = { _ in nil }
    /// Writes a training response file into a folder (0600, never over a file); returns its path.
    public var writeResponse: (TrainingResponse, String) -> Result<String, HostError> = { _, _ in
        .failure(.io("this run cannot write training responses"))
    }
    /// Makes and saves a re-assessment of a saved assessment's child (`assess --from`'s path).
    public var reassess: (String) -> Result<Assessment, HostError>
    /// The other saved assessments with this assessment's child key (unreadable ones left out).
    public var findEarlier: (Assessment) -> [Assessment]
    /// Brings a recovery copy back (`Effect.bringBack`); a host without copies never lists one.
    public var bringBack: (String) -> Result<BroughtBack, HostError> = { _ in .failure(.notFound("no recovery copies here")) }
    /// Saves a merged assessment, then removes the recovery copy it came from (`Effect.saveMerged`).
    public var saveMerged: (Assessment, String) -> Result<Void, HostError> = { _, _ in .failure(.io("cannot save a merge here")) }
    /// The idle lock: how long without a key before the wizard saves and locks (nil: never).
    public var idleLock: Duration?
    /// Checks the store's passphrase on the lock screen; nil for a plain store (a key unlocks).
    public var unlock: ((String) -> Bool)?
    /// The monotonic clock the idle lock reads; tests drive their own.
    public var clock: () -> ContinuousClock.Instant = { ContinuousClock.now }

    public init(
        save: @escaping (Assessment) -> Result<Void, HostError>, load: @escaping (String) -> Result<Assessment, HostError>,
        list: @escaping () -> Result<[ResumeItem], HostError>,
        export: @escaping (ExportFormat, String, Assessment, Bool) -> Result<String, HostError>, now: @escaping () -> String,
        newID: @escaping () -> String = { RandomID.make(prefix: "a") },
        reassess: @escaping (String) -> Result<Assessment, HostError> = { _ in .failure(.io("re-assessment is not available here")) },
        findEarlier: @escaping (Assessment) -> [Assessment] = { _ in [] }
    ) {
        self.save = save
        self.load = load
        self.list = list
        self.export = export
        self.now = now
        self.newID = newID
        self.reassess = reassess
        self.findEarlier = findEarlier
    }
}

/// The run loop: key → action → reducer → effects → view → backend. It owns the viewport (the
/// terminal's size and the scroll positions): view actions go to it, every other action to the
/// reducer, and after each reduction the viewport follows the state to its new screen or row.
public struct WizardRunner<Backend: TerminalBackend> {
    public var state: WizardState
    public var viewport: Viewport
    public var backend: Backend
    let host: WizardHost

    public init(state: WizardState, backend: Backend, host: WizardHost) {
        self.state = state
        self.backend = backend
        self.host = host
        viewport = Viewport(width: backend.size.width, height: backend.size.height)
    }

    /// SIGHUP's number, returned when the terminal went away without the signal.
    public static var hangUp: Int32 { 1 }

    /// Runs until the user quits or a signal arrives; returns the signal number (0 if none).
    public mutating func run() -> Int32 {
        viewport.apply(.resize(width: backend.size.width, height: backend.size.height), to: state)
        _ = perform([.list])
        viewport.follow(state)
        backend.draw(View.render(state, in: viewport), full: true)
        var lastKey = host.clock()
        while !backend.isExhausted {
            let sig = backend.takeSignal()
            if sig != 0 {
                state.now = host.now()
                _ = perform(Wizard.reduce(&state, .signal))
                return sig
            }
            let key = backend.readKey()
            if backend.hungUp {
                // The terminal is gone: save, or write the recovery copy, as for a hang-up signal.
                state.now = host.now()
                _ = perform(Wizard.reduce(&state, .signal))
                return Self.hangUp
            }
            // Idle for the lock's time: save and lock first; a key that ends a long wait is not used.
            if host.idleDue(since: lastKey, state) {
                host.stamp(&state)
                if perform(Wizard.reduce(&state, .idle(needsPassphrase: host.unlock != nil))) { return 0 }
                viewport.follow(state)
                backend.draw(View.render(state, in: viewport), full: true)
                lastKey = host.clock()
                continue
            }
            guard let key else { continue }
            lastKey = host.clock()
            guard let action = KeyMap.action(for: key, in: state, viewport: viewport) else { continue }
            if case .view(let change) = action {
                viewport.apply(change, to: state)
                // A new size redraws every cell: the terminal's old contents are not to be trusted.
                let resized = if case .resize = change { true } else { false }
                backend.draw(View.render(state, in: viewport), full: resized)
                continue
            }
            host.stamp(&state)
            let effects = Wizard.reduce(&state, action)
            // "Checking the passphrase…" is on screen while scrypt runs; keys typed meanwhile go.
            let checking = effects.contains { if case .checkPassphrase = $0 { true } else { false } }
            if checking { backend.draw(View.render(state, in: viewport), full: false) }
            if perform(effects) { return 0 }
            if checking { backend.discardPendingInput() }
            viewport.follow(state)
            backend.draw(View.render(state, in: viewport), full: effects.contains(.redraw))
        }
        return 0
    }

    /// Carries out effects, feeding each result back through the reducer; true when the wizard should stop.
    mutating func perform(_ effects: [Effect]) -> Bool {
        host.perform(effects, on: &state)
    }
}

extension WizardHost {
    /// True when the idle lock should close now: it is set, the wizard is not locked already,
    /// and the time since the last key is up.
    public func idleDue(since lastKey: ContinuousClock.Instant, _ state: WizardState) -> Bool {
        guard let limit = idleLock, state.lock == nil else { return false }
        return clock() - lastKey >= limit
    }

    /// What the reducer may not reach for itself, refreshed before every action by both run
    /// loops: the time, and fresh random ids for a new assessment and a new child.
    public func stamp(_ state: inout WizardState) {
        state.now = now()
        state.nextID = newID()
        state.nextChildKey = newChildKey()
        state.nextEventID = newEventID()
    }

    /// Carries out effects, feeding each result back through the reducer; true when the wizard
    /// should stop. The curses run loop and the line run loop share it, so both save alike.
    public func perform(_ effects: [Effect], on state: inout WizardState) -> Bool {
        var quit = false
        // Depth first, as before: an effect's follow-ups run before the next effect. A loop over
        // a stack rather than recursion, so the large frame of `outcome` (whole assessments in
        // enum payloads, 137 KB) is on the call stack once, not once per level (issue 26).
        var pending = Array(effects.reversed())
        while let effect = pending.popLast() {
            if case .quit = effect {
                quit = true
                continue
            }
            pending.append(contentsOf: outcome(of: effect, on: &state).reversed())
        }
        return quit
    }

    /// Carries out one effect and returns what the reducer asks for next.
    @inline(never)
    func outcome(of effect: Effect, on state: inout WizardState) -> [Effect] {
        var follow: [Effect] = []
        switch effect {
        case .save(let a):
            switch save(a) {
            case .success: follow = Wizard.reduce(&state, .saved)
            case .failure(let e): follow = Wizard.reduce(&state, .saveFailed(e))
            }
        case .load(let id):
            switch load(id) {
            case .success(let a):
                follow = Wizard.reduce(&state, .loaded(a))
                if let note = afterLoad(id) { follow += Wizard.reduce(&state, .notice(note)) }
            case .failure(let e): follow = Wizard.reduce(&state, .loadFailed(e))
            }
        case .list: follow = Wizard.reduce(&state, .listed(list()))
        case .export(let format, let path, let a, let replace):
            switch export(format, path, a, replace) {
            case .success(let written): follow = Wizard.reduce(&state, .exported(written, record: canSave(a.id)))
            case .failure(let e): follow = Wizard.reduce(&state, .exportFailed(e))
            }
        case .writeResponse(let r, let folder):
            switch writeResponse(r, folder) {
            case .success(let path): follow = Wizard.reduce(&state, .responseWritten(path))
            case .failure(let e): follow = Wizard.reduce(&state, .responseFailed(e))
            }
        case .reassess(let id): follow = Wizard.reduce(&state, .reassessed(reassess(id)))
        case .findEarlier(let a): follow = Wizard.reduce(&state, .earlierFound(findEarlier(a)))
        case .bringBack(let id): follow = Wizard.reduce(&state, .broughtBack(bringBack(id)))
        case .saveMerged(let a, let copy):
            let result = saveMerged(a, copy)
            follow = Wizard.reduce(&state, .mergeSaved(result.failure))
        case .checkPassphrase(let typed): follow = Wizard.reduce(&state, .unlocked(unlock?(typed) ?? true))
        case .redraw, .quit: break
        }
        return follow
    }
}

extension Result {
    /// The error, or nil on success.
    var failure: Failure? {
        if case .failure(let e) = self { return e }
        return nil
    }
}
