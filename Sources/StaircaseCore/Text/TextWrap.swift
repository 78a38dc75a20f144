/// Wraps prose to a width in terminal columns, breaking at spaces and splitting words only
/// when a single word is wider than the line.
public enum TextWrap {
    public static func lines(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            out += wrapParagraph(Substring(paragraph), width: width)
        }
        return out
    }

    static func wrapParagraph(_ text: Substring, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            var w = DisplayWidth.of(word)
            if lineWidth > 0 && lineWidth + 1 + w <= width {
                line += " " + word
                lineWidth += 1 + w
                continue
            }
            if lineWidth > 0 {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            while w > width {
                let (head, rest) = split(word, width: width)
                lines.append(String(head))
                word = rest
                w = DisplayWidth.of(word)
            }
            line = String(word)
            lineWidth = w
        }
        if lineWidth > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// The longest prefix of `word` that fits `width` columns (at least one character).
    static func split(_ word: Substring, width: Int) -> (Substring, Substring) {
        var used = 0
        var end = word.startIndex
        for i in word.indices {
            let w = DisplayWidth.of(word[i])
            if used + w > width && end > word.startIndex { break }
            used += w
            end = word.index(after: i)
        }
        return (word[..<end], word[end...])
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
