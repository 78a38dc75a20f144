import StaircaseCore

/// The selection's identity. A domain's visible list is rebuilt by a filter, `a`, an answer that
/// hides or shows a row, undo or a reload; the selection is a row, not a position, so after every
/// action the selected row is found again by its id. A row that is gone gives way to its nearest
/// visible neighbour in catalogue order, and the message line says so.
struct SelectionBefore {
    var domain: Int?
    var rows: [String]
    var assessmentID: String?

    /// A host's answer that changes no list (a save done, a file written): nothing to find again.
    var skipped = false
    /// A filter was being typed when the key was pressed.
    var filtering = false
    /// The row selected when that filter was opened.
    var filterFrom: String?

    init(_ s: WizardState, _ action: WizardAction) {
        assessmentID = s.assessment?.id
        filtering = s.filtering
        filterFrom = s.filterFrom
        switch action {
        case .saved, .listed, .exported, .earlierFound, .redraw, .view, .help, .dismissOverlay:
            skipped = true
            domain = nil
            rows = []
            return
        default: break
        }
        if case .domain(let d) = s.screen, s.catalogue.domains.indices.contains(d) {
            domain = d
            rows = s.visibleRowIDs(domain: d)
        } else {
            domain = nil
            rows = []
        }
    }
}

extension WizardState {
    /// A row's title, for the messages and fields that name it.
    public func rowTitle(_ id: String) -> String {
        for domain in catalogue.domains {
            for area in domain.areas { if let row = area.indicators.first(where: { $0.id == id }) { return row.title } }
        }
        return id
    }

    /// The selected row of a domain, by id, as the views show it.
    public func selectedRowID(domain d: Int) -> String? {
        let rows = visibleRowIDs(domain: d)
        return rows.isEmpty ? nil : rows[min(max(0, domainCursor[d]), rows.count - 1)]
    }
}

extension Wizard {
    /// Puts the cursor back on the row the user selected, after `action` may have rebuilt the list.
    static func keepSelection(_ s: inout WizardState, _ before: SelectionBefore, _ action: WizardAction) {
        guard !before.skipped, case .domain(let d) = s.screen, s.catalogue.domains.indices.contains(d), s.lock == nil else { return }
        let rows = s.visibleRowIDs(domain: d)
        let intended: String?
        let reopened: Bool = {
            if case .loaded = action { return true }
            return s.assessment?.id != before.assessmentID
        }()
        if reopened {
            // A reload places the cursor by the record's own row id, against the new list.
            intended = rows.isEmpty ? s.domainRowID[d] : rows[min(max(0, s.domainCursor[d]), rows.count - 1)]
        } else if before.domain == d, !before.rows.isEmpty {
            // The reducer moved the cursor within the list as it was when the key was pressed.
            intended = before.rows[min(max(0, s.domainCursor[d]), before.rows.count - 1)]
        } else {
            intended = s.domainRowID[d] ?? rows.first
        }
        guard let intended, !rows.isEmpty else {
            s.domainCursor[d] = 0
            if let intended { s.domainRowID[d] = intended }
            return
        }
        if let i = rows.firstIndex(of: intended) {
            s.domainCursor[d] = i
            s.domainRowID[d] = intended
            // A row said to have left the list is back once the filter is cleared: the note is
            // no longer true, so it goes (a tryout read it after Esc had put the row back).
            if s.filter.isEmpty, let m = s.message, m.text.contains(leftListWords),
                rows.contains(where: { m.text.hasPrefix("“\(s.rowTitle($0))”") })
            {
                s.message = nil
            }
            // A filter just set keeps the row chosen before it when that row matches too; said
            // when it is not the first match (a tryout set a filter, pressed Enter and rated,
            // expecting the first match). Never over a "not saved" message.
            // "Still on" only for the row chosen before the filter: when that row left the list
            // while the filter was typed, the row now selected is its nearest neighbour, and the
            // message says so (a tryout read "Still on" a row it had never been on, and rated it).
            if before.filtering, !s.filtering, !s.filter.isEmpty, i > 0, !s.unsaved {
                let first = "the first match is “\(s.rowTitle(rows[0]))”, above."
                if let from = before.filterFrom, from != intended {
                    s.message = Message("“\(s.rowTitle(from))”" + leftListWords + "“\(s.rowTitle(intended))” is selected; " + first)
                } else {
                    s.message = Message("Still on “\(s.rowTitle(intended))”, which matches too; " + first)
                }
            }
            return
        }
        let i = neighbour(of: intended, in: rows, domain: d, s.catalogue)
        s.domainCursor[d] = i
        s.domainRowID[d] = rows[i]
        // While a filter is typed, the row that left is the one chosen before it, not a row
        // selected for a letter or two on the way.
        let gone = s.rowTitle(s.filtering ? (s.filterFrom ?? intended) : intended)
        let now = s.rowTitle(rows[i])
        s.message = Message("“\(gone)”" + leftListWords + "“\(now)” is selected.")
    }

    static let leftListWords = " is not in the list now, so "

    /// The visible row nearest after `id` in catalogue order, or else the nearest before it.
    static func neighbour(of id: String, in rows: [String], domain d: Int, _ c: Catalogue) -> Int {
        let all = c.domains[d].areas.flatMap { $0.indicators.map(\.id) }
        guard let p = all.firstIndex(of: id) else { return 0 }
        let visible = Dictionary(rows.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        for j in all.indices[(p + 1)...] { if let i = visible[all[j]] { return i } }
        for j in all.indices[..<p].reversed() { if let i = visible[all[j]] { return i } }
        return 0
    }
}
