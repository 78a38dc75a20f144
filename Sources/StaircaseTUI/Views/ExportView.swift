import StaircaseCore

/// The referral summary screen: format, folder and file name, what was written, and what is
/// wrong (each message wrapped to the width, and gone once it no longer applies).
enum ExportView {
    /// Shorter than `ExportFormat.displayName`, to fit a menu line with the file extension.
    static func name(_ f: ExportFormat) -> String {
        switch f {
        case .markdown: "Markdown (.md)"
        case .text: "Plain text, 80 columns (.txt)"
        case .html: "HTML to print (.html)"
        case .json: "JSON (.json)"
        }
    }

    /// The path as shown: relative to the folder when it is inside it.
    static func shownName(_ s: WizardState) -> String {
        let path = s.resolvedExportPath
        let prefix = s.exportDirectory + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// Laid out from the screen model: the heading, the formats (the selection bar is layout),
    /// the folder and file fields, the notes and warnings, what was written, the message.
    static func draw(_ m: ScreenModel, _ s: WizardState, _ b: inout ScreenBuffer, _ r: Rect) {
        b.put(m.blocks.first?.heading ?? m.title, row: r.top, column: 2, style: .title)
        for (i, c) in m.choices.filter({ $0.key.first?.isNumber == true }).enumerated() {
            b.put((c.current ? "▸ " : "  ") + c.label, row: r.top + 2 + i, column: 4, style: c.current ? .selected : .plain)
        }
        for (i, f) in m.fields.enumerated() {
            let y = r.top + 7 + i
            b.put(f.label + ":", row: y, column: 2, style: .key)
            if let e = s.editor, e.target == .exportPath, f.key == "e" {
                TextFieldView.draw(e, &b, row: y, column: 10, width: r.width - 12)
            } else {
                b.put(f.value, row: y, column: 10, limit: r.width - 12)
            }
        }
        var y = r.top + 7 + m.fields.count
        func para(_ text: String, _ style: Style) {
            for line in TextWrap.paragraph(text, width: r.width - 4) where y < r.bottom {
                b.put(line, row: y, column: 2, style: style)
                y += 1
            }
        }
        // What was written and the message first, the warnings after them: a long list of what
        // the referral still lacks must never push "Written:" off an 80×24 screen.
        let warnings = m.blocks.filter { $0.kind == .warning }
        // A decision made against an earlier proposal holds the way: it is said first, so no
        // list below can push it off an 80×24 screen.
        let stale = warnings.flatMap(\.paragraphs).first { $0.hasPrefix(s.staleDecisionText ?? "\u{0}") }
        if let stale {
            para("! " + stale, .warning)
            y += 1
        }
        for (i, block) in m.blocks.filter({ $0.kind != .warning }).enumerated() {
            if i == 1 { y += 1 }
            for p in block.paragraphs { para(p, block.kind == .note ? .muted : Style(bold: true, role: .good)) }
        }
        if let message = m.message {
            para(View.said(message, s), message.isError ? .danger : Style(role: .good))
        }
        if !warnings.isEmpty { y += 1 }
        for block in warnings {
            for p in block.paragraphs where p != stale { para("! " + p, .warning) }
        }
    }
}
