import StaircaseCore

/// One Assessment Framework domain: the rows, grouped by area, above the four descriptors of
/// the selected row; or, expanded, the full text of every level of one row.
enum DomainView {
    static func badge(_ r: Rating) -> String {
        switch r {
        case .notAssessed: "[ ]"
        case .notApplicable: "[–]"
        default: "[\(r.level ?? 0)]"
        }
    }

    static func draw(_ s: WizardState, _ d: Int, _ b: inout ScreenBuffer, _ r: Rect) {
        guard let a = s.assessment else { return }
        let rows = s.visibleRows(domain: d)
        let cursor = min(s.domainCursor[d], max(0, rows.count - 1))
        if s.expanded, !rows.isEmpty {
            expanded(s, rows[cursor], a, &b, r)
            return
        }
        let perLevel = r.height >= 34 ? 3 : 2
        let detail = 2 + 4 * perLevel
        let listHeight = max(3, r.height - detail - 1)
        var status = "\(rows.filter { a.rating(of: $0.indicator.id) != .notAssessed }.count) of \(rows.count) rows answered"
        let hidden = s.hiddenCount(domain: d)
        if hidden > 0 && !s.showHidden { status += " · \(hidden) hidden for the child’s age (a shows)" }
        if !s.filter.isEmpty || s.filtering { status += " · filter: " + s.filter }
        if let e = s.editor, e.target == .filter {
            b.put("Filter: ", row: r.top, column: 1, style: .key)
            TextFieldView.draw(e, &b, row: r.top, column: 9, width: 40)
        } else {
            b.put(status, row: r.top, column: 1, style: .muted)
        }
        if rows.isEmpty {
            b.put(s.filter.isEmpty ? "No rows in this domain." : "No row matches “\(s.filter)”. Esc clears the filter.", row: r.top + 2, column: 2)
            return
        }
        let first = min(max(0, cursor - listHeight / 2), max(0, rows.count - (listHeight - 1)))
        let areaWidth = 26
        for (i, row) in rows.enumerated().dropFirst(first).prefix(listHeight - 1) {
            let y = r.top + 1 + i - first
            let selected = i == cursor
            let rating = a.rating(of: row.indicator.id)
            let note = (a.answers[row.indicator.id]?.note.isEmpty ?? true) ? " " : "✎"
            let style: Style = selected ? .selected : (rating == .notAssessed ? .plain : Style(bold: rating.level ?? 0 >= 3))
            b.fill(row: y, from: 0, to: r.width, style: style)
            b.put(" \(badge(rating))\(note)\(row.indicator.title)", row: y, column: 0, style: style, limit: r.width - areaWidth - 1)
            b.put(TextWrap.truncate(row.area.name, width: areaWidth - 1), row: y, column: r.width - areaWidth, style: selected ? style : .muted)
        }
        let row = rows[cursor]
        var y = r.top + listHeight
        b.put(String(repeating: "─", count: r.width), row: y, column: 0, style: .muted)
        b.put(" \(row.indicator.title) — \(row.area.name) ", row: y, column: 2, style: .title, limit: r.width - 4)
        y += 1
        let chosen = a.rating(of: row.indicator.id).level
        for level in 1...4 {
            let text = describe(row.indicator.levels[level])
            let lines = TextWrap.lines(text, width: r.width - 6)
            let style: Style = chosen == level ? Style(bold: true, reverse: true) : .plain
            b.put("\(level)", row: y, column: 1, style: Style(bold: true, reverse: chosen == level))
            for (j, line) in lines.prefix(perLevel).enumerated() {
                let more = j == perLevel - 1 && lines.count > perLevel
                b.put(more ? TextWrap.truncate(line + " " + lines[j + 1], width: r.width - 6) : line, row: y + j, column: 4, style: style)
            }
            y += perLevel
        }
        let note = a.answers[row.indicator.id]?.note ?? ""
        if let e = s.editor, case .note = e.target {
            b.put("Note: ", row: y, column: 1, style: .key)
            TextFieldView.draw(e, &b, row: y, column: 7, width: r.width - 8)
        } else {
            b.put(note.isEmpty ? "No evidence note (e adds one) · f shows the full text" : "Note: " + note, row: y, column: 1, style: note.isEmpty ? .muted : .plain, limit: r.width - 2)
        }
    }

    static func describe(_ cell: Cell?) -> String {
        CatalogueText.text(of: cell ?? .notApplicable(.blank))
    }

    static func expanded(_ s: WizardState, _ row: VisibleRow, _ a: Assessment, _ b: inout ScreenBuffer, _ r: Rect) {
        var lines: [(String, Style)] = [(row.indicator.title, .title), (row.area.name + " · " + row.area.section, .muted), ("", .plain)]
        let chosen = a.rating(of: row.indicator.id)
        lines.append(("Your answer: " + chosen.label, Style(bold: true)))
        for level in 1...4 {
            let cell = row.indicator.levels[level]
            lines.append(("", .plain))
            let mark = chosen.level == level ? " ◀ chosen" : ""
            lines.append(("Level \(level)" + mark, Style(bold: true, reverse: chosen.level == level)))
            for l in TextWrap.lines(describe(cell), width: r.width - 4) { lines.append(("  " + l, .plain)) }
            let links = (cell?.links ?? []).map { s.catalogue.service($0)?.name ?? $0 }
            if !links.isEmpty {
                for l in TextWrap.lines("Links: " + links.joined(separator: "; "), width: r.width - 4) { lines.append(("  " + l, .muted)) }
            }
        }
        lines.append(("", .plain))
        let note = a.answers[row.indicator.id]?.note ?? ""
        lines.append((note.isEmpty ? "No evidence note (e adds one)." : "Note: " + note, note.isEmpty ? .muted : .plain))
        let first = min(s.scroll, max(0, lines.count - r.height))
        for (i, (text, style)) in lines.dropFirst(first).prefix(r.height).enumerated() {
            b.put(text, row: r.top + i, column: 1, style: style, limit: r.width - 2)
        }
        if lines.count - first > r.height { b.put("PgDn for more", row: r.bottom - 1, column: r.width - 15, style: .key) }
        if let e = s.editor, case .note = e.target {
            b.put("Note: ", row: r.bottom - 1, column: 1, style: .key)
            TextFieldView.draw(e, &b, row: r.bottom - 1, column: 7, width: r.width - 8)
        }
    }
}
