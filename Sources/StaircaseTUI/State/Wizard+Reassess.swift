import StaircaseCore

/// The other saved assessments of the open assessment's child, supplied by the host when an
/// assessment is opened (`Effect.findEarlier`), so the review can say what changed since last
/// time and show the child's journey. Empty for a first assessment or a new one.
public struct ReassessContext: Equatable, Sendable {
    public var others: [Assessment] = []
    public init(others: [Assessment] = []) { self.others = others }
}

extension WizardState {
    /// The assessment "Since last time" compares with: the newest earlier one of the same child
    /// with a row assessed (the rule the summary follows).
    public var earlierAssessment: Assessment? {
        guard let a = assessment else { return nil }
        return ChildHistory.predecessor(of: a, among: reassess.others + [a])
    }

    /// What changed since the earlier assessment, or nil when there is none or it was made with
    /// another catalogue version than the one open (`staircase compare` handles that case).
    public var comparison: AssessmentComparison? {
        guard let a = assessment, let old = earlierAssessment, old.catalogue.version == catalogue.version else { return nil }
        return try? AssessmentComparison.build(old: old, oldCatalogue: catalogue, new: a, newCatalogue: catalogue)
    }

    /// The child's journey, the open assessment included as it is now.
    public var journey: ChildHistory? {
        guard let a = assessment, let key = a.childKey, !reassess.others.isEmpty else { return nil }
        return ChildHistory.build(childKey: key, assessments: reassess.others + [a], catalogues: [catalogue])
    }
}

extension Wizard {
    /// `r` on the start screen: the host makes the re-assessment through the path `assess --from` uses.
    static func reassessSelected(_ s: inout WizardState) -> [Effect] {
        guard s.cursor >= 1, s.cursor <= s.resumable.count else {
            s.message = Message("Choose a saved assessment first (↑/↓), then r re-assesses that child.")
            return []
        }
        guard !s.resumable[s.cursor - 1].recovery else {
            s.message = Message("That is a recovery copy, not yet saved in the store: open it (Enter) to save it, then r re-assesses.")
            return []
        }
        s.exportPath = ""
        s.exportedPath = nil
        return [.reassess(id: s.resumable[s.cursor - 1].id)]
    }

    /// Opens the new re-assessment as Resume opens a saved one, and says what was carried.
    static func reassessed(_ s: inout WizardState, _ result: Result<Assessment, HostError>) -> [Effect] {
        switch result {
        case .failure(let why):
            s.message = Message("Cannot re-assess: \(why.message)", error: true)
            return [.list]
        case .success(let a):
            let effects = resume(&s, a)
            let n = a.rowsToConfirm.count
            s.message = Message("Re-assessment: \(n) earlier answer\(n == 1 ? "" : "s") carried forward to confirm or change.")
            return effects
        }
    }

    /// A carried row answered differently from last time (so a reason can be given).
    static func changedSinceLastTime(_ s: WizardState, _ id: String) -> Bool {
        guard let answer = s.assessment?.answers[id], let earlier = answer.earlier else { return false }
        return answer.rating != .notAssessed && answer.rating != earlier.rating
    }

    static func changedMessage(_ s: WizardState, _ id: String) -> String {
        guard let answer = s.assessment?.answers[id], let earlier = answer.earlier else { return "" }
        // Short enough for one status line at 80 columns; the row's panel says it in full.
        let reason = answer.changeReason.map { "Reason: \($0.label) (w changes it)." } ?? "w: real change or new information?"
        return "Was \(earlier.rating.label) on \(earlier.on), now \(answer.rating.label). " + reason
    }

    /// `c` confirms the selected row's carried answer and moves on; `w` steps its reason.
    static func carried(_ s: inout WizardState, _ d: Int, _ rows: [VisibleRow], _ current: Int, _ action: WizardAction) -> [Effect] {
        let id = rows[current].indicator.id
        guard let answer = s.assessment?.answers[id], let earlier = answer.earlier else {
            s.message = Message("This row has no answer carried from last time: rate it with 1-4 or n.")
            return []
        }
        if action == .confirmCarried {
            guard answer.isCarriedUnconfirmed else {
                s.message = Message(
                    "Already answered: \(answer.rating.label) (was \(earlier.rating.label) on \(earlier.on)). x puts it back to confirm.")
                return []
            }
            let effects = change(&s) { $0.confirm(id) }
            s.message = Message("Confirmed: \(earlier.rating.label), as on \(earlier.on).")
            if !s.expanded && current + 1 < rows.count {
                s.domainCursor[d] = current + 1
            }
            return effects
        }
        guard changedSinceLastTime(s, id) else {
            s.message = Message("A reason is given for a row rated differently from last time (was \(earlier.rating.label)).")
            return []
        }
        let order: [Assessment.ChangeReason?] = [nil, .realChange, .newInformation]
        let next = order[((order.firstIndex(of: answer.changeReason) ?? 0) + 1) % order.count]
        let effects = change(&s) { $0.answer(id, answer.rating, reason: next) }
        s.message = Message(changedMessage(s, id))
        return effects
    }
}

extension WizardState {
    /// The answer of the row selected on a domain screen, if any.
    public var selectedAnswer: Assessment.Answer? {
        guard case .domain(let d) = screen, let a = assessment else { return nil }
        let rows = visibleRows(domain: d)
        guard !rows.isEmpty else { return nil }
        return a.answers[rows[min(domainCursor[d], rows.count - 1)].indicator.id]
    }

    /// The selected row is rated differently from last time.
    public var selectedRowChanged: Bool {
        guard let answer = selectedAnswer, let earlier = answer.earlier else { return false }
        return answer.rating != .notAssessed && answer.rating != earlier.rating
    }
}
