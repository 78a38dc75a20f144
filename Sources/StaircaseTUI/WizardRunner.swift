import StaircaseCore

/// What a terminal must do for the wizard. The ncurses backend is one; tests use a fake.
public protocol TerminalBackend {
    var size: (width: Int, height: Int) { get }
    /// Draws the buffer, changing only cells that differ from the last frame unless `full`.
    mutating func draw(_ buffer: ScreenBuffer, full: Bool)
    /// The next key, or nil after a short timeout (so signals are noticed).
    mutating func readKey() -> Key?
    /// A quit-type signal (SIGINT, SIGTERM, SIGHUP) received since the last call, or 0.
    func takeSignal() -> Int32
}

/// The host's side of effects: saving, loading, exporting and the clock.
public struct WizardHost {
    public var save: (Assessment) -> String?
    public var load: (String) -> Result<Assessment, WizardHostError>
    public var export: (ExportFormat, String, Assessment) -> Result<String, WizardHostError>
    public var now: () -> String
    /// A new random id (never from the clock); tests inject a deterministic one.
    public var newID: () -> String
    /// A note to show after `load` succeeded (for example "opened read-only"), or nil.
    public var afterLoad: (String) -> String? = { _ in nil }

    public init(
        save: @escaping (Assessment) -> String?, load: @escaping (String) -> Result<Assessment, WizardHostError>,
        export: @escaping (ExportFormat, String, Assessment) -> Result<String, WizardHostError>, now: @escaping () -> String,
        newID: @escaping () -> String = { RandomID.make(prefix: "a") }
    ) {
        self.save = save
        self.load = load
        self.export = export
        self.now = now
        self.newID = newID
    }
}

public struct WizardHostError: Error, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// The run loop: key → action → reducer → effects → view → backend.
public struct WizardRunner<Backend: TerminalBackend> {
    public var state: WizardState
    public var backend: Backend
    let host: WizardHost

    public init(state: WizardState, backend: Backend, host: WizardHost) {
        self.state = state
        self.backend = backend
        self.host = host
    }

    /// Runs until the user quits or a signal arrives; returns the signal number (0 if none).
    public mutating func run() -> Int32 {
        let (w, h) = backend.size
        _ = Wizard.reduce(&state, .resize(width: w, height: h))
        backend.draw(View.render(state), full: true)
        while true {
            let sig = backend.takeSignal()
            if sig != 0 {
                _ = perform(Wizard.reduce(&state, .signal))
                return sig
            }
            guard let key = backend.readKey() else { continue }
            guard let action = KeyMap.action(for: key, in: state) else { continue }
            state.now = host.now()
            state.nextID = host.newID()
            let effects = Wizard.reduce(&state, action)
            if perform(effects) { return 0 }
            backend.draw(View.render(state), full: effects.contains(.redraw))
        }
    }

    /// Carries out effects; true when the wizard should stop.
    mutating func perform(_ effects: [Effect]) -> Bool {
        var quit = false
        for effect in effects {
            switch effect {
            case .save(let a):
                let result = host.save(a)
                _ = Wizard.reduce(&state, result.map(WizardAction.saveFailed) ?? .saved)
            case .load(let id):
                switch host.load(id) {
                case .success(let a):
                    _ = Wizard.reduce(&state, .loaded(a))
                    if let note = host.afterLoad(id) { _ = Wizard.reduce(&state, .notice(note)) }
                case .failure(let e): _ = Wizard.reduce(&state, .exportFailed("Cannot open that assessment: \(e.message)"))
                }
            case .export(let format, let path, let a):
                switch host.export(format, path, a) {
                case .success(let written): _ = Wizard.reduce(&state, .exported(written))
                case .failure(let e): _ = Wizard.reduce(&state, .exportFailed(e.message))
                }
            case .redraw: break
            case .quit: quit = true
            }
        }
        return quit
    }
}
