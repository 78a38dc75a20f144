import StaircaseCore

extension Wizard {
    /// The details forms: ↑/↓ choose a row, Enter edits a field, opens an entry, adds one or
    /// continues; PgDn and PgUp turn the form; Esc closes an entry or goes back a form.
    static func details(_ s: inout WizardState, _ action: WizardAction) -> [Effect] {
        let rows = formRows(s)
        guard !rows.isEmpty else { return [] }
        let row = rows[min(s.cursor, rows.count - 1)]
        switch action {
        case .move(let d): s.cursor = clamp(s.cursor, by: d, count: rows.count)
        case .page(let d): return turnForm(&s, by: d)
        case .nextScreen: return turnForm(&s, by: 1)
        case .back:
            if s.formItem != nil { return closeItem(&s) }
            return turnForm(&s, by: -1)
        case .adjust(let d):
            if case .field(let field) = row { return adjust(&s, field, by: d) }
        case .removeItem:
            let item: FormItem? = if case .entry(let e) = row { e } else { s.formItem }
            guard let item else { return [] }
            s.formItem = nil
            let effects = change(&s) { remove(item, from: &$0) }
            s.cursor = min(
                formRows(s).firstIndex(of: .entry(item)) ?? formRows(s).firstIndex(of: .add(item.list)) ?? 0, formRows(s).count - 1)
            s.message = Message("Removed the \(item.list.noun). u undoes it.")
            return effects + recordPosition(&s)
        case .activate:
            guard let a = s.assessment else { return [] }
            switch row {
            case .field(let field) where field.isText:
                s.editor = TextField(.detail(field), text: value(of: field, in: a, item: s.formItem))
            case .field(let field): return adjust(&s, field, by: 1)
            case .entry(let item):
                s.formItem = item
                s.cursor = 0
                return recordPosition(&s)
            case .add(let list):
                let effects = change(&s) { a in
                    switch list {
                    case .carers: a.carers.append(.init())
                    case .household: a.household.append(.init())
                    case .agencies: a.agencies.append(.init())
                    }
                }
                s.formItem = FormItem(list, count(list, in: s.assessment ?? a) - 1)
                s.cursor = 0
                return effects + recordPosition(&s)
            case .done: return closeItem(&s)
            case .next: return turnForm(&s, by: 1)
            }
        default: break
        }
        return []
    }

    /// Closes the open entry, back to its row in the list; an entry left blank is dropped.
    static func closeItem(_ s: inout WizardState) -> [Effect] {
        guard let item = s.formItem, let a = s.assessment else { return [] }
        s.formItem = nil
        var effects: [Effect] = []
        if isBlank(item, in: a) {
            effects = change(&s) { remove(item, from: &$0) }
            _ = s.undoStack.popLast()
        }
        let rows = formRows(s)
        s.cursor = rows.firstIndex(of: .entry(item)) ?? rows.firstIndex(of: .add(item.list)) ?? 0
        return effects + recordPosition(&s)
    }

    /// The next or previous form; before the first is the start screen, after the last the safety question.
    static func turnForm(_ s: inout WizardState, by d: Int) -> [Effect] {
        var effects: [Effect] = []
        if s.formItem != nil { effects = closeItem(&s) }
        let next = s.formPage.rawValue + d
        if next < 0 {
            go(&s, .start)
            return effects
        }
        guard let page = FormPage(rawValue: next) else { return effects + continueFromDetails(&s) }
        s.formPage = page
        s.cursor = 0
        return effects + recordPosition(&s)
    }

    /// Space, ← and → change a choice field; on other fields they do nothing.
    static func adjust(_ s: inout WizardState, _ field: DetailField, by d: Int) -> [Effect] {
        guard let a = s.assessment, let i = optionIndex(field, in: a, item: s.formItem) else { return [] }
        let next = wrap(i, by: d, count: field.options.count)
        let item = s.formItem
        let effects = change(&s) { setOption(field, next, in: &$0, item: item) }
        // Unborn swaps the date fields: the cursor stays on the field that changed.
        s.cursor = formRows(s).firstIndex(of: .field(field)) ?? s.cursor
        if field == .unborn { s.fieldProblems = fieldProblems(s.assessment ?? a, today: s.today) }
        return effects
    }

