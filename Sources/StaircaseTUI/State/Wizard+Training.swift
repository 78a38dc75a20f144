import StaircaseCore

/// The reducer for a participant's training run. The case is rated and decided on the real
/// assessment screens, by the same reducer; these functions only choose the case, show it, and
/// turn the recorded decision into a response and its feedback.
extension Wizard {
    /// Actions that work over any screen of a training run: the narrative and the host's answers.
    static func trainingAnywhere(_ s: inout WizardState, _ action: WizardAction) -> [Effect] {
        switch action {
        case .toggleNarrative:
            if s.overlay == .narrative {
                s.overlay = nil
            } else if s.trainingRun?.trainingCase != nil, s.editor == nil {
                s.overlay = .narrative
            } else if s.trainingRun != nil, s.editor == nil {
                s.message = Message("Choose a case first: its narrative is then one key (v) away on every screen.")
            }
        case .responseWritten(let path):
            s.trainingRun?.writtenPath = path
            s.message = Message("Saved your response (TRAINING, private to you): \(path)")
        case .responseFailed(let why):
            s.message = Message(
                "Your response was not written: \(why.message) Press w to try again or to choose another folder.", error: true)
        default: break
        }
        return []
    }

    /// The training screens: choose a case, read it, the feedback.
    static func training(_ s: inout WizardState, _ screen: TrainingScreen, _ action: WizardAction) -> [Effect] {
        guard let run = s.trainingRun else { return [] }
        switch screen {
        case .choose:
            let count = run.pack.cases.count
            switch action {
            case .move(let d) where count > 0: s.cursor = wrap(s.cursor, by: d, count: count)
            case .editAlias: s.editor = TextField(.alias, text: run.alias)
            case .activate:
                guard run.pack.cases.indices.contains(s.cursor) else { return [] }
                return openCase(&s, run.pack.cases[s.cursor])
            default: break
            }
        case .read:
            switch action {
            case .activate, .nextScreen:
                go(&s, .details)
                return recordPosition(&s)
            case .back: leaveCase(&s)
            default: break
            }
        case .feedback:
            switch action {
            case .writeResponse: return writeResponse(&s)
            case .activate:
                if run.writtenPath == nil { return writeResponse(&s) }
                leaveCase(&s)
            default: break
            }
        }
        return []
    }

    /// Opens a case as a new training assessment in the training store, with the pack's
    /// fictional child filled in, and shows its narrative.
    static func openCase(_ s: inout WizardState, _ k: TrainingCase) -> [Effect] {
        guard var run = s.trainingRun else { return [] }
        if let problem = TrainingRun.aliasProblem(run.alias) {
            s.message = Message("Your alias first: \(problem).", error: true)
            s.editor = TextField(.alias, text: run.alias)
            return []
        }
        var a = Assessment(
            id: s.nextID, createdAt: s.now, catalogue: .init(id: s.catalogue.id, version: s.catalogue.version), childKey: s.nextChildKey)
        a.training = true
        a.child.name = k.child.name
        a.child.unborn = k.child.isUnborn
        a.child.expectedDate = k.child.expectedDate
        if !k.child.isUnborn {
            a.child.dateOfBirth = birthDate(today: s.today, years: k.child.ageYears ?? 0, months: k.child.ageMonths ?? 0)
        }
        a.resumeAt = ResumePosition(screen: "details", cursor: 0)
        run.caseID = k.id
        run.startedAt = s.now
        run.response = nil
        run.feedback = nil
        run.writtenPath = nil
        run.warnedUnwritten = false
        s.trainingRun = run
        s.assessment = a
        s.undoStack = []
        s.fieldProblems = [:]
        s.domainCursor = Array(repeating: 0, count: s.catalogue.domains.count)
        s.domainRowID = Array(repeating: nil, count: s.catalogue.domains.count)
        go(&s, .training(.read))
        return [.save(a)]
    }

