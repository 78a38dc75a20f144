import StaircaseCore

extension ScreenModel {
    /// The model of the screen the state is on, with any question laid over it (quit, replace).
    public init(_ s: WizardState) {
        if s.lock != nil {
            self = Self.locked(s)
            return
        }
        switch s.overlay {
        case .confirmQuit: self = Self.confirmQuit(s)
        case .confirmReplace: self = Self.confirmReplace(s)
        case .narrative: self = Self.narrative(s)
        case .help, nil:
            switch s.screen {
            case .start: self = Self.start(s)
            case .details: self = Self.details(s)
            case .danger: self = Self.danger(s)
            case .domain(let d): self = Self.domain(s, d)
            case .voice: self = Self.voice(s)
            case .review: self = Self.review(s)
            case .decision: self = Self.decision(s)
            case .export: self = Self.export(s)
            case .training(let t): self = Self.training(s, t)
            case .merge: self = Self.merge(s)
            case .household: self = Self.household(s)
            case .chronology: self = Self.chronology(s)
            }
        }
        markTraining(s)
        message = s.message
        if message == nil, s.unsaved { message = Message("Some changes are not saved.", error: true) }
        keys = KeyTable.bindings(for: KeyContext(s), in: s).map { KeyHint(keys: $0.keyLabel, label: $0.label, help: $0.help) }
    }

    /// "Screen 4 of 11", from the wizard's own order of screens.
    static func screenPosition(_ s: WizardState) -> String? {
        let order = Wizard.screenOrder(s)
        guard let i = order.firstIndex(of: s.screen) else { return nil }
        // The five details forms are one screen of the wizard: say which form too.
        let form = s.screen == .details ? ", form \(s.formPage.rawValue + 1) of \(FormPage.allCases.count)" : ""
        return "Screen \(i + 1) of \(order.count)" + form
    }

    /// Moves the selection to item `i` of a list (the reducer wraps or clamps; within range both are exact).
    static func select(_ s: WizardState, _ i: Int) -> [WizardAction] {
        i == s.cursor ? [] : [.move(i - s.cursor)]
    }

    static func start(_ s: WizardState) -> ScreenModel {
        var m = ScreenModel(title: s.catalogue.title, position: "Start", prompt: "Choose 1-\(s.resumable.count + 2):")
        m.blocks = [
            TextBlock([
                s.catalogue.authority, "Decide a child’s level of need and write the referral.",
                "Not a tick-box exercise: Staircase proposes, you decide.",
            ])
        ]
        m.choices = [Choice("1", "New assessment", select(s, 0) + [.activate])]
        for (i, label) in s.resumeLabels.enumerated() {
            m.choices.append(Choice("\(i + 2)", "Resume " + label, select(s, i + 1) + [.activate]))
        }
        m.choices.append(Choice("\(s.resumable.count + 2)", "Quit", [.quit]))
        if let reassess = reassessChoice(s) {
            m.choices.append(reassess)
            m.prompt = "Choose 1-\(s.resumable.count + 2), or a to re-assess:"
        }
        if let problem = s.listProblem {
            m.blocks.append(TextBlock(.danger, ["Saved assessments cannot be listed: \(problem)"]))
        } else if s.resumable.isEmpty && s.damaged.isEmpty {
            m.blocks.append(TextBlock(.note, ["No saved assessments yet."]))
        }
        if let note = retentionNote(s) { m.blocks.append(note) }
        if !s.damaged.isEmpty {
            let names = s.damaged.map(\.label).joined(separator: ", ")
            let what =
                s.damaged.count == 1
                ? "1 saved file is damaged and not listed" : "\(s.damaged.count) saved files are damaged and not listed"
            m.blocks.append(TextBlock(.warning, ["\(what): \(names). `staircase sessions list` says why."]))
        }
        return m
    }

    /// With an organisation's retention period: how many saved assessments are past it, and the
    /// command that deletes them. A count only, no initials, so nothing personal is on screen.
    static func retentionNote(_ s: WizardState) -> TextBlock? {
        guard let days = s.retentionDays, !s.training else { return nil }
        let cutoff = Retention.cutoff(days: days, today: s.today)
        let past = s.resumable.filter { Retention.isPast(lastChange: $0.lastChange, cutoff: cutoff) }.count
        guard past > 0 else { return nil }
        let what = past == 1 ? "1 saved assessment is" : "\(past) saved assessments are"
        // The command is a paragraph of its own, so it is never broken across lines.
        return TextBlock(.note, ["\(what) past the \(days)-day retention period. This deletes them:", Retention.purgeCommand(days: days)])
    }

