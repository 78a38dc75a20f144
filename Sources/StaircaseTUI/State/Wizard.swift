import StaircaseCore

/// The reducer: (state, action) → new state and effects. Pure: no terminal, no clock, no files.
public enum Wizard {
    public static func reduce(_ s: inout WizardState, _ action: WizardAction) -> [Effect] {
        let before = SelectionBefore(s, action)
        let rated = s.justRated
        let effects = reduceAction(&s, action)
        keepSelection(&s, before, action)
        // "Just rated" lasts one key: kept only by the rating that set it (and through the
        // host's answers and scrolling, which are not keys).
        if s.justRated == rated, !action.isNotAKey { s.justRated = nil }
        return effects
    }

    static func reduceAction(_ s: inout WizardState, _ action: WizardAction) -> [Effect] {
        if case .idle(let passphrase) = action { return lockNow(&s, needsPassphrase: passphrase) }
        if let effects = locked(&s, action) { return effects }
        switch action {
        case .view: return []
        case .redraw: return [.redraw]
        case .help:
            s.overlay = .help
            return []
        case .toggleNarrative, .responseWritten, .responseFailed: return trainingAnywhere(&s, action)
        case .dismissOverlay:
            s.overlay = nil
            return []
        case .quit:
            if s.unsaved || s.editor != nil || s.chronology?.draft?.changed == true { s.overlay = .confirmQuit; return [] }
            if keepUnwrittenResponse(&s) { return [] }
            return recordPosition(&s) + [.quit]
        case .confirmQuit(let yes):
            s.overlay = nil
            return yes ? [.quit] : []
        case .confirmReplace(let yes):
            s.overlay = nil
            guard yes, let path = s.replacePath, let a = s.assessment else {
                // Declining to write over this session's own file keeps it: say so, not "not changed"
                // beside its "Written:" line.
                s.message = s.replacePath.map { path in
                    Message(path == s.exportedPath ? "Kept as written earlier: \(path)." : "\(path) was not changed.")
                }
                s.replacePath = nil
                return []
            }
            s.replacePath = nil
            return [.export(format: s.exportFormat, path: path, assessment: a, replace: true)]
        case .signal:
            // Keep what is being typed: a closed terminal must not lose the last note.
            var effects: [Effect] = []
            if s.editor != nil { effects += commitEdit(&s) }
            // A complete event being written is kept too; an incomplete one cannot be.
            if s.chronology?.draft?.changed == true { effects += saveEvent(&s) }
            return effects + recordPosition(&s) + [.quit]
        case .saved:
            s.unsaved = false
            return []
        case .reload:
            guard let a = s.assessment else { return [] }
            return [.load(id: a.id)]
        case .notice(let text):
            s.message = Message(text, error: true)
            return []
        case .saveFailed(let why):
            s.unsaved = true
            s.message = Message("Not saved: \(why.message)", error: true)
            return []
        case .loaded(let a): return resume(&s, a)
        case .reassessed(let result): return reassessed(&s, result)
        case .broughtBack(let result): return broughtBack(&s, result)
        case .mergeSaved(let result): return mergeSaved(&s, result)
        case .earlierFound(let others):
            s.reassess.others = others
            return []
        case .loadFailed(let why):
            s.message = Message("Cannot open that assessment: \(why.message)", error: true)
            return [.list]
        case .listed(let result):
            switch result {
            case .success(let items):
                s.resumable = items.filter { $0.damaged == nil }
                s.damaged = items.filter { $0.damaged != nil }
                s.listProblem = nil
            case .failure(let why):
                s.resumable = []
                s.damaged = []
                s.listProblem = why.message
            }
            if s.screen == .start { s.cursor = min(s.cursor, s.resumable.count + 1) }
            return []
        case .exported(let path, let record):
            s.exportedPath = path
            s.message = nil
            // When the summary left, for `sessions purge --exported`. Not a change: no undo step,
            // and `updatedAt` (the retention clock) stays as it was.
            guard record, var a = s.assessment else { return [] }
            a.lastExport = Assessment.ExportRecord(at: s.now, format: s.exportFormat)
            s.assessment = a
            return [.save(a)]
        case .exportFailed(let why):
            if case .exists(let path) = why {
                s.replacePath = path
                s.overlay = .confirmReplace
                return []
            }
            s.exportedPath = nil
            s.message = Message(why.message, error: true)
            return []
        case .undo:
            guard let step = s.undoStack.popLast(), let current = s.assessment else {
                s.message = Message("Nothing to undo.")
                return []
            }
            var previous = step.restore(onto: current)
            let undone = UndoDescription.message(undoing: current, restoring: previous, catalogue: s.catalogue)
            // An export stays recorded: undo takes back changes, not the summary that already left.
            previous.lastExport = current.lastExport
            s.assessment = previous
            s.exportedPath = nil
            s.message = Message(undone)
            return [.save(previous)]
        default: break
        }
        if s.editor != nil { return edit(&s, action) }
        // A message answers the last key; the next key makes it stale.
        s.message = nil
        let before = s.screen
        var effects: [Effect]
        switch s.screen {
        case .start: effects = start(&s, action)
        case .details: effects = details(&s, action)
        case .danger: effects = danger(&s, action)
        case .domain(let d): effects = domain(&s, d, action)
        case .voice: effects = voice(&s, action)
        case .review: effects = review(&s, action)
        case .decision: effects = decision(&s, action)
        case .export: effects = export(&s, action)
        case .training(let t): effects = training(&s, t, action)
        case .merge: effects = merge(&s, action)
        case .household: effects = household(&s, action)
        case .chronology: effects = chronology(&s, action)
        }
        if s.trainingRun != nil { effects = trainingFollow(&s, from: before, effects) }
        if s.screen != before {
            if s.screen == .start {
                effects.append(.list)
            } else if !effects.contains(where: { if case .save = $0 { true } else { false } }) {
                effects += recordPosition(&s)
            }
        }
        return effects
    }

