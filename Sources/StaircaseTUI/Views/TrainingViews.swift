import StaircaseCore

/// The curses side of a training run, drawn from the screen model: the case list, the case,
/// the feedback, the narrative side panel (120 columns or wider) and the narrative overlay.
enum TrainingViews {
    /// The narrower terminals get the overlay (`v`); from this width the narrative stays beside the screen.
    static let sidePanelMinimumWidth = 120

    /// The header's title: the right of the header already says TRAINING, and a long case title
    /// is cut short so it never runs into it.
    static func title(_ s: WizardState, _ t: TrainingScreen, width: Int) -> String {
        var title = ScreenModel(s).title
        if title.hasPrefix("TRAINING · ") { title.removeFirst("TRAINING · ".count) }
        let room = max(20, width - 50)
        return title.count > room ? String(title.prefix(room - 1)) + "…" : title
    }

    /// Columns the side panel takes: none below 120 columns, on the training screens themselves
    /// (they show the case in full), or before a case is open. The screen is laid out in what is
    /// left (`View.layout`).
    static func sideWidth(_ s: WizardState, width: Int) -> Int {
        guard width >= sidePanelMinimumWidth, s.trainingRun?.trainingCase != nil else { return 0 }
        if case .training = s.screen { return 0 }
        return max(40, width / 3)
    }

    /// Blocks, fields and choices as styled lines, wrapped to `width`.
    static func lines(_ m: ScreenModel, width: Int, cursor: Int? = nil, includeChoices: Bool = true) -> [(String, Style)] {
        var out: [(String, Style)] = []
        func add(_ text: String, _ style: Style, indent: Int = 0) {
            let pad = String(repeating: " ", count: indent)
            out += TextWrap.lines(SafeText.clean(text), width: max(10, width - indent)).map { (pad + $0, style) }
        }
        for block in m.blocks {
            if !out.isEmpty { out.append(("", .plain)) }
            let style: Style =
                switch block.kind {
                case .warning: .warning
                case .danger: .danger
                default: .plain
                }
            if let h = block.heading { add(h, .title) }
            for p in block.paragraphs { add(p, style, indent: block.indent) }
        }
        if !m.fields.isEmpty { out.append(("", .plain)) }
        for f in m.fields { add("\(f.label): \(f.value)", f.isEmpty ? .warning : .key) }
        let shown = m.choices.filter(\.shown)
        if includeChoices && !shown.isEmpty {
            out.append(("", .plain))
            for (i, c) in shown.enumerated() {
                // A wrapped choice hangs under its label, so the numbers stand out.
                let text = c.key + ". " + SafeText.clean(c.label)
                let hang = c.key.count + 2
                for (j, line) in TextWrap.lines(text, width: max(10, width - 2 - hang)).enumerated() {
                    let lead = j > 0 ? "  " + String(repeating: " ", count: hang) : (i == cursor ? "› " : "  ")
                    out.append((lead + line, i == cursor ? .selected : .plain))
                }
            }
        }
        return out
    }

    static func draw(_ m: ScreenModel, _ s: WizardState, _ t: TrainingScreen, scroll: Int, _ b: inout ScreenBuffer, _ r: Rect) {
        let cursor: Int? = t == .choose ? s.cursor : nil
        let all = lines(m, width: r.width - 2, cursor: cursor, includeChoices: t == .choose)
        var height = r.height
        if let e = s.editor, e.target == .alias || e.target == .responsesFolder {
            height -= 2
            let label = e.target == .alias ? "Alias (never your real name)" : "Folder for your response"
            b.put(
                SafeText.clean("\(label): \(e.text)"), row: r.top + r.height - 1, column: r.left + 1, style: .selected, limit: r.width - 2)
        }
        var top = t == .choose ? 0 : min(scroll, max(0, all.count - height))
        if let c = cursor, let i = all.firstIndex(where: { $0.0.hasPrefix("› ") }), c >= 0, i >= height { top = i - height + 1 }
        for (i, line) in all.dropFirst(top).prefix(height).enumerated() {
            b.put(line.0, row: r.top + i, column: r.left + 1, style: line.1, limit: r.width - 2)
        }
    }

    /// The narrative beside the screen, at 120 columns or wider.
    static func drawSide(_ m: ScreenModel, _ b: inout ScreenBuffer, _ r: Rect) {
        for y in r.top..<r.bottom { b.put("│", row: y, column: r.left, style: .muted) }
        let all = lines(ScreenModel(title: "", prompt: "").with(blocks: m.side), width: r.width - 3)
        let room = all.count > r.height ? r.height - 1 : r.height
        for (i, line) in all.prefix(room).enumerated() {
            b.put(line.0, row: r.top + i, column: r.left + 2, style: line.1, limit: r.width - 3)
        }
        if all.count > r.height {
            b.put("… v shows it all", row: r.bottom - 1, column: r.left + 2, style: .muted, limit: r.width - 3)
        }
    }

    /// The narrative over the screen (`v`), scrolled with j/k and PgUp/PgDn.
    static func narrative(_ s: WizardState, _ v: Viewport, _ b: inout ScreenBuffer) {
        Box.overlay("TRAINING case narrative · v or Esc closes", v, &b) { narrativeLines(s, width: $0) }
    }
}

extension TrainingViews {
    /// The narrative overlay's lines, for drawing and for knowing how far it scrolls.
    static func narrativeLines(_ s: WizardState, width: Int) -> [(String, Style)] {
        lines(ScreenModel.narrative(s), width: width, includeChoices: false)
    }
}

extension ScreenModel {
    func with(blocks: [TextBlock]) -> ScreenModel {
        var m = self
        m.blocks = blocks
        return m
    }
}
