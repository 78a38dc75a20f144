import StaircaseCore

extension ScreenModel {
    /// A domain, one row at a time: the row's title and area, its four descriptors numbered as
    /// the levels are typed, the answer and note; or, expanded, every level's full text and links.
    static func domain(_ s: WizardState, _ d: Int) -> ScreenModel {
        let name = s.catalogue.domains[d].name
        let rows = s.visibleRows(domain: d)
        let prompt = "Level (1-4, n not applicable, x clear, e note, Enter keep):"
        guard let a = s.assessment, !rows.isEmpty else {
            var m = ScreenModel(title: name, position: "Domain \(d + 1) of \(s.catalogue.domains.count), no rows", prompt: "Enter goes on:")
            m.tally = s.assessment.map { tally(s, d, rows, $0) }
            let hidden = s.hiddenMatches(domain: d)
            let hiddenText =
                hidden == 0
                ? ""
                : " \(hidden == 1 ? "1 row" : "\(hidden) rows") for another age \(hidden == 1 ? "matches" : "match"): a shows \(hidden == 1 ? "it" : "them")."
            m.blocks = [
                TextBlock([
                    s.filter.isEmpty
                        ? "No rows in this domain."
                        : "No row shown matches \"\(s.filter)\".\(hiddenText) Type / alone to clear the filter."
                ])
            ]
            m.enter = Choice("", "Enter goes to the next screen", [.nextScreen])
            // An empty list still takes a: the words above may say that a shows the rows a
            // filter found for another age (the random walk found line mode without it).
            var showAll = Choice("a", s.showHidden ? "Hide rows for another age" : "Show rows for another age", [.toggleHidden])
            showAll.shown = false
            m.choices = [showAll]
            return m
        }
        let i = min(s.domainCursor[d], rows.count - 1)
        let row = rows[i]
        let last = i + 1 == rows.count
        let rating = a.rating(of: row.indicator.id)
        var m = ScreenModel(title: name, position: "\(name), row \(i + 1) of \(rows.count)", prompt: prompt)
        m.tally = tally(s, d, rows, a)
        // What the domain holds, and what every row would otherwise repeat, is said on its first
        // row (and while filtering), not before every row.
        // Not over the full text, whose keys are its own (Enter there closes it).
        let first = (i == 0 || !s.filter.isEmpty) && !s.expanded
        let about = first ? (m.tally?.sentences ?? []) + [Self.rowKeys] : []
        // The area is said when it changes; the full text says its section of the Assessment Framework too.
        let newArea = i == 0 || rows[i - 1].area.name != row.area.name || s.expanded
        let area = "Area: \(row.area.name)" + (s.expanded && !row.area.section.isEmpty ? " (\(row.area.section))" : "")
        m.blocks = (about.isEmpty ? [] : [TextBlock(about)]) + [TextBlock(heading: row.indicator.title, newArea ? [area] : [])]
        if s.expanded {
            for level in 1...4 {
                let cell = row.indicator.levels[level]
                var paragraphs = [describe(cell)]
                let links = (cell?.links ?? []).map { s.catalogue.service($0)?.name ?? $0 }
                if !links.isEmpty { paragraphs.append("Links: " + links.joined(separator: "; ")) }
                m.blocks.append(
                    TextBlock(
                        .descriptor, heading: "Level \(level)" + (rating.level == level ? " (your answer)" : ""), paragraphs, indent: 2))
            }
            if let source = row.indicator.sourceNote { m.blocks.append(TextBlock(.note, heading: "Source note", [source], indent: 2)) }
        } else {
            m.blocks.append(TextBlock(.descriptor, descriptors(a, row.indicator), indent: 2))
        }
        let note = a.answers[row.indicator.id]?.note ?? ""
        // A row with no answer and no note says nothing about them (the first row says so once).
        let answer =
            rating == .notAssessed && note.isEmpty
            ? nil : TextBlock(["Your answer: \(rating.label)." + (note.isEmpty ? " No evidence note." : " Evidence note: \(note)")])
        if let answer { m.blocks.append(answer) }
        // "3 events, June–November 2026": how long the worry has lasted, for "persistent" and "repeated".
        let events = Chronology.span(for: row.indicator.id, in: a.chronology).map {
            TextBlock(.note, ["Chronology: \($0) (h lists them, c adds one)."])
        }
        if let events { m.blocks.append(events) }
        let outside = s.isOutsideAge(row.indicator.id)
        let confirmedAge = a.answers[row.indicator.id]?.confirmedForAge == true
        var ageWarning: TextBlock?
        if outside || confirmedAge {
            ageWarning = TextBlock(
                .warning,
                [
                    confirmedAge
                        ? "This row is for another age; you confirmed it applies to this child, so its level counts (y takes that back)."
                        : "This row is for another age: its level does not count until you confirm it applies to this child (y)."
                ])
            if let ageWarning { m.blocks.append(ageWarning) }
        }
        m.prompt = "Level for \(row.indicator.title) (1-4, n not applicable, x clear, e note, Enter keep):"
        m.brief = brief(s, d, row, position: "row \(i + 1) of \(rows.count)", about: about, answer: answer)
        if let ageWarning { m.brief?.blocks.append(ageWarning) }
        if let events { m.brief?.blocks.append(events) }
        // On the last row the reducer stays put; line mode then goes on to the next screen.
        let onward: [WizardAction] = last ? [.nextScreen] : []
        if let earlier = lastTime(a, row.indicator.id) {
            m.blocks.append(earlier)
            m.choices += carriedChoices(a, row.indicator.id, onward: s.expanded ? [] : onward)
            let carried = a.answers[row.indicator.id]
            if carried?.isCarriedUnconfirmed == true {
                m.prompt =
                    "Level for \(row.indicator.title) (1-4, n not applicable, y confirm \(carried?.earlier?.rating.label ?? ""), x clear, e note, Enter keep):"
                m.brief?.prompt = "Rate \(row.indicator.title) 1-4, y confirm, n, or Enter to skip:"
            } else if Wizard.changedSinceLastTime(s, row.indicator.id) {
                m.prompt = "Level for \(row.indicator.title) (1-4, n not applicable, w why it changed, x clear, e note, Enter keep):"
            }
        }
        for level in 1...4 {
            // A level the document marks not applicable for this row is no answer here.
            if case .notApplicable? = row.indicator.levels[level] { continue }
            guard let r = Rating(level: level) else { continue }
            var c = Choice("\(level)", "Level \(level)", current: rating == r, [.rate(r)] + (s.expanded ? [] : onward))
            c.shown = false
            m.choices.append(c)
        }
        let confirmAge: [Choice] =
            outside || confirmedAge
            ? [
                Choice(
                    "y", confirmedAge ? "Take back that the row applies to this child" : "Confirm the row applies to this child",
                    [.confirmCarried])
            ]
            : []
        let more: [Choice] =
            [
                Choice("n", "Not applicable", current: rating == .notApplicable, [.rate(.notApplicable)] + (s.expanded ? [] : onward)),
                Choice("x", "Clear the answer", [.rate(.notAssessed)]),
            ] + confirmAge + [
                Choice("e", "Write an evidence note", [.editNote]),
                Choice("c", "Add a dated event to the chronology for this row", [.addEventForRow]),
                Choice("h", "The chronology of significant events", [.openChronology]),
                Choice("f", s.expanded ? "Back to the row" : "Full text of every level, links and source note", [.toggleExpanded]),
                Choice("a", s.showHidden ? "Hide rows for another age" : "Show rows for another age", [.toggleHidden]),
            ]
        m.choices += more.map {
            var c = $0; c.shown = false; return c
        }
        let toConfirm = a.answers[row.indicator.id]?.isCarriedUnconfirmed == true
        let keep =
            toConfirm
            ? "Enter leaves it to confirm" : (rating == .notAssessed ? "Enter leaves the row unanswered" : "Enter keeps \(rating.label)")
        if s.expanded {
            m.enter = Choice("", "Enter goes back to the row", [.toggleExpanded])
            m.brief = nil
        } else {
            m.enter = Choice(
                "", keep + (last ? " and goes on to the next screen" : " and goes to the next row"), last ? [.nextScreen] : [.move(1)])
            // The usual Enter (no answer yet, next row) is said on the first row, not on every row.
            // "Enter leaves it to confirm" is said on the domain's first carried row, not on each.
            let firstCarried =
                toConfirm && rows.first { a.answers[$0.indicator.id]?.isCarriedUnconfirmed == true }?.indicator.id == row.indicator.id
            m.enter?.shown = first || last || (rating != .notAssessed && !toConfirm) || firstCarried
        }
        return m
    }

