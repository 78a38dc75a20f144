import StaircaseCore

/// The marks the wizard draws, and their ASCII forms for a terminal whose locale cannot show
/// UTF-8 (`LANG=C` on a locked-down machine or a remote session). Each ASCII form keeps the
/// meaning and stays distinct from the others: `[-]` not applicable is never `[ ]` unanswered.
public enum Glyphs {
    /// Marks and typography in the wizard's own text, with the ASCII each becomes.
    static let table: [Character: String] = [
        "▸": ">", "◀": "<", "✎": "*", "✓": "x", "✗": "!", "†": "+", "…": "...", "─": "-", "│": "|",
        "┌": "+", "┐": "+", "└": "+", "┘": "+", "▟": "/", "█": "#", "–": "-", "—": "-", "·": "-",
        "’": "'", "‘": "'", "“": "\"", "”": "\"", "•": "*", "‹": "<", "›": ">", "↑": "^", "↓": "v",
        "←": "<-", "→": "->", "×": "x", "≥": ">=", "≤": "<=", "£": "GBP", "é": "e", "è": "e", "ë": "e",
        "á": "a", "à": "a", "ï": "i", "ö": "o", "ü": "u", "ç": "c", "ñ": "n",
    ]

    /// The text with every mark in ASCII; other non-ASCII characters become "?" (one per column).
    public static func ascii(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var out = ""
        for ch in text {
            if ch.isASCII {
                out.append(ch)
            } else if let mapped = table[ch] {
                out += mapped
            } else {
                out += String(repeating: "?", count: max(1, DisplayWidth.of(ch)))
            }
        }
        return out
    }

    /// A document made for an 80-column terminal, in ASCII, with no line longer than `width`:
    /// the marks grow in ASCII ("→" is "->"), so a line wrapped to fit can overflow (a tryout
    /// read `compare` under LANG=C with a letter alone on the next line). An overlong line is
    /// broken again at its last space that fits, and goes on under its own indent.
    public static func asciiFitted(_ text: String, width: Int = 80) -> String {
        let plain = ascii(text)
        let lines = plain.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.contains(where: { $0.utf8.count > width }) else { return plain }
        var out: [Substring] = []
        for line in lines {
            var rest = line
            let indent = line.prefix { $0 == " " }
            while rest.utf8.count > width {
                let limit = rest.index(rest.startIndex, offsetBy: width)
                let head = rest[..<limit]
                guard let space = head.lastIndex(of: " "), head[..<space].contains(where: { $0 != " " }) else { break }
                out.append(rest[..<space])
                rest = Substring(String(indent) + rest[rest.index(after: space)...].drop { $0 == " " })
                if rest.utf8.count <= indent.utf8.count { break }
            }
            out.append(rest)
        }
        return out.joined(separator: "\n")
    }
}
