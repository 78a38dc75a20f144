import StaircaseCore

/// The chronology screen's own state (issue 25): where it was opened from, so Esc goes back
/// there, and the event being written, if any. Held in `WizardState.chronology` while the
/// chronology screen is shown; `Wizard.go` drops it when any other screen is reached.
public struct ChronologyState: Equatable, Sendable {
    /// The screen the chronology was opened from (a domain or the review), and whether that
    /// domain showed a row's full text, so going back shows it as it was.
    public var from: Screen
    public var fromExpanded = false
    /// The event editor, open over the list; nil while the list is shown.
    public var draft: EventDraft?

    public init(from: Screen, fromExpanded: Bool = false, draft: EventDraft? = nil) {
        self.from = from
        self.fromExpanded = fromExpanded
        self.draft = draft
    }
}

/// An event being written: the texts as typed (the date is checked when it is saved), the rows
/// ticked, and where the editor's own cursor and row picker are. Nothing here is the record
/// until the event is added (one undoable change), so an incomplete event never reaches a file.
public struct EventDraft: Equatable, Sendable {
    /// The event being edited; nil for a new one.
    public var id: String?
    public var date = ""
    public var what = ""
    public var source = ""
    public var rows: [String] = []
    /// Why the date typed was refused, shown beside the field until it is put right.
    public var dateProblem: String?
    /// `c` on this row opened the editor: it is linked, and closing returns to it.
    public var forRow: String?
    /// The editor's selected line: `EventDraft.Line`'s raw value.
    public var line = 0
    /// The row picker is open (Rows it is evidence for), its selected row and its filter.
    public var picking = false
    public var pickRow: String?
    public var pickFilter = ""
    /// Esc was pressed on an event that cannot be added yet: a second Esc throws it away.
    public var discardAsked = false
    /// What the draft held when it was opened, to tell an untouched draft from a changed one.
    public var original: [String] = ["", "", ""]
    public var originalRows: [String] = []

    /// The lines of the editor, in order.
    public enum Line: Int, CaseIterable, Sendable {
        case date, what, source, rows, save
    }

    public init(id: String? = nil, date: String = "", what: String = "", source: String = "", rows: [String] = [], forRow: String? = nil) {
        self.id = id
        self.date = date
        self.what = what
        self.source = source
        self.rows = rows
        self.forRow = forRow
        original = [date, what, source]
        originalRows = rows
    }

    /// The editor for an event already in the chronology.
    public init(editing e: ChronologyEvent) {
        self.init(id: e.id, date: e.date.description, what: e.what, source: e.source, rows: e.rows)
    }

    public var changed: Bool { [date, what, source] != original || rows != originalRows }

    /// What the event still needs before it can be added, in words; empty when it can be.
    public func missing(today: CalendarDate) -> [String] {
        var out: [String] = []
        if let p = EventDate.problem(date, today: today) { out.append("a date (\(p))") }
        if what.trimmed.isEmpty { out.append("what happened") }
        return out
    }
}