    /// Applies a change to the assessment, keeps an undo step, and asks the host to save.
    static func change(_ s: inout WizardState, _ body: (inout Assessment) -> Void) -> [Effect] {
        guard var a = s.assessment else { return [] }
        let before = a
        body(&a)
        guard a != before else { return [] }
        a.updatedAt = s.now
        a.resumeAt = position(s)
        s.undoStack.append(UndoStep(before: before, after: a))
        if s.undoStack.count > 200 { s.undoStack.removeFirst() }
        s.assessment = a
        // The file written before this change no longer matches it.
        s.exportedPath = nil
        return [.save(a)]
    }

    /// Where the wizard is, as the record keeps it; nil on the start screen.
    static func position(_ s: WizardState) -> ResumePosition? {
        switch s.screen {
        case .start: return nil
        case .details:
            return ResumePosition(
                screen: s.formPage.resumeName, row: s.formItem.map { "\($0.list.rawValue)-\($0.index + 1)" }, cursor: s.cursor)
        case .danger: return ResumePosition(screen: "danger", cursor: s.cursor)
        case .domain(let d):
            let rows = s.visibleRows(domain: d)
            let i = min(s.domainCursor[d], max(0, rows.count - 1))
            return ResumePosition(screen: "domain-\(d + 1)", row: rows.isEmpty ? nil : rows[i].indicator.id, cursor: i)
        case .voice: return ResumePosition(screen: "voice", cursor: s.cursor)
        case .review: return ResumePosition(screen: "review", cursor: 0)
        case .decision: return ResumePosition(screen: "decision", cursor: 0)
        // The export screen's place is the format chosen on it.
        case .export: return ResumePosition(screen: "export", cursor: ExportFormat.allCases.firstIndex(of: s.exportFormat) ?? 0)
        case .training, .merge: return nil
        case .household: return ResumePosition(screen: "household", cursor: s.cursor)
        case .chronology:
            // The chronology is kept as the screen it was opened from, so a resume goes back there.
            guard let from = s.chronology?.from, from != .chronology else { return nil }
            var there = s
            there.screen = from
            return position(there)
        }
    }

