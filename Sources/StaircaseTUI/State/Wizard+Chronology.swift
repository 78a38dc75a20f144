import StaircaseCore

/// The chronology (issue 25): the list of dated events, the event editor over it, and the
/// editor's row picker. The list's selection is `s.cursor`, a position in `Chronology.sorted`
/// (date order, equal dates in the order entered). An event reaches the record only when it is
/// added or kept, as one undoable change; what is typed before that is the draft's.
extension Wizard {
    /// `h`: the chronology, opened from a domain screen or the review, which Esc goes back to.
    static func openChronology(_ s: inout WizardState) -> [Effect] {
        s.chronology = ChronologyState(from: s.screen, fromExpanded: s.expanded)
        s.screen = .chronology
        s.expanded = false
        s.cursor = 0
        return []
    }

    /// `c` on a domain row: the event editor with exactly that row linked, its date asked first;
    /// closing it comes back to the same row.
    static func addEvent(_ s: inout WizardState, forRow row: String?) -> [Effect] {
        if s.screen != .chronology { _ = openChronology(&s) }
        s.chronology?.draft = EventDraft(rows: row.map { [$0] } ?? [], forRow: row)
        s.editor = TextField(.eventDate, text: "")
        return []
    }

    /// The events in the order the screen lists them.
    static func listedEvents(_ s: WizardState) -> [ChronologyEvent] {
        Chronology.sorted(s.assessment?.chronology ?? [])
    }

    static func chronology(_ s: inout WizardState, _ action: WizardAction) -> [Effect] {
        guard var c = s.chronology else {
            go(&s, .review)
            return []
        }
        if let draft = c.draft {
            if action != .back { c.draft?.discardAsked = false }
            s.chronology = c
            return draft.picking ? pickRows(&s, action) : editEvent(&s, action)
        }
        let events = listedEvents(s)
        let current = min(s.cursor, max(0, events.count - 1))
        switch action {
        case .move(let d): s.cursor = events.isEmpty ? 0 : clamp(current, by: d, count: events.count)
        case .addEvent: return addEvent(&s, forRow: nil)
        case .activate:
            guard !events.isEmpty else { return addEvent(&s, forRow: nil) }
            c.draft = EventDraft(editing: events[current])
            s.chronology = c
        case .deleteEvent:
            guard !events.isEmpty else { return [] }
            return delete(&s, events[current].id)
        case .back: return leaveChronology(&s)
        default: break
        }
        return []
    }

    /// Back to the screen the chronology was opened from, as it was: a domain's row stays
    /// selected (its id is the selection), its full text open if it was.
    static func leaveChronology(_ s: inout WizardState) -> [Effect] {
        let from = s.chronology?.from ?? .review
        let expanded = s.chronology?.fromExpanded ?? false
        s.chronology = nil
        s.editor = nil
        s.screen = from
        s.cursor = 0
        s.expanded = expanded
        return []
    }

    static func delete(_ s: inout WizardState, _ id: String) -> [Effect] {
        guard let event = s.assessment?.chronology.first(where: { $0.id == id }) else { return [] }
        let effects = change(&s) { $0.chronology.removeAll { $0.id == id } }
        s.chronology?.draft = nil
        s.cursor = min(s.cursor, max(0, listedEvents(s).count - 1))
        s.message = Message("Deleted the event of \(event.date.words): u undoes it.")
        return effects
    }

    /// The event editor: ↑/↓ choose a line, Enter edits a field, opens the row picker or adds
    /// the event; Esc closes it (keeping a complete event, asking before an incomplete one goes).
    static func editEvent(_ s: inout WizardState, _ action: WizardAction) -> [Effect] {
        guard var draft = s.chronology?.draft else { return [] }
        let lines = EventDraft.Line.allCases.count
        switch action {
        case .move(let d): draft.line = clamp(draft.line, by: d, count: lines)
        case .activate:
            switch EventDraft.Line(rawValue: draft.line) ?? .save {
            case .date: s.editor = TextField(.eventDate, text: draft.date)
            case .what: s.editor = TextField(.eventWhat, text: draft.what)
            case .source: s.editor = TextField(.eventSource, text: draft.source)
            case .rows:
                draft.picking = true
                draft.pickRow = draft.pickRow ?? draft.rows.first ?? pickList(s, filter: "").first
            case .save:
                s.chronology?.draft = draft
                return saveEvent(&s)
            }
        case .deleteEvent:
            guard let id = draft.id else {
                s.message = Message("This event is not added yet: Esc closes it.")
                return []
            }
            return delete(&s, id)
        case .back:
            if !draft.changed { return draft.id == nil ? closeDraft(&s, note: "No event was added.") : closeDraft(&s) }
            if draft.missing(today: s.today).isEmpty { return saveEvent(&s) }
            if draft.discardAsked { return closeDraft(&s, note: "The unfinished event was thrown away.") }
            draft.discardAsked = true
            s.message = Message(
                "Not added: it still needs " + draft.missing(today: s.today).joined(separator: " and ")
                    + ". Esc again throws it away.", error: true)
        default: break
        }
        s.chronology?.draft = draft
        return []
    }

