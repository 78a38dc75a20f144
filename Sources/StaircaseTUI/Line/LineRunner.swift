import StaircaseCore

/// What the line console read: a line, the end of input, or a quit-type signal.
public enum LineInput: Equatable, Sendable {
    case line(String)
    case end
    case signal(Int32)
    /// The idle time passed with no whole line typed (only from `ask(_:idleAfter:)`).
    case idle
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
    /// As `ask`, but gives up with `.idle` once `idleAfter` has passed without a whole line, and
    /// throws away what was typed so far, so the lock is printed when the time passes rather
    /// than at the next answer (a braille display would otherwise show the case until then).
    mutating func ask(_ prompt: String, idleAfter: Duration?) -> LineInput
}

extension LineConsole {
    public mutating func askSecret(_ prompt: String) -> LineInput { ask(prompt) }
    /// A console that cannot wait with a deadline (a script) answers at once; the runner then
    /// checks the time the answer took.
    public mutating func ask(_ prompt: String, idleAfter: Duration?) -> LineInput { ask(prompt) }
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
    /// Brief wording (`--brief`, `t` toggles it): a row is its title, its four descriptors and a
    /// prompt naming it; what every row would repeat is said once per domain and in `?`.
    public var brief = false
    /// The row whose brief wording was last printed (its prompt), so the next row prints whole.
    var shownRow: String?
    /// The row `g` left, for `g` alone to go back to: its domain and row id.
    var returnRow: (domain: Int, row: String)?

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
            let prompt = LineRenderer.prompt(worded(model), width: console.width)
            console.write(Array(prompt.dropLast()))
            switch read(prompt.last ?? "") {
            case .locked(let stop?): return stop
            case .locked(nil): continue
            case .answer(.line(let raw)):
                if let stop = answer(raw.trimmed, model) { return stop }
            case .answer(let input): return stopped(input)
            }
        }
    }

    /// Prints the screen: whole when it is new; on the next row of the same domain, the row's
    /// position and text without the domain's title again; otherwise only the items that changed.
    mutating func show() {
        let full = ScreenModel(state)
        let model = worded(full)
        let header = LineRenderer.header(model, width: console.width)
        let body = LineRenderer.items(model, width: console.width)
        // In brief the position is in the prompt, not the header; a new row is still a new screen.
        let row = brief ? full.brief?.prompt : nil
        defer {
            shown = (header, body)
            shownRow = row
        }
        guard let last = shown, last.header == header, shownRow == row else {
            let title = LineRenderer.wrap("Staircase: " + model.title, console.width)
            let sameTitle = shown.map { Array($0.header.prefix(title.count)) == title } ?? false
            console.write([""] + (sameTitle ? Array(header.dropFirst(title.count)) : header) + [""] + body.flatMap { $0 })
            return
        }
        let changed = body.filter { $0 != [""] && !last.body.contains($0) }
        if !changed.isEmpty { console.write(changed.flatMap { $0 }) }
    }

    /// The model as line mode words it: in brief, a domain row is its title, descriptors and a
    /// prompt naming it (the position moves into the prompt).
    func worded(_ m: ScreenModel) -> ScreenModel {
        guard brief, let b = m.brief else { return m }
        var out = m
        out.blocks = b.blocks
        out.prompt = b.prompt
        out.position = nil
        out.enter?.shown = false
        if out.message?.movedOn == true { out.message = nil }
        // The domain's name is said with its first row, not as a title line of its own.
        out.title = ""
        return out
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
        case "about":
            console.write(LineHelp.about(width: console.width))
        case "glossary":
            console.write(LineHelp.glossary(state, width: console.width))
        case "r":
            shown = nil
        case "p":
            console.write(position())
        case "l":
            // Only the prompt again: nothing is printed, and the loop asks it anew.
            break
        case "t":
            brief.toggle()
            shown = nil
            say(
                brief
                    ? "Brief wording: each row is its title, the four levels and the prompt. t again for the full wording."
                    : "Full wording again. t for brief.")
        case "g":
            return goTo("")
        case _ where lower.hasPrefix("g ") && choice == nil:
            return goTo(String(text.dropFirst(2)).trimmed)
        case "q":
            return apply([.quit])
        case "b":
            if case .domain(let d) = state.screen, !state.expanded, state.domainCursor[d] > 0, state.filter.isEmpty {
                return apply([.move(-1)])
            }
            return apply(state.screen == .start ? [] : [.back])
        case "s":
            switch state.screen {
            case .domain, .danger, .voice, .review, .household: return apply([.nextScreen])
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
                let picking = state.chronology?.draft?.picking == true
                guard case .domain = state.screen, !picking else {
                    if picking {
                        return apply([.startFilter] + replace(with: String(text.dropFirst()).trimmed) + [.commitEdit], asking: false)
                    }
                    console.write(LineRenderer.wrap("Filtering works on the domain screens and the rows of an event only.", console.width))
                    return nil
                }
                let query = String(text.dropFirst()).trimmed
                return apply([.startFilter] + replace(with: query) + [.commitEdit], asking: false)
            }
            let keys = model.choices.map(\.key).filter { !$0.isEmpty }
            let options = keys.isEmpty ? "Enter" : "\(spoken(keys)), Enter"
            console.write(LineRenderer.wrap("\"\(text)\" is not an answer here. Type \(options), or ? for help.", console.width))
        }
        return nil
    }

    /// Asks a follow-up question until it gets one of its choices or Enter.
    mutating func ask(_ q: Question) -> Int32? {
        let listed = q.choices.flatMap { c in
            LineRenderer.wrap(c.key + ". " + c.label + (c.current ? " (\(c.currentWord))" : ""), console.width, indent: 2)
        }
        console.write(listed + LineRenderer.wrap(q.enter + ".", console.width))
        while true {
            let prompt = LineRenderer.prompt(q.prompt, width: console.width)
            console.write(Array(prompt.dropLast()))
            let input: LineInput
            switch read(prompt.last ?? "") {
            case .locked(let stop?): return stop
            case .locked(nil):
                // The question again, as new: the answer typed after the lock was not used.
                console.write(listed + LineRenderer.wrap(q.enter + ".", console.width))
                continue
            case .answer(let typed): input = typed
            }
            switch input {
            case .end, .signal, .idle: return stopped(input)
            case .line(let raw):
                let text = raw.trimmed.lowercased()
                if text.isEmpty { return apply(q.enterActions) }
                if let c = q.choices.first(where: { $0.key.lowercased() == text }) { return apply(c.actions) }
                // The commands of every prompt work here too (none is a choice of a question).
                switch text {
                case "q": return apply([.quit])
                case "b": return nil
                case "p":
                    console.write(position())
                    continue
                case "r":
                    console.write(listed + LineRenderer.wrap(q.enter + ".", console.width))
                    continue
                case "?", "help":
                    console.write(
                        LineRenderer.wrap(
                            "Type the number of your answer, or Enter (\(q.enter.lowercasedFirst)). b goes back without answering, "
                                + "r repeats the question, q quits.", console.width))
                    continue
                default: break
                }
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
            console.write([""] + LineRenderer.wrap("End of input: quitting, and saving what was answered.", console.width))
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
                    ? (e?.target == .decisionReason ? "needed when you decide differently from the proposal" : "Enter leaves it empty")
                    : "Enter keeps \"\(current)\"" + (clearable ? ", a single - clears it" : "")
            let prompt = LineRenderer.prompt("\(label) (\(keep)):", width: console.width)
            console.write(Array(prompt.dropLast()))
            let input: LineInput
            switch read(prompt.last ?? "") {
            case .locked(let stop?): return stop
            case .locked(nil): continue
            case .answer(let typed): input = typed
            }
            switch input {
            case .end, .signal, .idle: return stopped(input, cancellingEdit: true)
            case .line(let raw):
                var text = raw.trimmed
                // A line that is exactly a command is the command; a backslash first types it as text.
                switch text {
                case "?":
                    say(
                        "Type the text and press Enter. Enter alone keeps what is there"
                            + (clearable ? "; a single - clears it" : "") + ". b goes back without changing it, q quits. "
                            + "To write ?, b, q, r or p as the text itself, type a backslash first, as \\q.")
                    continue
                case "p":
                    console.write(position())
                    continue
                case "b", "r":
                    if text == "b" {
                        if host.perform(Wizard.reduce(&state, .cancelEdit), on: &state) { return 0 }
                        return nil
                    }
                    continue
                case "q":
                    if host.perform(Wizard.reduce(&state, .cancelEdit), on: &state) { return 0 }
                    return apply([.quit])
                // The decision prompt offers "e reason" and 1–5; typed here, where the reason is
                // already being asked, such a key is a slip, never a reason for a child's level.
                case _ where e?.target == .decisionReason && ["e", "1", "2", "3", "4", "5"].contains(text):
                    say("The reason is asked for now: type it in words, or b to go back to the decision.")
                    continue
                default:
                    if text.hasPrefix("\\"), ["?", "b", "q", "r", "p", "e"].contains(String(text.dropFirst())) { text.removeFirst() }
                }
                // Enter keeps what the prompt showed. For a folder or a file name that is an
                // answer (the file is written there), and for a decision's reason it confirms the
                // reason for the decision now chosen; elsewhere nothing changes.
                let keepsShown = (!clearable || e?.target == .decisionReason) && !current.isEmpty && !refused
                let edits: [WizardAction] =
                    text.isEmpty ? (keepsShown ? [.commitEdit] : [.cancelEdit]) : replace(with: text == "-" ? "" : text) + [.commitEdit]
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
        case .strengths?: "What is working well?"
        case .childsVoice?: "The child’s wishes and feelings, in their own words"
        case .filter?: "Filter"
        case .decisionReason?: "Reason for your decision"
        case .exportPath?: "File name (relative to \(s.exportDirectory))"
        case .alias?: "Your workshop alias (never your real name)"
        case .responsesFolder?: "Folder for your TRAINING response file (a USB stick or a shared folder)"
        case .worry?: "What are you worried about, and how and why has it arisen?"
        case .workingWellDomain(let id)?: "What is working well: " + (s.catalogue.domains.first { $0.id == id }?.name ?? id)
        case .requestDetail?: "The help you ask for, in your words"
        case .householdNote(let id)?: "Note on " + (HouseholdTopic.all(s.catalogue).first { $0.id == id }?.topic ?? id)
        case .eventDate?: "Date of the event (2026-06-14, 2026-06 or about 2026-06)"
        case .eventWhat?: "What happened"
        case .eventSource?: "Who reported it, or the source"
        case .eventRowFilter?: "Find rows by words of their title"
        case nil: "Text"
        }
    }

    /// "1, 2 or 3".
    func spoken(_ keys: [String]) -> String {
        guard keys.count > 1 else { return keys.first ?? "" }
        return keys.dropLast().joined(separator: ", ") + " or " + (keys.last ?? "")
    }
}