    /// Saves the position alone (no undo step, no new "last change") when it moved.
    static func recordPosition(_ s: inout WizardState) -> [Effect] {
        guard var a = s.assessment, let p = position(s), a.resumeAt != p else { return [] }
        a.resumeAt = p
        s.assessment = a
        return [.save(a)]
    }

    /// Opens a loaded assessment where it was left, and checks its fields by the same rules as typing.
    static func resume(_ s: inout WizardState, _ a: Assessment) -> [Effect] {
        var a = a
        // A version 1 file has no child key yet: it gets one the first time it is opened.
        if a.childKey == nil { a.childKey = s.nextChildKey }
        s.assessment = a
        // What is loaded is what is on disk: nothing is waiting to be saved.
        s.unsaved = false
        s.reassess = ReassessContext()
        s.undoStack = []
        // What another record's reason was written for says nothing about this one's.
        s.reasonWrittenFor = nil
        s.filter = ""
        s.showHidden = false
        s.domainCursor = Array(repeating: 0, count: s.catalogue.domains.count)
        s.domainRowID = Array(repeating: nil, count: s.catalogue.domains.count)
        s.fieldProblems = fieldProblems(a, today: s.today)
        go(&s, .details)
        if let p = a.resumeAt, s.fieldProblems.isEmpty {
            switch p.screen {
            case let name where FormPage(resumeName: name) != nil: resumeForm(&s, p)
            case "danger": go(&s, .danger); s.cursor = min(p.cursor, 2)
            case "voice": go(&s, .voice); s.cursor = min(max(0, p.cursor), ReferralItem.all(s.catalogue).count - 1)
            case "household": go(&s, .household); s.cursor = min(max(0, p.cursor), max(0, HouseholdTopic.all(s.catalogue).count - 1))
            case "review": go(&s, .review)
            case "decision": go(&s, .decision)
            case "export":
                go(&s, .export)
                let formats = ExportFormat.allCases
                s.exportFormat = formats[min(max(0, p.cursor), formats.count - 1)]
            default:
                if p.screen.hasPrefix("domain-"), let n = Int(p.screen.dropFirst(7)), s.catalogue.domains.indices.contains(n - 1) {
                    go(&s, .domain(n - 1))
                    let rows = s.visibleRows(domain: n - 1)
                    s.domainCursor[n - 1] =
                        p.row.flatMap { id in rows.firstIndex { $0.indicator.id == id } } ?? min(p.cursor, max(0, rows.count - 1))
                }
            }
        }
        // Two lines of an 80-column message at most: a tryout found the longer wording cut.
        let draft = a.draftDecision.map {
            " Your unrecorded decision (Level \($0.level), step \($0.step)) waits on the Decision screen: Enter there records it."
        }
        s.message =
            s.fieldProblems.isEmpty
            ? Message("Resumed where you left off." + (draft ?? " Every answer is as you left it."))
            : Message("Resumed. Some details need checking: see the reasons beside the fields.", error: true)
        return a.childKey.map { _ in [.findEarlier(a)] } ?? []
    }

    /// Marks or unmarks the `n`th category of concern (from 1): the review's and the decision
    /// screen's one way of changing them.
    static func toggleCategory(_ s: inout WizardState, _ n: Int) -> [Effect] {
        guard n >= 1, n <= s.catalogue.concernCategories.count else { return [] }
        let id = s.catalogue.concernCategories[n - 1].id
        return change(&s) { a in
            if let i = a.concernCategories.firstIndex(of: id) {
                a.concernCategories.remove(at: i)
            } else {
                a.concernCategories.append(id)
            }
        }
    }

    /// A cursor `d` places on from `i` in a list of `count` that wraps at both ends.
    static func wrap(_ i: Int, by d: Int, count: Int) -> Int {
        ((i + d) % count + count) % count
    }

    /// A cursor that stops at the ends of a form instead of wrapping round.
    static func clamp(_ i: Int, by d: Int, count: Int) -> Int {
        min(count - 1, max(0, i + d))
    }

