import StaircaseCore

@testable import StaircaseTUI

/// The wizard's promises, stated once as checks over (state before, action, state after), the
/// same list as ARCHITECTURE.md's "The wizard's invariants". Each returns nil when it holds, or
/// what went wrong in words. The random walk calls `all` after every key; the renderers'
/// agreement (`sameMeaning`) is checked at the end of a walk run in both.
enum Invariants {
    /// One step: the state before, the action the key map gave, the effects the reducer asked
    /// for, and the state after the host carried them out.
    struct Step {
        var before: WizardState
        var action: WizardAction
        var effects: [Effect]
        var after: WizardState
    }

    static func all(_ step: Step, stored: Assessment?) -> [String] {
        [
            selectionIdentity(step), editTarget(step), decisionValidity(step), persistence(step.after, stored: stored),
            lock(step), eventFromRow(step),
        ].compactMap { $0 }
    }

    /// The answers that differ between two states, by row id.
    static func changedRows(_ a: WizardState, _ b: WizardState) -> Set<String> {
        let x = a.assessment?.answers ?? [:]
        let y = b.assessment?.answers ?? [:]
        return Set(x.keys).union(y.keys).filter { x[$0] != y[$0] }
    }

    /// The domain on screen with no field or overlay open, where a key acts on the selected row.
    static func domainKeys(_ s: WizardState) -> Int? {
        guard case .domain(let d) = s.screen, s.editor == nil, s.overlay == nil, s.lock == nil else { return nil }
        return d
    }

    /// **Selection identity.** A rating, n/a or clear applies to the row selected when the key
    /// was pressed and to no other; `e` right after a rating that moved on selects the row just
    /// rated again and writes its note ("rate, then e"); a key that rebuilds the list (filter, `a`, an answer that
    /// hides a row, undo) keeps that row selected while it is listed, and otherwise the message
    /// names the row that left.
    static func selectionIdentity(_ step: Step) -> String? {
        let (before, after) = (step.before, step.after)
        guard case .domain(let d) = before.screen, before.lock == nil else { return nil }
        let selected = before.selectedRowID(domain: d)
        let changed = changedRows(before, after)
        switch step.action {
        case .rate, .confirmCarried, .cycleReason:
            guard domainKeys(before) != nil else { break }
            if !changed.isSubset(of: Set([selected].compactMap { $0 })) {
                return "a rating changed \(changed.sorted()) while \(selected ?? "no row") was selected"
            }
            return nil
        // A move chooses another row; a reload opens the stored record where it was left.
        case .move, .loaded, .reload: return nil
        // "Rate, then e": the note key right after a rating selects the row just rated again.
        case .editNote where before.justRated != nil && after.selectedRowID(domain: d) == before.justRated: return nil
        default: break
        }
        guard after.screen == before.screen, let selected, after.lock == nil else { return nil }
        let listed = after.visibleRowIDs(domain: d)
        if listed.contains(selected) {
            let now = listed[min(max(0, after.domainCursor[d]), listed.count - 1)]
            if now != selected { return "\(selected) is still listed but \(now) is selected after \(step.action)" }
        } else if !listed.isEmpty, after.message?.text.contains("is not in the list now") != true {
            return "\(selected) left the list after \(step.action) and the screen did not say so"
        }
        return nil
    }

    /// **Edit target.** A note field opens for the selected row and names it, in both renderers;
    /// what a field commits changes that row (or that form field) and nothing else.
    static func editTarget(_ step: Step) -> String? {
        let (before, after) = (step.before, step.after)
        if before.editor == nil, case .note(let id)? = after.editor?.target, before.lock == nil {
            // The selected row, or (the key right after a rating) the row just rated, which is
            // then selected again: either way the field and the selection name the same row.
            guard case .domain(let d) = before.screen,
                before.selectedRowID(domain: d) == id || (before.justRated == id && after.selectedRowID(domain: d) == id)
            else {
                return "a note field opened for \(id), which was neither the selected row nor the row just rated"
            }
            let title = after.rowTitle(id)
            if !LineRunner<ScriptConsole>.fieldName(after.editor?.target, after).contains(title) {
                return "line mode's note prompt does not name \(title)"
            }
            let label = DomainView.noteLabel(after, id, width: 80)
            if !label.contains(String(title.prefix(8))) { return "the curses note field \"\(label)\" does not name \(title)" }
        }
        guard let e = before.editor, before.lock == nil else { return nil }
        let changed = changedRows(before, after)
        switch e.target {
        case .note(let id):
            if !changed.isSubset(of: [id]) { return "the note field for \(id) changed \(changed.sorted())" }
            // Its note and nothing else of the row: not the rating, the carried answer, the
            // reason for a change or the age confirmation.
            var was = before.assessment?.answers[id] ?? .init(.notAssessed)
            var now = after.assessment?.answers[id] ?? .init(.notAssessed)
            (was.note, now.note) = ("", "")
            if was != now { return "the note field for \(id) changed more than the note: \(was) → \(now)" }
        default: if !changed.isEmpty { return "a \(e.target) field changed rows \(changed.sorted())" }
        }
        return nil
    }

