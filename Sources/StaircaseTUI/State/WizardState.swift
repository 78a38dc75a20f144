import StaircaseCore

/// Everything the wizard shows, as plain data. The reducer changes it; views only read it.
///
/// Equatable so tests can compare whole states (the random walk compares the curses run's final
/// state with line mode's). Its fields are still flat: splitting them by screen is left for a
/// change that no other branch is editing at the same time.
public struct WizardState: Sendable, Equatable {
    public let catalogue: Catalogue
    public let engine: ScoringEngine
    /// The rows' searchable text, lowered once (the filter reads it after every key).
    public let search: RowSearch
    /// Today's date and the current timestamp, supplied by the host so the reducer stays pure.
    public var today: CalendarDate
    public var now: String
    /// A fresh random id for the next new assessment, refreshed by the host before each action.
    public var nextID: String = RandomID.make(prefix: "a")
    /// A fresh random child key for a new assessment, or for a version 1 file that has none.
    public var nextChildKey: String = RandomID.make(prefix: "c")
    /// A fresh random id for the next event of the chronology, refreshed by the host as `nextID` is.
    public var nextEventID: String = RandomID.make(prefix: "e")

    public var screen: Screen = .start
    public var assessment: Assessment?
    public var resumable: [ResumeItem]
    /// Saved files that could not be read, named on the start screen so none is lost silently.
    public var damaged: [ResumeItem] = []
    /// Why the saved assessments could not be listed at all, shown on the start screen.
    public var listProblem: String?
    public var cursor = 0
    /// The selected row of each domain, one per domain of the catalogue: its position in the
    /// visible list, which `Wizard.keepSelection` keeps pointing at `domainRowID`'s row.
    public var domainCursor: [Int]
    /// The id of the selected row of each domain: the selection's identity. A rebuilt list
    /// (filter, `a`, n/a, undo) keeps this row selected, or moves to a neighbour and says so.
    public var domainRowID: [String?]
    public var editor: TextField?
    public var filter = ""
    public var filtering = false
    /// The row selected when the filter was opened: while it is typed, a row that left the list
    /// is named as this one, never a row the list only passed through a letter ago.
    public var filterFrom: String?
    public var showHidden = false
    public var expanded = false
    public var overlay: Overlay?
    public var undoStack: [UndoStep] = []
    /// True when a change could not be saved; quit then asks first.
    public var unsaved = false
    public var message: Message?
    /// Why a field's value was refused, shown beside the field until it is fixed.
    public var fieldProblems: [DetailField: String] = [:]
    /// Which of the details forms is shown, and the list entry open on it, if any.
    public var formPage = FormPage.child
    public var formItem: FormItem?
    /// The terminal cannot show UTF-8: every mark is drawn in ASCII.
    public var ascii = false
    public var decisionLevel = 0
    public var decisionStep = 0
    public var decisionReason = ""
    /// What `decisionReason` was written for: the level and step chosen and the proposal shown
    /// when it was written. A reason answers that decision only; recording another level, or
    /// against another proposal, asks for the reason again (it is never printed for a decision it
    /// did not argue for).
    public var reasonWrittenFor: Assessment.ReasonContext? = nil
    /// The row a rating just moved on from, for the very next key only: `e` then writes that
    /// row's note (and selects it again), as "rate, then e" means; any other key forgets it.
    public var justRated: String? = nil
    /// On the decision screen at Level 4: 1–4 toggle the categories of concern until Enter.
    public var askingCategories = false
    public var exportFormat = ExportFormat.markdown
    public var exportPath = ""
    /// Where summaries go, and what a relative file name is relative to (the documents folder).
    public var exportDirectory = "."
    /// The last file written, until the format, the name or the assessment changes.
    public var exportedPath: String?
    /// The file that exists and awaits "Replace? y/n".
    public var replacePath: String?
    /// New assessments are training runs (`staircase --training`).
    public var training = false
    /// A participant's run in a training workshop (`staircase train`); nil in a real assessment.
    public var trainingRun: TrainingRun?
    /// The other saved assessments of the open one's child, from the host (re-assessment).
    public var reassess = ReassessContext()
    /// The organisation's retention period in days (`retention-days`), for the start screen's note.
    public var retentionDays: Int?
    /// Set while the idle lock hides everything (State/Wizard+Lock.swift).
    public var lock: WizardLock?
    /// A recovery copy and the saved version it differs from, on the merge screen (State/Wizard+Merge.swift).
    public var merge: MergeState?
    /// The chronology screen: where it was opened from and the event being written (State/Wizard+Chronology.swift).
    public var chronology: ChronologyState?

