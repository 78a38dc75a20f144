import StaircaseCore

/// Reads the key table: the action for a key in the current context, and the footer. Text
/// editing takes every printable key, so 'q' in a name field types a q rather than quitting.
public enum KeyMap {
    /// `viewport` is the curses run loop's (below 80×24 only q and Ctrl-L work); nil elsewhere.
    public static func action(for key: Key, in state: WizardState, viewport: Viewport? = nil) -> WizardAction? {
        if case .resize(let w, let h) = key { return .view(.resize(width: w, height: h)) }
        let context = KeyContext(state, in: viewport)
        for binding in KeyTable.bindings(for: context) {
            if let action = binding.action(for: key) { return action }
        }
        return KeyTable.fallback(key, in: context)
    }

    /// The footer entries that apply now, in table order, before any are dropped for width.
    /// Some entries show only when a pane scrolls, which depends on the viewport.
    public static func footerEntries(for state: WizardState, in viewport: Viewport) -> [(text: String, priority: Int)] {
        let context = KeyContext(state, in: viewport)
        var out: [(text: String, priority: Int)] = []
        for b in KeyTable.bindings(for: context) {
            guard let p = b.priority, holds(b.condition, in: state, viewport) else { continue }
            out.append((b.footerText, p))
        }
        if let fallback = KeyTable.fallbackText(context) { out.append((fallback, 1)) }
        return out
    }

    /// The footer: what fits in `width` columns, dropping the least important entries whole
    /// (never cutting a word); `?` is always kept.
    public static func footer(for state: WizardState, in viewport: Viewport, width: Int? = nil) -> String {
        var entries = footerEntries(for: state, in: viewport)
        let budget = (width ?? viewport.width) - 2
        func text() -> String { entries.map(\.text).joinedText(separator: " · ") }
        // Measured as drawn: in ASCII "←/→" takes five columns, not three.
        func drawnWidth() -> Int { DisplayWidth.of(state.ascii ? Glyphs.ascii(text()) : text()) }
        while drawnWidth() > budget, entries.count > 1 {
            // The last of the highest priority numbers goes first; priority 0 stays.
            guard let worst = entries.indices.filter({ entries[$0].priority > 0 }).max(by: { entries[$0].priority <= entries[$1].priority })
            else { break }
            entries.remove(at: worst)
        }
        return text()
    }

    /// Whether a footer condition holds, measured against the layout the views will draw.
    static func holds(_ condition: KeyCondition, in s: WizardState, _ v: Viewport) -> Bool {
        // The layout only for the conditions that measure the screen: the footer asks for every
        // binding of the context after every key, and most hold or not without it.
        var body: Rect { View.layout(s, v).body }
        switch condition {
        case .always: return true
        case .canUndo: return !s.undoStack.isEmpty
        case .levelFourChosen: return s.decisionLevel == 4
        case .entrySelected: return Wizard.entrySelected(s)
        case .concernApplies: return ReviewView.concernApplies(s)
        case .reviewScrolls: return ReviewView.lines(s, width: body.width - 2).count > body.height
        case .fullTextScrolls: return DomainView.fullTextLineCount(s, width: body.width - 2) > body.height
        case .panelScrolls: return DomainView.panelMostScroll(s, body) > 0
        case .trainingCase: return s.trainingRun?.trainingCase != nil
        case .rowToConfirm:
            if s.selectedAnswer?.isCarriedUnconfirmed == true { return true }
            guard case .domain(let d) = s.screen, let id = s.selectedRowID(domain: d) else { return false }
            return s.isOutsideAge(id) || s.selectedAnswer?.confirmedForAge == true
        case .rowChanged: return s.selectedRowChanged
        case .canReassess: return !s.resumable.isEmpty
        case .householdAnswered: return Wizard.householdAnswered(s)
        case .helpSelected: return Wizard.helpSelected(s)
        }
    }
}
