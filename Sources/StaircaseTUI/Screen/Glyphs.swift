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
}
