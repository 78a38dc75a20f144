/// Where a key binding applies: a screen, or a mode laid over one (a text field, an overlay).
/// A screen model asks the key table for the bindings of its context; the footer and the help
/// overlay do the same, so none of them can drift from the key map.
public enum KeyContext: String, CaseIterable, Sendable {
    case start, details, danger, domain, fullText, voice, review, decision, categories, export
    /// A recovery copy brought back after the store changed: which side each part keeps.
    case merge
    case editing, filter, help, confirmQuit, confirmReplace, tooSmall
    /// A participant's training run: the case list, the case, the feedback, and the narrative over any screen.
    case trainingChoose, trainingRead, feedback, narrative
    /// The idle lock: typing the passphrase (an encrypted store), or any key (a plain one).
    case locked, lockedKey
    /// The four household questions.
    case household
    /// The chronology: the list of events, the event editor, and its row picker.
    case chronology, eventEditor, eventRows

    /// The context the state is in: the idle lock over everything, then an overlay, then a text
    /// field, then the screen. A curses viewport too small to draw in is a context of its own;
    /// line mode has no viewport.
    public init(_ s: WizardState, in viewport: Viewport? = nil) {
        if let lock = s.lock {
            self = lock.needsPassphrase ? .locked : .lockedKey
            return
        }
        // Too small to draw in: only its own keys, even over an open field or an overlay (a q
        // must not be typed into a name the user cannot see).
        if viewport?.tooSmall == true {
            // The quit question, once q asked it, is said on the too-small screen and answered there.
            self = s.overlay == .confirmQuit ? .confirmQuit : .tooSmall
            return
        }
        switch s.overlay {
        case .confirmQuit: self = .confirmQuit
        case .confirmReplace: self = .confirmReplace
        case .help: self = .help
        case .narrative: self = .narrative
        case nil: self = KeyContext(screenOf: s, in: viewport)
        }
    }

    /// The context under any overlay: what the help overlay describes.
    public init(screenOf s: WizardState, in viewport: Viewport? = nil) {
        if viewport?.tooSmall == true {
            self = .tooSmall
            return
        }
        if let e = s.editor {
            self = e.target == .filter || e.target == .eventRowFilter ? .filter : .editing
            return
        }
        switch s.screen {
        case .start: self = .start
        case .details: self = .details
        case .danger: self = .danger
        case .domain: self = s.expanded ? .fullText : .domain
        case .voice: self = .voice
        case .review: self = .review
        case .decision: self = s.askingCategories ? .categories : .decision
        case .export: self = .export
        case .merge: self = .merge
        case .training(.choose): self = .trainingChoose
        case .training(.read): self = .trainingRead
        case .training(.feedback): self = .feedback
        case .household: self = .household
        case .chronology:
            let draft = s.chronology?.draft
            self = draft == nil ? .chronology : draft?.picking == true ? .eventRows : .eventEditor
        }
    }

    /// The screens of the wizard proper (not modes or overlays), in the order a user meets them.
    public static let screens: [KeyContext] = [
        .start, .merge, .details, .danger, .domain, .fullText, .voice, .household, .review, .decision, .categories, .export,
        .chronology, .eventEditor, .eventRows,
    ]

    /// A short name for the practitioner's guide and the help overlay.
    public var name: String {
        switch self {
        case .start: "start"
        case .details: "about the child"
        case .danger: "immediate safety"
        case .domain: "domain rows"
        case .fullText: "full text"
        case .voice: "the referral in your words"
        case .review: "review"
        case .decision: "decision"
        case .categories: "categories of concern"
        case .export: "referral summary"
        case .merge: "recovery copy: merge"
        case .editing: "text field"
        case .filter: "filter"
        case .help: "help"
        case .confirmQuit: "quit?"
        case .confirmReplace: "replace?"
        case .tooSmall: "terminal too small"
        case .trainingChoose: "training cases"
        case .trainingRead: "training case"
        case .feedback: "training feedback"
        case .narrative: "case narrative"
        case .locked: "locked (encrypted store)"
        case .lockedKey: "locked (plain store)"
        case .household: "household questions"
        case .chronology: "chronology"
        case .eventEditor: "event"
        case .eventRows: "rows an event is evidence for"
        }
    }
}
