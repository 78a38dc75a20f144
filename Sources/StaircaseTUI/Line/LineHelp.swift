import StaircaseCore

/// The line mode's help: the commands every prompt takes, what this screen takes, a section for
/// screen-reader users, and the glossary.
enum LineHelp {
    static let commands: [(String, String)] = [
        ("?", "this help"),
        ("r", "repeat the screen"),
        ("b", "back (on a domain: the previous row)"),
        ("s", "skip the rest of this screen"),
        ("p", "where am I: the screen, the row and how many are answered"),
        (
            "t",
            "brief wording on or off: a row is then its title, its four levels and a prompt naming it (staircase --brief starts with it)"
        ),
        ("g 20, g words", "on a domain, go to row 20, or to the first row with those words in its title; g alone goes back"),
        ("q", "quit; every answer is already saved"),
        ("/text", "filter a domain's rows by text; / alone clears the filter"),
        ("\\q", "at a text prompt, types q (or ?, b, r) as the text rather than the command"),
        ("Enter", "what the screen says Enter does (it is always said in words)"),
    ]

    static func lines(_ m: ScreenModel, _ s: WizardState, width: Int) -> [String] {
        func wrap(_ t: String, indent: Int = 0) -> [String] { LineRenderer.wrap(t, width, indent: indent) }
        var out = [""] + wrap("Help: \(m.title)") + [""] + wrap("Commands at every prompt")
        for (key, what) in commands { out += wrap("\(key): \(what)", indent: 2) }
        let here = m.choices.filter { $0.key.count == 1 || Int($0.key) != nil }
        if !here.isEmpty {
            out += [""] + wrap("Answers on this screen")
            for c in here { out += wrap("\(c.key): \(c.label)", indent: 2) }
        }
        out += [""] + wrap("For screen-reader and braille users")
        for p in [
            "This is line mode: each screen is printed once, in order, as plain ASCII text with no colour, no symbols and no redraws. Only what changed is printed after an answer; r prints the whole screen again.",
            "The numbers you hear are the numbers you type. Your saved answer is said as (your answer); what Enter does is always said in words.",
            "Line mode is on with staircase --plain, or when TERM=dumb, STAIRCASE_ACCESSIBLE or ACCESSIBLE is set, or input or output is not a terminal. An assessment started here can be resumed in the full-screen wizard, and the other way round.",
        ] { out += wrap(p, indent: 2) }
        if !s.catalogue.glossary.isEmpty {
            out += [""] + wrap("Glossary")
            for g in s.catalogue.glossary { out += wrap("\(g.term): \(g.definition)", indent: 2) }
        }
        return out + [""]
    }
}
