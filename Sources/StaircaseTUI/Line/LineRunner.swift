import StaircaseCore

/// What the line console read: a line, the end of input, or a quit-type signal.
public enum LineInput: Equatable, Sendable {
    case line(String)
    case end
    case signal(Int32)
}

/// Standard input and output for line mode (the system one, or a script in tests).
public protocol LineConsole {
    /// Columns to wrap to: the terminal's width when known, 80 otherwise.
    var width: Int { get }
    /// Prints whole lines.
    mutating func write(_ lines: [String])
    /// Prints the prompt on its own line and reads the answer.
    mutating func ask(_ prompt: String) -> LineInput
    /// Reads a passphrase: not echoed when input is a terminal, never repeated in a transcript.
    mutating func askSecret(_ prompt: String) -> LineInput
}

extension LineConsole {
    public mutating func askSecret(_ prompt: String) -> LineInput { ask(prompt) }
}

/// The line-mode run loop: the same reducer, actions, effects and host as the curses wizard,
/// but each screen is printed once as text and answered a line at a time.
public struct LineRunner<Console: LineConsole> {
    public var state: WizardState
    public var console: Console
    let host: WizardHost
    /// What was last printed of the current screen, so only what changed is printed again.
    var shown: (header: [String], body: [[String]])?
    /// True when input ended (EOF) rather than the user quitting.
    public private(set) var endedByInput = false

    public init(state: WizardState, console: Console, host: WizardHost) {
        self.state = state
        self.console = console
        self.host = host
    }

    /// Runs until the user quits, input ends (quit and save) or a signal arrives; returns the signal number (0 if none).
    public mutating func run() -> Int32 {
        if host.perform([.list], on: &state) { return 0 }
        while true {
            show()
            let model = ScreenModel(state)
            let prompt = LineRenderer.prompt(model, width: console.width)
            console.write(Array(prompt.dropLast()))
            let asked = host.clock()
            let input = console.ask(prompt.last ?? "")
            // The answer came after the idle time: lock first, and never use it (it may not be the user's).
            if case .line = input, host.idleDue(since: asked, state) {
                if let stop = lockAndWait() { return stop }
                continue
            }
            switch input {
            case .end, .signal: return stopped(input)
            case .line(let raw):
                if let stop = answer(raw.trimmed, model) { return stop }
            }
        }
    }

    /// Prints the screen: whole when it is new; on the next row of the same domain, the row's
    /// position and text without the domain's title again; otherwise only the items that changed.
    mutating func show() {
        let model = ScreenModel(state)
        let header = LineRenderer.header(model, width: console.width)
        let body = LineRenderer.items(model, width: console.width)
        defer { shown = (header, body) }
        guard let last = shown, last.header == header else {
            let title = LineRenderer.wrap("Staircase: " + model.title, console.width)
            let sameTitle = shown.map { Array($0.header.prefix(title.count)) == title } ?? false
            console.write([""] + (sameTitle ? Array(header.dropFirst(title.count)) : header) + [""] + body.flatMap { $0 })
            return
        }
        let changed = body.filter { $0 != [""] && !last.body.contains($0) }
        if !changed.isEmpty { console.write(changed.flatMap { $0 }) }
    }

    /// Handles one answer; returns a value when the run should end (the signal number or 0).
    mutating func answer(_ text: String, _ model: ScreenModel) -> Int32? {
        let lower = text.lowercased()
        let choice = model.choices.first { $0.key.lowercased() == lower }
        switch lower {
        case _ where choice != nil && !["r", "b", "s", "q"].contains(lower):
            if let question = choice?.then { return ask(question) }
            return apply(choice?.actions ?? [])
        case "?", "help":
            console.write(LineHelp.lines(model, state, width: console.width))
        case "r":
            shown = nil
        case "q":
            return apply([.quit])
        case "b":
            if case .domain(let d) = state.screen, !state.expanded, state.domainCursor[d] > 0, state.filter.isEmpty {
                return apply([.move(-1)])
            }
            return apply(state.screen == .start ? [] : [.back])
        case "s":
            switch state.screen {
            case .domain, .danger, .voice, .review: return apply([.nextScreen])
            default: console.write(LineRenderer.wrap("Nothing to skip here: answer, or b goes back.", console.width))
            }
        case "":
            guard let enter = model.enter else {
                console.write(LineRenderer.wrap("Enter does nothing here: type one of the choices, or ? for help.", console.width))
                return nil
            }
            return apply(enter.actions)
        default:
            if text.hasPrefix("/") {
                guard case .domain = state.screen else {
                    console.write(LineRenderer.wrap("Filtering works on the domain screens only.", console.width))
                    return nil
                }
                let query = String(text.dropFirst()).trimmed
                return apply([.startFilter] + replace(with: query) + [.commitEdit], asking: false)
            }
            let keys = model.choices.map(\.key).filter { !$0.isEmpty }
            console.write(
                LineRenderer.wrap("\"\(text)\" is not an answer here. Type \(spoken(keys)), Enter, or ? for help.", console.width))
        }
        return nil
    }

