import StaircaseCore

/// The screens of a participant's training run, as screen models: the case list, the case, the
/// feedback, and the narrative that is one key away on every screen (`side`, or an overlay).
extension ScreenModel {
    static func training(_ s: WizardState, _ screen: TrainingScreen) -> ScreenModel {
        guard let run = s.trainingRun else { return ScreenModel(title: "Training", prompt: "") }
        switch screen {
        case .choose: return trainingChoose(s, run)
        case .read: return trainingRead(s, run)
        case .feedback: return feedback(s, run)
        }
    }

    /// Every screen of a training run says TRAINING in its title; once a case is open, its
    /// narrative is the side panel, and `v` shows it.
    mutating func markTraining(_ s: WizardState) {
        guard s.trainingRun != nil || s.training || s.assessment?.training == true else { return }
        title = "TRAINING · " + title
        guard let k = s.trainingRun?.trainingCase else { return }
        side = Self.narrativeBlocks(k)
        if s.overlay == nil, s.editor == nil, s.screen != .training(.read), !choices.contains(where: { $0.key == "v" }) {
            var read = Choice("v", "Read the case again", [.toggleNarrative])
            // Said on the screens between rows, not after every row of a domain (help lists it there).
            if case .domain = s.screen { read.shown = false }
            choices.append(read)
        }
    }

    /// The fictional child and the narrative, section by section (empty sections left out).
    public static func narrativeBlocks(_ k: TrainingCase) -> [TextBlock] {
        var blocks = [TextBlock(heading: "The case: " + k.title, ["\(k.child.name), \(k.child.ageText) (a fictional child)."])]
        for section in k.narrative.sections where !section.paragraphs.isEmpty {
            blocks.append(TextBlock(heading: section.title, section.paragraphs, indent: 2))
        }
        let events = k.events
        if !events.isEmpty { blocks.append(TextBlock(heading: "Chronology", events.map(chronologyLine), indent: 2)) }
        return blocks
    }

    /// "14 June 2026 — what happened (source)": one event of a case's chronology on one line.
    static func chronologyLine(_ e: ChronologyEvent) -> String {
        e.date.words + " — " + e.what + (e.source.isEmpty ? "" : " (\(e.source))")
    }

    /// "75%", or why the figure is not defined (no row of the model's rated).
    static func percent(_ x: Statistic) -> String {
        switch x {
        case .value(let v): "\(Int((v * 100).rounded()))%"
        case .notDefined: x.formatted()
        }
    }

    static func trainingChoose(_ s: WizardState, _ run: TrainingRun) -> ScreenModel {
        let n = run.pack.cases.count
        var m = ScreenModel(title: "Training: choose a case", position: "Training start", prompt: "Case (1-\(n)), a alias, q quits:")
        m.blocks = [
            TextBlock(.warning, ["Training run: a fictional case, kept apart from real assessments. Nothing here is a referral."]),
            TextBlock([
                run.pack.title,
                "Read the case, rate the rows and decide as you would in a real assessment. "
                    + "The model answer is shown only after you record your decision.",
            ]),
        ]
        let alias = run.alias.isEmpty ? "(not set: press a)" : run.alias
        m.fields = [Field(key: "a", label: "Your workshop alias (never your real name)", value: alias, isEmpty: run.alias.isEmpty)]
        for (i, k) in run.pack.cases.enumerated() {
            m.choices.append(Choice("\(i + 1)", "\(k.title) (\(k.child.name), \(k.child.ageText))", select(s, i) + [.activate]))
        }
        var aliasChoice = Choice("a", "Set your alias", [.editAlias])
        aliasChoice.shown = false
        m.choices.append(aliasChoice)
        return m
    }

    static func trainingRead(_ s: WizardState, _ run: TrainingRun) -> ScreenModel {
        var m = ScreenModel(
            title: "Training case: " + (run.trainingCase?.title ?? ""), position: "Read the case",
            prompt: "Enter starts rating, b goes back to the cases:")
        if let k = run.trainingCase { m.blocks = narrativeBlocks(k) }
        m.blocks.append(TextBlock(["The narrative stays one key away (v) on every screen while you rate and decide."]))
        m.enter = Choice("", "Enter starts the assessment of this case", [.activate])
        return m
    }

