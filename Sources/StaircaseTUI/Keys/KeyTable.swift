import StaircaseCore
import Synchronization

/// The one table of key bindings. Order matters twice: the first binding of a context that
/// takes a key wins, and the footer lists entries in table order. Priorities: 0 is never
/// dropped (`?`), 1 is what the screen is for, higher numbers go first when space runs out.
public enum KeyTable {
    typealias C = KeyContext

    /// The screens where the common keys (back, undo, quit, help) work.
    static let wizard: KeyContexts = [
        .details, .danger, .domain, .fullText, .voice, .review, .decision, .categories, .export, .household, .chronology, .eventEditor,
        .eventRows,
    ]
    static let screens: KeyContexts = wizard.union([.start, .merge]).union(trainingScreens)
    /// The screens of a participant's training run (`staircase train`) besides the assessment's own.
    static let trainingScreens: KeyContexts = [.trainingChoose, .trainingRead, .feedback]
    static let text: KeyContexts = [.editing, .filter]

    static func levels(_ make: (Int) -> WizardAction) -> [(Key, WizardAction)] {
        (1...4).map { (Key.char(Character(String($0))), make($0)) }
    }

    static let rates: [(Key, WizardAction)] = [
        (.char("1"), .rate(.level1)), (.char("2"), .rate(.level2)), (.char("3"), .rate(.level3)), (.char("4"), .rate(.level4)),
    ]

    /// Scrolling is the view's (`ViewAction`): these keys leave the state alone.
    static let scrolling: [(Key, WizardAction)] = [
        (.up, .view(.scroll(-1))), (.char("k"), .view(.scroll(-1))), (.down, .view(.scroll(1))), (.char("j"), .view(.scroll(1))),
    ]
    static let paging: [(Key, WizardAction)] = [(.pageUp, .view(.page(-1))), (.pageDown, .view(.page(1)))]

    /// Every binding, in table order. Built in groups (KeyTable+Bindings.swift), each in its own
    /// function: as one array literal the initialiser took a 490 KB stack frame, and those pages
    /// stayed resident for the whole session (issue 26).
    public static let bindings: [KeyBinding] = [
        moving(), doing(), household(), rating(), reviewAndDecision(), chronology(), merging(), training(), betweenScreens(),
        textFields(), overlaysAndLock(),
    ].flatMap { $0 }

    /// What any other key does where no binding takes it: types in a text field, closes an overlay.
    public static func fallback(_ key: Key, in context: KeyContext) -> WizardAction? {
        switch context {
        case .editing, .filter:
            if case .char(let c) = key { return .type(c) }
            return nil
        case .help, .narrative: return .dismissOverlay
        case .confirmQuit: return .confirmQuit(false)
        case .confirmReplace: return .confirmReplace(false)
        case .locked:
            if case .char(let c) = key { return .type(c) }
            return nil
        case .lockedKey: return .unlock
        default: return nil
        }
    }

    /// How the fallback is described, for the footer and help.
    public static func fallbackText(_ context: KeyContext) -> String? {
        switch context {
        case .editing, .filter: "type"
        case .help, .narrative: "any other key closes"
        case .confirmQuit: "any other key stays"
        case .confirmReplace: "n keeps it"
        case .locked: "type the passphrase (shown as *)"
        case .lockedKey: "any key continues"
        default: nil
        }
    }

    /// The bindings that apply in a context, in table order.
    public static func bindings(for context: KeyContext) -> [KeyBinding] {
        byContext.withLock { cache in
            if let found = cache[context.position] { return found }
            let made = bindings.filter { $0.contexts.contains(context) }
            cache[context.position] = made
            return made
        }
    }

    /// The table split by context, each the first time it is asked for (by position in
    /// `KeyContext.allCases`): every key press looks its binding up here. Splitting all 27 at
    /// once cost 7 % of the CPU before the first frame, which needs two (issue 26).
    private static let byContext = Mutex<[[KeyBinding]?]>(Array(repeating: nil, count: KeyContext.ordered.count))

    /// The bindings that apply in a context for this state: a training-only key (`v`, the case
    /// narrative) is left out of a real assessment's help.
    public static func bindings(for context: KeyContext, in s: WizardState) -> [KeyBinding] {
        let training = s.trainingRun != nil
        return bindings(for: context).filter { training || $0.condition != .trainingCase }
    }
}
