/// The report as plain text for a terminal or a printer: wrapped at 80 columns, bars of `#`.
public enum TrainingReportText {
    static let width = 80

    public static func render(_ r: TrainingReport) -> String {
        var out: [String] = []
        /// Wrapped at `indent`, continuation lines hanging by `hang` more so items stand out.
        func para(_ text: String, indent: Int = 0, hang: Int = 0) {
            let lines = TextWrap.lines(text, width: width - indent - hang)
            let pad = String(repeating: " ", count: indent)
            out += lines.enumerated().map { pad + ($0 > 0 ? String(repeating: " ", count: hang) : "") + $1 }
        }
        para("TRAINING REPORT: \(ExportText.line(r.pack.title)) (\(ExportText.line(r.pack.id)) version \(ExportText.line(r.pack.version)))")
        para(ReportWords.participants(r))
        out.append("")
        para(ReportWords.overallHeading(r))
        para(ReportWords.headline(r.overall), indent: 2)
        para(ReportWords.beside(r.overall, unit: "case"), indent: 2)
        let answered = r.cases.filter { $0.participants > 0 }
        if !answered.isEmpty {
            out.append("")
            para(ReportWords.debateHeading)
            for (i, k) in answered.enumerated() { para("\(i + 1). " + ReportWords.debate(k), indent: 2, hang: 3) }
        }
        out.append("")
        para(ReportWords.meaningHeading)
        for m in ReportWords.meaning { para(m, indent: 2) }
        notCounted(r, &out)
        for k in r.cases {
            out.append("")
            let head = "Case \(k.number): \(k.title) [\(k.id)]"
            out += TextWrap.paragraph(head, width: width)
            out.append(String(repeating: "=", count: min(width, DisplayWidth.of(head))))
            para(ReportWords.caseHeader(k))
            if k.participants == 0 { continue }
            out.append("")
            out.append("Decided level (* the model answer)")
            bars(k.levels, &out)
            out.append("Decided step")
            bars(k.steps, &out)
            out.append("")
            para("Agreement among participants: " + ReportWords.headline(k.agreement))
            para(ReportWords.beside(k.agreement, unit: "judgement"), indent: 2)
            para(ReportWords.withModel(k))
            para("Decisions: " + ReportWords.decisions(k), hang: 2)
            out.append("")
            out.append("Rows, most disputed first")
            for (j, row) in k.rows.enumerated() {
                para("\(j + 1). " + ReportWords.rowTitle(row), indent: 2, hang: 3)
                para(ReportWords.rowCounts(row), indent: 5)
                para(ReportWords.rowStats(row), indent: 5, hang: 2)
                if (row.disagreement.number ?? 0) > 0 {
                    for d in row.descriptors { para("Level \(d.level): “\(d.text)”", indent: 5, hang: 2) }
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func notCounted(_ r: TrainingReport, _ out: inout [String]) {
        if !r.copies.isEmpty {
            out.append("")
            out.append("The same response in more than one file (counted once)")
            for c in r.copies { out += TextWrap.paragraph("- " + ReportWords.copy(c), width: width, indent: 2) }
        }
        if !r.duplicates.isEmpty {
            out.append("")
            out.append("The same alias more than once")
            for d in r.duplicates { out += TextWrap.paragraph("- " + ReportWords.duplicate(d), width: width, indent: 2) }
        }
        if !r.refused.isEmpty {
            out.append("")
            out.append("Refused: responses to another pack or version (not counted)")
            for f in r.refused { out += TextWrap.paragraph("- \(f.file): \(f.reason)", width: width, indent: 2) }
        }
        if !r.damaged.isEmpty {
            out.append("")
            out.append("Damaged files (not counted; the rest are)")
            for f in r.damaged { out += TextWrap.paragraph("- \(f.file): \(f.reason)", width: width, indent: 2) }
        }
    }

    static func bars(_ bars: [TrainingReport.Bar], _ out: inout [String]) {
        let most = bars.map(\.count).max() ?? 0
        for b in bars {
            let label = TextWrap.pad(b.label + (b.model ? " *" : ""), width: 10)
            out.append("  " + label + " " + TextWrap.pad(ReportWords.bar(b.count, max: most), width: 30) + " \(b.count)")
        }
    }
}
