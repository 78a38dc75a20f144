/// Sanitising and redaction helpers shared by the summary builder and every renderer.
///
/// Everything that reaches an export passes through `line` or `block` first, so no format can
/// carry a control character, an escape sequence or a bidi override, whatever the assessment or
/// catalogue holds. Renderers then apply their own escaping on top.
public enum ExportText {
    /// One line of text: controls and line breaks become spaces or U+FFFD, edges trimmed.
    public static func line(_ text: String) -> String {
        trim(SafeText.clean(text))
    }

    /// Multi-line text (notes, reasons): line breaks kept (CR LF and CR become LF), spaces at
    /// either end of each line and blank lines at either end dropped. Leading spaces go too, so
    /// that indentation reads the same in all four formats (Markdown would otherwise make an
    /// indented line a code block, and HTML and plain text would each keep it their own way).
    public static func block(_ text: String) -> String {
        var unified = String.UnicodeScalarView()
        var previousCR = false
        for s in text.unicodeScalars {
            if s == "\r" {
                unified.append("\n")
                previousCR = true
                continue
            }
            if !(s == "\n" && previousCR) { unified.append(s) }
            previousCR = false
        }
        let lines = SafeText.clean(String(unified), keepLines: true)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { trim(String($0)) }
        guard let first = lines.firstIndex(where: { !$0.isEmpty }), let last = lines.lastIndex(where: { !$0.isEmpty }) else {
            return ""
        }
        return lines[first...last].joined(separator: "\n")
    }

    /// "Jamie Smith" → "J. S.": the first letter of each word, upper-cased.
    public static func initials(_ name: String) -> String {
        line(name).split(whereSeparator: { $0.isWhitespace }).compactMap { word in
            word.first(where: { $0.isLetter }).map { $0.uppercased() + "." }
        }.joined(separator: " ")
    }

    /// The age band a redacted summary shows instead of the date of birth.
    public static func ageBand(_ child: Assessment.Child, on day: CalendarDate) -> String? {
        if child.unborn { return "unborn" }
        guard let years = ChildAge.years(child, on: day) else { return nil }
        switch years {
        case ..<1: return "under 1"
        case 1...4: return "1–4"
        case 5...10: return "5–10"
        case 11...15: return "11–15"
        case 16...19: return "16–19"
        default: return "20 or over"
        }
    }

    /// The timestamp as stored when it is plain ISO 8601 ("2026-11-21T16:40:00Z",
    /// "2026-11-21T16:40:00+01:00", "2026-11-21"); otherwise just its date, so nothing after a
    /// valid date can ride into the export.
    public static func timestamp(_ text: String) -> String {
        if isISOTimestamp(text) { return text }
        return CalendarDate(text)?.description ?? "unknown"
    }

    /// "2026-07-01T10:45:00+01:00" → "2026-07-01 10:45 +01:00", for people: the local time
    /// where it was recorded, with its offset ("Z" shows as "+00:00"), so every reader sees the
    /// same bytes whatever their own time zone.
    public static func displayDateTime(_ iso: String) -> String {
        let chars = Array(iso)
        guard chars.count >= 16, chars[10] == "T" else { return iso }
        let date = String(chars[0..<10])
        let time = String(chars[11..<16])
        var zone = ""
        if chars.last == "Z" {
            zone = " +00:00"
        } else if chars.count >= 22, ["+", "-"].contains(chars[chars.count - 6]) {
            zone = " " + String(chars[(chars.count - 6)...])
        }
        return date + " " + time + zone
    }

    static func isISOTimestamp(_ text: String) -> Bool {
        // Shapes accepted: D, DTt, DTtZ, DTt±hh:mm where D = dddd-dd-dd and t = dd:dd or dd:dd:dd.
        let c = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Bool { range.upperBound <= c.count && c[range].allSatisfy { $0 >= 48 && $0 <= 57 } }
        func at(_ i: Int, _ ch: Character) -> Bool { i < c.count && c[i] == ch.asciiValue }
        guard digits(0..<4), at(4, "-"), digits(5..<7), at(7, "-"), digits(8..<10), CalendarDate(text) != nil else { return false }
        if c.count == 10 { return true }
        guard at(10, "T"), digits(11..<13), at(13, ":"), digits(14..<16) else { return false }
        var i = 16
        if at(16, ":") {
            guard digits(17..<19) else { return false }
            i = 19
        }
        if i == c.count { return true }
        if at(i, "Z") { return i + 1 == c.count }
        guard at(i, "+") || at(i, "-") else { return false }
        return i + 6 == c.count && digits((i + 1)..<(i + 3)) && at(i + 3, ":") && digits((i + 4)..<(i + 6))
    }

    static func trim(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
            let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[first...last])
    }

    static func trimTrailing(_ text: Substring) -> String {
        guard let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[...last])
    }
}