    /// Line mode's brief wording of a row: the domain said in one line on its first row, then the
    /// row's title, its descriptors each once, and a prompt naming the row. A level that is not
    /// applicable is said in the prompt rather than on a line of its own.
    static func brief(_ s: WizardState, _ d: Int, _ row: VisibleRow, position: String, about: [String], answer: TextBlock?) -> Brief {
        let levels = (1...4).filter { if case .notApplicable = row.indicator.levels[$0] ?? .notApplicable(.blank) { false } else { true } }
        let descriptors = levels.map { "\($0). " + describe(row.indicator.levels[$0]) }
        let domain = about.isEmpty ? [] : [TextBlock([s.catalogue.domains[d].name + ": " + about.joined(separator: " ")])]
        let keys = levels.count == 4 ? "1-4" : levels.map(String.init).joined(separator: ", ")
        let notApplicable = (1...4).filter { !levels.contains($0) }.map(String.init)
        let na = notApplicable.isEmpty ? "" : "; level \(notApplicable.joined(separator: " and ")) not applicable here"
        return Brief(
            blocks: domain + [TextBlock([row.indicator.title + ", " + position])] + [TextBlock(.descriptor, descriptors, indent: 2)]
                + (answer.map { [$0] } ?? []),
            prompt: "Rate \(row.indicator.title) \(keys), n, or Enter to skip\(na):")
    }

