import StaircaseCore

/// The line mode's help: what this prompt takes, then the commands every prompt takes; how line
/// mode works (`about`) and the glossary (`glossary`) are commands of their own.
enum LineHelp {
    static let commands: [(String, String)] = [
        ("?", "this help"),
        ("r", "repeat the screen"),
        ("l", "repeat only the last prompt"),
        ("b", "back (on a domain: the previous row)"),
        ("s", "skip the rest of this screen"),
        ("p", "where am I: the screen, the row and how many are answered"),
        ("g 20, g words", "on a domain, go to row 20, or to the first row with those words in its title; g alone goes back"),
        ("q", "quit; every answer is already saved"),
        ("/text", "filter a domain's rows by text, or find the rows an event is evidence for; / alone clears the filter"),
        ("c, h", "on a domain row, c adds a dated event for that row; h (there or on the review) lists the chronology"),
        ("\\q", "at a text prompt, types q (or ?, b, r) as the text rather than the command"),
        ("t", "brief wording on or off (staircase --brief starts with it)"),
    ]

    /// `?`: the answers this prompt takes first, then the commands of every prompt, in a few
    /// lines; the rest (line mode itself, the glossary) is a command away.
    static func lines(_ m: ScreenModel, _ s: WizardState, width: Int) -> [String] {
        func wrap(_ t: String, indent: Int = 0) -> [String] { LineRenderer.wrap(t, width, indent: indent) }
        var out = [""] + wrap("Help: \(m.title)")
        let here = m.choices.filter { $0.key.count == 1 || Int($0.key) != nil }
        if !here.isEmpty {
            out += wrap("Answers here")
            for c in here { out += wrap("\(c.key): \(c.label)", indent: 2) }
        }
        if let enter = m.enter { out += wrap(enter.label, indent: 2) }
        if let how = screenHint(s) { out += wrap(how, indent: 2) }
        out += wrap("Commands at every prompt")
        for (key, what) in commands { out += wrap("\(key): \(what)", indent: 2) }
        out += wrap("More: type about for how line mode works, or glossary for the document's terms.")
        return out + [""]
    }

    /// How the answers of a screen with more than numbers are typed.
    static func screenHint(_ s: WizardState) -> String? {
        switch s.screen {
        case .voice:
            let names = Assessment.HelpKind.allCases.map { $0.shortName }
            return "A text's number asks for its text. The help asked for is ticked by its number or its name ("
                + names.joined(separator: ", ") + "); typing it again unticks it."
        case .household:
            return "A question's number asks it: y yes, n no, k not known; then its note (Enter leaves the note as it is)."
        default: return nil
        }
    }

    /// `about`: how line mode works, for screen-reader and braille users.
    static func about(width: Int) -> [String] {
        [""] + LineRenderer.wrap("About line mode", width)
            + [
                "This is line mode: each screen is printed once, in order, as plain ASCII text with no colour, no symbols and no redraws. Only what changed is printed after an answer; r prints the whole screen again.",
                "The numbers you hear are the numbers you type. Your saved answer is said as (your answer); what Enter does is always said in words.",
                "Line mode is on with staircase --plain, or when TERM=dumb, STAIRCASE_ACCESSIBLE or ACCESSIBLE is set, or input or output is not a terminal. An assessment started here can be resumed in the full-screen wizard, and the other way round.",
            ].flatMap { LineRenderer.wrap($0, width, indent: 2) } + [""]
    }

    /// `glossary`: the catalogue's glossary.
    static func glossary(_ s: WizardState, width: Int) -> [String] {
        guard !s.catalogue.glossary.isEmpty else { return LineRenderer.wrap("This catalogue has no glossary.", width) }
        return [""] + LineRenderer.wrap("Glossary", width)
            + s.catalogue.glossary.flatMap { LineRenderer.wrap("\($0.term): \($0.definition)", width, indent: 2) } + [""]
    }
}