    /// The reasons beside the date fields, by the core's field rules (the same on load).
    static func fieldProblems(_ a: Assessment, today: CalendarDate) -> [DetailField: String] {
        var out: [DetailField: String] = [:]
        if !a.child.unborn, let dob = a.child.dateOfBirth, let p = FieldRules.dateOfBirthProblem(dob, today: today) {
            out[.dateOfBirth] = p
        }
        if a.child.unborn, let due = a.child.expectedDate, let p = FieldRules.expectedDateProblem(due, today: today) {
            out[.expectedDate] = p
        }
        return out
    }

    /// On to the safety question. Fields were checked as they were saved; only a refused value
    /// from a loaded file holds the way, and what is still missing is listed on the review.
    static func continueFromDetails(_ s: inout WizardState) -> [Effect] {
        guard let a = s.assessment else { return [] }
        if let (field, problem) = s.fieldProblems.first {
            s.formPage = .child
            s.formItem = nil
            s.cursor = formRows(s).firstIndex(of: .field(field)) ?? 0
            s.message = Message("\(field.label): \(problem).", error: true)
            return recordPosition(&s)
        }
        go(&s, .danger)
        s.cursor = [.yes, .no, .notKnown].firstIndex(of: a.immediateDanger) ?? 2
        return []
    }

    /// Typing into the open field; Enter stores it (trimmed), Esc leaves the old value.
    static func edit(_ s: inout WizardState, _ action: WizardAction) -> [Effect] {
        guard var e = s.editor else { return [] }
        switch action {
        case .type(let c): e.insert(c)
        case .deleteBackward: e.deleteBackward()
        case .deleteForward: e.deleteForward()
        case .deleteWordBackward: e.deleteWordBackward()
        case .killToEnd: e.killToEnd()
        case .killToStart: e.killToStart()
        case .cursor(let d): e.move(d)
        case .cursorToStart: e.cursor = 0
        case .cursorToEnd: e.cursor = e.text.count
        case .wordCursor(let d): e.cursor = e.wordBoundary(d)
        case .commitEdit: return commitEdit(&s)
        case .cancelEdit:
            if keepsTypedText(s, e) {
                // Esc keeps what was typed, as Ctrl-C does: the change is an ordinary one, so
                // u undoes it, and the message says both.
                let effects = commitEdit(&s)
                // Esc stops a new event's fields following one another: it closes this one only.
                if [.eventDate, .eventWhat, .eventSource].contains(e.target), s.editor?.target != e.target { s.editor = nil }
                if s.editor == nil { s.message = Message("Kept what you typed (Esc does not throw text away): u undoes it.") }
                return effects
            }
            s.editor = nil
            if case .detail(let field) = e.target, let a = s.assessment {
                let kept = fieldProblems(a, today: s.today)[field]
                // Left as it was: the refused text's complaint goes with it.
                if kept == nil, s.fieldProblems[field] != nil, s.message?.isError == true { s.message = nil }
                s.fieldProblems[field] = kept
            }
            if e.target == .filter {
                s.filter = ""
                s.filtering = false
                s.filterFrom = nil
            }
            if e.target == .eventRowFilter, var draft = s.chronology?.draft {
                draft.pickFilter = ""
                draft.pickRow = keptPick(s, draft)
                s.chronology?.draft = draft
            }
            if e.target == .eventDate, s.chronology?.draft?.dateProblem != nil {
                // Left as it was: the refused text's complaint goes with it.
                s.chronology?.draft?.dateProblem = nil
                if s.message?.isError == true { s.message = nil }
            }
            return []
        default: return []
        }
        s.editor = e
        // The list the filter rebuilds keeps its selected row (`keepSelection`), not its position.
        if e.target == .filter { s.filter = e.text }
        if e.target == .eventRowFilter, var draft = s.chronology?.draft {
            draft.pickFilter = e.text
            draft.pickRow = keptPick(s, draft)
            s.chronology?.draft = draft
        }
        return []
    }

