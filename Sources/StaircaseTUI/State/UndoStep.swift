import StaircaseCore

/// One undo step: the record as it was before a change, with its answers kept as only the rows
/// the change touched.
///
/// Why not the whole record: every rating copies the answers (one dictionary of every row), so
/// 200 steps of whole records held about 2 MB after a long session, most of the wizard's heap
/// (issue 26). The rest of the record is shared with the current one until it changes.
///
/// Restoring needs the record as it was right after this step's change. That holds because
/// every change to the answers goes through `Wizard.change`, which pushes a step, and every
/// other way a record arrives (new, resumed, merged, a training case) empties the stack; the
/// random walks check undo against a model after every step.
public struct UndoStep: Equatable, Sendable {
    /// The record before the change, answers left out.
    var rest: Assessment
    /// The answers the change touched, as they were before it (nil: the row had no answer).
    var answers: [String: Assessment.Answer?]

    init(before: Assessment, after: Assessment) {
        rest = before
        rest.answers = [:]
        answers = [:]
        for (id, old) in before.answers where after.answers[id] != old {
            answers.updateValue(old, forKey: id)
        }
        for id in after.answers.keys where before.answers[id] == nil {
            answers.updateValue(nil, forKey: id)
        }
    }

    /// The record before the change, given the record right after it.
    func restore(onto after: Assessment) -> Assessment {
        var a = rest
        a.answers = after.answers
        for (id, old) in answers { a.answers[id] = old }
        return a
    }
}
