import StaircaseCore

/// Reads the key table: the action for a key in the current context, and the footer. Text
/// editing takes every printable key, so 'q' in a name field types a q rather than quitting.
public enum KeyMap {
    public static func action(for key: Key, in state: WizardState) -> WizardAction? {
        if case .resize(let w, let h) = key { return .resize(width: w, height: h) }
        let context = KeyContext(state)
        for binding in KeyTable.bindings where binding.contexts.contains(context) {
            if let action = binding.action(for: key) { return action }
        }
        return KeyTable.fallback(key, in: context)
    }

    /// The footer entries that apply now, in table order, before any are dropped for width.
    public static func footerEntries(for state: WizardState) -> [(text: String, priority: Int)] {
        let context = KeyContext(state)
        var out: [(text: String, priority: Int)] = []
        for b in KeyTable.bindings(for: context) {
            guard let p = b.priority, holds(b.condition, in: state) else { continue }
            out.append((b.footerText, p))
        }
        if let fallback = KeyTable.fallbackText(context) { out.append((fallback, 1)) }
        return out
    }

    /// The footer: what fits in `width` columns, dropping the least important entries whole
    /// (never cutting a word); `?` is always kept.
    public static func footer(for state: WizardState, width: Int? = nil) -> String {
        var entries = footerEntries(for: state)
        let budget = (width ?? state.width) - 2
        func text() -> String { entries.map(\.text).joined(separator: " · ") }
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
    static func holds(_ condition: KeyCondition, in s: WizardState) -> Bool {
        switch condition {
        case .always: return true
        case .canUndo: return !s.undoStack.isEmpty
        case .levelFourChosen: return s.decisionLevel == 4
        case .entrySelected: return Wizard.entrySelected(s)
        case .concernApplies: return ReviewView.concernApplies(s)
        case .reviewScrolls: return ReviewView.lines(s, width: s.width - 2).count > View.bodyHeight(s)
        case .fullTextScrolls: return DomainView.fullTextLineCount(s) > View.bodyHeight(s)
        case .panelScrolls: return DomainView.panelOverflows(s)
        case .trainingCase: return s.trainingRun?.trainingCase != nil
        case .rowToConfirm: return s.selectedAnswer?.isCarriedUnconfirmed == true
        case .rowChanged: return s.selectedRowChanged
        case .canReassess: return !s.resumable.isEmpty
        }
    }
}