    static func danger(_ s: WizardState) -> ScreenModel {
        var m = ScreenModel(title: "Immediate safety", position: screenPosition(s), prompt: "Is the child in immediate danger? (1-3):")
        guard let a = s.assessment else { return m }
        m.blocks = [
            TextBlock([
                "Is the child in immediate danger?", "This is a gate, not a score: a yes never waits for the rest of the assessment.",
            ])
        ]
        let options: [(String, Assessment.ImmediateDanger)] = [("Yes", .yes), ("No", .no), ("Not known", .notKnown)]
        for (i, (label, value)) in options.enumerated() {
            m.choices.append(Choice("\(i + 1)", label, current: a.immediateDanger == value, select(s, i) + [.activate]))
        }
        if a.immediateDanger == .yes {
            m.blocks.append(TextBlock(.danger, [Advice.emergency(s.catalogue)]))
            m.enter = Choice("", "Enter continues the assessment, when the child is safe", [.nextScreen])
        } else if let i = options.firstIndex(where: { $0.1 == a.immediateDanger }) {
            m.enter = Choice("", "Enter keeps \(options[i].0)", select(s, i) + [.activate])
        }
        return m
    }

    /// Whether the decision shown is the one recorded: a draft (chosen, or brought back by an
    /// undo) looks the same on this screen until it says it is not recorded yet.
    static func recordedText(_ s: WizardState) -> String {
        guard let d = s.assessment?.decision else { return "Not recorded yet: Enter records it." }
        if d.level == s.decisionLevel && d.step == s.decisionStep && d.reason == s.decisionReason { return "Recorded." }
        return "Not recorded yet: Level \(d.level), step \(d.step) is recorded; Enter records this one."
    }

    static func decision(_ s: WizardState) -> ScreenModel {
        var m = ScreenModel(
            title: "Decision", position: screenPosition(s), prompt: "Decision (1-4 a level, 5 Level 4 step 5, e reason, Enter records):")
        guard let p = s.proposal else { return m }
        let proposed = p.level.map { "Level \($0), step \(p.step ?? $0)" } ?? "none (nothing assessed)"
        let differs = s.decisionDiffers(from: p)
        m.blocks = [
            TextBlock(
                [
                    "The engine proposes: \(proposed).", "The proposal is not a decision: it is your professional judgement that counts.",
                ] + (s.staleDecisionText.map { [$0] } ?? [])),
            TextBlock([
                "Your decision: Level \(s.decisionLevel), step \(s.decisionStep)"
                    + (differs ? " (differs from the proposal)." : " (accepting the proposal)."),
                recordedText(s),
            ]),
            TextBlock(
                heading: differs ? "Reason (required)" : "Reason (only needed for a different level)",
                [s.decisionReason.isEmpty ? "(none)" : s.decisionReason], indent: 2),
        ]
        // The categories, once asked, need the room: the request is beside the proposal until then.
        if let a = s.assessment, !s.askingCategories { m.blocks.append(requestBlock(a, p)) }
        // The step a level choice leads to, as the reducer works it out, so a choice that differs asks for the reason at once.
        func after(_ level: Int, step5: Bool) -> [WizardAction] {
            let step = level == 4 ? (p.level == 4 ? (p.step ?? 4) : 4) : level
            var actions: [WizardAction] = [.chooseLevel(level)]
            if level == 4 && (step == 5) != step5 { actions.append(.toggleStep) }
            let finalStep = level == 4 ? (step5 ? 5 : 4) : level
            if (level != p.level || finalStep != p.step) && s.decisionReason.trimmed.isEmpty { actions.append(.editReason) }
            return actions
        }
        for level in 1...4 {
            let name = s.catalogue.level(level)?.name ?? ""
            let label = "Level \(level)" + (level == 4 ? ", step 4" : "") + (name.isEmpty ? "" : ": " + name)
            m.choices.append(
                Choice(
                    "\(level)", label, current: s.decisionLevel == level && (level != 4 || s.decisionStep == 4), after(level, step5: false))
            )
        }
        m.choices.append(
            Choice(
                "5", "Level 4, step 5" + (s.catalogue.step(5).map { ": " + $0.name } ?? ""), current: s.decisionStep == 5,
                after(4, step5: true)))
        for i in m.choices.indices { m.choices[i].currentWord = "chosen" }
        m.choices.append(Choice("e", "Write the reason for your decision", [.editReason]))
        if s.askingCategories, let a = s.assessment {
            // A decided Level 4 asks for the categories of concern before it is recorded.
            m.prompt = "Category of concern to mark or unmark (1-\(s.catalogue.concernCategories.count)), Enter records the decision:"
            m.blocks.append(
                TextBlock(heading: categoriesHeading, ["Level 4 is decided: mark each category of concern that applies."]))
            m.choices = categoryChoices(s, a)
            m.enter = Choice("", "Enter records Level \(s.decisionLevel), step \(s.decisionStep)", [.activate])
            return m
        }
        if differs && s.decisionReason.trimmed.isEmpty {
            m.enter = Choice(
                "", "Enter asks for the reason, then records Level \(s.decisionLevel), step \(s.decisionStep)", [.editReason, .activate])
        } else {
            m.enter = Choice("", "Enter records Level \(s.decisionLevel), step \(s.decisionStep)", [.activate])
        }
        return m
    }

