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
        if a.immediateDanger == .yes { para(Advice.emergency(s.catalogue), .danger); out.append(("", .plain)) }
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
        let gaps = ReferralGaps.of(a)
        if !gaps.isEmpty {
            out.append(("", .plain))
            out.append(("The referral still lacks (add it on the About the child forms)", .title))
            for gap in gaps { para("• " + gap, .warning, indent: 2) }
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

    static func draw(_ s: WizardState, scroll: Int, _ b: inout ScreenBuffer, _ r: Rect) {
        let all = lines(s, width: r.width - 2)
        let first = min(scroll, max(0, all.count - r.height))
        // The "more" marker has a row of its own: it never covers a line of the review.
        let more = all.count - first > r.height
        for (i, (text, style)) in all.dropFirst(first).prefix(more ? r.height - 1 : r.height).enumerated() {
            b.put(text, row: r.top + i, column: 1, style: style, limit: r.width - 2)
        }
        if more { b.put(" j/PgDn more ↓ ", row: r.bottom - 1, column: r.width - 16, style: .selected) }
    }
}

/// The decision screen laid out from its screen model; the staircase drawing, the colours and
/// the list of categories while not asking for them are the layout's own.
enum DecisionView {
    static func draw(_ m: ScreenModel, _ s: WizardState, _ b: inout ScreenBuffer, _ r: Rect) {
        guard let p = s.proposal, m.blocks.count >= 3 else { return }
        var y = r.top
        let intro = m.blocks[0].paragraphs
        for (i, line) in intro.enumerated() {
            b.put(line, row: y, column: 2, style: i == 0 ? .title : .muted, limit: r.width - 2)
            y += 1
        }
        y += 1
        for (text, style) in ReviewView.staircase(s.catalogue, highlight: s.decisionStep, mark: "chosen") {
            b.put(text, row: y, column: 2, style: style)
            y += 1
        }
        y += 1
        let differs = s.decisionDiffers(from: p)
        for line in m.blocks[1].paragraphs {
            b.put(line, row: y, column: 2, style: Style(bold: true, role: differs ? .warning : .good), limit: r.width - 4)
            y += 1
        }
        y += 1
        let reason = m.blocks[2]
        b.put((reason.heading ?? "Reason") + ":", row: y, column: 2, style: .key)
        y += 1
        if let e = s.editor, e.target == .decisionReason {
            TextFieldView.draw(e, &b, row: y, column: 4, width: r.width - 6)
        } else {
            // The key that writes the reason is named from the key table (the model says "(none)").
            let none = s.decisionReason.isEmpty
            let text =
                none
                ? "(none" + (View.key(for: .editReason, s).map { " — press \($0) to write" } ?? "") + ")"
                : reason.paragraphs.joined(separator: "\n")
            let lines = TextWrap.lines(text, width: r.width - 6).prefix(max(1, r.bottom - y))
            for (i, line) in lines.enumerated() {
                b.put(line, row: y + i, column: 4, style: none ? .muted : .plain)
            }
            y += lines.count
        }
        guard s.decisionLevel == 4, let a = s.assessment, y + 1 < r.bottom else { return }
        y += 1
        // While asking, the model's choices are the categories; before, the layout lists them.
        b.put(
            s.askingCategories ? "Categories of concern (1–4 mark, Enter records):" : "Categories of concern (Enter to choose):",
            row: y, column: 2, style: .key)
        for line in m.blocks.dropFirst(3).flatMap(\.paragraphs) where s.askingCategories && y + 1 < r.bottom {
            y += 1
            b.put(line, row: y, column: 4, style: .muted, limit: r.width - 6)
        }
        for c in s.askingCategories ? m.choices : ScreenModel.categoryChoices(s, a) where y + 1 < r.bottom {
            y += 1
            let on = c.label.hasSuffix(" (marked)")
            let name = c.label.dropLast(on ? 9 : 13)
            b.put("[\(on ? "x" : " ")] \(c.key) \(name)", row: y, column: 4, style: .plain)
        }
    }
}