    /// Back to the list of cases; the run so far stays in the training store.
    static func leaveCase(_ s: inout WizardState) {
        s.trainingRun?.caseID = nil
        s.trainingRun?.response = nil
        s.trainingRun?.feedback = nil
        s.trainingRun?.writtenPath = nil
        s.assessment = nil
        s.undoStack = []
        go(&s, .training(.choose))
    }

    /// The fictional child's date of birth: today less their age, so the age-specific rows apply.
    static func birthDate(today: CalendarDate, years: Int, months: Int) -> String? {
        let total = today.year * 12 + (today.month - 1) - (years * 12 + months)
        return CalendarDate(year: total / 12, month: total % 12 + 1, day: min(today.day, 28))?.description
    }

    static func writeResponse(_ s: inout WizardState) -> [Effect] {
        guard let run = s.trainingRun, let r = run.response else { return [] }
        if run.asksFolder {
            s.editor = TextField(.responsesFolder, text: run.responsesFolder)
            return []
        }
        return [.writeResponse(r, folder: run.responsesFolder)]
    }

    /// The response's id: the random part of the host's fresh id for this action (never the
    /// assessment's, which was used when the case opened), so it links to nothing else.
    static func responseID(_ fresh: String) -> String {
        TrainingResponse.idPrefix + "-" + String(fresh.drop { $0 != "-" }.dropFirst())
    }

    /// The first q after a decision whose response is not yet written says so instead of
    /// quitting; a second q quits. Nothing is lost silently.
    static func keepUnwrittenResponse(_ s: inout WizardState) -> Bool {
        guard let run = s.trainingRun, run.response != nil, run.writtenPath == nil, !run.warnedUnwritten else { return false }
        s.trainingRun?.warnedUnwritten = true
        s.message = Message("Your response is not written yet: press w to write it, or q again to quit without it.", error: true)
        return true
    }

    /// A committed alias or response folder.
    static func commitTraining(_ s: inout WizardState, _ target: TextField.Target, _ text: String) -> [Effect] {
        switch target {
        case .alias:
            if let problem = TrainingRun.aliasProblem(text) {
                s.message = Message("Alias: \(problem).", error: true)
                s.editor = TextField(.alias, text: text)
                return []
            }
            s.trainingRun?.alias = text
            s.message = Message("You are \(text) for this workshop.")
        case .responsesFolder:
            guard let r = s.trainingRun?.response else { return [] }
            let folder = text.isEmpty ? "." : text
            s.trainingRun?.responsesFolder = folder
            return [.writeResponse(r, folder: folder)]
        default: break
        }
        return []
    }

    /// After each action of a training run: the start screen is the case list, and a recorded
    /// decision leads to the feedback (never to the referral export).
    static func trainingFollow(_ s: inout WizardState, from before: Screen, _ effects: [Effect]) -> [Effect] {
        guard let run = s.trainingRun else { return effects }
        if s.screen == .start {
            go(&s, run.caseID == nil ? .training(.choose) : .training(.read))
            return effects.filter { $0 != .list }
        }
        guard before == .decision, s.screen == .export, let a = s.assessment, let d = a.decision, let k = run.trainingCase else {
            return effects
        }
        var ratings: [String: Rating] = [:]
        for (row, answer) in a.answers where answer.rating != .notAssessed { ratings[row] = answer.rating }
        let seconds = run.startedAt.flatMap { TrainingRun.seconds(from: $0, to: s.now) } ?? 0
        let response = TrainingResponse(
            id: responseID(s.nextID), alias: run.alias.trimmed,
            pack: .init(id: run.pack.id, version: run.pack.version), caseID: k.id, ratings: ratings,
            decision: .init(level: d.level, step: d.step, reason: d.reason), secondsTaken: seconds, recordedAt: d.decidedAt)
        s.trainingRun?.response = response
        s.trainingRun?.feedback = TrainingFeedback.make(response: response, case: k, catalogue: s.catalogue)
        s.trainingRun?.writtenPath = nil
        go(&s, .training(.feedback))
        s.message = Message(
            "Decision recorded: Level \(d.level), step \(d.step). The model answer is now shown; press w to write your response.")
        return effects
    }
}
