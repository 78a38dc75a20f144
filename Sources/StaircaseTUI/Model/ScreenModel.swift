import StaircaseCore

/// What a screen means, apart from how it is drawn: a pure function of `WizardState`
/// (`ScreenModel(s)`), with no terminal size or scroll in it. It has two renderers: the curses
/// views lay it out (`View.render(s, in: viewport)`), and the line renderer prints it for
/// screen-reader and braille users. A new screen adds a case to `ScreenModel.init`, a side panel
/// fills `side`, a new kind of text adds a `TextBlock.Kind`.
public struct ScreenModel: Equatable, Sendable {
    public var title: String
    /// Where the user is, in words: "Child's developmental needs, row 3 of 31".
    public var position: String?
    /// Paragraphs of text: the question, descriptors, reasons, flags, the course of action.
    public var blocks: [TextBlock] = []
    /// Form fields with their values and the reason a value was refused.
    public var fields: [Field] = []
    /// What can be chosen, each with the number or key that is typed (and spoken).
    public var choices: [Choice] = []
    /// The question asked at the prompt, with the keys it takes.
    public var prompt: String
    /// What a bare Enter does, in words ("Enter keeps Level 2") and as actions.
    public var enter: Choice?
    /// The keys that apply here, from the key table (for help and the curses footer).
    public var keys: [KeyHint] = []
    /// A panel beside the main text: a training case's narrative (laid out beside the screen at
    /// 120 columns or more, and as the `v` overlay); empty on every other screen.
    public var side: [TextBlock] = []
    /// The answer to the last action ("Resumed where you left off", "Not saved: …").
    public var message: Message?
    /// How far through a domain's rows the user is (domain screens only).
    public var tally: RowTally?
    /// Line mode's brief wording of the same screen (domain rows only): the row's title and its
    /// four descriptors, each once, and a prompt naming the row; nil where brief says it all.
    public var brief: Brief?

    public struct Brief: Equatable, Sendable {
        public var blocks: [TextBlock]
        public var prompt: String
    }

    public init(title: String, position: String? = nil, prompt: String) {
        self.title = title
        self.position = position
        self.prompt = prompt
    }
}

/// A run of paragraphs with an optional heading. The kind says what the text is, so a
/// renderer can mark it in words (never by colour alone).
public struct TextBlock: Equatable, Sendable {
    public enum Kind: String, Sendable {
        case text, descriptor, reason, flag, warning, danger, courseOfAction, note, glossary
        /// The proposed level and its name: the curses review draws the staircase under it.
        case proposal
    }

    public var kind: Kind
    public var heading: String?
    public var paragraphs: [String]
    /// Columns of indent for the paragraphs (the heading is not indented).
    public var indent: Int

    public init(_ kind: Kind = .text, heading: String? = nil, _ paragraphs: [String], indent: Int = 0) {
        self.kind = kind
        self.heading = heading
        self.paragraphs = paragraphs
        self.indent = indent
    }

    public init(_ paragraphs: [String], indent: Int = 0) { self.init(.text, heading: nil, paragraphs, indent: indent) }

    public init(heading: String, _ paragraphs: [String], indent: Int = 0) { self.init(.text, heading: heading, paragraphs, indent: indent) }
}

/// A domain's rows counted once, for both renderers: line mode says it in sentences on a
/// domain's first row, the curses layout keeps it short on its status line.
public struct RowTally: Equatable, Sendable {
    public var domain: Int
    public var domains: Int
    public var answered: Int
    public var rows: Int
    /// Rows with an answer carried from last time, still to confirm.
    public var toConfirm: Int
    /// Rows hidden for the child's age; 0 while every row is shown.
    public var hidden: Int
    public var filter: String
    /// Rows for other ages shown because `a` showed them (0 while they are hidden): said, so a
    /// pre-birth row heading a ten-year-old's list is not a mystery (tryout).
    public var otherAges = 0

    /// In sentences, for line mode: "Domain 1 of 3. 2 of 31 rows answered."
    public var sentences: [String] {
        var out = [
            "Domain \(domain + 1) of \(domains). \(answered) of " + Plural.rows(rows) + " answered"
                + (toConfirm > 0 ? "; \(toConfirm) carried from last time to confirm." : ".")
        ]
        if toConfirm > 0 { out.append("On a carried row, y confirms last time's answer; 1 to 4 or n changes it.") }
        if hidden > 0 { out.append(Plural.rows(hidden) + (hidden == 1 ? " is" : " are") + " hidden for the child’s age (a shows them).") }
        if otherAges > 0 { out.append("Showing " + Plural.rows(otherAges) + " for other ages (a hides them).") }
        if !filter.isEmpty { out.append("Filter: \(filter) (/ alone clears it).") }
        return out
    }

    /// In one short line, for the curses status line (the [?] is the badge of such a row).
    public var line: String {
        var status = "\(answered) of " + Plural.rows(rows) + " answered"
        if toConfirm > 0 { status += " · \(toConfirm) [?] to confirm" }
        if hidden > 0 { status += " · \(hidden) hidden for the child’s age (a shows)" }
        if otherAges > 0 { status += " · \(otherAges) for other ages shown (a hides)" }
        if !filter.isEmpty { status += " · filter: " + filter }
        return status
    }
}

/// One form field: what it is, what it holds, why a value was refused.
public struct Field: Equatable, Sendable {
    /// The number typed to change it.
    public var key: String
    public var label: String
    public var value: String
    public var problem: String?
    /// Nothing is written yet (`value` then says so in words).
    public var isEmpty = false

    public init(key: String, label: String, value: String, problem: String? = nil, isEmpty: Bool = false) {
        self.key = key
        self.label = label
        self.value = value
        self.problem = problem
        self.isEmpty = isEmpty
    }
}

/// Something the user can choose: the key typed, what it does in words, and the reducer actions
/// it sends (the same actions the curses keys send). An action that opens a text field makes
/// the line runner ask for the text.
public struct Choice: Equatable, Sendable {
    public var key: String
    public var label: String
    /// This is the saved answer or the current setting, said in words (`currentWord`).
    public var current: Bool
    public var currentWord = "your answer"
    public var actions: [WizardAction]
    /// False when the screen already lists it another way (a numbered field, a numbered descriptor).
    public var shown = true
    /// A question that follows this choice (the consent status): its choices replace `actions`.
    public var then: Question?
    /// Set for a category of concern: its name and whether it is marked, so a view draws the
    /// checkbox from typed fields, never by parsing `label` (a training run adds other choices).
    public var concern: Concern?

    public struct Concern: Equatable, Sendable {
        public var name: String
        public var marked: Bool
    }

    public init(_ key: String, _ label: String, current: Bool = false, _ actions: [WizardAction]) {
        self.key = key
        self.label = label
        self.current = current
        self.actions = actions
    }
}

/// A follow-up question with its own numbered choices.
public struct Question: Equatable, Sendable {
    public var prompt: String
    public var choices: [Choice]
    /// What a bare Enter does (in words), and its actions.
    public var enter: String
    public var enterActions: [WizardAction]
}

/// A key binding as help shows it.
public struct KeyHint: Equatable, Sendable {
    public var keys: String
    public var label: String
    public var help: String
}
