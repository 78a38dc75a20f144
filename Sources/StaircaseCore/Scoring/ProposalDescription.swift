/// What a proposal says, once, as headed sections of paragraphs: the review screen, the line
/// mode and `staircase score` all lay out this one description, so they cannot disagree.
public struct ProposalDescription: Equatable, Sendable {
    /// "Proposed: Level 3, step 3 — …" or that nothing is proposed yet.
    public var headline: String
    /// The level's name, when there is a proposal.
    public var levelName: String?
    public var sections: [Section]

    public struct Section: Equatable, Sendable {
        public enum Kind: Equatable, Sendable { case reasons, flags, completeness, courseOfAction }
        public var kind: Kind
        public var heading: String
        public var items: [Item]
    }

    /// One paragraph: a point (a reason, a flag, a domain's count, a step of the course of action)
    /// with the rows it rests on, named by title with their ids.
    public struct Item: Equatable, Sendable {
        public var text: String
        /// Rows as (id, title), so a reader can find them on the domain screens or in the file.
        public var rows: [(id: String, title: String)]
        /// Actions under a step of the course of action.
        public var actions: [String]
        /// A flag that warns (incomplete) rather than alarms.
        public var isWarning: Bool

        public init(_ text: String, rows: [(id: String, title: String)] = [], actions: [String] = [], isWarning: Bool = false) {
            self.text = text
            self.rows = rows
            self.actions = actions
            self.isWarning = isWarning
        }

        public static func == (l: Item, r: Item) -> Bool {
            l.text == r.text && l.actions == r.actions && l.isWarning == r.isWarning
                && l.rows.map(\.id) == r.rows.map(\.id) && l.rows.map(\.title) == r.rows.map(\.title)
        }
    }

    public init(_ p: Proposal, catalogue c: Catalogue) {
        let titles = c.indicatorTitles
        func rows(_ ids: [String]) -> [(id: String, title: String)] { ids.map { ($0, titles[$0] ?? $0) } }
        if let level = p.level, let step = p.step {
            headline = "Proposed: Level \(level), step \(step) — \(c.step(step)?.name ?? "")"
            levelName = c.level(level)?.name
        } else {
            headline = "Proposed: none yet — no row has been assessed."
            levelName = nil
        }
        sections = [Section(kind: .reasons, heading: "Why", items: p.reasons.map { Item($0.text, rows: rows($0.indicators)) })]
        // A level on a row for another age is named, and does not count until confirmed.
        let outside = (p.outsideAge ?? []).map { id in
            Item(Self.outsideAgeText(id, c), rows: rows([id]), isWarning: true)
        }
        if !p.flags.isEmpty || !outside.isEmpty {
            sections.append(
                Section(
                    kind: .flags, heading: "Flags",
                    items: outside + p.flags.map { Item($0.text, rows: rows($0.indicators), isWarning: $0.kind == .incomplete) }))
        }
        let domains = p.completeness.domains.map { d in
            Item("\(c.domains.first { $0.id == d.domain }?.name ?? d.domain): \(d.assessed) of \(d.applicable)")
        }
        sections.append(
            Section(
                kind: .completeness,
                heading: "Completeness: \(p.completeness.assessed) of \(p.completeness.applicable) applicable rows assessed", items: domains
            ))
        if let course = p.courseOfAction {
            sections.append(
                Section(
                    kind: .courseOfAction, heading: "Course of action (Level \(course.level))",
                    items: course.steps.map { Item($0.furtherAssessment, actions: $0.actions) }))
        }
    }

    public func section(_ kind: Section.Kind) -> Section? { sections.first { $0.kind == kind } }

    /// "Not counted: “Foetus Development” is rated, but the catalogue gives it for pre-birth
    /// only…": the one wording, for the review, line mode, `score` and the summary.
    public static func outsideAgeText(_ id: String, _ c: Catalogue) -> String {
        let row = c.domains.lazy.flatMap(\.areas).flatMap(\.indicators).first { $0.id == id }
        let ages = row?.ages.map { $0.from == $0.to ? "\($0.from.label) only" : "\($0.from.label) to \($0.to.label)" } ?? "another age"
        return "Not counted: “\(row?.title ?? id)” is rated, but the catalogue gives it for \(ages), not the child’s age. "
            + "It counts only if you confirm it applies to this child (y on the row in the wizard)."
    }
}
