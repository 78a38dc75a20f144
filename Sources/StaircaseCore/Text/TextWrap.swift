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
        for word in words(text) {
            var word = word
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

    /// The words of a paragraph, where digit groups joined by single spaces ("03000 26 79 79", a
    /// phone number) count as one word: a number broken across two lines is misdialled.
    static func words(_ text: Substring) -> [Substring] {
        let tokens = text.split(separator: " ", omittingEmptySubsequences: false)
        func numeric(_ t: Substring) -> Bool { !t.isEmpty && !t.contains(where: \.isLetter) && t.contains(where: \.isNumber) }
        var out: [Substring] = []
        var previous: Substring = ""
        for t in tokens {
            defer { previous = t }
            if t.isEmpty { continue }
            if let last = out.last, numeric(previous), previous.last?.isNumber == true, t.first?.isNumber == true, numeric(t) {
                // `previous` is the token just before, so exactly one space separates them.
                out[out.count - 1] = text[last.startIndex..<t.endIndex]
            } else {
                out.append(t)
            }
        }
        return out
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