    /// The terminal's size and the scroll positions are not here: they are the curses view's
    /// (`Viewport`), so the reducer never reads them and line mode has none.
    public init(catalogue: Catalogue, today: CalendarDate, now: String, resumable: [ResumeItem] = []) {
        self.catalogue = catalogue
        engine = ScoringEngine(catalogue: catalogue)
        search = RowSearch(catalogue)
        self.today = today
        self.now = now
        self.resumable = resumable
        domainCursor = Array(repeating: 0, count: catalogue.domains.count)
        domainRowID = Array(repeating: nil, count: catalogue.domains.count)
    }

    public var proposal: Proposal? { assessment.map(engine.propose) }

    /// The start screen's labels for the saved assessments. Two that read alike (new ones left
    /// before a name was typed, in the same minute) are told apart by their ids, so the user
    /// never has to guess which of two identical entries is theirs.
    public var resumeLabels: [String] {
        var seen: [String: Int] = [:]
        for item in resumable { seen[item.label, default: 0] += 1 }
        return resumable.map { item in
            (seen[item.label] ?? 0) > 1 ? item.label + " · " + SafeText.clean(String(item.id.suffix(8))) : item.label
        }
    }

    /// The level and step being decided are not the engine's: a reason is then required.
    public func decisionDiffers(from p: Proposal) -> Bool {
        decisionLevel != p.level || decisionStep != p.step
    }

    /// The decision chosen on the screen and the proposal it answers, as `reasonWrittenFor` keeps them.
    var decisionContext: Assessment.ReasonContext {
        Assessment.ReasonContext(
            level: decisionLevel, step: decisionStep, proposedLevel: proposal?.level ?? 0, proposedStep: proposal?.step ?? 0)
    }
}

public enum Screen: Equatable, Sendable {
    case start, details, danger, domain(Int), voice, review, decision, export
    /// A recovery copy brought back after the store changed: part by part, which side to keep.
    case merge
    /// The screens of a participant's training run (choose a case, read it, feedback).
    case training(TrainingScreen)
    /// The four household questions (domestic abuse, mental illness, substance misuse, learning
    /// difficulties), after "The referral in your words" and before the review.
    case household
    /// The chronology of significant events, and its event editor (issue 25).
    case chronology
}

/// A saved assessment offered on the start screen (no full names: initials only).
public struct ResumeItem: Equatable, Sendable {
    public var id: String
    public var label: String
    /// Why the file could not be read; such items are reported, not offered.
    public var damaged: String?
    /// A recovery copy of a save that failed: it can be opened (and so saved in the store), but
    /// is not a saved assessment yet, so it cannot be re-assessed.
    public var recovery: Bool
    /// The saved assessment's `updatedAt`, for the retention note; empty for a recovery copy.
    public var lastChange: String
    public init(id: String, label: String, damaged: String? = nil, recovery: Bool = false, lastChange: String = "") {
        self.id = id
        self.label = label
        self.damaged = damaged
        self.recovery = recovery
        self.lastChange = lastChange
    }
}

public enum Overlay: Equatable, Sendable {
    case help, confirmQuit, confirmReplace
    /// The training case's narrative, laid over any screen (`v`).
    case narrative
}

