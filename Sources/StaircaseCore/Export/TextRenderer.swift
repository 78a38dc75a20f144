/// The summary as plain text wrapped at 80 columns, for pasting into a case-management form or
/// an email that strips formatting. No escaping is needed beyond `ExportText`: plain text has no
/// syntax to break, only terminals to protect.
public enum TextRenderer: SummaryBlockRenderer {
    public static let width = 80

    public static func render(_ block: SummaryBlock) -> String {
        switch block {
        case .title(let text):
            let t = ExportText.line(text).uppercased()
            return (wrap(t) + [rule("=", under: t)]).joined(separator: "\n")
        case .alert(let title, let lines):
            let bar = String(repeating: "!", count: width)
            return ([bar] + wrap(ExportText.line(title)) + lines.flatMap { wrap(ExportText.line($0)) } + [bar]).joined(separator: "\n")
        case .heading(let text):
            let t = ExportText.line(text)
            return (wrap(t) + [rule("-", under: t)]).joined(separator: "\n")
        case .subheading(let text):
            let t = ExportText.line(text)
            return (wrap(t) + [rule("~", under: t)]).joined(separator: "\n")
        case .fields(let fields):
            return fields.flatMap { hanging(ExportText.line($0.label) + ": " + ExportText.line($0.value), indent: 4) }
                .joined(separator: "\n")
        case .paragraph(let text):
            return wrap(ExportText.block(text)).joined(separator: "\n")
        case .bullets(let items):
            return items.flatMap { hanging("- " + ExportText.line($0), indent: 2) }.joined(separator: "\n")
        case .userText(let label, let text):
            let clean = ExportText.block(text)
            if clean.isEmpty { return ExportText.line(label) + ": (none recorded)" }
            return ([ExportText.line(label) + ":"] + wrap(clean, width: width - 4).map { $0.isEmpty ? "  |" : "  | " + $0 })
                .joined(separator: "\n")
        case .links(let links):
            return links.flatMap { hanging("- " + ExportText.line($0.name) + ($0.url.map { ": " + ExportText.line($0) } ?? ""), indent: 2) }
                .joined(separator: "\n")
        }
    }

    /// A rule as wide as the text above it, never wider than the page.
    static func rule(_ ch: Character, under text: String) -> String {
        String(repeating: ch, count: max(3, min(width, DisplayWidth.of(text))))
    }

    /// First line at the margin, continuation lines indented, all within the width.
    static func hanging(_ text: String, indent: Int) -> [String] {
        // Every piece fits the narrower width, so TextWrap never splits one and the pieces left
        // after the first line can be re-wrapped exactly.
        let prepared = cutLongWords(text, width: width - indent)
        guard let first = TextWrap.lines(prepared, width: width).first else { return [] }
        let pieces = prepared.split(separator: " ", omittingEmptySubsequences: true)
        let used = first.split(separator: " ", omittingEmptySubsequences: true).count
        if used >= pieces.count { return [first] }
        let pad = String(repeating: " ", count: indent)
        return [first] + TextWrap.lines(pieces[used...].joined(separator: " "), width: width - indent).map { pad + $0 }
    }

    /// `TextWrap.lines`, after cutting words wider than the line into pieces that fit, so a
    /// 100 KB word wraps in linear time rather than being re-measured for every line.
    static func wrap(_ text: String, width: Int = TextRenderer.width) -> [String] {
        TextWrap.lines(cutLongWords(text, width: width), width: width)
    }

    /// The text with every word wider than `width` columns cut into pieces separated by spaces.
    static func cutLongWords(_ text: String, width: Int) -> String {
        var prepared = ""
        prepared.reserveCapacity(text.utf8.count)
        var first = true
        // Scanned, not split: word arrays of a 4 MB note cost more memory than the note.
        var start = text.startIndex
        while true {
            let end = text[start...].firstIndex(of: "\n") ?? text.endIndex
            if !first { prepared.append("\n") }
            first = false
            var firstWord = true
            TextWrap.forEachWord(text[start..<end]) { word in
                if !firstWord { prepared.append(" ") }
                firstWord = false
                // UTF-8 length bounds the display width, so most words skip the measuring.
                if word.utf8.count <= width {
                    prepared.append(contentsOf: word)
                    return
                }
                var used = 0
                for ch in word {
                    let w = DisplayWidth.of(ch)
                    if used + w > width && used > 0 {
                        prepared.append(" ")
                        used = 0
                    }
                    prepared.append(ch)
                    used += w
                }
            }
            guard end < text.endIndex else { break }
            start = text.index(after: end)
        }
        return prepared
    }
}
