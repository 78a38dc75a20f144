import StaircaseCore

/// The chronology's screens as models: the events in date order (numbered, as line mode reads
/// them and the curses list draws them), the event editor's fields, and the row picker.
extension ScreenModel {
    static func chronology(_ s: WizardState) -> ScreenModel {
        if let draft = s.chronology?.draft { return draft.picking ? eventRows(s, draft) : eventEditor(s, draft) }
        let events = Wizard.listedEvents(s)
        let i = min(s.cursor, max(0, events.count - 1))
        var m = ScreenModel(
            title: "Chronology", position: events.isEmpty ? "Chronology, no events yet" : "Chronology, event \(i + 1) of \(events.count)",
            prompt: events.isEmpty ? "a adds an event, Enter goes back:" : "Event to edit (1-\(events.count)), a adds, Enter goes back:")
        m.blocks = [TextBlock([chronologyIntro])]
        if events.isEmpty { m.blocks.append(TextBlock(.note, ["No events yet: a adds one, or c on a row adds one for that row."])) }
        for (n, e) in events.enumerated() {
            var c = Choice("\(n + 1)", eventLine(s, e), current: n == i && events.count > 1, select(s, n) + [.activate])
            c.currentWord = "selected"
            m.choices.append(c)
        }
        m.choices.append(Choice("a", "Add an event", [.addEvent]))
        if !events.isEmpty {
            m.choices.append(Choice("x", "Delete the selected event (\(events[i].date.words))", [.deleteEvent]))
        }
        m.enter = Choice("", "Enter goes back to " + fromName(s), [.back])
        return m
    }

    static let chronologyIntro =
        "Significant events in date order; equal dates keep the order entered, and an approximate date or a month alone sorts at the start of its month. The events linked to a row show how long a worry has lasted, for descriptors that say persistent or repeated."

    /// "14 June 2026: Police attended … Source: school log. Rows: Housing; Parenting."
    static func eventLine(_ s: WizardState, _ e: ChronologyEvent) -> String {
        var line = e.date.words + ": " + e.what + (e.what.last.map { ".!?".contains($0) } == true ? "" : ".")
        if !e.source.isEmpty { line += " Source: " + e.source + "." }
        if !e.rows.isEmpty { line += " Rows: " + e.rows.map(s.rowTitle).joined(separator: "; ") + "." }
        return line
    }

    /// The screen the chronology goes back to, in words.
    static func fromName(_ s: WizardState) -> String {
        switch s.chronology?.from {
        case .domain(let d)?: s.catalogue.domains.indices.contains(d) ? s.catalogue.domains[d].name : "the domain"
        case .review?: "the review"
        default: "the assessment"
        }
    }

    static let eventFieldLabels = [
        "Date (a day, a month, or about one)", "What happened", "Who reported it, or the source", "Rows it is evidence for",
    ]

    static func eventEditor(_ s: WizardState, _ d: EventDraft) -> ScreenModel {
        let new = d.id == nil
        let title = new ? "New event" : "Event of " + (EventDate(d.date)?.words ?? d.date)
        var m = ScreenModel(
            title: title, position: "Chronology, " + (new ? "a new event" : "editing an event"),
            prompt: "Field to change (1-4), Enter \(new ? "adds the event" : "keeps the changes"), b closes:")
        if let row = d.forRow { m.blocks.append(TextBlock(["For “\(s.rowTitle(row))”, which is linked already."])) }
        let values = [d.date, d.what, d.source, d.rows.map(s.rowTitle).joined(separator: "; ")]
        for (i, label) in eventFieldLabels.enumerated() {
            let value = values[i]
            m.fields.append(
                Field(
                    key: "\(i + 1)", label: label, value: value.isEmpty ? (i == 3 ? "(none)" : "(empty)") : value,
                    problem: i == 0 ? d.dateProblem : nil, isEmpty: value.isEmpty))
            var c = Choice("\(i + 1)", label, line(d, i) + [.activate])
            c.shown = false
            m.choices.append(c)
        }
        if !new { m.choices.append(Choice("x", "Delete this event", [.deleteEvent])) }
        let missing = d.missing(today: s.today)
        if !missing.isEmpty, d.changed {
            m.blocks.append(TextBlock(.note, ["Still needed before it is added: " + missing.joined(separator: "; ") + "."]))
        }
        m.enter = Choice("", new ? "Enter adds the event" : "Enter keeps the changes", line(d, EventDraft.Line.save.rawValue) + [.activate])
        return m
    }

    /// Moves the editor's cursor to line `i`.
    static func line(_ d: EventDraft, _ i: Int) -> [WizardAction] {
        i == d.line ? [] : [.move(i - d.line)]
    }

    static func eventRows(_ s: WizardState, _ d: EventDraft) -> ScreenModel {
        let list = Wizard.pickList(s, filter: d.pickFilter)
        let current = d.pickRow.flatMap { list.firstIndex(of: $0) } ?? 0
        var m = ScreenModel(
            title: "Rows the event is evidence for", position: "Chronology, the event's rows",
            prompt: "Row to link or unlink (a number), /words finds rows, Enter goes back to the event:")
        let linked = d.rows.map(s.rowTitle)
        m.blocks = [
            TextBlock([linked.isEmpty ? "No row linked yet." : "Linked: " + linked.joined(separator: "; ") + "."]),
            TextBlock(
                .note,
                [
                    d.pickFilter.isEmpty
                        ? "Type / and words to find rows by their title (for example /housing); a number links or unlinks that row."
                        : "Rows matching \"\(d.pickFilter)\": \(list.count) (/ alone shows every row)."
                ]),
        ]
        let domains = Dictionary(
            s.catalogue.allIndicators.map { ($0.indicator.id, $0.domain.name) }, uniquingKeysWith: { a, _ in a })
        for (i, id) in list.enumerated() {
            var c = Choice(
                "\(i + 1)", s.rowTitle(id) + " (" + (domains[id] ?? "") + ")", current: d.rows.contains(id),
                (i == current ? [] : [.move(i - current)]) + [.toggleEventRow])
            c.currentWord = "linked"
            // Every row of the catalogue is a long list to hear: line mode lists what a filter found.
            c.shown = !d.pickFilter.isEmpty
            m.choices.append(c)
        }
        m.enter = Choice("", "Enter goes back to the event", d.pickFilter.isEmpty ? [.back] : [.back, .back])
        return m
    }
}
