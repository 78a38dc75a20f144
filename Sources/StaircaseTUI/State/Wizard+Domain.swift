import StaircaseCore

/// A row as the domain screen lists it, with its area.
public struct VisibleRow: Equatable, Sendable {
    public var area: Catalogue.Area
    public var indicator: Indicator
}

extension WizardState {
    /// Rows of a domain after the age filter and the text filter. Pre-birth rows are hidden for
    /// a child over one unless the user asks for all rows (`a`), or the row already has an answer.
    public func visibleRows(domain d: Int) -> [VisibleRow] {
        guard catalogue.domains.indices.contains(d) else { return [] }
        let ageFilter = !showHidden && ageFilterApplies
        let query = filter.lowercased()
        var out: [VisibleRow] = []
        for area in catalogue.domains[d].areas {
            for row in area.indicators {
                if ageFilter && isForAnotherAge(row) { continue }
                if !query.isEmpty {
                    let hay = ([row.title, area.name] + row.levels.all.compactMap(\.text)).joined(separator: " ").lowercased()
                    if !hay.contains(query) { continue }
                }
                out.append(VisibleRow(area: area, indicator: row))
            }
        }
        return out
    }

    /// How many rows of the domain the age filter hides.
    public func hiddenCount(domain d: Int) -> Int {
        guard catalogue.domains.indices.contains(d), ageFilterApplies else { return 0 }
        return catalogue.domains[d].areas.reduce(0) { $0 + $1.indicators.filter(isForAnotherAge).count }
    }

    /// The child's age is known, so rows can be filtered by it; false before there is an assessment.
    var ageFilterApplies: Bool {
        assessment.map { ChildAge.stage($0.child, on: today) != nil } ?? false
    }

    /// A row whose catalogue `ages` leave out the child's stage, with no answer: the one rule
    /// both the list and the count follow.
    func isForAnotherAge(_ row: Indicator) -> Bool {
        guard let a = assessment, a.answers[row.id] == nil else { return false }
        return !row.applies(to: ChildAge.stage(a.child, on: today))
    }
}

extension Wizard {
    static func domain(_ s: inout WizardState, _ d: Int, _ action: WizardAction) -> [Effect] {
        let rows = s.visibleRows(domain: d)
        let current = min(s.domainCursor[d], max(0, rows.count - 1))
        switch action {
        case .move(let delta):
            s.domainCursor[d] = rows.isEmpty ? 0 : min(rows.count - 1, max(0, current + delta))
        case .rate(let rating):
            guard !rows.isEmpty else { return [] }
            let row = rows[current]
            let effects = change(&s) { a in
                let id = row.indicator.id
                let note = a.answers[id]?.note ?? ""
                if let carried = a.answers[id], carried.earlier != nil {
                    // A carried row keeps its earlier reading (and any reason) whatever it is rated now.
                    a.answer(id, rating, reason: rating == .notAssessed ? nil : carried.changeReason)
                } else if rating == .notAssessed && note.isEmpty {
                    a.answers[id] = nil
                } else {
                    a.answers[id] = .init(rating, note: note)
                }
            }
            // A carried answer changed stays selected, so w can say why at once.
            if changedSinceLastTime(s, row.indicator.id) {
                s.message = Message(changedMessage(s, row.indicator.id))
                return effects
            }
            // Move on to the next row so a run of answers is a run of key presses.
            if rating != .notAssessed && !s.expanded && current + 1 < rows.count {
                s.domainCursor[d] = current + 1
            }
            return effects
        case .confirmCarried, .cycleReason:
            guard !rows.isEmpty else { return [] }
            return carried(&s, d, rows, current, action)
        case .editNote:
            guard !rows.isEmpty else { return [] }
            let row = rows[current]
            s.editor = TextField(.note(row.indicator.id), text: s.assessment?.answers[row.indicator.id]?.note ?? "")
        case .startFilter:
            s.filtering = true
            s.editor = TextField(.filter, text: s.filter)
        case .toggleHidden:
            s.showHidden.toggle()
            s.message = Message(
                s.showHidden ? "Showing every row, including rows for another age." : "Hiding rows that do not fit the child’s age.")
        case .toggleExpanded, .activate:
            if !rows.isEmpty { s.expanded.toggle() }
        case .back:
            if s.expanded {
                s.expanded = false
            } else if !s.filter.isEmpty {
                s.filter = ""
            } else {
                return step(&s, by: -1)
            }
        case .nextScreen:
            s.filter = ""
            return step(&s, by: 1)
        default: break
        }
        return []
    }

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
            if let old = s.assessment?.decision, old.level == s.decisionLevel, old.step == s.decisionStep, old.reason == reason {
                decidedAt = old.decidedAt
            }
            let d = Assessment.Decision(level: s.decisionLevel, step: s.decisionStep, reason: reason, decidedAt: decidedAt)
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
}

extension WizardState {
    /// The default file name: initials (never the full name) and the decision date.
    public var defaultExportName: String {
        let initials = assessment.map { Initials.of($0.child.name).filter { $0.isLetter } } ?? ""
        let date = String((assessment?.decision?.decidedAt ?? now).prefix(10))
        // A training run says so in its file name too, so nobody files it as a real referral.
        let mark = assessment?.training == true ? "TRAINING-" : ""
        return "\(mark)referral-\(initials.isEmpty ? "child" : initials)-\(date).\(exportFormat.fileExtension)"
    }

    /// The file the summary will be written to. A relative name is relative to the documents
    /// folder, never to the current directory (under `swift run` that is the source checkout);
    /// the extension always follows the chosen format.
    public var resolvedExportPath: String {
        let name = exportPath.isEmpty ? defaultExportName : ExportName.withExtension(exportPath, exportFormat.fileExtension)
        return name.hasPrefix("/") ? name : exportDirectory + "/" + name
    }
}

/// File-name rules for the export screen.
enum ExportName {
    /// Extensions a summary might carry; any of them is swapped for the chosen format's.
    static let known = ["md", "markdown", "txt", "text", "html", "htm", "json"]

    static func withExtension(_ name: String, _ ext: String) -> String {
        let slash = name.lastIndex(of: "/").map { name.index(after: $0) } ?? name.startIndex
        let base = name[slash...]
        if let dot = base.lastIndex(of: "."), dot != base.startIndex, known.contains(base[base.index(after: dot)...].lowercased()) {
            return String(name[..<dot]) + "." + ext
        }
        return name + "." + ext
    }
}

extension Wizard {
    static func export(_ s: inout WizardState, _ action: WizardAction) -> [Effect] {
        switch action {
        case .move(let d):
            let all = ExportFormat.allCases
            s.exportFormat = all[clamp(all.firstIndex(of: s.exportFormat) ?? 0, by: d, count: all.count)]
            s.exportedPath = nil
        case .editPath:
            let shown = s.exportPath.isEmpty ? s.defaultExportName : ExportName.withExtension(s.exportPath, s.exportFormat.fileExtension)
            s.editor = TextField(.exportPath, text: shown)
        case .activate:
            guard let a = s.assessment else { return [] }
            return [.export(format: s.exportFormat, path: s.resolvedExportPath, assessment: a, replace: false)]
        case .back: return step(&s, by: -1)
        default: break
        }
        return []
    }
}
