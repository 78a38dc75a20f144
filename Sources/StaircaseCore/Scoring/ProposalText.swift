/// A proposal as plain text a practitioner or manager can check against the document, laid
/// out from `ProposalDescription` (the review screen and the line mode read the same one).
public enum ProposalText {
    public static func render(_ p: Proposal, catalogue c: Catalogue, width: Int) -> String {
        render(ProposalDescription(p, catalogue: c), width: width)
    }

    public static func render(_ d: ProposalDescription, width: Int, bullet: String = "•") -> String {
        var out = ""
        func para(_ text: String, indent: Int = 0) {
            out += TextWrap.paragraph(text, width: width, indent: indent).joined(separator: "\n") + "\n"
        }
        func named(_ rows: [(id: String, title: String)]) -> String {
            rows.map { $0.title == $0.id ? $0.id : "\($0.title) [\($0.id)]" }.joined(separator: "; ")
        }
        para(d.headline)
        if let name = d.levelName { para(name, indent: 2) }
        for section in d.sections {
            out += "\n" + section.heading + "\n"
            for item in section.items {
                switch section.kind {
                case .reasons: para("- " + item.text, indent: 2)
                case .flags: para("! " + item.text, indent: 2)
                case .completeness: para(item.text, indent: 2)
                case .courseOfAction:
                    para(item.text, indent: 2)
                    for a in item.actions { para(bullet + " " + a, indent: 4) }
                }
                if !item.rows.isEmpty { para("rows: " + named(item.rows), indent: 4) }
            }
        }
        return out
    }
}
