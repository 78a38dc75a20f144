import StaircaseCore

/// The merge screen's reducer: a recovery copy brought back after the store's file changed is
/// shown part by part beside the saved version; the user picks a side for each part (the saved
/// one unless they choose), and the last line saves the merged assessment. Esc changes nothing.
extension Wizard {
    static func broughtBack(_ s: inout WizardState, _ result: Result<BroughtBack, HostError>) -> [Effect] {
        switch result {
        case .failure(let why):
            s.message = Message("Cannot bring that copy back: \(why.message)", error: true)
            return [.list]
        case .success(.unchanged(let a, let notice)):
            let effects = resume(&s, a)
            if let notice { s.message = Message(notice, error: true) }
            return effects
        case .success(.changed(let saved, let copy, let copyID)):
            s.merge = MergeState(saved: saved, copy: copy, copyID: copyID, catalogue: s.catalogue)
            s.assessment = nil
            s.unsaved = false
            s.undoStack = []
            go(&s, .merge)
            s.message = Message("The saved version changed after this copy was made: choose what to keep, part by part.")
            return []
        }
    }

    static func merge(_ s: inout WizardState, _ action: WizardAction) -> [Effect] {
        guard var m = s.merge else {
            go(&s, .start)
            return []
        }
        defer { if s.screen == .merge { s.merge = m } }
        let count = m.differences.count + 1
        switch action {
        case .move(let d): s.cursor = clamp(s.cursor, by: d, count: count)
        case .mergeTake(let side):
            guard s.cursor < m.differences.count else {
                s.message = Message("Choose a part first (↑/↓): this line saves the merged assessment.")
                return []
            }
            guard m.sides(s.cursor).contains(side) else {
                s.message = Message("Only text can be kept from both sides: s keeps the saved one, c takes the copy’s.")
                return []
            }
            m.choices[m.differences[s.cursor].key] = side
        case .activate:
            guard s.cursor == count - 1 else {
                s.cursor += 1
                return []
            }
            let merged = AssessmentMerge.merge(saved: m.saved, copy: m.copy, choices: m.choices, now: s.now)
            m.saving = merged
            return [.saveMerged(merged, copy: m.copyID)]
        case .back:
            s.merge = nil
            go(&s, .start)
            s.message = Message("Nothing was changed: the saved assessment and the recovery copy are both kept.")
        default: break
        }
        return []
    }

    static func mergeSaved(_ s: inout WizardState, _ failure: HostError?) -> [Effect] {
        guard let merged = s.merge?.saving else { return [] }
        switch failure {
        case nil:
            s.merge = nil
            let effects = resume(&s, merged)
            s.message = Message("Saved the merged assessment; the recovery copy is removed.")
            return effects
        case let why?:
            s.merge?.saving = nil
            s.message = Message(
                "Not saved: \(why.message) The saved assessment and the recovery copy are both as they were.", error: true)
            return []
        }
    }
}