    /// Whether Esc keeps the field's text: it does for every field of the record whose text
    /// changed, except a value the field rules refuse (a wrong date), which Esc leaves as it was.
    /// The filter is not the record: Esc clears it.
    static func keepsTypedText(_ s: WizardState, _ e: TextField) -> Bool {
        guard let a = s.assessment else { return false }
        switch e.target {
        case .filter, .alias, .responsesFolder: return false
        case .detail(let field):
            return e.text.trimmed != value(of: field, in: a, item: s.formItem).trimmed
                && problem(field, e.text.trimmed, today: s.today) == nil
        case .note(let id): return e.text.trimmed != (a.answers[id]?.note ?? "")
        case .strengths: return e.text.trimmed != a.workingWell.overall
        case .childsVoice: return e.text.trimmed != a.childsVoice
        case .decisionReason: return e.text.trimmed != s.decisionReason
        case .worry, .workingWellDomain, .requestDetail, .householdNote:
            return e.text.trimmed != (referralText(e.target, in: a) ?? "")
        case .exportPath, .eventRowFilter: return false
        case .eventDate:
            let draft = s.chronology?.draft
            return e.text.trimmed != (draft?.date ?? "") && EventDate.problem(e.text.trimmed, today: s.today) == nil
        case .eventWhat: return e.text.trimmed != (s.chronology?.draft?.what ?? "")
        case .eventSource: return e.text.trimmed != (s.chronology?.draft?.source ?? "")
        }
    }

    static func commitEdit(_ s: inout WizardState) -> [Effect] {
        guard let e = s.editor else { return [] }
        if let effects = commitEventField(&s, e) { return effects }
        let text = e.text.trimmed
        // A date is checked as it is saved: a wrong one stays in the field with the reason beside it.
        if case .detail(let field) = e.target {
            let problem = problem(field, text, today: s.today)
            // A value put right takes its earlier complaint off the message line too.
            if problem == nil, s.fieldProblems[field] != nil, s.message?.isError == true { s.message = nil }
            s.fieldProblems[field] = problem
            if let problem {
                let name = String(field.label.split(separator: "(").first ?? Substring(field.label)).trimmed
                s.message = Message("\(name): \(problem)" + (problem.hasSuffix("?") ? "" : "."), error: true)
                return []
            }
        }
        s.editor = nil
        switch e.target {
        case .filter:
            s.filter = text
            s.filtering = false
            s.filterFrom = nil
            return []
        case .decisionReason:
            s.decisionReason = text
            s.reasonWrittenFor = text.isEmpty ? nil : s.decisionContext
            return recordDraft(&s)
        case .exportPath:
            s.exportPath = text
            s.exportedPath = nil
            return []
        case .note(let id):
            // The note and nothing else: a row's rating, the answer carried from last time, the
            // reason it changed and the age confirmation stay (a note edit used to rebuild the
            // answer from its rating, and a re-assessment lost why a row had changed). Only a
            // row left with nothing at all goes.
            return change(&s) { a in
                var answer = a.answers[id] ?? .init(.notAssessed)
                answer.note = text
                a.answers[id] = answer == .init(.notAssessed) ? nil : answer
            }
        case .alias, .responsesFolder: return commitTraining(&s, e.target, text)
        case .strengths: return change(&s) { $0.workingWell.overall = text }
        case .childsVoice: return change(&s) { $0.childsVoice = text }
        case .worry, .workingWellDomain, .requestDetail, .householdNote: return commitReferral(&s, e.target, text)
        case .detail(let field):
            let item = s.formItem
            return change(&s) { setText(field, text, in: &$0, item: item) }
        case .eventDate, .eventWhat, .eventSource, .eventRowFilter: return []
        }
    }
}
