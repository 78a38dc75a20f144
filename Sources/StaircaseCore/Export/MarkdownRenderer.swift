/// The summary as Markdown, for CommonMark with the GitHub extensions and for pandoc's own
/// Markdown reader (`pandoc summary.md -o summary.docx`), which has more syntax: superscript,
/// subscript, lettered and roman lists, definition lists, fenced divs, citations.
///
/// The document's structure comes only from this renderer: every piece of user or catalogue text
/// is backslash-escaped so it cannot open a heading, list, table, link, image, HTML block, code
/// span or fence, and free text sits in a block quote, one escaped line per `>` line, so a note
/// cannot end the quote or start a block of its own. Both readers take a backslash before any
/// ASCII punctuation as that character, so one escaping serves both.
public enum MarkdownRenderer: SummaryBlockRenderer {
    public static func render(_ block: SummaryBlock) -> String {
        switch block {
        case .title(let text): return "# " + inline(text)
        case .alert(let title, let lines):
            // Framed by thematic breaks and in bold, never a block quote: a quote is how the
            // practitioner's evidence looks, and the danger notice must not look like evidence.
            return (["***", "**⚠ \(inline(title))**"] + lines.map { "**" + inline($0) + "**" } + ["***"]).joined(separator: "\n\n")
        case .heading(let text): return "## " + inline(text)
        case .subheading(let text): return "### " + inline(text)
        case .fields(let fields): return fields.map { "- **\(inline($0.label)):** \(inline($0.value))" }.joined(separator: "\n")
        case .paragraph(let text): return paragraph(text)
        case .bullets(let items): return items.map { "- " + inline($0) }.joined(separator: "\n")
        case .userText(let label, let text):
            let lines = quote(text)
            return lines.isEmpty ? "**\(inline(label)):** *none recorded*" : "**\(inline(label)):**\n\n" + lines.joined(separator: "\n")
        case .links(let links):
            return links.map { "- " + inline($0.name) + ($0.url.map { ": " + catalogueLink($0) } ?? "") }.joined(separator: "\n")
        case .row(let heading, let descriptor, let evidence):
            return render(.fields([.init("Row", heading), descriptor])) + "\n\n" + render(.userText(label: "Evidence", text: evidence))
        case .journey(let points): return render(.fields(points.map(\.field)))
        case .table(let table):
            func row(_ cells: [String]) -> String { "| " + cells.map(cell).joined(separator: " | ") + " |" }
            let rule = "|" + table.headers.map { _ in "---" }.joined(separator: "|") + "|"
            return ([row(table.headers), rule] + table.rows.map(row)).joined(separator: "\n")
        case .htmlOnly: return ""
        }
    }

    /// Characters escaped wherever they appear: together they are every way to start emphasis,
    /// code, links, images, autolinks, raw HTML, entities, tables, strikethrough and math, and
    /// pandoc's superscript (`2^10^`), subscript and citations (`@key`).
    static let alwaysEscaped: Set<Character> = [
        "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "&", "$", "{", "}", "^", "@",
    ]

    /// One line of text, safe anywhere a line of inline content may go.
    public static func inline(_ text: String) -> String {
        escapeLineStart(escape(ExportText.line(text)))
    }

    /// One cell of a GFM table: one line, escaped as `inline`, with `|` escaped inside an
    /// address's code span too, since a table splits its cells before reading code spans.
    static func cell(_ text: String) -> String {
        escapeLineStart(escape(ExportText.line(text), inTable: true))
    }

