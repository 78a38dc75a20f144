import StaircaseCore

/// The help overlay: the keys of the screen underneath, read from the key table, then the
/// text-field keys, then the glossary.
enum HelpView {
    /// Under `LANG=C` the marks are measured in the ASCII they are drawn as ("<-/->" is wider
    /// than "←/→"), so the columns line up as drawn.
    static func section(_ title: String, _ context: KeyContext, width: Int, _ s: WizardState) -> [(String, Style)] {
        var out: [(String, Style)] = [(title, .title)]
        let shown = { (text: String) in s.ascii ? Glyphs.ascii(text) : text }
        let bindings = KeyTable.bindings(for: context, in: s)
        let keyWidth = max(12, bindings.map { DisplayWidth.of(shown($0.keyLabel)) }.max() ?? 0)
        for b in bindings {
            let lines = TextWrap.lines(shown(b.help), width: width - keyWidth - 1)
            for (i, line) in lines.enumerated() {
                out.append(
                    (
                        (i == 0 ? TextWrap.pad(shown(b.keyLabel), width: keyWidth) : String(repeating: " ", count: keyWidth)) + " " + line,
                        .plain
                    ))
            }
        }
        if let fallback = KeyTable.fallbackText(context) {
            out.append((TextWrap.pad("other keys", width: keyWidth) + " " + fallback, .plain))
        }
        return out
    }

    static func lines(_ s: WizardState, width: Int) -> [(String, Style)] {
        let context = KeyContext(screenOf: s)
        var out = section("Keys here (\(context.name))", context, width: width, s)
        if context != .editing && context != .filter {
            out.append(("", .plain))
            out += section("Keys in a text field", .editing, width: width, s)
        }
        out.append(("", .plain))
        out += TextWrap.lines("Every change is saved at once: you can close the terminal and resume where you left off.", width: width)
            .map { ($0, Style.plain) }
        out.append(("", .plain))
        out.append(("Screen readers and braille", .title))
        out += TextWrap.lines(
            "Run staircase --plain (or set STAIRCASE_ACCESSIBLE=1) for line mode: each screen printed once as plain text, numbered answers typed on one line. The same files: either mode resumes the other's work.",
            width: width
        )
        .map { ($0, Style.plain) }
        out.append(("", .plain))
        out.append(("Glossary", .title))
        for g in s.catalogue.glossary {
            let wrapped = TextWrap.lines("\(g.term): \(g.definition)", width: width)
            out += wrapped.enumerated().map { ($1, $0 == 0 ? Style(bold: true) : .plain) }
        }
        return out
    }

    static func draw(_ s: WizardState, _ v: Viewport, _ b: inout ScreenBuffer) {
        Box.overlay("Help", v, &b) { lines(s, width: $0) }
    }
}
