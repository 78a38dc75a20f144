/// The report as Markdown: headings per case, bars as text in code blocks so they line up.
public enum TrainingReportMarkdown {
    public static func render(_ r: TrainingReport) -> String {
        let md = MarkdownRenderer.inline
        var out: [String] = []
        out.append("# TRAINING REPORT: " + md("\(r.pack.title) (\(r.pack.id) version \(r.pack.version))"))
        out.append("")
        out.append(md(ReportWords.participants(r)))
        out.append("")
        out.append("## " + md(ReportWords.overallHeading(r)))
        out.append("")
        out.append("- **" + md(ReportWords.headline(r.overall)) + "**")
        out.append("- " + md(ReportWords.beside(r.overall, unit: "case")))
        let answered = r.cases.filter { $0.participants > 0 }
        if !answered.isEmpty {
            out += ["", "## " + ReportWords.debateHeading, ""] + answered.enumerated().map { "\($0 + 1). " + md(ReportWords.debate($1)) }
        }
        out += ["", "## " + ReportWords.meaningHeading] + ReportWords.meaning.flatMap { ["", md($0)] }
        if !r.copies.isEmpty {
            out += ["", "## The same response in more than one file (counted once)", ""] + r.copies.map { "- " + md(ReportWords.copy($0)) }
        }
        if !r.duplicates.isEmpty {
            out += ["", "## The same alias more than once", ""] + r.duplicates.map { "- " + md(ReportWords.duplicate($0)) }
        }
        if !r.refused.isEmpty {
            out +=
                ["", "## Refused: responses to another pack or version (not counted)", ""]
                + r.refused.map { "- " + md("\($0.file): \($0.reason)") }
        }
        if !r.damaged.isEmpty {
            out += ["", "## Damaged files (not counted; the rest are)", ""] + r.damaged.map { "- " + md("\($0.file): \($0.reason)") }
        }
        for k in r.cases {
            out += ["", "## Case \(k.number): " + md("\(k.title) [\(k.id)]"), "", md(ReportWords.caseHeader(k))]
            if k.participants == 0 { continue }
            out += ["", "```text", "Decided level (* the model answer)"]
            TrainingReportText.bars(k.levels, &out)
            out.append("Decided step")
            TrainingReportText.bars(k.steps, &out)
            out += ["```", ""]
            out.append("- **Agreement among participants: " + md(ReportWords.headline(k.agreement)) + "**")
            out.append("- " + md(ReportWords.beside(k.agreement, unit: "judgement")))
            out.append("- " + md(ReportWords.withModel(k)))
            out.append("- " + md("Decisions: " + ReportWords.decisions(k)))
            out += ["", "### Rows, most disputed first", ""]
            for (j, row) in k.rows.enumerated() {
                out.append("\(j + 1). **" + md(ReportWords.rowTitle(row)) + "**  ")
                out.append("   " + md(ReportWords.rowCounts(row)) + "  ")
                out.append("   " + md(ReportWords.rowStats(row)))
                if (row.disagreement.number ?? 0) > 0 {
                    for d in row.descriptors { out += ["", "   > Level \(d.level): " + md(d.text)] }
                    out.append("")
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
