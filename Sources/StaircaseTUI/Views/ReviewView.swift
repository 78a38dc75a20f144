import StaircaseCore

/// The staircase with the proposal highlighted, then the working: reasons, flags,
/// completeness and the course of action, in one scrollable column.
enum ReviewView {
    /// The steps, top step first; `step` is highlighted and labelled with `mark`.
    static func staircase(_ c: Catalogue, highlight step: Int?, mark label: String = "proposed") -> [(String, Style)] {
        c.steps.reversed().map { st in
            // Two columns a step, so the longest step and its mark fit 80 columns.
            let indent = String(repeating: " ", count: (st.number - 1) * 2)
            let mark = st.number == step ? " ◀ " + label : ""
            let text = "\(indent)▟██ Step \(st.number) · Level \(st.level) · \(st.name)\(mark)"
            return (text, st.number == step ? Style(bold: true, reverse: true, role: .accent) : .plain)
        }
    }

    static func lines(_ s: WizardState, width: Int) -> [(String, Style)] {
        guard let a = s.assessment, let p = s.proposal else { return [] }
        var out: [(String, Style)] = []
        func para(_ text: String, _ style: Style = .plain, indent: Int = 0) {
            out += TextWrap.paragraph(text, width: width, indent: indent).map { ($0, style) }
        }
        if a.immediateDanger == .yes { para(Advice.emergency(s.catalogue), .danger) ; out.append(("", .plain)) }
        let d = ProposalDescription(p, catalogue: s.catalogue)
        para(p.level == nil ? "No proposal yet: no row has been assessed." : d.headline, .title)
        if let name = d.levelName { para(name, indent: 2) }
        out.append(("", .plain))
        out += staircase(s.catalogue, highlight: p.step)
        for section in d.sections {
            out.append(("", .plain))
            out.append((section.heading, .title))
            for item in section.items {
                switch section.kind {
                case .reasons: para("• " + item.text, indent: 2)
                case .flags: para("! " + item.text, item.isWarning ? .warning : .danger, indent: 2)
                case .completeness: para(item.text, indent: 2)
                case .courseOfAction:
                    para(item.text, Style(bold: true), indent: 2)
                    for act in item.actions { para("• " + act, indent: 4) }
                }
                if !item.rows.isEmpty { para("rows: " + titles(item.rows.map(\.title)), .muted, indent: 4) }
            }
        }
        for block in ScreenModel.sinceLastTime(s) {
            out.append(("", .plain))
            if let heading = block.heading { out.append((heading, .title)) }
            for p in block.paragraphs { para(p, indent: block.indent) }
        }
        let notes = s.catalogue.allIndicators.compactMap { entry -> (String, String)? in
            guard let note = a.answers[entry.indicator.id]?.note, !note.isEmpty else { return nil }
            return ("\(entry.indicator.title) [\(a.rating(of: entry.indicator.id).label)]", note)
        }
        if !notes.isEmpty {
            out.append(("", .plain))
            out.append(("Evidence notes", .title))
            for (title, note) in notes {
                para(title, Style(bold: true), indent: 2)
                para(note, indent: 4)
            }
        }
        if concernApplies(s) {
            out.append(("", .plain))
            out.append(("Categories of concern (press 1–4 to mark)", .title))
            for (i, k) in s.catalogue.concernCategories.enumerated() {
                let on = a.concernCategories.contains(k.id)
                out.append(("  \(i + 1) [\(on ? "x" : " ")] \(k.name)", on ? Style(bold: true) : .plain))
            }
        }
        return out
    }

    /// Level 4 is proposed or decided (or categories are already marked): 1–4 mark categories.
    static func concernApplies(_ s: WizardState) -> Bool {
        guard let a = s.assessment else { return false }
        return s.proposal?.level == 4 || a.decision?.level == 4 || !a.concernCategories.isEmpty
    }

    /// Row titles for a list of ids, so a reader can find them on the domain screens.
    static func titles(_ names: [String]) -> String {
        names.prefix(6).joined(separator: "; ") + (names.count > 6 ? "; and \(names.count - 6) more" : "")
    }

    static func draw(_ s: WizardState, _ b: inout ScreenBuffer, _ r: Rect) {
        let all = lines(s, width: r.width - 2)
        let first = min(s.scroll, max(0, all.count - r.height))
        for (i, (text, style)) in all.dropFirst(first).prefix(r.height).enumerated() {
            b.put(text, row: r.top + i, column: 1, style: style, limit: r.width - 2)
        }
        if all.count - first > r.height { b.put(" j/PgDn more ↓ ", row: r.bottom - 1, column: r.width - 16, style: .selected) }
    }
}

enum DecisionView {
    static func draw(_ s: WizardState, _ b: inout ScreenBuffer, _ r: Rect) {
        guard let p = s.proposal else { return }
        var y = r.top
        let proposed = p.level.map { "Level \($0), step \(p.step ?? $0)" } ?? "none (nothing assessed)"
        b.put("The engine proposes: \(proposed).", row: y, column: 2, style: .title)
        y += 1
        b.put("The proposal is not a decision: it is your professional judgement that counts.", row: y, column: 2, style: .muted)
        y += 2
        for (text, style) in ReviewView.staircase(s.catalogue, highlight: s.decisionStep, mark: "chosen") {
            b.put(text, row: y, column: 2, style: style)
            y += 1
        }
        y += 1
        let differs = s.decisionDiffers(from: p)
        b.put("Your decision: Level \(s.decisionLevel), step \(s.decisionStep)" + (differs ? " (differs from the proposal)" : " (accepting the proposal)"),
              row: y, column: 2, style: Style(bold: true, role: differs ? .warning : .good))
        y += 2
        b.put(differs ? "Reason (required):" : "Reason (only needed for a different level):", row: y, column: 2, style: .key)
        y += 1
        if let e = s.editor, e.target == .decisionReason {
            TextFieldView.draw(e, &b, row: y, column: 4, width: r.width - 6)
        } else {
            let lines = TextWrap.lines(s.decisionReason.isEmpty ? "(none — press r to write)" : s.decisionReason, width: r.width - 6)
                .prefix(max(1, r.bottom - y))
            for (i, line) in lines.enumerated() {
                b.put(line, row: y + i, column: 4, style: s.decisionReason.isEmpty ? .muted : .plain)
            }
            y += lines.count
        }
        if s.decisionLevel == 4, let a = s.assessment, y + 1 < r.bottom {
            y += 1
            b.put(s.askingCategories ? "Categories of concern (1–4 mark, Enter records):" : "Categories of concern (Enter to choose):",
                  row: y, column: 2, style: .key)
            for (i, k) in s.catalogue.concernCategories.enumerated() where y + 1 < r.bottom {
                y += 1
                b.put("[\(a.concernCategories.contains(k.id) ? "x" : " ")] \(i + 1) \(k.name)", row: y, column: 4, style: .plain)
            }
        }
    }
}