    /// Several lines as a paragraph: hard line breaks inside, blank lines between paragraphs.
    static func paragraph(_ text: String) -> String {
        let lines = ExportText.block(text).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            escapeLineStart(escape(ExportText.trim(String(line))))
        }
        return withHardBreaks(lines, prefix: "")
    }

    /// Free text as a block quote: every line, blank or not, starts with `>`.
    static func quote(_ text: String) -> [String] {
        let clean = ExportText.block(text)
        if clean.isEmpty { return [] }
        let lines = clean.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            escapeLineStart(escape(ExportText.trim(String(line))))
        }
        return withHardBreaks(lines, prefix: "> ").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Joins lines so each line break survives rendering: a trailing backslash (a CommonMark hard
    /// break) when the next line continues the paragraph; a blank line stays a paragraph break.
    static func withHardBreaks(_ lines: [String], prefix: String) -> String {
        var out: [String] = []
        for (i, line) in lines.enumerated() {
            if line.isEmpty {
                out.append(String(prefix.prefix { $0 != " " }))
                continue
            }
            let next = i + 1 < lines.count ? lines[i + 1] : ""
            out.append(prefix + line + (next.isEmpty ? "" : "\\"))
        }
        return out.joined(separator: "\n")
    }

    /// Escapes every character that could make structure; a web or e-mail address goes in a
    /// code span instead, so that GFM's autolinking cannot turn text a user typed into a live link.
    static func escape(_ text: String, inTable: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var first = true
        for token in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !first { out.append(" ") }
            first = false
            if TextRenderer.isLink(token) {
                // Punctuation around the address stays outside the code span, escaped as usual.
                let lead = token.prefix { "(<[\"'“‘".contains($0) }
                let trail = token.dropFirst(lead.count).reversed().prefix { ".,;:!?)>]\"'”’".contains($0) }
                let core = token.dropFirst(lead.count).dropLast(trail.count)
                var span = core.isEmpty ? "" : codeSpan(core)
                if inTable { span = span.map { $0 == "|" ? "\\|" : String($0) }.joined() }
                out += escapeAll(lead) + span + escapeAll(Substring(String(trail.reversed())))
                continue
            }
            var previous: Character?
            for ch in token {
                // pandoc's smart punctuation makes `--` an en dash and `---` an em dash.
                if alwaysEscaped.contains(ch) || (ch == "-" && previous == "-") { out.append("\\") }
                out.append(ch)
                previous = ch
            }
        }
        return out
    }

    static func escapeAll(_ text: Substring) -> String {
        var out = ""
        for ch in text {
            if alwaysEscaped.contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    /// `text` as code spans split at its backticks, which are escaped between them: every
    /// fence is a single backtick, so nothing here can open a fenced code block at a line start.
    static func codeSpan(_ text: Substring) -> String {
        text.split(separator: "`", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "`" + $0 + "`" }.joined(separator: "\\`")
    }

    /// A catalogue's own service address: a live autolink when it is a plain http(s) address.
    static func catalogueLink(_ url: String) -> String {
        let clean = ExportText.line(url)
        let lower = clean.lowercased()
        let plain = !clean.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
        return (lower.hasPrefix("http://") || lower.hasPrefix("https://")) && plain ? "<\(clean)>" : inline(clean)
    }

    /// Escapes what only means something at the start of a line: list markers (`-`, `+`,
    /// `1.`, `1)`, and pandoc's `a)`, `iv.`, `(1)`), setext underlines and thematic breaks
    /// (`=`, `-`), and pandoc's definitions and fenced divs (`: text`, `::: warning`).
    static func escapeLineStart(_ text: String) -> String {
        guard let first = text.first else { return text }
        if first == "-" || first == "+" || first == "=" || first == ":" || first == "(" { return "\\" + text }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let rest = text.dropFirst(digits.count)
            if let marker = rest.first, marker == "." || marker == ")" {
                return String(digits) + "\\" + String(rest)
            }
        }
        // pandoc's lettered and roman lists: one letter, or a roman numeral, then `.` or `)` and a
        // space. One capital and a full stop needs two spaces, so initials ("K. B.") stay as typed.
        let letters = text.prefix { $0.isASCII && $0.isLetter }
        if letters.count == 1 || (!letters.isEmpty && letters.allSatisfy { "ivxlcdmIVXLCDM".contains($0) }) {
            let rest = text.dropFirst(letters.count)
            let after = rest.dropFirst()
            let initial = letters.count == 1 && letters.first?.isUppercase == true && rest.first == "." && !after.hasPrefix("  ")
            if let marker = rest.first, marker == "." || marker == ")", after.first?.isWhitespace ?? true, !initial {
                return String(letters) + "\\" + String(rest)
            }
        }
        return text
    }
}
