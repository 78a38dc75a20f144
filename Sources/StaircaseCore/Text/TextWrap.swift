/// Wraps prose to a width in terminal columns, breaking at spaces and splitting words only
/// when a single word is wider than the line.
public enum TextWrap {
    public static func lines(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var out: [String] = []
        // Paragraphs and words are found by scanning, not by `split`: an array of a million
        // substrings (a 4 MB note of short words) cost more memory than the note itself.
        var start = text.startIndex
        while true {
            let end = text[start...].firstIndex(of: "\n") ?? text.endIndex
            out += wrapParagraph(text[start..<end], width: width)
            guard end < text.endIndex else { break }
            start = text.index(after: end)
        }
        return out
    }

    /// Calls `body` with each word, in order: each run of non-space characters, except that
    /// digit groups joined by one space ("03000 26 79 79") are one word, so a phone number is
    /// never broken across lines. Scanned, not split, so memory stays flat for a 4 MB note.
    static func forEachWord(_ text: Substring, _ body: (Substring) -> Void) {
        func numeric(_ t: Substring) -> Bool { !t.isEmpty && !t.contains(where: \.isLetter) && t.contains(where: \.isNumber) }
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
            } else {
                if let p = pending { body(text[p]) }
                pending = i..<j
            }
            lastToken = token
            i = j
        }
        if let p = pending { body(text[p]) }
    }

    static func wrapParagraph(_ text: Substring, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        forEachWord(text) { found in
            var word = found
            var w = DisplayWidth.of(word)
            if lineWidth > 0 && lineWidth + 1 + w <= width {
                line += " " + word
                lineWidth += 1 + w
                return
            }
            if lineWidth > 0 {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            if w > width {
                // One pass over the word: long unbroken text (a pasted URL, a 20 KB note) must not
                // be re-measured for every line it is cut into.
                var piece = ""
                var used = 0
                for ch in word {
                    let cw = DisplayWidth.of(ch)
                    if used + cw > width && !piece.isEmpty {
                        lines.append(piece)
                        piece = ""
                        used = 0
                    }
                    piece.append(ch)
                    used += cw
                }
                word = Substring(piece)
                w = used
            }
            line = String(word)
            lineWidth = w
        }
        if lineWidth > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// A paragraph indented by `indent`; a leading bullet ("- ", "! ", "• ") hangs so that
    /// continuation lines align with the text after it.
    public static func paragraph(_ text: String, width: Int, indent: Int = 0) -> [String] {
        let pad = String(repeating: " ", count: indent)
        let hang = ["- ", "! ", "• "].contains(where: text.hasPrefix) ? 2 : 0
        return lines(text, width: width - indent - hang).enumerated().map {
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
