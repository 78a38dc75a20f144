/// The summary as one self-contained HTML file to read on screen or print to PDF offline.
///
/// Inline `<style>` only: no script, font, image or stylesheet is loaded, and a
/// Content-Security-Policy forbids them anyway, so even a flaw in escaping could not run code.
/// Every piece of text is escaped (`& < > " '`) after `ExportText` has removed control characters.
public enum HTMLRenderer {
    public static func render(_ summary: ReferralSummary) -> String {
        let title = escape(summary.title) + (summary.redacted ? " (redacted)" : "") + (summary.training ? " (training)" : "")
        return document(title: title, extraStyle: tableStyle, body: summary.blocks.map(render).joined(separator: "\n") + "\n")
    }

    /// The one page frame every HTML file shares (summary, comparison, handout, training report):
    /// inline style, a Content-Security-Policy that forbids loading anything, no referrer.
    /// `title` is already escaped; `extraStyle` adds rules after the shared ones.
    static func document(title: String, extraStyle: String = "", body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <meta name="referrer" content="no-referrer">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)</title>
        <style>
        \(style)\(extraStyle.isEmpty ? "" : "\n" + extraStyle)
        </style>
        </head>
        <body>
        <main>

        """ + body + "</main>\n</body>\n</html>\n"
    }

    static let style = """
        body { font: 11pt/1.45 "Helvetica Neue", Arial, "Liberation Sans", sans-serif; color: #111; background: #fff; margin: 0; }
        main { max-width: 46em; margin: 0 auto; padding: 1.5em; }
        h1 { font-size: 1.6em; margin: 0 0 .6em; }
        h2 { font-size: 1.25em; border-bottom: 1px solid #888; padding-bottom: .15em; margin: 1.4em 0 .5em; }
        h3 { font-size: 1.05em; margin: 1.1em 0 .4em; }
        h1, h2, h3, .label, dt, .alert-title { break-after: avoid; page-break-after: avoid; }
        h2, h3 { break-inside: avoid; page-break-inside: avoid; }
        p, li, dd, blockquote { orphans: 3; widows: 3; }
        dl { margin: .4em 0; }
        dl div { display: flex; gap: .6em; }
        dt { font-weight: bold; min-width: 9.5em; flex: none; }
        dd { margin: 0; overflow-wrap: anywhere; }
        blockquote { margin: .3em 0 .8em; padding: .3em .8em; border-left: 4px solid #888; background: #f4f4f4;
          white-space: pre-wrap; overflow-wrap: anywhere; }
        dl, blockquote, li { break-inside: avoid; page-break-inside: avoid; }
        .alert { border: 3px solid #b00020; padding: .5em 1em; margin: 1em 0; background: #fff3f3; break-inside: avoid; }
        .alert .alert-title { font-weight: bold; font-size: 1.2em; color: #b00020; margin: .2em 0; }
        .label { font-weight: bold; margin: .6em 0 .2em; }
        p, li { overflow-wrap: anywhere; }
        a { color: #0b4f9c; }
        @page { size: A4; margin: 20mm 18mm 20mm 18mm; }
        @media print {
          body { font-size: 10pt; }
          main { max-width: none; padding: 0; }
          .alert { background: none; }
          blockquote { background: none; }
          a { color: inherit; text-decoration: none; }
        }
        """

    /// The chronology's table: ruled cells, the header repeated on each printed page, and a row
    /// never split across two pages.
    static let tableStyle = """
        table.chronology { border-collapse: collapse; width: 100%; margin: .4em 0 .8em; }
        table.chronology th, table.chronology td { border: 1px solid #888; padding: .2em .4em; text-align: left; vertical-align: top;
          overflow-wrap: anywhere; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        """

    static func render(_ block: SummaryBlock) -> String {
        switch block {
        case .title(let text): return "<h1>\(escape(text))</h1>"
        case .alert(let title, let lines):
            return "<div class=\"alert\" role=\"alert\">\n<p class=\"alert-title\">\(escape(title))</p>\n"
                + lines.map { "<p>\(escape($0))</p>\n" }.joined() + "</div>"
        case .heading(let text): return "<h2>\(escape(text))</h2>"
        case .subheading(let text): return "<h3>\(escape(text))</h3>"
        case .fields(let fields):
            return "<dl>\n" + fields.map { "<div><dt>\(escape($0.label))</dt><dd>\(escape($0.value))</dd></div>\n" }.joined() + "</dl>"
        case .paragraph(let text):
            let html = ExportText.block(text).split(separator: "\n", omittingEmptySubsequences: false)
                .map { escape(String($0), keepLines: false) }.joined(separator: "<br>\n")
            return html.isEmpty ? "" : "<p>\(html)</p>"
        case .bullets(let items): return "<ul>\n" + items.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>"
        case .userText(let label, let text):
            let clean = ExportText.block(text)
            if clean.isEmpty { return "<p class=\"label\">\(escape(label)): <em>none recorded</em></p>" }
            return "<p class=\"label\">\(escape(label)):</p>\n<blockquote>\(escape(clean, keepLines: true))</blockquote>"
        case .row(let heading, let descriptor, let evidence):
            return render(.fields([.init("Row", heading), descriptor])) + "\n" + render(.userText(label: "Evidence", text: evidence))
        case .journey(let points):
            return JourneyChart.svg(points) + "\n" + render(.fields(points.map(\.field)))
        case .htmlOnly(let inner): return render(inner)
        case .table(let table):
            let head = "<thead><tr>" + table.headers.map { "<th scope=\"col\">\(escape($0))</th>" }.joined() + "</tr></thead>\n"
            let body = table.rows.map { "<tr>" + $0.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n" }.joined()
            return "<table class=\"chronology\">\n" + head + "<tbody>\n" + body + "</tbody>\n</table>"
        case .links(let links):
            return "<ul>\n" + links.map { "<li>\(escape($0.name))" + ($0.url.map { ": " + anchor($0) } ?? "") + "</li>\n" }.joined()
                + "</ul>"
        }
    }

    /// A link only for http and https addresses; anything else (javascript:, data:) stays text.
    static func anchor(_ url: String) -> String {
        let clean = ExportText.line(url)
        let lower = clean.lowercased()
        let web = (lower.hasPrefix("http://") || lower.hasPrefix("https://")) && !clean.contains(where: { $0.isWhitespace })
        return web ? "<a href=\"\(escape(clean))\">\(escape(clean))</a>" : escape(clean)
    }

    /// Text safe in element content and in quoted attribute values.
    public static func escape(_ text: String, keepLines: Bool = false) -> String {
        let clean = keepLines ? ExportText.block(text) : ExportText.line(text)
        var out = ""
        out.reserveCapacity(clean.utf8.count)
        for ch in clean {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
