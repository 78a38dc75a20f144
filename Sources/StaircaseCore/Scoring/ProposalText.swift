/// A proposal as plain text a practitioner or manager can check against the document.
public enum ProposalText {
    public static func render(_ p: Proposal, catalogue c: Catalogue, width: Int) -> String {
        var out = ""
        // Rows by title, as the review screen names them, with the id to find them in the file.
        let titles = c.indicatorTitles
        func named(_ ids: [String]) -> String {
            ids.map { id in titles[id].map { "\($0) [\(id)]" } ?? id }.joined(separator: "; ")
        }
        func para(_ text: String, indent: Int = 0) {
            out += TextWrap.paragraph(text, width: width, indent: indent).joined(separator: "\n") + "\n"
        }
        if let level = p.level, let step = p.step {
            para("Proposed: Level \(level), step \(step) — \(c.step(step)?.name ?? "")")
            if let l = c.level(level) { para(l.name, indent: 2) }
        } else {
            para("Proposed: none yet — no row has been assessed.")
        }
        out += "\nWhy\n"
        for r in p.reasons {
            para("- " + r.text, indent: 2)
            if !r.indicators.isEmpty { para("rows: " + named(r.indicators), indent: 4) }
        }
        if !p.flags.isEmpty {
            out += "\nFlags\n"
            for f in p.flags {
                para("! " + f.text, indent: 2)
                if !f.indicators.isEmpty { para("rows: " + named(f.indicators), indent: 4) }
            }
        }
        out += "\nCompleteness: \(p.completeness.assessed) of \(p.completeness.applicable) applicable rows assessed\n"
        for d in p.completeness.domains {
            let name = c.domains.first { $0.id == d.domain }?.name ?? d.domain
            para("\(name): \(d.assessed) of \(d.applicable)", indent: 2)
        }
        if let course = p.courseOfAction {
            out += "\nCourse of action (Level \(course.level))\n"
            for s in course.steps {
                para(s.furtherAssessment, indent: 2)
                for a in s.actions { para("• " + a, indent: 4) }
            }
        }
        return out
    }
}
