import StaircaseCore

/// The chronology in curses, laid out from its screen model: the events two lines each (the
/// date and what happened cut to fit, then the source and rows), the selected event in full
/// below; the event editor as a short form; the row picker as a list grouped by domain. The
/// selection bars, columns, cuts and scrolling are layout; the words are the model's.
enum ChronologyView {
    static func draw(_ m: ScreenModel, _ s: WizardState, _ b: inout ScreenBuffer, _ r: Rect) {
        guard s.assessment != nil else { return }
        if let draft = s.chronology?.draft {
            if draft.picking { rows(m, s, draft, &b, r) } else { editor(m, s, draft, &b, r) }
            return
        }
        list(m, s, &b, r)
    }

    /// Columns given to the date ("about 30 September 2026" is 23).
    static let dateWidth = 24

    static func list(_ m: ScreenModel, _ s: WizardState, _ b: inout ScreenBuffer, _ r: Rect) {
        let events = Wizard.listedEvents(s)
        b.put((m.position ?? "") + " · in date order", row: r.top, column: 1, style: .muted, limit: r.width - 2)
        guard !events.isEmpty else {
            let note = m.blocks.dropFirst().flatMap(\.paragraphs) + m.blocks.prefix(1).flatMap(\.paragraphs)
            var y = r.top + 2
            for p in note {
                for line in TextWrap.lines(p, width: r.width - 4) where y < r.bottom {
                    b.put(line, row: y, column: 2, style: y == r.top + 2 ? .plain : .muted)
                    y += 1
                }
                y += 1
            }
            return
        }
        let cursor = min(s.cursor, events.count - 1)
        let slots = max(2, (r.height - 1) / 2 / 2)
        let first = min(max(0, cursor - slots / 2), max(0, events.count - slots))
        let textWidth = r.width - dateWidth - 4
        for (i, e) in events.enumerated().dropFirst(first).prefix(slots) {
            let y = r.top + 1 + (i - first) * 2
            let selected = i == cursor
            let style: Style = selected ? .selected : .plain
            b.fill(row: y, from: 0, to: r.width, style: style)
            b.put((selected ? "▸ " : "  ") + e.date.words, row: y, column: 0, style: style, limit: dateWidth + 1)
            b.put(e.what, row: y, column: dateWidth + 2, style: style, limit: textWidth)
            let rows = e.rows.map(s.rowTitle).joined(separator: "; ")
            let detail = [e.source, rows.isEmpty ? "" : "Rows: " + rows].filter { !$0.isEmpty }.joined(separator: " · ")
            b.put(detail, row: y + 1, column: dateWidth + 2, style: .muted, limit: textWidth)
        }
        var more: [String] = []
        if first > 0 { more.append("↑ \(first) more") }
        if events.count - first - slots > 0 { more.append("↓ \(events.count - first - slots) more") }
        let ruleRow = r.top + 1 + slots * 2
        b.put(String(repeating: "─", count: r.width), row: ruleRow, column: 0, style: .muted)
        if !more.isEmpty { b.put(" " + more.joined(separator: " · ") + " ", row: ruleRow, column: 2, style: .key) }
        // The selected event in full: what happened, who said so, and every row it is evidence for.
        let e = events[cursor]
        var lines: [(String, Style)] = TextWrap.lines(e.date.words + ": " + e.what, width: r.width - 4).map { ($0, .plain) }
        if !e.source.isEmpty { lines += TextWrap.lines("Source: " + e.source, width: r.width - 4).map { ($0, .muted) } }
        let rows = e.rows.map(s.rowTitle).joined(separator: "; ")
        lines += TextWrap.lines(rows.isEmpty ? "No row linked (Enter, then the rows)." : "Evidence for: " + rows, width: r.width - 4)
            .map { ($0, .muted) }
        for (i, (text, style)) in lines.prefix(max(0, r.bottom - ruleRow - 1)).enumerated() {
            b.put(text, row: ruleRow + 1 + i, column: 2, style: style)
        }
    }

    /// Where an event field's value starts.
    static let valueColumn = 44