    /// Said once per domain (and in help) instead of on every row.
    static let rowKeys =
        "On each row: 1 to 4 rate it, n not applicable, x clears, e writes a note, f the full text, c adds a dated event for it, h the chronology; Enter leaves a row unanswered and goes to the next."

    /// A row's four descriptors numbered as the levels are typed, the answer and last time's
    /// level marked: the domain screen's panel. The footer asks whether the panel scrolls after
    /// every key, from these alone rather than a second screen model.
    static func descriptors(_ a: Assessment, _ row: Indicator) -> [String] {
        let rating = a.rating(of: row.id)
        return (1...4).map { level in
            "\(level). " + describe(row.levels[level]) + (rating.level == level ? " (your answer)" : "")
                + lastTimeMark(a, row.id, level: level)
        }
    }

    /// A level's descriptor as the catalogue words it (an empty cell says so).
    static func describe(_ cell: Cell?) -> String {
        CatalogueText.text(of: cell ?? .notApplicable(.blank))
    }

    /// The domain's rows counted: the one count both the line text and the curses status line say.
    static func tally(_ s: WizardState, _ d: Int, _ rows: [VisibleRow], _ a: Assessment) -> RowTally {
        var tally = RowTally(
            domain: d, domains: s.catalogue.domains.count, answered: rows.filter { a.rating(of: $0.indicator.id) != .notAssessed }.count,
            rows: rows.count, toConfirm: rows.filter { a.answers[$0.indicator.id]?.isCarriedUnconfirmed == true }.count,
            hidden: s.showHidden ? 0 : s.hiddenCount(domain: d), filter: s.filter)
        tally.otherAges = s.showHidden ? s.hiddenCount(domain: d) : 0
        return tally
    }