    /// The idle lock in line mode: saves, prints the lock text (nothing of the case), and asks for
    /// the passphrase (not echoed at a terminal) until it is right, or for Enter on a plain store.
    /// Returns a value when the run should end.
    mutating func lockAndWait() -> Int32? {
        host.stamp(&state)
        if host.perform(Wizard.reduce(&state, .idle(needsPassphrase: host.unlock != nil)), on: &state) { return 0 }
        while let lock = state.lock {
            let model = ScreenModel(state)
            console.write(
                [""] + LineRenderer.header(model, width: console.width) + LineRenderer.items(model, width: console.width).flatMap { $0 })
            let prompt = LineRenderer.prompt(model, width: console.width)
            console.write(Array(prompt.dropLast()))
            let input = lock.needsPassphrase ? console.askSecret(prompt.last ?? "") : console.ask(prompt.last ?? "")
            switch input {
            case .end, .signal: return stopped(input)
            case .line(let typed):
                var effects: [Effect] = []
                if lock.needsPassphrase { for c in typed { effects += Wizard.reduce(&state, .type(c)) } }
                effects += Wizard.reduce(&state, .unlock)
                if host.perform(effects, on: &state) { return 0 }
            }
        }
        shown = nil
        console.write(["", "Unlocked. What was typed before the lock was not used; here is where you were."])
        return nil
    }

    /// Asks a follow-up question until it gets one of its choices or Enter.
    mutating func ask(_ q: Question) -> Int32? {
        let listed = q.choices.flatMap { c in
            LineRenderer.wrap(c.key + ". " + c.label + (c.current ? " (\(c.currentWord))" : ""), console.width, indent: 2)
        }
        console.write(listed + LineRenderer.wrap(q.enter + ".", console.width))
        while true {
            let prompt = LineRenderer.wrap(q.prompt, console.width)
            console.write(Array(prompt.dropLast()))
            let input = console.ask(prompt.last ?? "")
            switch input {
            case .end, .signal: return stopped(input)
            case .line(let raw):
                let text = raw.trimmed.lowercased()
                if text.isEmpty { return apply(q.enterActions) }
                if let c = q.choices.first(where: { $0.key.lowercased() == text }) { return apply(c.actions) }
                console.write(
                    LineRenderer.wrap(
                        "\"\(raw.trimmed)\" is not an answer here. Type \(spoken(q.choices.map(\.key))), or Enter.", console.width))
            }
        }
    }

    /// Sends actions through the reducer and the host. When an action opens a text field the
    /// text is asked for at once, before the next action (so "write the reason, then record"
    /// works); `asking` is false when the actions type the text themselves (the filter).
    mutating func apply(_ actions: [WizardAction], asking: Bool = true) -> Int32? {
        for action in actions {
            host.stamp(&state)
            if host.perform(Wizard.reduce(&state, action), on: &state) { return 0 }
            if asking, let stop = askText() { return stop }
        }
        return nil
    }

    /// Input ended (a script ran out, Ctrl-D) or a quit signal came: saves as a closed terminal
    /// would, says so for the first, and returns the status to stop with. At end of input a text
    /// field being asked for is left as it was, not committed half-typed.
    mutating func stopped(_ input: LineInput, cancellingEdit: Bool = false) -> Int32 {
        var status: Int32 = 0
        if case .signal(let n) = input {
            status = n
        } else {
            endedByInput = true
            console.write(["", "End of input: quitting, and saving what was answered."])
            if cancellingEdit { _ = Wizard.reduce(&state, .cancelEdit) }
        }
        host.stamp(&state)
        _ = host.perform(Wizard.reduce(&state, .signal), on: &state)
        return status
    }

    /// Asks for the open text field's text until it is accepted or left as it was.
    mutating func askText() -> Int32? {
        // After a refusal the field still holds the refused text, which Enter does not keep.
        var refused = false
        while state.editor != nil, state.overlay == nil {
            let e = state.editor
            let label = Self.fieldName(e?.target, state)
            let current = e?.text ?? ""
            // A folder or a file name cannot be "cleared" to anything useful: no "-" offered there.
            let clearable = e?.target != .responsesFolder && e?.target != .exportPath
            let keep =
                refused
                ? "Enter leaves the field as it was"
                : current.isEmpty
                    ? "Enter leaves it empty" : "Enter keeps \"\(current)\"" + (clearable ? ", a single - clears it" : "")
            let prompt = LineRenderer.wrap("\(label) (\(keep)):", console.width)
            console.write(Array(prompt.dropLast()))
            let input = console.ask(prompt.last ?? "")
            switch input {
            case .end, .signal: return stopped(input, cancellingEdit: true)
            case .line(let raw):
                let text = raw.trimmed
                let edits: [WizardAction] = text.isEmpty ? [.cancelEdit] : replace(with: text == "-" ? "" : text) + [.commitEdit]
                for action in edits {
                    if host.perform(Wizard.reduce(&state, action), on: &state) { return 0 }
                }
                if state.editor != nil, let m = state.message {
                    console.write(LineRenderer.wrap("Problem: " + m.text, console.width))
                    refused = true
                }
            }
        }
        return nil
    }

    /// Replaces the open field's text, by the same editing actions as the keyboard.
    func replace(with text: String) -> [WizardAction] {
        [.cursorToEnd, .killToStart] + text.map { WizardAction.type($0) }
    }

    /// The field being written, in words.
    static func fieldName(_ target: TextField.Target?, _ s: WizardState) -> String {
        switch target {
        case .detail(let f)?: f.label
        case .note(let id)?: "Evidence note for “\(s.rowTitle(id))”"
        case .strengths?: "Strengths and protective factors"
        case .childsVoice?: "The child’s wishes and feelings, in their own words"
        case .filter?: "Filter"
        case .decisionReason?: "Reason for your decision"
        case .exportPath?: "File name (relative to \(s.exportDirectory))"
        case .alias?: "Your workshop alias (never your real name)"
        case .responsesFolder?: "Folder for your TRAINING response file (a USB stick or a shared folder)"
        case nil: "Text"
        }
    }

    /// "1, 2 or 3".
    func spoken(_ keys: [String]) -> String {
        guard keys.count > 1 else { return keys.first ?? "" }
        return keys.dropLast().joined(separator: ", ") + " or " + (keys.last ?? "")
    }
}
