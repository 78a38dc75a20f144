/// The summary as plain text wrapped at 80 columns, for pasting into a case-management form or
/// an email that strips formatting. No escaping is needed beyond `ExportText`: plain text has no
/// syntax to break, only terminals to protect.
public enum TextRenderer: SummaryBlockRenderer {
    public static let width = 80

    /// Blocks separated by a blank line, except that a heading's content follows it directly:
    /// the "==" line already sets it apart, and a pasted summary stays short.
    public static func render(_ summary: ReferralSummary) -> String {
        var out = ""
        var previousWasHeading = false
        var previousWasRow = false
        for block in summary.blocks {
            let text = render(block)
            if text.isEmpty { continue }
            // Rows of evidence follow one another directly too: each starts at the margin with
            // "Level N:" and the rest is indented.
            var isRow = false
            if case .row = block { isRow = true }
            if !out.isEmpty { out += previousWasHeading || (isRow && previousWasRow) ? "\n" : "\n\n" }
            out += text
            previousWasRow = isRow
            switch block {
            case .heading, .subheading: previousWasHeading = true
            default: previousWasHeading = false
            }
        }
        return out + "\n"
    }

    public static func render(_ block: SummaryBlock) -> String {
        switch block {
        case .title(let text):
            let t = ExportText.line(text).uppercased()
            return (wrap(t) + [rule("=", under: t)]).joined(separator: "\n")
        case .alert(let title, let lines):
            let bar = String(repeating: "!", count: width)
            return ([bar] + wrap(ExportText.line(title)) + lines.flatMap { wrap(ExportText.line($0)) } + [bar]).joined(separator: "\n")
        case .heading(let text):
            // One line: "== The child ====…", so headings stand out without costing lines.
            let t = "== " + ExportText.line(text) + " "
            let used = DisplayWidth.of(t)
            return used >= width - 3 ? wrap(t).joined(separator: "\n") : t + String(repeating: "=", count: width - used)
        case .subheading(let text):
            let t = "-- " + ExportText.line(text) + " "
            let used = DisplayWidth.of(t)
            return used >= width - 3 ? wrap(t).joined(separator: "\n") : t + String(repeating: "-", count: min(20, width - used))
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
        case .row(let heading, let descriptor, let evidence):
            let clean = ExportText.block(evidence)
            let quote =
                clean.isEmpty ? ["  | (no evidence recorded)"] : wrap(clean, width: width - 4).map { $0.isEmpty ? "  |" : "  | " + $0 }
            let described = oneLine(ExportText.line(descriptor.label) + ": " + ExportText.line(descriptor.value), width: width - 2)
            // A heading that wraps (a long title with its events) continues indented, so the
            // next row's heading is never mistaken for the end of this one.
            let head = layout(ExportText.line(heading), first: width, rest: width - 4).enumerated().map {
                $0.offset == 0 ? $0.element : "    " + $0.element
            }
            return (head + ["  " + described] + quote).joined(separator: "\n")
        case .journey(let points):
            return render(.fields(points.map(\.field)))
        case .table(let table):
            return TextTable.lines(table, width: width).joined(separator: "\n")
        case .htmlOnly: return ""
        case .links(let links) where links.count > 1:
            // Names only, in one paragraph: the addresses are in the HTML and Markdown summaries
            // and `staircase catalogue show`, and a list of long addresses would double the page.
            return wrap(links.map { ExportText.line($0.name) }.joined(separator: "; ") + " (addresses: the HTML or Markdown summary).")
                .joined(separator: "\n")
        case .links(let links):
            return links.flatMap { hanging("- " + ExportText.line($0.name) + ($0.url.map { ": " + ExportText.line($0) } ?? ""), indent: 2) }
                .joined(separator: "\n")
        }
    }

    /// The descriptor's opening on one line, cut at a word and closed with "…”" when longer: a
    /// pasted summary quotes each row's descriptor once and briefly; the HTML, Markdown and JSON
    /// summaries quote it whole.
    static func oneLine(_ text: String, width: Int) -> String {
        let lines = layout(text, first: width, rest: width)
        guard lines.count > 1, var first = lines.first else { return lines.first ?? "" }
        while DisplayWidth.of(first + "…”") > width, let space = first.lastIndex(of: " ") { first = String(first[..<space]) }
        return first + "…”"
    }

    /// A rule as wide as the text above it, never wider than the page.
    static func rule(_ ch: Character, under text: String) -> String {
        String(repeating: ch, count: max(3, min(width, DisplayWidth.of(text))))
    }

    /// First line at the margin, continuation lines indented, all within the width.
    static func hanging(_ text: String, indent: Int, width: Int = TextRenderer.width) -> [String] {
        let pad = String(repeating: " ", count: indent)
        return layout(text, first: width, rest: width - indent).enumerated().map { $0 == 0 ? $1 : pad + $1 }
    }

    static func wrap(_ text: String, width: Int = TextRenderer.width) -> [String] {
        layout(text, first: width, rest: width)
    }

    /// A web address or e-mail address: never cut, so it still works when copied. One wider
    /// than the line goes on a line of its own, the only kind of line allowed past the width.
    static func isLink(_ word: Substring) -> Bool {
        // One pass over the bytes: this runs on every word of every export and report, and the
        // lower-cased copy and string search it replaced were a tenth of a training report's time.
        let u = Array(word.utf8.prefix(4))
        if u.count == 4, u[0] | 0x20 == 0x77, u[1] | 0x20 == 0x77, u[2] | 0x20 == 0x77, u[3] == 0x2E { return true }
        var at = false
        var dot = false
        var before: (UInt8, UInt8) = (0, 0)
        for b in word.utf8 {
            if b == 0x2F, before == (0x3A, 0x2F) { return true }
            if b == 0x40 { at = true }
            if b == 0x2E { dot = true }
            before = (before.1, b)
        }
        return at && dot
    }

    /// Wraps at spaces within `first` columns on the first line and `rest` after it; a word wider
    /// than the line is cut into pieces (one pass, so a 100 KB word stays linear) unless it is a
    /// link. Line breaks in the text are kept; leading spaces are not (`ExportText.block` drops
    /// them in every format alike).
    static func layout(_ text: String, first: Int, rest: Int) -> [String] {
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            TextWrap.wrap(paragraph, into: &out, first: first, rest: rest, keepWhole: isLink)
        }
        return out
    }
}
