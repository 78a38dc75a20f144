import StaircaseCore

/// What the user (or the host) asked for. Keys become actions through the key table.
///
/// The cases that carry a whole assessment are `indirect` (boxed): inline, every action was as
/// large as an assessment, so each of the key table's four hundred (key, action) pairs was too
/// (270 KB of heap), and so was every frame that held one (issue 26).
public enum WizardAction: Equatable, Sendable {
    case move(Int)
    /// The next or previous form (PgDn/PgUp on the details forms).
    case page(Int)
    /// A key that changes only how the screen is shown (scrolling, a new terminal size): the
    /// reducer leaves the state alone and the curses run loop's `Viewport` carries it out.
    case view(ViewAction)
    case activate
    case back
    case nextScreen
    /// Changes a toggle or choice on a form (Space, ←/→).
    case adjust(Int)
    /// Removes the selected (or open) entry of a list on the details forms.
    case removeItem
    case rate(Rating)
    /// The evidence note of the selected row.
    case editNote
    /// The reason for a decision other than the proposal.
    case editReason
    /// The export file name.
    case editPath
    case startFilter
    case toggleHidden
    case toggleExpanded
    case undo
    case quit
    case confirmQuit(Bool)
    case confirmReplace(Bool)
    case help
    case dismissOverlay
    case redraw
    case chooseLevel(Int)
    case toggleStep
    case toggleCategory(Int)
    // Training runs (`staircase train`).
    /// Shows or hides the case narrative (`v`).
    case toggleNarrative
    /// Sets the participant's alias.
    case editAlias
    /// Writes the participant's response file (asking for the folder unless it was given).
    case writeResponse
    /// Start screen: re-assess the selected saved assessment's child.
    case reassess
    /// Domain screen: confirm the selected row's carried answer.
    case confirmCarried
    /// Domain screen: the reason for a changed row, in turn real change, new information, none.
    case cycleReason
    /// Merge screen: the selected part takes this side (the saved one, the copy's, or both texts).
    case mergeTake(AssessmentMerge.Side)
    // Text editing.
    case type(Character)
    case deleteBackward
    case deleteForward
    case deleteWordBackward
    case killToEnd
    case killToStart
    case cursor(Int)
    case cursorToStart
    case cursorToEnd
    case wordCursor(Int)
    case commitEdit
    case cancelEdit
    // From the host.
    indirect case loaded(Assessment)
    case loadFailed(HostError)
    case listed(Result<[ResumeItem], HostError>)
    case saved
    case saveFailed(HostError)
    /// The summary was written; `record`: note it in the assessment (false while it is open read-only here).
    case exported(String, record: Bool = true)
    case exportFailed(HostError)
    case responseWritten(String)
    case responseFailed(HostError)
    case signal
    /// Ctrl-R: read the saved file again after a save was refused because it changed elsewhere.
    case reload
    /// A note from the host after loading (opened read-only, brought back from a recovery copy).
    case notice(String)
    /// The new re-assessment the host made and saved, or why it could not.
    indirect case reassessed(Result<Assessment, HostError>)
    /// The other saved assessments of the open assessment's child.
    case earlierFound([Assessment])
    /// A recovery copy brought back: opened as it was, or both sides for the merge screen.
    indirect case broughtBack(Result<BroughtBack, HostError>)
    /// The merged assessment was saved in the store and the copy removed (nil), or why not.
    case mergeSaved(HostError?)
    // The idle lock (State/Wizard+Lock.swift).
    /// From the run loop: no key for the idle time; save and lock.
    case idle(needsPassphrase: Bool)
    /// On the lock screen: check the passphrase typed (Enter), or continue (a plain store).
    case unlock
    /// From the host: whether the passphrase unlocked the store.
    case unlocked(Bool)
    /// Household screen: the selected question's answer (y, n, k).
    case answerHousehold(Assessment.YesNoNotKnown)
    // The chronology (State/Wizard+Chronology.swift).
    /// A domain screen or the review: the chronology of significant events.
    case openChronology
    /// A domain row: a new event, with the selected row linked.
    case addEventForRow
    /// The chronology: a new event.
    case addEvent
    /// The chronology: delete the selected event (or, in the editor, the one being edited).
    case deleteEvent
    /// The row picker: link or unlink the selected row.
    case toggleEventRow
}

/// What the host must do after a reduction. The reducer never performs I/O itself. Cases with a
/// whole assessment are boxed, as in `WizardAction`.
public enum Effect: Equatable, Sendable {
    indirect case save(Assessment)
    case load(id: String)
    /// Lists the saved assessments again (whenever the start screen is shown).
    case list
    /// Writes the summary; `replace` only after the user said yes to "Replace?".
    indirect case export(format: ExportFormat, path: String, assessment: Assessment, replace: Bool)
    /// Writes a training response file into a folder.
    indirect case writeResponse(TrainingResponse, folder: String)
    /// Makes and saves a re-assessment of this saved assessment's child (as `assess --from`).
    case reassess(id: String)
    /// Finds the other saved assessments of this assessment's child (for "Since last time").
    indirect case findEarlier(Assessment)
    /// Checks a passphrase typed on the lock screen against the store (the host unwraps its identity).
    case checkPassphrase(String)
    /// Brings a recovery copy back (its start-screen id): opened when the store has not changed
    /// since the copy was made, else both sides for the merge screen.
    case bringBack(id: String)
    /// Saves the merged assessment durably, then removes the recovery copy `copy` (only then).
    indirect case saveMerged(Assessment, copy: String)
    case redraw
    case quit
}

extension WizardAction {
    /// Not a key the user pressed: a scroll of the curses view (which the reducer ignores), or
    /// the host's answer to an effect (saved, listed, loaded…).
    var isNotAKey: Bool {
        switch self {
        case .view, .redraw, .loaded, .loadFailed, .listed, .saved, .saveFailed, .exported, .exportFailed, .responseWritten,
            .responseFailed, .notice, .reassessed, .earlierFound, .broughtBack, .mergeSaved:
            true
        default: false
        }
    }
}