    /// The narrative laid over the screen (`v`); in line mode it is printed, and Enter goes back.
    static func narrative(_ s: WizardState) -> ScreenModel {
        var m = ScreenModel(title: "Training case narrative", position: "Case narrative", prompt: "Enter goes back:")
        if let k = s.trainingRun?.trainingCase { m.blocks = narrativeBlocks(k) }
        m.enter = Choice("", "Enter goes back to where you were", [.toggleNarrative])
        return m
    }

    static func feedback(_ s: WizardState, _ run: TrainingRun) -> ScreenModel {
        var m = ScreenModel(
            title: "Training feedback: " + (run.trainingCase?.title ?? ""), position: "Feedback",
            prompt: "w writes your response, Enter " + (run.writtenPath == nil ? "writes it" : "chooses another case") + ":")
        guard let f = run.feedback, let k = run.trainingCase else { return m }
        func ls(_ x: TrainingFeedback.LevelStep) -> String {
            "Level \(x.level), step \(x.step)" + (x.stepName.isEmpty ? "" : " (\(x.stepName))")
        }
        m.blocks = [
            TextBlock(
                heading: "Your decision and the model answer",
                [
                    "Yours: " + ls(f.theirs) + ".", "Model answer: " + ls(f.model) + ".",
                    f.decisionMatches ? "Your decision matches the model answer." : "Your decision differs from the model answer.",
                ]),
            TextBlock(
                heading: "Agreement with the model answer, row by row",
                [
                    "Exact: " + percent(f.exact) + " of the model's rows you rated are at its level.",
                    "Within one level: " + percent(f.withinOne) + ".",
                ]),
        ]
        if let why = k.modelAnswer.engineDifference {
            m.blocks.append(TextBlock(.note, heading: "Why the authors differ from the engine", [why]))
        }
        if f.differences.isEmpty && f.notApplicable.isEmpty {
            m.blocks.append(TextBlock(["No row you rated differs from the model answer."]))
        } else if f.differences.isEmpty {
            m.blocks.append(TextBlock(["No row you rated at a level differs from the model answer."]))
        } else {
            m.blocks.append(TextBlock(heading: "Rows where you differ (\(f.differences.count))", []))
            for d in f.differences {
                var ps = ["Yours, Level \(d.theirLevel): \(d.theirDescriptor)", "Model, Level \(d.modelLevel): \(d.modelDescriptor)"]
                if let r = d.rationale { ps.append("Why: " + r) }
                m.blocks.append(TextBlock(.descriptor, heading: d.title, ps, indent: 2))
            }
        }
        if !f.notApplicable.isEmpty {
            m.blocks.append(
                TextBlock(heading: "Rows you marked not applicable that the model rates at a level (\(f.notApplicable.count))", []))
            for u in f.notApplicable {
                var ps = ["Yours: not applicable.", "Model, Level \(u.modelLevel): \(u.modelDescriptor)"]
                if let r = u.rationale { ps.append("Why: " + r) }
                m.blocks.append(TextBlock(.descriptor, heading: u.title, ps, indent: 2))
            }
        }
        if !f.unassessed.isEmpty {
            m.blocks.append(TextBlock(heading: "Rows the model rates that you left unassessed (\(f.unassessed.count))", []))
            for u in f.unassessed {
                var ps = ["Model, Level \(u.modelLevel): \(u.modelDescriptor)"]
                if let r = u.rationale { ps.append("Why: " + r) }
                m.blocks.append(TextBlock(.descriptor, heading: u.title, ps, indent: 2))
            }
        }
        if !k.modelAnswer.discussionPoints.isEmpty {
            m.blocks.append(TextBlock(heading: "For discussion", k.modelAnswer.discussionPoints, indent: 2))
        }
        let written =
            run.writtenPath.map { "Your response is written: \($0)." }
            ?? "Your response is not written yet: press w"
            + (run.asksFolder ? " and choose the folder (default \(run.responsesFolder))." : " to write it to \(run.responsesFolder).")
        m.blocks.append(TextBlock(run.writtenPath == nil ? .warning : .text, [written]))
        m.choices = [Choice("w", "Write your response file", [.writeResponse])]
        m.enter =
            run.writtenPath == nil
            ? Choice("", "Enter writes your response", [.writeResponse])
            : Choice("", "Enter chooses another case", [.activate])
        return m
    }
}