    /// The proposal, its reasons, flags and course of action, as paragraphs from the one
    /// `ProposalDescription`; then the notes and, at Level 4, the categories of concern.
    static func review(_ s: WizardState) -> ScreenModel {
        var m = ScreenModel(title: "Review", position: screenPosition(s), prompt: "Enter goes to the decision:")
        guard let a = s.assessment, let p = s.proposal else { return m }
        if a.immediateDanger == .yes { m.blocks.append(TextBlock(.danger, [Advice.emergency(s.catalogue)])) }
        let d = ProposalDescription(p, catalogue: s.catalogue)
        let headline = p.level == nil ? "No proposal yet: no row has been assessed." : d.headline
        m.blocks.append(TextBlock(.proposal, heading: nil, [headline] + (d.levelName.map { [$0] } ?? [])))
        if let stale = s.staleDecisionText { m.blocks.append(TextBlock(.warning, heading: "Decision to confirm", [stale], indent: 2)) }
        for section in d.sections {
            let kind: TextBlock.Kind =
                switch section.kind {
                case .reasons: .reason
                case .flags: .flag
                case .completeness: .text
                case .courseOfAction: .courseOfAction
                }
            var paragraphs: [String] = []
            for item in section.items {
                let prefix = section.kind == .flags ? (item.isWarning ? "Warning: " : "Flag: ") : ""
                paragraphs.append(prefix + item.text)
                if !item.rows.isEmpty { paragraphs.append("Rows: " + item.rows.map(\.title).joined(separator: "; ") + ".") }
                paragraphs += item.actions.map { "Action: " + $0 }
            }
            m.blocks.append(TextBlock(kind, heading: section.heading, paragraphs, indent: 2))
        }
        let notes = s.catalogue.allIndicators.compactMap { entry -> String? in
            guard let note = a.answers[entry.indicator.id]?.note, !note.isEmpty else { return nil }
            let answer = a.answers[entry.indicator.id]
            let label = answer?.isCarriedUnconfirmed == true ? answer?.earlier?.toConfirmLabel : nil
            return "\(entry.indicator.title) (\(label ?? a.rating(of: entry.indicator.id).label)): \(note)"
        }
        m.blocks += sinceLastTime(s)
        m.blocks += referralBlocks(s, a)
        if !notes.isEmpty { m.blocks.append(TextBlock(.note, heading: "Evidence notes", notes, indent: 2)) }
        // A training case is fictional and never referred: what a referral lacks is not its point.
        if !a.training, case let gaps = ReferralGaps.of(a), !gaps.isEmpty {
            let heading = "The referral still lacks (add it on the About the child forms)"
            m.blocks.append(TextBlock(.warning, heading: heading, gaps.map { $0.capitalizedFirst + "." }, indent: 2))
        }
        if ReviewView.concernApplies(s) {
            m.prompt = "Category of concern to mark or unmark (1-\(s.catalogue.concernCategories.count)), Enter goes to the decision:"
            m.choices += categoryChoices(s, a)
        }
        if let span = Chronology.span(of: a.chronology) {
            m.blocks.append(TextBlock(.note, heading: "Chronology", ["\(span.capitalizedFirst) (h lists them)."], indent: 2))
        }
        var chronology = Choice("h", "The chronology of significant events", [.openChronology])
        chronology.shown = false
        m.choices.append(chronology)
        m.enter = Choice("", "Enter goes to the decision", [.activate])
        return m
    }

    /// The categories of concern as numbered choices that mark or unmark them: on the review at
    /// Level 4, and on the decision screen whenever the decided level is 4.
    static func categoryChoices(_ s: WizardState, _ a: Assessment) -> [Choice] {
        s.catalogue.concernCategories.enumerated().map { i, k in
            let on = a.concernCategories.contains(k.id)
            var c = Choice("\(i + 1)", k.name + (on ? " (marked)" : " (not marked)"), [.toggleCategory(i + 1)])
            c.concern = Choice.Concern(name: k.name, marked: on)
            return c
        }
    }
}
