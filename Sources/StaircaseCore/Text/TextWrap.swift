/// Wraps prose to a width in terminal columns, breaking at spaces and splitting words only
/// when a single word is wider than the line.
public enum TextWrap {
    /// The widest phrase kept on one line in line mode (see `forEachWord`).
    static let phraseWidth = 24

    public static func lines(_ text: String, width: Int, phrases: Bool = false) -> [String] {
        let width = max(1, width)
        var out: [String] = []
        // Paragraphs and words are found by scanning, not by `split`: an array of a million
        // substrings (a 4 MB note of short words) cost more memory than the note itself.
        var start = text.startIndex
        while true {
            let end = text[start...].firstIndex(of: "\n") ?? text.endIndex
            out += wrapParagraph(text[start..<end], width: width, phrases: phrases)
            guard end < text.endIndex else { break }
            start = text.index(after: end)
        }
        return out
    }

    /// Wraps at spaces but never cuts a word: one wider than the line (a long file path) stands
    /// whole on a line of its own, for text written straight to a terminal that wraps it by
    /// itself, so a path copied from the screen is still the path.
    public static func linesKeepingWords(_ text: String, width: Int) -> [String] {
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var lines: [String] = []
            wrap(paragraph, into: &lines, first: max(1, width), rest: max(1, width), keepWhole: { _ in true })
            out += lines
        }
        return out
    }

    /// Calls `body` with each word, in order: each run of non-space characters, except that
    /// digit groups joined by one space ("03000 26 79 79") are one word, so a phone number is
    /// never broken across lines, and a lone dash goes with the word before it. Scanned, not split, so memory stays flat for a 4 MB note.
    ///
    /// With `phrases` (line mode, read on a braille display a line at a time), short phrases also
    /// stay whole: a key and the word it names ("x clear", "1-4 rate"), a number and the word before
    /// it ("Level 3", "row 20"), and a short bracketed phrase ("(your answer)"), each up to
    /// `phraseWidth` columns.
    static func forEachWord(_ text: Substring, phrases: Bool = false, width: Int = .max, _ body: (Substring) -> Void) {
        let phraseLimit = min(phraseWidth, width)
        func numeric(_ t: Substring) -> Bool { !t.isEmpty && !t.contains(where: \.isLetter) && t.contains(where: \.isNumber) }
        /// A key ("x", "?", "1-4") that the next word names.
        func key(_ t: Substring) -> Bool {
            (t.count == 1 && (t.first?.isLetter == true || t.first?.isNumber == true || t == "?"))
                || (t.count == 3 && t.first?.isNumber == true && t.dropFirst().first == "-" && t.last?.isNumber == true)
        }
        /// A short number ("3", "20,", "4.") read with the word before it.
        func count(_ t: Substring) -> Bool {
            let digits = t.prefix { $0.isNumber }
            return (1...3).contains(digits.count) && t.dropFirst(digits.count).allSatisfy { ".,:;)".contains($0) }
        }
        func glued(_ p: Range<Substring.Index>, after lastToken: Substring, _ token: Substring, through j: Substring.Index) -> Bool {
            guard phrases, DisplayWidth.of(text[p.lowerBound..<j]) <= phraseLimit else { return false }
            if key(lastToken) && token.first?.isLetter == true { return true }
            if count(token) && lastToken.last?.isLetter == true { return true }
            // Inside a bracket that closes within the phrase's width: "(your answer)", not "(1-4, n …)".
            let group = text[p]
            guard let open = group.lastIndex(of: "("), !group[open...].contains(")"),
                let close = text[open...].firstIndex(of: ")")
            else { return false }
            return DisplayWidth.of(text[open...close]) <= phraseLimit
        }
        var pending: Range<Substring.Index>?
        var lastToken: Substring = ""
        var i = text.startIndex
        while i < text.endIndex {
            var spaces = 0
            while i < text.endIndex && text[i] == " " {
                i = text.index(after: i)
                spaces += 1
            }
            guard i < text.endIndex else { break }
            var j = i
            while j < text.endIndex && text[j] != " " { j = text.index(after: j) }
            let token = text[i..<j]
            if let p = pending, spaces == 1, numeric(lastToken), lastToken.last?.isNumber == true, token.first?.isNumber == true,
                numeric(token)
            {
                pending = p.lowerBound..<j
            } else if let p = pending, spaces == 1, glued(p, after: lastToken, token, through: j) {
                pending = p.lowerBound..<j
            } else if let p = pending, spaces == 1, token == "—" || token == "–" || token == "-" {
                // A dash between clauses stays at the end of its line: a line that starts with
                // "- " reads as a list item.
                pending = p.lowerBound..<j
            } else {
                if let p = pending { body(text[p]) }
                pending = i..<j
            }
            lastToken = token
            i = j
        }
        if let p = pending { body(text[p]) }
    }

    static func wrapParagraph(_ text: Substring, width: Int, phrases: Bool = false) -> [String] {
        var lines: [String] = []
        wrap(text, into: &lines, first: width, rest: width, phrases: phrases)
        return lines
    }

    /// Wraps one paragraph onto `out` at spaces: `first` columns while `out` is empty, `rest`
    /// after. A word wider than the line is cut in one pass (a pasted 20 KB word is never
    /// re-measured per line), unless `keepWhole` says it must stay whole (an address in an
    /// export): then it goes on a line of its own, the only kind of line allowed past the width.
    /// The one wrapping rule for screens and exports alike.
    static func wrap(
        _ text: Substring, into out: inout [String], first: Int, rest: Int, phrases: Bool = false,
        keepWhole: (Substring) -> Bool = { _ in false }
    ) {
        var line = ""
        var used = 0
        let before = out.count
        forEachWord(text, phrases: phrases, width: min(first, rest)) { word in
            let limit = max(1, out.isEmpty ? first : rest)
            let w = DisplayWidth.of(word)
            if used > 0 && used + 1 + w <= limit {
                line += " " + word
                used += 1 + w
                return
            }
            if used > 0 {
                out.append(line)
                line = ""
                used = 0
            }
            if w <= limit {
                line = String(word)
                used = w
            } else if keepWhole(word) || (phrases && word.contains("/")) {
                // In line mode a file path is never cut: copied from the display, it is still the path.
                out.append(String(word))
            } else {
                for ch in word {
                    let cw = DisplayWidth.of(ch)
                    if used + cw > max(1, out.isEmpty ? first : rest) && used > 0 {
                        out.append(line)
                        line = ""
                        used = 0
                    }
                    line.append(ch)
                    used += cw
                }
            }
        }
        if used > 0 || out.count == before { out.append(line) }
    }

    /// A paragraph indented by `indent`; a leading bullet ("- ", "! ", "• ") hangs so that
    /// continuation lines align with the text after it.
    public static func paragraph(_ text: String, width: Int, indent: Int = 0, phrases: Bool = false) -> [String] {
        let pad = String(repeating: " ", count: indent)
        let hang = ["- ", "! ", "• "].contains(where: text.hasPrefix) ? 2 : 0
        return lines(text, width: width - indent - hang, phrases: phrases).enumerated().map {
            pad + ($0 > 0 ? String(repeating: " ", count: hang) : "") + $1
        }
    }

    /// Cuts text to fit `width` columns, ending with "…" when something was cut.
    public static func truncate(_ text: String, width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        guard width > 1 else { return width == 1 ? "…" : "" }
        var out = ""
        var used = 0
        for ch in text {
            let w = DisplayWidth.of(ch)
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    /// Pads with spaces to exactly `width` columns (truncating if needed).
    public static func pad(_ text: String, width: Int) -> String {
        let t = truncate(text, width: width)
        return t + String(repeating: " ", count: max(0, width - DisplayWidth.of(t)))
    }
}
