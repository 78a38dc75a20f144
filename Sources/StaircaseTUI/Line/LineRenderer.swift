import StaircaseCore

/// Prints a screen model as plain lines for a screen reader or a braille display: ASCII only,
/// no colour, no cursor movement, every line wrapped at word boundaries to the width. Meaning is
/// said in words ("your answer", "Problem:"), never carried by a mark or a colour.
public enum LineRenderer {
    /// Everything the screen says, title and position first.
    public static func render(_ m: ScreenModel, width: Int) -> [String] {
        header(m, width: width) + [""] + body(m, width: width)
    }

    /// The title and position, printed once when a screen (or a domain row) is reached.
    public static func header(_ m: ScreenModel, width: Int) -> [String] {
        (m.title.isEmpty ? [] : wrap("Staircase: " + m.title, width)) + (m.position.map { wrap($0, width) } ?? [])
    }

    /// The screen below its header: message, text blocks, fields, choices and what Enter does.
    public static func body(_ m: ScreenModel, width: Int) -> [String] {
        items(m, width: width).flatMap { $0 }
    }

    /// A message naming line mode's own key for its fix: the choice that sends that action.
    static func said(_ message: Message, _ m: ScreenModel) -> String {
        message.said(key: message.fix.flatMap { fix in m.choices.first { $0.actions.first == fix.action }?.key })
    }

    /// The body as items (a paragraph, a field, a choice), each its wrapped lines, so that what
    /// changed after an answer can be printed whole, never half a wrapped line. An empty item is a gap.
    public static func items(_ m: ScreenModel, width: Int) -> [[String]] {
        var out: [[String]] = []
        func gap() { if !out.isEmpty { out.append([""]) } }
        if let message = m.message { out.append(wrap((message.isError ? "Problem: " : "Note: ") + said(message, m), width)) }
        for block in m.blocks {
            gap()
            out += items(block, width: width)
        }
        if !m.fields.isEmpty {
            gap()
            for f in m.fields {
                let key = f.key.isEmpty ? "" : f.key + ". "
                var item = wrap(key + f.label + ": " + f.value, width, indent: 2)
                if let problem = f.problem { item += wrap("Problem with " + f.label + ": " + problem + ".", width, indent: 6) }
                out.append(item)
            }
        }
        let shown = m.choices.filter(\.shown)
        if !shown.isEmpty {
            gap()
            out.append(wrap("Choices:", width))
            for c in shown {
                out.append(wrap(c.key + ". " + c.label + (c.current ? " (\(c.currentWord))" : ""), width, indent: 2))
            }
        }
        if let enter = m.enter, enter.shown {
            gap()
            out.append(wrap(enter.label + ".", width))
        }
        return out
    }

    /// The prompt: every line but the last printed whole; the last waits for the answer.
    public static func prompt(_ m: ScreenModel, width: Int) -> [String] {
        prompt(m.prompt, width: width)
    }

    /// Any prompt (a screen's, a question's, a text field's): wrapped one column short, for the
    /// space written after it, so no prompt line runs past the screen's (or a braille line's) end.
    public static func prompt(_ text: String, width: Int) -> [String] {
        wrap(text, max(20, width - 1))
    }

    static func items(_ block: TextBlock, width: Int) -> [[String]] {
        var out: [[String]] = []
        if let heading = block.heading { out.append(wrap(label(block.kind) + heading, width)) }
        let prefix = block.heading == nil ? label(block.kind) : ""
        for (i, p) in block.paragraphs.enumerated() {
            out.append(wrap((i == 0 ? prefix : "") + heard(p), width, indent: block.indent))
        }
        return out
    }

    /// A flag's list of rows, read out: the first five and how many more, when there are more than
    /// six (the combination rule can rest on 30 rows, which the curses review lists whole and the
    /// summary lists with their levels). Catalogue titles hold no "; ".
    static func heard(_ paragraph: String, shown: Int = 5) -> String {
        guard paragraph.hasPrefix("Rows: "), paragraph.hasSuffix(".") else { return paragraph }
        let titles = paragraph.dropFirst(6).dropLast().components(separatedBy: "; ")
        guard titles.count > shown + 1 else { return paragraph }
        return "Rows: " + titles.prefix(shown).joined(separator: "; ") + "; and \(titles.count - shown) more."
    }

    /// What a coloured block meant on screen, said in words.
    static func label(_ kind: TextBlock.Kind) -> String {
        switch kind {
        case .danger: "Warning, immediate danger: "
        case .warning: "Warning: "
        default: ""
        }
    }

    /// Clean (no control sequences), ASCII (every mark in words or plain characters), wrapped.
    public static func wrap(_ text: String, _ width: Int, indent: Int = 0) -> [String] {
        let plain = Glyphs.ascii(SafeText.clean(text))
        if plain.isEmpty { return [""] }
        let width = max(20, width)
        // A numbered or lettered item ("3. ", "e. ") hangs, so its number stands out when read.
        if let dot = plain.firstIndex(of: "."), plain.distance(from: plain.startIndex, to: dot) <= 5,
            plain[plain.index(after: dot)...].hasPrefix(" "), plain[..<dot].allSatisfy({ $0.isLetter || $0.isNumber })
        {
            let hang = plain.distance(from: plain.startIndex, to: dot) + 2
            let pad = String(repeating: " ", count: indent)
            return TextWrap.lines(plain, width: width - indent - hang, phrases: true).enumerated().map {
                pad + ($0 > 0 ? String(repeating: " ", count: hang) : "") + $1
            }
        }
        return TextWrap.paragraph(plain, width: width, indent: indent, phrases: true)
    }
}
