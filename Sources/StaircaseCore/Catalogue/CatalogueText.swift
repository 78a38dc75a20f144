/// The catalogue as plain wrapped text, for `staircase catalogue show` and for reading a
/// catalogue without the wizard.
public enum CatalogueText {
    public static func summary(_ c: Catalogue) -> String {
        let rows = c.allIndicators
        let links = rows.reduce(0) { $0 + $1.indicator.levels.all.reduce(0) { $0 + $1.links.count } }
        let cells = rows.count * 4
        let applicable = rows.reduce(0) { $0 + $1.indicator.levels.all.filter(\.isApplicable).count }
        let areas = c.domains.reduce(0) { $0 + $1.areas.count }
        return "\(c.id) \(c.version): valid — \(c.domains.count) domains, \(areas) areas, \(rows.count) rows "
            + "(\(cells) cells at 4 levels each, \(applicable) with descriptors, \(cells - applicable) not applicable), "
            + "\(links) links to \(c.services.count) services"
    }

    /// Domains chosen by id, position (1-based) or a case-insensitive part of the name.
    public static func match(domain query: String, in c: Catalogue) -> [Catalogue.Domain] {
        if let n = Int(query), (1...c.domains.count).contains(n) { return [c.domains[n - 1]] }
        let q = query.lowercased()
        if let exact = c.domains.first(where: { $0.id == q }) { return [exact] }
        return c.domains.filter { $0.name.lowercased().contains(q) }
    }

    public static func render(_ c: Catalogue, domains: [Catalogue.Domain], level: Int?, width: Int) -> String {
        var out = "\(c.title) (\(c.id) \(c.version))\n\(c.authority)\n\n"
        if domains.count == c.domains.count && level == nil {
            for l in c.levels {
                out += wrapped("Level \(l.number): \(l.name)", width: width)
                out += wrapped(l.meaning, width: width, indent: 4)
            }
            out += "\n"
        }
        for domain in domains {
            out += domain.name.uppercased() + "\n" + String(repeating: "=", count: min(width, DisplayWidth.of(domain.name))) + "\n"
            for area in domain.areas {
                out += "\n" + area.name + "\n" + String(repeating: "-", count: min(width, DisplayWidth.of(area.name))) + "\n"
                for row in area.indicators {
                    out += wrapped(
                        "• \(row.title) [\(row.id)]" + (row.tags.isEmpty ? "" : " (\(row.tags.joined(separator: ", ")))"), width: width)
                    for n in 1...4 where level == nil || level == n {
                        guard let cell = row.levels[n] else { continue }
                        out += wrapped("Level \(n): " + describe(cell, in: c), width: width, indent: 4)
                    }
                }
            }
            out += "\n"
        }
        return out
    }

    /// A cell as one line of prose: text, then its links by name.
    public static func describe(_ cell: Cell, in c: Catalogue) -> String {
        let names = cell.links.map { c.service($0)?.name ?? $0 }
        return names.isEmpty ? text(of: cell) : text(of: cell) + " Links: " + names.joined(separator: "; ") + "."
    }

    /// A cell's descriptor, or what its "not applicable" means.
    public static func text(of cell: Cell) -> String {
        switch cell {
        case .notApplicable(.stated): "Not applicable (the document says so)."
        case .notApplicable(.blank): "Not applicable (no descriptor at this level)."
        case .descriptor(let text, _): text
        }
    }

    static func wrapped(_ text: String, width: Int, indent: Int = 0) -> String {
        let pad = String(repeating: " ", count: indent)
        return TextWrap.lines(text, width: width - indent).map { pad + $0 }.joined(separator: "\n") + "\n"
    }
}
