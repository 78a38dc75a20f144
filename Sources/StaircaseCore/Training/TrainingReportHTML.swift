/// The report as one self-contained HTML page: inline style and inline SVG bars, no script,
/// and a Content-Security-Policy that forbids loading anything.
public enum TrainingReportHTML {
    public static func render(_ r: TrainingReport) -> String {
        let e = { (s: String) in HTMLRenderer.escape(s) }
        var out = """
            <h1>TRAINING REPORT: \(e("\(r.pack.title) (\(r.pack.id) version \(r.pack.version))"))</h1>
            <p>\(e(ReportWords.participants(r)))</p>
            <h2>\(e(ReportWords.overallHeading(r)))</h2>
            <p class="headline">\(e(ReportWords.headline(r.overall)))</p>
            <p>\(e(ReportWords.beside(r.overall, unit: "case")))</p>

            """
        let answered = r.cases.filter { $0.participants > 0 }
        if !answered.isEmpty {
            out +=
                "<h2>\(e(ReportWords.debateHeading))</h2>\n<ol>\n" + answered.map { "<li>\(e(ReportWords.debate($0)))</li>\n" }.joined()
                + "</ol>\n"
        }
        out += "<h2>\(e(ReportWords.meaningHeading))</h2>\n" + ReportWords.meaning.map { "<p>\(e($0))</p>\n" }.joined()
        func list(_ title: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            out += "<h2>\(e(title))</h2>\n<ul>\n" + items.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
        }
        list("The same response in more than one file (counted once)", r.copies.map(ReportWords.copy))
        list("The same alias more than once", r.duplicates.map(ReportWords.duplicate))
        list("Refused: responses to another pack or version (not counted)", r.refused.map { "\($0.file): \($0.reason)" })
        list("Damaged files (not counted; the rest are)", r.damaged.map { "\($0.file): \($0.reason)" })
        for k in r.cases {
            out += "<section>\n<h2>Case \(k.number): \(e("\(k.title) [\(k.id)]"))</h2>\n<p>\(e(ReportWords.caseHeader(k)))</p>\n"
            if k.participants == 0 {
                out += "</section>\n"
                continue
            }
            out += "<h3>Decided level</h3>\n" + svg(k.levels, title: "Decided level for \(k.id)")
            out += "<h3>Decided step</h3>\n" + svg(k.steps, title: "Decided step for \(k.id)")
            out += "<p class=\"headline\">Agreement among participants: \(e(ReportWords.headline(k.agreement)))</p>\n"
            out += "<p>\(e(ReportWords.beside(k.agreement, unit: "judgement")))</p>\n<p>\(e(ReportWords.withModel(k)))</p>\n"
            out += "<p>\(e("Decisions: " + ReportWords.decisions(k)))</p>\n<h3>Rows, most disputed first</h3>\n<ol>\n"
            for row in k.rows {
                out +=
                    "<li><strong>\(e(ReportWords.rowTitle(row)))</strong><br>\n\(e(ReportWords.rowCounts(row)))<br>\n\(e(ReportWords.rowStats(row)))"
                if (row.disagreement.number ?? 0) > 0 {
                    out += row.descriptors.map { "\n<blockquote>Level \($0.level): \(e($0.text))</blockquote>" }.joined()
                }
                out += "</li>\n"
            }
            out += "</ol>\n</section>\n"
        }
        return HTMLRenderer.document(
            title: "TRAINING REPORT: " + e(r.pack.title),
            extraStyle:
                "svg { display: block; margin: .3em 0 .8em; }\nsvg text { font: 10pt sans-serif; }\n.headline { font-size: 1.1em; font-weight: bold; }",
            body: out)
    }

    /// Horizontal bars as inline SVG: one row per label, the model answer's bar darker.
    static func svg(_ bars: [TrainingReport.Bar], title: String) -> String {
        let most = max(1, bars.map(\.count).max() ?? 0)
        let rowHeight = 22
        let height = bars.count * rowHeight + 4
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"440\" height=\"\(height)\" role=\"img\" aria-label=\"\(HTMLRenderer.escape(title))\">\n"
        for (i, b) in bars.enumerated() {
            let y = i * rowHeight + 2
            let w = b.count * 300 / most
            let label = HTMLRenderer.escape(b.label + (b.model ? " (model)" : ""))
            out += "<text x=\"0\" y=\"\(y + 15)\">\(label)</text>"
            out += "<rect x=\"110\" y=\"\(y + 3)\" width=\"\(w)\" height=\"16\" fill=\"\(b.model ? "#0b4f9c" : "#8aa8cc")\"/>"
            out += "<text x=\"\(114 + w)\" y=\"\(y + 15)\">\(b.count)</text>\n"
        }
        return out + "</svg>\n"
    }
}
