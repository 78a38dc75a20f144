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

    static func draw(_ s: WizardState, _ b: inout ScreenBuffer, _ r: Rect) {
        b.put("Write the referral summary", row: r.top, column: 2, style: .title)
        for (i, f) in ExportFormat.allCases.enumerated() {
            let on = f == s.exportFormat
            b.put((on ? "▸ " : "  ") + name(f), row: r.top + 2 + i, column: 4, style: on ? .selected : .plain)
        }
        b.put("Folder:", row: r.top + 7, column: 2, style: .key)
        b.put(s.exportDirectory, row: r.top + 7, column: 10, limit: r.width - 12)
        b.put("File:", row: r.top + 8, column: 2, style: .key)
        if let e = s.editor, e.target == .exportPath {
            TextFieldView.draw(e, &b, row: r.top + 8, column: 10, width: r.width - 12)
        } else {
            b.put(shownName(s), row: r.top + 8, column: 10, limit: r.width - 12)
        }
        var y = r.top + 9
        func para(_ text: String, _ style: Style) {
            for line in TextWrap.lines(text, width: r.width - 4) where y < r.bottom {
                b.put(line, row: y, column: 2, style: style)
                y += 1
            }
        }
        para("A name without a folder goes in the folder above; the extension follows the format. Private to you (0600).", .muted)
        y += 1
        if let a = s.assessment, a.decision?.level == 4, a.concernCategories.isEmpty {
            para("! Level 4 is decided but no category of concern is marked: go back to Review (Esc twice) and press 1-4.", .warning)
        }
        if s.assessment?.decision == nil {
            para("! No decision is recorded yet: the summary will say so.", .warning)
        }
        if let path = s.exportedPath {
            para("Written: \(path)", Style(bold: true, role: .good))
        }
        if let m = s.message {
            para(View.said(m, s), m.isError ? .danger : Style(role: .good))
        }
    }

}