    static func export(_ s: WizardState) -> ScreenModel {
        var m = ScreenModel(title: "Referral summary", position: screenPosition(s), prompt: "Format (1-4), e file name, Enter writes:")
        let formats = ExportFormat.allCases
        let current = formats.firstIndex(of: s.exportFormat) ?? 0
        for (i, f) in formats.enumerated() {
            var c = Choice("\(i + 1)", ExportView.name(f), current: f == s.exportFormat, i == current ? [] : [.move(i - current)])
            c.currentWord = "chosen"
            m.choices.append(c)
        }
        m.choices.append(Choice("e", "Change the file name", [.editPath]))
        m.fields = [
            Field(key: "", label: "Folder", value: s.exportDirectory), Field(key: "e", label: "File", value: ExportView.shownName(s)),
        ]
        m.blocks = [
            TextBlock(
                .note, heading: "Write the referral summary",
                ["A name without a folder is written to the Folder shown here; the extension follows the format. Private to you (0600)."])
        ]
        var warnings: [String] = []
        if let stale = s.staleDecisionText { warnings.append(stale + " Enter takes you to the decision.") }
        if let a = s.assessment, a.decision?.level == 4, a.concernCategories.isEmpty {
            warnings.append("Level 4 is decided but no category of concern is marked: go back to the decision and mark one.")
        }
        if s.assessment?.decision == nil { warnings.append("No decision is recorded yet: the summary will say so.") }
        if let a = s.assessment, !a.training, case let gaps = ReferralGaps.of(a), !gaps.isEmpty {
            // Short enough for 80×24 beside the rest of the screen; the review and the summary
            // list every missing detail.
            warnings.append(
                gaps.count <= 3
                    ? "The referral still lacks: " + gaps.joined(separator: "; ") + "."
                    : "The referral still lacks \(gaps.count) details, among them: " + gaps.prefix(3).joined(separator: "; ")
                        + " (the review and the summary list them all).")
        }
        if !warnings.isEmpty { m.blocks.append(TextBlock(.warning, warnings)) }
        if let path = s.exportedPath {
            m.blocks.append(TextBlock(["Written: \(path)", "Write it again in another format, or q to finish (your work is saved)."]))
        }
        m.enter =
            s.staleDecisionText == nil
            ? Choice("", "Enter writes the summary as \(s.exportFormat.displayName)", [.activate])
            : Choice("", "Enter goes to the decision to confirm it or decide again", [.activate])
        return m
    }

    static func confirmQuit(_ s: WizardState) -> ScreenModel {
        var m = ScreenModel(title: "Quit?", prompt: "Quit anyway? (y quits, n or Enter stays):")
        m.blocks = [
            TextBlock(
                .warning,
                [
                    s.editor != nil
                        ? "Text is being written and is not kept if you quit now."
                        : s.chronology?.draft?.changed == true
                            ? "An event is being written and is not added if you quit now." : "Some changes are not saved."
                ])
        ]
        m.choices = [Choice("y", "Quit without saving", [.confirmQuit(true)]), Choice("n", "Stay", [.confirmQuit(false)])]
        m.enter = Choice("", "Enter stays", [.confirmQuit(false)])
        return m
    }

    static func confirmReplace(_ s: WizardState) -> ScreenModel {
        var m = ScreenModel(title: "Replace the file?", prompt: "Replace it? (y replaces, n or Enter keeps it):")
        m.blocks = [TextBlock(.warning, ["\(s.replacePath ?? "The file") already exists."])]
        m.choices = [Choice("y", "Replace the existing file", [.confirmReplace(true)]), Choice("n", "Keep it", [.confirmReplace(false)])]
        m.enter = Choice("", "Enter keeps it", [.confirmReplace(false)])
        return m
    }
}