    static func go(_ s: inout WizardState, _ screen: Screen) {
        // Back from the safety question is the last form; any other way in is the first.
        if screen == .details { s.formPage = s.screen == .danger ? .consent : .child }
        if screen != .chronology { s.chronology = nil }
        s.formItem = nil
        s.screen = screen
        s.cursor = 0
        s.expanded = false
        s.askingCategories = false
        if screen == .decision, let p = s.proposal {
            // A draft (chosen, not yet recorded) wins over the recorded decision: it is newer.
            let d = s.assessment?.decision
            let draft = s.assessment?.draftDecision
            s.decisionLevel = draft?.level ?? d?.level ?? p.level ?? 1
            s.decisionStep = draft?.step ?? d?.step ?? p.step ?? 1
            s.decisionReason = draft?.reason ?? d?.reason ?? ""
            // A recorded reason was written for its decision against the proposal kept with it; a
            // draft keeps what its reason was written for. A draft saved before drafts kept it
            // holds either the recorded decision's reason (then written for that decision) or one
            // written for the draft against the proposal of now.
            if s.decisionReason.isEmpty {
                s.reasonWrittenFor = nil
            } else if let draft {
                s.reasonWrittenFor = draft.reasonFor ?? (draft.reason == d?.reason ? d?.reasonContext : nil) ?? s.decisionContext
            } else {
                s.reasonWrittenFor = d?.reasonContext
            }
        }
    }

    static func screenOrder(_ s: WizardState) -> [Screen] {
        [.details, .danger] + s.catalogue.domains.indices.map(Screen.domain) + [.voice, .household, .review, .decision, .export]
    }

    static func step(_ s: inout WizardState, by delta: Int) -> [Effect] {
        let order = screenOrder(s)
        guard let i = order.firstIndex(of: s.screen) else { return [] }
        let j = i + delta
        if j < 0 { go(&s, .start); return [] }
        if j < order.count { go(&s, order[j]) }
        return []
    }

    static func start(_ s: inout WizardState, _ action: WizardAction) -> [Effect] {
        let count = 2 + s.resumable.count
        switch action {
        case .move(let d): s.cursor = wrap(s.cursor, by: d, count: count)
        case .activate:
            if s.cursor == 0 {
                // The id comes from the host's random source (`nextID`), never the clock: two
                // participants starting in the same second on two machines must not collide.
                let id = s.nextID
                s.assessment = Assessment(
                    id: id, createdAt: s.now, catalogue: .init(id: s.catalogue.id, version: s.catalogue.version), childKey: s.nextChildKey)
                s.assessment?.training = s.training
                s.reassess = ReassessContext()
                s.undoStack = []
                s.fieldProblems = [:]
                s.exportPath = ""
                s.exportedPath = nil
                s.domainCursor = Array(repeating: 0, count: s.catalogue.domains.count)
                s.domainRowID = Array(repeating: nil, count: s.catalogue.domains.count)
                go(&s, .details)
                let here = position(s)
                s.assessment?.resumeAt = here
                if let a = s.assessment { return [.save(a)] }
            } else if s.cursor == count - 1 {
                return [.quit]
            } else {
                s.exportPath = ""
                s.exportedPath = nil
                let item = s.resumable[s.cursor - 1]
                return [item.recovery ? .bringBack(id: item.id) : .load(id: item.id)]
            }
        case .reassess: return reassessSelected(&s)
        default: break
        }
        return []
    }

    static func danger(_ s: inout WizardState, _ action: WizardAction) -> [Effect] {
        let options: [Assessment.ImmediateDanger] = [.yes, .no, .notKnown]
        switch action {
        case .move(let d): s.cursor = clamp(s.cursor, by: d, count: options.count)
        case .activate:
            let choice = options[s.cursor]
            let effects = change(&s) { $0.immediateDanger = choice }
            if choice != .yes { go(&s, .domain(0)) }
            return effects
        case .nextScreen: return step(&s, by: 1)
        case .back: return step(&s, by: -1)
        default: break
        }
        return []
    }

    static func review(_ s: inout WizardState, _ action: WizardAction) -> [Effect] {
        switch action {
        case .openChronology: return openChronology(&s)
        case .toggleCategory(let n): return toggleCategory(&s, n)
        case .activate, .nextScreen: return step(&s, by: 1)
        case .back: return step(&s, by: -1)
        default: break
        }
        return []
    }
}