    /// **Decision validity.** A decision records the proposal it was made against; while the
    /// proposal differs, the review, decision and export screens say so (line mode prints the
    /// same models) and no summary is written.
    static func decisionValidity(_ step: Step) -> String? {
        let after = step.after
        for case .export(_, _, let a, _) in step.effects {
            if let d = a.decision, d.isStale(against: after.engine.propose(a)) { return "a summary was written with a stale decision" }
        }
        guard let a = after.assessment, let d = a.decision else { return nil }
        // The engine's level and step alone (the allocation-free core of a proposal), after every key.
        let o = after.engine.outcome(after.engine.dense(a), .init(a))
        let (level, stepNow) = o.level == 0 ? (0, 0) : (o.level, o.step)
        if case .decision = step.before.screen, step.action != .undo, d != step.before.assessment?.decision,
            d.proposedLevel != level || d.proposedStep != stepNow
        {
            return "a decision was recorded against \(d.proposedWords), not the proposal shown"
        }
        guard let proposed = d.proposedLevel, proposed != level || (d.proposedStep ?? 0) != stepNow else { return nil }
        guard let text = after.staleDecisionText else { return "a stale decision is not described" }
        switch after.screen {
        case .review, .decision, .export:
            guard after.overlay == nil, after.lock == nil else { return nil }
            let said = ScreenModel(after).blocks.flatMap(\.paragraphs)
            if !said.contains(where: { $0.contains(text) }) { return "the \(after.screen) screen does not say the decision is stale" }
        default: break
        }
        return nil
    }

    /// **Persistence.** After every step the store holds exactly the assessment shown, or the
    /// screen says some changes are not saved.
    static func persistence(_ after: WizardState, stored: Assessment?) -> String? {
        guard let a = after.assessment, stored != a else { return nil }
        guard after.unsaved else { return "the store holds another version than the one shown, and the screen does not say so" }
        if after.lock == nil, after.overlay == nil {
            let said = ScreenModel(after).message?.text.lowercased() ?? ""
            if !said.contains("not saved") { return "changes are not saved and the screen says \"\(said)\"" }
        }
        return nil
    }

    /// **Edit target, for the chronology.** `c` opens an event with exactly the selected row
    /// linked; closing that event goes back to the screen it came from with that row selected.
    static func eventFromRow(_ step: Step) -> String? {
        let (before, after) = (step.before, step.after)
        guard before.lock == nil, after.lock == nil else { return nil }
        if step.action == .addEventForRow, let d = domainKeys(before), let row = before.selectedRowID(domain: d) {
            guard let draft = after.chronology?.draft, draft.forRow == row, draft.rows == [row] else {
                return "c on \(row) opened \(String(describing: after.chronology?.draft)), not an event linked to that row alone"
            }
            return nil
        }
        guard let from = before.chronology, let row = from.draft?.forRow, after.chronology == nil else { return nil }
        guard after.screen == from.from else { return "an event opened from \(row) closed onto \(after.screen), not \(from.from)" }
        if case .domain(let d) = after.screen, after.visibleRowIDs(domain: d).contains(row), after.selectedRowID(domain: d) != row {
            return "an event opened from \(row) closed onto \(after.selectedRowID(domain: d) ?? "no row")"
        }
        for new in after.assessment?.chronology ?? [] where before.assessment?.chronology.contains(where: { $0.id == new.id }) != true {
            if !new.rows.contains(row) { return "the event added from \(row) does not link it: \(new.rows)" }
        }
        return nil
    }

    /// **Lock.** While locked (the idle time passed), no typed key changes the assessment.
    static func lock(_ step: Step) -> String? {
        guard step.before.lock != nil else { return nil }
        switch step.action {
        case .loaded, .saved, .saveFailed, .signal: return nil
        default:
            return step.before.assessment == step.after.assessment ? nil : "\(step.action) changed the assessment while locked"
        }
    }

    /// **Same meaning, two renderers.** The same actions give the same state in curses and in
    /// line mode. The message line is left out: it answers the last key in each renderer's words.
    static func sameMeaning(curses: WizardState, line: WizardState) -> String? {
        var c = curses
        var l = line
        c.message = nil
        l.message = nil
        guard c != l else { return nil }
        var out: [String] = []
        if c.assessment != l.assessment { out.append("the assessments differ") }
        if c.screen != l.screen { out.append("screens \(c.screen) / \(l.screen)") }
        if c.domainCursor != l.domainCursor || c.domainRowID != l.domainRowID { out.append("selections differ") }
        if c.undoStack.count != l.undoStack.count { out.append("undo steps \(c.undoStack.count) / \(l.undoStack.count)") }
        if c.filter != l.filter || c.showHidden != l.showHidden { out.append("filter or ages differ") }
        if c.editor != l.editor || c.lock != l.lock || c.overlay != l.overlay { out.append("editor, lock or overlay differ") }
        return "curses and line mode end in different states: " + (out.isEmpty ? "other fields differ" : out.joined(separator: "; "))
    }
}