    static func editor(_ m: ScreenModel, _ s: WizardState, _ d: EventDraft, _ b: inout ScreenBuffer, _ r: Rect) {
        b.put(m.title, row: r.top, column: 2, style: .title, limit: r.width - 4)
        if let about = m.blocks.first(where: { $0.kind == .text })?.paragraphs.first {
            b.put(about, row: r.top + 1, column: 2, style: .muted, limit: r.width - 4)
        }
        let targets: [TextField.Target] = [.eventDate, .eventWhat, .eventSource]
        let top = r.top + 3
        for (i, f) in m.fields.enumerated() {
            let y = top + i
            let selected = d.line == i
            b.put(
                (selected ? "▸ " : "  ") + f.label, row: y, column: 2, style: selected ? Style(bold: true) : .plain, limit: valueColumn - 3)
            let width = f.problem == nil ? r.width - valueColumn - 2 : min(r.width - valueColumn - 2, 12)
            let problem = f.problem.map { DetailsView.problemText($0, room: r.width - valueColumn - width - 2) }
            if let e = s.editor, i < targets.count, e.target == targets[i] {
                TextFieldView.draw(e, &b, row: y, column: valueColumn, width: width)
            } else {
                b.put(f.value, row: y, column: valueColumn, style: f.isEmpty && !selected ? .muted : .plain, limit: width)
            }
            if let problem {
                b.put(problem, row: y, column: valueColumn + width + 1, style: .danger, limit: r.width - valueColumn - width - 2)
            }
        }
        let saveRow = top + m.fields.count
        let selected = d.line == EventDraft.Line.save.rawValue
        let button = d.id == nil ? "[ Add the event ]" : "[ Keep the changes ]"
        b.put((selected ? "▸ " : "  ") + button, row: saveRow, column: 2, style: selected ? .selected : .key)
        // What happened, whole: the field's line shows only its start.
        var y = saveRow + 2
        if !d.what.isEmpty {
            b.put("What happened:", row: y, column: 2, style: .muted)
            for line in TextWrap.lines(d.what, width: r.width - 6).prefix(max(0, r.bottom - y - 3)) {
                y += 1
                b.put(line, row: y, column: 4)
            }
            y += 2
        }
        for block in m.blocks where block.kind == .note {
            for p in block.paragraphs {
                for line in TextWrap.lines(p, width: r.width - 4) where y < r.bottom {
                    b.put(line, row: y, column: 2, style: .warning)
                    y += 1
                }
            }
        }
    }

    static func rows(_ m: ScreenModel, _ s: WizardState, _ d: EventDraft, _ b: inout ScreenBuffer, _ r: Rect) {
        b.put(m.blocks.first?.paragraphs.first ?? "", row: r.top, column: 1, limit: r.width - 2)
        if let e = s.editor, e.target == .eventRowFilter {
            b.put("Filter: ", row: r.top + 1, column: 1, style: .key)
            TextFieldView.draw(e, &b, row: r.top + 1, column: 9, width: 40)
        } else {
            let hint =
                d.pickFilter.isEmpty ? "/ finds rows by their title · Space links or unlinks" : "Filter: \(d.pickFilter) (Esc clears it)"
            b.put(hint, row: r.top + 1, column: 1, style: .muted, limit: r.width - 2)
        }
        // The list with a heading wherever the domain changes.
        let list = Wizard.pickList(s, filter: d.pickFilter)
        let domains = Dictionary(s.catalogue.allIndicators.map { ($0.indicator.id, $0.domain.name) }, uniquingKeysWith: { a, _ in a })
        var lines: [(text: String, id: String?)] = []
        var domain: String?
        for id in list {
            if domains[id] != domain {
                domain = domains[id]
                lines.append((domain ?? "", nil))
            }
            lines.append((id, id))
        }
        if list.isEmpty { lines.append(("No row matches “\(d.pickFilter)”: Esc clears the filter.", nil)) }
        let top = r.top + 3
        let height = max(1, r.bottom - top)
        let at = lines.firstIndex { $0.id != nil && $0.id == d.pickRow } ?? 0
        let first = min(max(0, at - height / 2), max(0, lines.count - height))
        for (i, line) in lines.enumerated().dropFirst(first).prefix(height) {
            let y = top + i - first
            guard let id = line.id else {
                b.put(line.text, row: y, column: 1, style: .title, limit: r.width - 2)
                continue
            }
            let selected = id == d.pickRow
            let style: Style = selected ? .selected : .plain
            b.fill(row: y, from: 0, to: r.width, style: style)
            let mark = d.rows.contains(id) ? "[x] " : "[ ] "
            b.put((selected ? "▸ " : "  ") + mark + s.rowTitle(id), row: y, column: 1, style: style, limit: r.width - 2)
        }
    }
}