    /// Adds the draft (or keeps the changes to the event it edits) when it has a valid date and
    /// words for what happened; otherwise says what is missing and leaves it open.
    static func saveEvent(_ s: inout WizardState) -> [Effect] {
        guard let draft = s.chronology?.draft else { return [] }
        let missing = draft.missing(today: s.today)
        guard missing.isEmpty, let date = EventDate(draft.date) else {
            s.chronology?.draft?.line =
                EventDate.problem(draft.date, today: s.today) != nil ? EventDraft.Line.date.rawValue : EventDraft.Line.what.rawValue
            s.message = Message("The event needs " + missing.joined(separator: " and ") + " before it is added.", error: true)
            return []
        }
        let id = draft.id ?? freshEventID(s)
        let event = ChronologyEvent(id: id, date: date, what: draft.what.trimmed, source: draft.source.trimmed, rows: draft.rows)
        let existed = s.assessment?.chronology.contains { $0.id == id } ?? false
        let effects = change(&s) { a in
            if let i = a.chronology.firstIndex(where: { $0.id == id }) { a.chronology[i] = event } else { a.chronology.append(event) }
        }
        s.message = Message((existed ? "Kept the changes to the event of " : "Added the event of ") + date.words + ": u undoes it.")
        if draft.forRow != nil { return effects + leaveChronology(&s) }
        s.chronology?.draft = nil
        s.cursor = listedEvents(s).firstIndex { $0.id == id } ?? 0
        return effects
    }

    /// The host's fresh id, or (should it already name an event: a test's fixed id) one made
    /// from it that does not.
    static func freshEventID(_ s: WizardState) -> String {
        let used = Set((s.assessment?.chronology ?? []).map(\.id))
        var id = s.nextEventID
        var n = 1
        while used.contains(id) {
            let suffix = String(n)
            id = String(s.nextEventID.dropLast(suffix.count)) + suffix
            n += 1
        }
        return id
    }

    /// Closes the editor without adding: back to the row it was opened from, or to the list.
    static func closeDraft(_ s: inout WizardState, note: String? = nil) -> [Effect] {
        let forRow = s.chronology?.draft?.forRow
        s.chronology?.draft = nil
        s.editor = nil
        if let note { s.message = Message(note) }
        return forRow != nil ? leaveChronology(&s) : []
    }

    /// A field of the event editor committed: the date is checked as it is saved (a wrong one
    /// stays in the field with the reason beside it); a new event's fields follow one another.
    static func commitEventField(_ s: inout WizardState, _ e: TextField) -> [Effect]? {
        guard var draft = s.chronology?.draft else { return nil }
        let text = e.text.trimmed
        switch e.target {
        case .eventDate:
            if let problem = EventDate.problem(text, today: s.today) {
                draft.dateProblem = problem
                s.chronology?.draft = draft
                s.message = Message("Date: \(problem).", error: true)
                return []
            }
            draft.date = EventDate(text)?.description ?? text
            draft.dateProblem = nil
            if s.message?.isError == true { s.message = nil }
            s.editor = nil
            draft.line = EventDraft.Line.what.rawValue
            if draft.id == nil, draft.what.isEmpty { s.editor = TextField(.eventWhat, text: "") }
        case .eventWhat:
            draft.what = String(text.prefix(AssessmentShape.Limit.eventText))
            s.editor = nil
            draft.line = EventDraft.Line.source.rawValue
            if draft.id == nil, draft.source.isEmpty, !text.isEmpty { s.editor = TextField(.eventSource, text: "") }
        case .eventSource:
            draft.source = String(text.prefix(AssessmentShape.Limit.shortText))
            s.editor = nil
            draft.line = (draft.rows.isEmpty ? EventDraft.Line.rows : .save).rawValue
        case .eventRowFilter:
            draft.pickFilter = text
            s.editor = nil
            draft.pickRow = keptPick(s, draft)
        default: return nil
        }
        s.chronology?.draft = draft
        return []
    }

    /// The row picker: every row of the catalogue, by domain, narrowed by the filter.
    static func pickRows(_ s: inout WizardState, _ action: WizardAction) -> [Effect] {
        guard var draft = s.chronology?.draft else { return [] }
        let list = pickList(s, filter: draft.pickFilter)
        let current = draft.pickRow.flatMap { list.firstIndex(of: $0) } ?? 0
        switch action {
        case .move(let d):
            if !list.isEmpty { draft.pickRow = list[clamp(current, by: d, count: list.count)] }
        case .toggleEventRow:
            guard !list.isEmpty else { return [] }
            let id = list[current]
            draft.pickRow = id
            if let i = draft.rows.firstIndex(of: id) {
                draft.rows.remove(at: i)
            } else if draft.rows.count < AssessmentShape.Limit.eventRows {
                draft.rows.append(id)
            } else {
                s.message = Message("An event links at most \(AssessmentShape.Limit.eventRows) rows.", error: true)
            }
        case .startFilter:
            s.editor = TextField(.eventRowFilter, text: draft.pickFilter)
        case .back:
            if !draft.pickFilter.isEmpty {
                draft.pickFilter = ""
                draft.pickRow = keptPick(s, draft)
            } else {
                draft.picking = false
                draft.line = EventDraft.Line.rows.rawValue
            }
        default: break
        }
        s.chronology?.draft = draft
        return []
    }

    /// The picker's rows in catalogue order: those whose title or area holds the filter at the
    /// start of a word (the domain filter's rule), all of them without one.
    static func pickList(_ s: WizardState, filter: String) -> [String] {
        let query = filter.lowercased().trimmed
        return s.catalogue.allIndicators.filter { entry in
            query.isEmpty || RowSearch.holds((entry.indicator.title + " " + entry.area.name).lowercased(), atWordStart: query)
        }.map(\.indicator.id)
    }

    /// The picker's selection after its list changed: the same row while it is listed, else the first.
    static func keptPick(_ s: WizardState, _ draft: EventDraft) -> String? {
        let list = pickList(s, filter: draft.pickFilter)
        if let id = draft.pickRow, list.contains(id) { return id }
        return list.first
    }
}
