import StaircaseCore

/// The decision screen: a level and step chosen against the proposal, the reason it needs (tied
/// to what it was written for), the categories of concern at Level 4, and the record.
extension Wizard {
    static func decision(_ s: inout WizardState, _ action: WizardAction) -> [Effect] {
        guard let p = s.proposal else { return [] }
        switch action {
        case .toggleCategory(let n) where s.askingCategories:
            // Whatever the proposal was, a decided Level 4 asks for the categories of concern.
            return toggleCategory(&s, n)
        case .chooseLevel(let n):
            s.decisionLevel = n
            s.decisionStep = n == 4 ? (p.level == 4 ? (p.step ?? 4) : 4) : n
            return recordDraft(&s)
        case .toggleStep:
            if s.decisionLevel == 4 && !s.askingCategories { s.decisionStep = s.decisionStep == 4 ? 5 : 4 }
            return recordDraft(&s)
        case .editReason:
            s.editor = TextField(.decisionReason, text: s.decisionReason)
        case .nextScreen where s.staleDecisionText != nil && s.assessment?.draftDecision == nil:
            // Passing by must not re-record an old decision (and its reason) against a new
            // proposal: only Enter, on this screen that says what changed, confirms it.
            s.message = Message(
                "The answers changed after this decision: Enter confirms it against the current proposal, or choose a level again.",
                error: true)
            return []
        case .activate, .nextScreen:
            let differs = s.decisionDiffers(from: p)
            if p.level == nil && s.decisionLevel == 0 {
                s.message = Message("Nothing is assessed yet: choose a level (1–4) and give a reason.", error: true)
                return []
            }
            if differs && s.decisionReason.trimmed.isEmpty {
                s.message = Message("A level other than the proposal needs a reason", error: true, fix: .editReason, then: "write it")
                return []
            }
            // A reason written for another level, or against another proposal, is not this
            // decision's: it is read again (and kept, or rewritten) before anything is recorded.
            if !s.decisionReason.trimmed.isEmpty, let written = s.reasonWrittenFor, written != s.decisionContext, !s.askingCategories {
                let was =
                    "Level \(written.level), step \(written.step)"
                    + (written.proposedLevel > 0 ? " against a proposal of Level \(written.proposedLevel)" : "")
                s.message = Message(
                    "The reason was written for \(was), not for this decision: read it again and keep or rewrite it",
                    error: true, fix: .editReason, then: "check it")
                return []
            }
            if s.decisionLevel == 4 && !s.askingCategories {
                s.askingCategories = true
                s.message = Message("Level 4: press 1–4 to mark each category of concern, then Enter to record the decision.")
                return []
            }
            s.askingCategories = false
            // A reason the practitioner wrote is kept whatever the level: accepting the proposal
            // with a reason is still a judgement worth recording.
            let reason = s.decisionReason
            // The time of the decision changes only when the decision does: passing the screen
            // again must not make an old decision look new.
            var decidedAt = s.now
            if let old = s.assessment?.decision, old.level == s.decisionLevel, old.step == s.decisionStep, old.reason == reason,
                !old.isStale(against: p)
            {
                decidedAt = old.decidedAt
            }
            // The proposal it was made against is kept with it, so a later change of answers shows.
            let d = Assessment.Decision(
                level: s.decisionLevel, step: s.decisionStep, reason: reason, decidedAt: decidedAt, proposedLevel: p.level ?? 0,
                proposedStep: p.step ?? 0)
            let effects = change(&s) { a in
                a.decision = d
                a.draftDecision = nil
            }
            go(&s, .export)
            let none = d.level == 4 && (s.assessment?.concernCategories.isEmpty ?? true)
            s.message = Message(
                "Decision recorded: Level \(d.level), step \(d.step)."
                    + (none ? " No category of concern is marked: the export will warn." : ""),
                error: none)
            return effects
        case .back:
            if s.askingCategories {
                s.askingCategories = false
                return []
            }
            return step(&s, by: -1)
        default: break
        }
        return []
    }

    /// Saves the decision being made (level, step, reason) as a draft, with no undo step, so a
    /// closed terminal loses none of it before Enter records it. Never a decision.
    static func recordDraft(_ s: inout WizardState) -> [Effect] {
        guard var a = s.assessment else { return [] }
        let draft = Assessment.DraftDecision(
            level: s.decisionLevel, step: s.decisionStep, reason: s.decisionReason, reasonFor: s.reasonWrittenFor)
        guard a.draftDecision != draft else { return [] }
        a.draftDecision = draft
        a.resumeAt = position(s)
        s.assessment = a
        return [.save(a)]
    }
}
