/// One line of the key table: the keys, what each does, how the footer and help name it, and
/// where it applies. Bindings are data (after charmbracelet/bubbles' `key.Binding`): the key
/// map, every footer, the help overlay and the practitioner's guide's table are all read from them.
public struct KeyBinding: Sendable {
    /// Each key and the action it sends; one binding may hold a family (1–4, ↑/↓).
    public var keys: [(key: Key, action: WizardAction)]
    /// How the keys are written in the footer and help: "↑/↓", "1-4", "Enter".
    public var keyLabel: String
    /// What they do, in a word or two for the footer: "level", "note", "back".
    public var label: String
    /// A fuller sentence for the help overlay and the practitioner's guide.
    public var help: String
    public var contexts: KeyContexts
    /// Footer priority: lower is kept longer when the footer must shrink; nil is help only.
    public var priority: Int?
    /// Shown in the footer only when this holds (the key would otherwise do nothing visible).
    public var condition: KeyCondition

    public init(
        _ keys: [(Key, WizardAction)], _ keyLabel: String, _ label: String, help: String, in contexts: KeyContexts,
        priority: Int? = nil, when condition: KeyCondition = .always
    ) {
        self.keys = keys.map { (key: $0.0, action: $0.1) }
        self.keyLabel = keyLabel
        self.label = label
        self.help = help
        self.contexts = contexts
        self.priority = priority
        self.condition = condition
    }

    /// The action this binding sends for `key`, if it binds it.
    public func action(for key: Key) -> WizardAction? {
        keys.first { $0.key == key }?.action
    }

    /// "1-4 level", as the footer shows it.
    public var footerText: String { label.isEmpty ? keyLabel : keyLabel + " " + label }
}

/// When a footer entry is worth showing. Named cases, not closures, so the table stays data.
public enum KeyCondition: Sendable {
    case always
    /// The full-text view has more below or above.
    case fullTextScrolls
    /// The selected row's descriptors do not fit their panel.
    case panelScrolls
    /// The review does not fit the screen.
    case reviewScrolls
    /// A list entry of the details forms is selected or open, so it can be removed.
    case entrySelected
    /// Level 4 is chosen, so step 4 or 5 can be picked.
    case levelFourChosen
    /// At least one change can be undone.
    case canUndo
    /// Level 4 is proposed or decided, so categories of concern apply.
    case concernApplies
    /// A training case is open, so its narrative is one key away.
    case trainingCase
    /// The selected row has an answer carried from last time, still to confirm.
    case rowToConfirm
    /// The selected row is rated differently from last time, so a reason can be given.
    case rowChanged
    /// Saved assessments are listed, so one can be re-assessed.
    case canReassess
    /// The selected household question is answered, so its note can be written.
    case householdAnswered
    /// A kind of help is selected on "The referral in your words", so Space ticks it.
    case helpSelected
}
