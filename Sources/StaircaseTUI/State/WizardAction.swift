import StaircaseCore

/// What the user (or the host) asked for. Keys become actions in `KeyMap`.
public enum WizardAction: Equatable, Sendable {
    case move(Int)
    case page(Int)
    case activate
    case back
    case nextScreen
    case rate(Rating)
    case editNote
    case startFilter
    case toggleHidden
    case toggleExpanded
    case undo
    case quit
    case confirmQuit(Bool)
    case help
    case dismissOverlay
    case resize(width: Int, height: Int)
    case redraw
    case chooseLevel(Int)
    case toggleStep
    case toggleCategory(Int)
    // Text editing.
    case type(Character)
    case deleteBackward
    case cursor(Int)
    case commitEdit
    case cancelEdit
    // From the host.
    case loaded(Assessment)
    case saved
    case saveFailed(String)
    case exported(String)
    case exportFailed(String)
    case signal
    /// Ctrl-R: read the saved file again after a save was refused because it changed elsewhere.
    case reload
    /// A note from the host after loading (opened read-only, brought back from a recovery copy).
    case notice(String)
}

/// What the host must do after a reduction. The reducer never performs I/O itself.
public enum Effect: Equatable, Sendable {
    case save(Assessment)
    case load(id: String)
    case export(format: ExportFormat, path: String, assessment: Assessment)
    case redraw
    case quit
}
