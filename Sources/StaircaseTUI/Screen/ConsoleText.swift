import StaircaseCore

/// Messages written to the terminal outside curses (errors on stderr, the words after the wizard
/// closes): in ASCII when the locale cannot show UTF-8, and wrapped to the terminal's width when
/// that is known, so `LANG=C` on a locked-down machine shows "-" rather than mojibake for "—".
public enum ConsoleText {
    /// Whether the locale the environment names encodes UTF-8, by POSIX precedence: `LC_ALL`,
    /// then `LC_CTYPE`, then `LANG`; none set means the "C" locale, which is ASCII.
    public static func localeIsUTF8(_ environment: [String: String]) -> Bool {
        let name = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? "C"
        // "utf-8" or "utf8" anywhere, by bytes: `String.contains` would bring the regex
        // library's searcher (400 KB of code) into every start-up (issue 26).
        let bytes = Array(name.lowercased().utf8)
        return ["utf-8", "utf8"].contains { needle in bytes.indices.contains { bytes[$0...].starts(with: needle.utf8) } }
    }

    /// The text as the terminal can show it: marks in ASCII unless `unicode`, and each line
    /// longer than `width` (when one is given) wrapped at word boundaries, a path wider than the
    /// terminal left whole; shorter lines, and their indentation, are left as they are.
    public static func fit(_ text: String, unicode: Bool, width: Int?) -> String {
        let shown = unicode ? text : Glyphs.ascii(text)
        guard let width, width >= 20 else { return shown }
        let trailing = shown.hasSuffix("\n")
        let body = trailing ? String(shown.dropLast()) : shown
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line in
            DisplayWidth.of(line) <= width ? [String(line)] : TextWrap.linesKeepingWords(String(line), width: width)
        }
        return lines.joined(separator: "\n") + (trailing ? "\n" : "")
    }
}
