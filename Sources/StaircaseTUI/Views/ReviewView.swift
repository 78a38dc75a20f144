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

    /// The review laid out from its screen model: each block under its heading, coloured by
    /// its kind, with the staircase drawn under the proposal and the categories of concern (the
    /// model's choices) at the foot. The words are the model's, as line mode prints them.
    static func lines(_ s: WizardState, width: Int) -> [(String, Style)] {
        guard s.assessment != nil, let p = s.proposal else { return [] }
        let m = ScreenModel.review(s)
        var out: [(String, Style)] = []
        func para(_ text: String, _ style: Style, indent: Int, hang: Int = 0) {
            let pad = String(repeating: " ", count: indent)
            out += TextWrap.lines(text, width: width - indent - hang).enumerated().map {
                (pad + ($0 > 0 ? String(repeating: " ", count: hang) : "") + $1, style)
            }
        }
        for block in m.blocks {
            if !out.isEmpty { out.append(("", .plain)) }
            if let heading = block.heading { para(heading, block.kind == .warning ? Style(bold: true, role: .warning) : .title, indent: 0) }
            for (i, text) in block.paragraphs.enumerated() {
                switch block.kind {
                case .proposal: para(text, i == 0 ? .title : .plain, indent: i == 0 ? 0 : 2)
                case .flag: para(text, text.hasPrefix("Warning: ") ? .warning : .danger, indent: block.indent)
                case .reason, .courseOfAction:
                    // A row list and an action stand under the item they belong to, their words hanging.
                    let label = ["Rows: ", "Action: "].first { text.hasPrefix($0) }
                    let style = label == "Rows: " ? .muted : (label != nil ? .plain : Style(bold: block.kind == .courseOfAction))
                    para(text, style, indent: block.indent + (label == nil ? 0 : 2), hang: label?.count ?? 0)
                default: para(text, View.style(block.kind), indent: block.indent)
                }
            }
            if block.kind == .proposal {
                out.append(("", .plain))
                out += staircase(s.catalogue, highlight: p.step)
            }
        }
        let categories = m.choices.filter(\.shown)
        if !categories.isEmpty {
            out.append(("", .plain))
            para(m.prompt, .title, indent: 0)
            for c in categories {
                let marked = c.concern?.marked == true
                para("\(c.key). \(c.label)", marked ? Style(bold: true) : .plain, indent: 2)
            }
        }
        return out
    }

    /// Level 4 is proposed or decided (or categories are already marked): 1–4 mark categories.
    static func concernApplies(_ s: WizardState) -> Bool {
        guard let a = s.assessment else { return false }
        return s.proposal?.level == 4 || a.decision?.level == 4 || !a.concernCategories.isEmpty
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
            // A stale decision's warning may need two rows at 80 columns.
            let style: Style = i == 0 ? .title : i == 2 ? .warning : .muted
            for part in i == 2 ? TextWrap.lines(line, width: r.width - 4) : [line] {
                b.put(part, row: y, column: 2, style: style, limit: r.width - 2)
                y += 1
            }
        }
        // The help asked for, beside the proposal; a misfit is a warning, never a block.
        if let request = m.blocks.first(where: { $0.heading == ScreenModel.requestHeading }), !s.askingCategories {
            for (i, line) in request.paragraphs.enumerated() {
                for part in TextWrap.lines(line, width: r.width - 4) {
                    b.put(part, row: y, column: 2, style: i == 0 ? .plain : Style(bold: true, role: .warning), limit: r.width - 2)
                    y += 1
                }
            }
        }
        y += 1
        // While the categories are asked, they need the room: the staircase is not drawn then
        // (the decision's level and step are said just below).
        if !s.askingCategories {
            for (text, style) in ReviewView.staircase(s.catalogue, highlight: s.decisionStep, mark: "chosen") {
                b.put(text, row: y, column: 2, style: style)
                y += 1
            }
            y += 1
        }
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
            // A long reason is cut to two rows while the categories are asked, so they all show.
            let room = s.askingCategories ? 2 : max(1, r.bottom - y)
            let lines = TextWrap.lines(text, width: r.width - 6).prefix(room)
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
        let asked = m.blocks.filter { $0.heading == ScreenModel.categoriesHeading }.flatMap(\.paragraphs)
        for line in asked where s.askingCategories && y + 1 < r.bottom {
            y += 1
            b.put(line, row: y, column: 4, style: .muted, limit: r.width - 6)
        }
        // Only the categories are checkboxes: a training run's "v Read the case narrative" is not.
        let choices = s.askingCategories ? m.choices : ScreenModel.categoryChoices(s, a)
        for c in choices where y + 1 < r.bottom {
            guard let concern = c.concern else { continue }
            y += 1
            b.put("[\(concern.marked ? "x" : " ")] \(c.key) \(concern.name)", row: y, column: 4, style: .plain)
        }
    }
}