public struct Message: Equatable, Sendable {
    public var text: String
    public var isError: Bool
    /// The action that puts the problem right. The reducer does not know which key sends it (`r`
    /// in curses, `e` in line mode), so each renderer names its own key: see `said(key:)`.
    public var fix: Fix?

    /// Says only that a rating moved the selection on ("Rated … Now on …"): line mode's brief
    /// wording leaves it out, since its prompt names the row the next key acts on.
    public var movedOn = false

    public struct Fix: Equatable, Sendable {
        public var action: WizardAction
        /// What to do after the key, in words: "write it".
        public var then: String
    }

    public init(_ text: String, error: Bool = false, fix: WizardAction? = nil, then: String = "") {
        self.text = text
        isError = error
        self.fix = fix.map { Fix(action: $0, then: then) }
    }

    /// The message with the key that fixes it named: "…needs a reason: press r and write it.".
    public func said(key: String?) -> String {
        guard let fix, let key else { return fix == nil ? text : text + "." }
        return text + ": press \(key) and \(fix.then)."
    }
}

/// A one-line text editor for a form field, a note or the filter.
public struct TextField: Equatable, Sendable {
    public var target: Target
    public var text: String
    public var cursor: Int

    public enum Target: Equatable, Sendable {
        case detail(DetailField), note(String), strengths, childsVoice, filter, decisionReason, exportPath
        /// A training participant's alias, and the folder their response file goes to.
        case alias, responsesFolder
        /// "The referral in your words": the worry, what is working well in one domain (by id),
        /// the help asked for in words; and the note on a household question (by its id).
        case worry, workingWellDomain(String), requestDetail, householdNote(String)
        /// The event editor's fields, and the filter of its row picker (issue 25).
        case eventDate, eventWhat, eventSource, eventRowFilter
    }

    public init(_ target: Target, text: String) {
        self.target = target
        self.text = text
        cursor = text.count
    }

    /// Keeps only printable text: pasted escape sequences and control characters never enter.
    public mutating func insert(_ ch: Character) {
        guard !ch.unicodeScalars.contains(where: SafeText.isUnsafe), text.count < 4000 else { return }
        let i = text.index(text.startIndex, offsetBy: cursor)
        text.insert(ch, at: i)
        cursor += 1
    }

    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        let i = text.index(text.startIndex, offsetBy: cursor - 1)
        text.remove(at: i)
        cursor -= 1
    }

    public mutating func move(_ delta: Int) { cursor = min(text.count, max(0, cursor + delta)) }

    public mutating func deleteForward() {
        guard cursor < text.count else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: cursor))
    }

    /// Ctrl-K: everything after the cursor.
    public mutating func killToEnd() { text = String(text.prefix(cursor)) }

    /// Ctrl-U: everything before the cursor.
    public mutating func killToStart() {
        text = String(text.dropFirst(cursor))
        cursor = 0
    }

    /// Where the previous (or next) word starts (or ends), as readline moves.
    public func wordBoundary(_ direction: Int) -> Int {
        let chars = Array(text)
        var i = cursor
        if direction < 0 {
            while i > 0 && !chars[i - 1].isLetter && !chars[i - 1].isNumber { i -= 1 }
            while i > 0 && (chars[i - 1].isLetter || chars[i - 1].isNumber) { i -= 1 }
        } else {
            while i < chars.count && !chars[i].isLetter && !chars[i].isNumber { i += 1 }
            while i < chars.count && (chars[i].isLetter || chars[i].isNumber) { i += 1 }
        }
        return i
    }

    /// Ctrl-W: the word before the cursor, and the spaces after it.
    public mutating func deleteWordBackward() {
        var chars = Array(text)
        var i = cursor
        while i > 0 && chars[i - 1] == " " { i -= 1 }
        while i > 0 && chars[i - 1] != " " { i -= 1 }
        chars.removeSubrange(i..<cursor)
        text = String(chars)
        cursor = i
    }
}
