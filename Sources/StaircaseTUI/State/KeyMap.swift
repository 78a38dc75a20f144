/// Maps a key to an action for the current screen and mode. Text editing takes every printable
/// key, so 'q' in a name field types a q rather than quitting.
public enum KeyMap {
    public static func action(for key: Key, in state: WizardState) -> WizardAction? {
        if case .resize(let w, let h) = key { return .resize(width: w, height: h) }
        if key == .ctrl("l") { return .redraw }
        if state.overlay == .confirmQuit {
            switch key {
            case .char("y"), .char("Y"): return .confirmQuit(true)
            default: return .confirmQuit(false)
            }
        }
        if state.overlay == .help {
            switch key {
            case .down, .char("j"): return .move(1)
            case .up, .char("k"): return .move(-1)
            case .pageDown: return .page(1)
            case .pageUp: return .page(-1)
            default: return .dismissOverlay
            }
        }
        if state.editor != nil { return editing(key) }
        if key == .ctrl("r") && state.assessment != nil { return .reload }
        if state.tooSmall { return key == .char("q") ? .quit : nil }
        switch key {
        case .up, .char("k"): return .move(-1)
        case .down, .char("j"): return .move(1)
        case .pageUp: return .page(-1)
        case .pageDown: return .page(1)
        case .enter: return .activate
        case .escape: return .back
        case .tab, .right: return state.screen == .details ? .move(1) : .nextScreen
        case .backTab, .left: return state.screen == .details ? .move(-1) : .back
        case .char("?"): return .help
        case .char("q"): return .quit
        case .char("u"): return .undo
        default: break
        }
        switch state.screen {
        case .domain:
            switch key {
            case .char("1"): return .rate(.level1)
            case .char("2"): return .rate(.level2)
            case .char("3"): return .rate(.level3)
            case .char("4"): return .rate(.level4)
            case .char("n"): return .rate(.notApplicable)
            case .char("x"): return .rate(.notAssessed)
            case .char("e"): return .editNote
            case .char("/"): return .startFilter
            case .char("a"): return .toggleHidden
            case .char("f"), .char(" "): return .toggleExpanded
            default: return nil
            }
        case .decision:
            switch key {
            case .char(let c) where ("1"..."4").contains(c): return c.wholeNumberValue.map(WizardAction.chooseLevel)
            case .char("s"): return .toggleStep
            case .char("r"): return .editNote
            default: return nil
            }
        case .export:
            return key == .char("e") ? .editNote : nil
        case .review:
            switch key {
            case .char(let c) where ("1"..."4").contains(c): return c.wholeNumberValue.map(WizardAction.toggleCategory)
            default: return nil
            }
        default:
            return nil
        }
    }

    static func editing(_ key: Key) -> WizardAction? {
        switch key {
        case .char(let c): return .type(c)
        case .backspace: return .deleteBackward
        case .left: return .cursor(-1)
        case .right: return .cursor(1)
        case .home: return .cursor(-100_000)
        case .end: return .cursor(100_000)
        case .enter, .tab: return .commitEdit
        case .escape: return .cancelEdit
        default: return nil
        }
    }

    /// The footer for the current screen: only keys that work here.
    public static func footer(for state: WizardState) -> String {
        if state.editor != nil { return "Type · Enter save · Esc cancel · ←/→ move" }
        if state.overlay == .confirmQuit { return "y quit · any other key stays" }
        if state.overlay == .help { return "j/k or PgUp/PgDn scroll · any other key closes help" }
        switch state.screen {
        case .start: return "↑/↓ choose · Enter open · q quit · ? help"
        case .details: return "↑/↓/Tab field · Enter edit/toggle · Esc back · u undo · q quit · ?"
        case .danger: return "↑/↓ choose · Enter answer · Esc back · u undo · q quit · ?"
        case .domain:
            return state.expanded
                ? "1-4 level · n n/a · x clear · e note · PgDn more · f/Esc close · u undo · ?"
                : "j/k row · 1-4 level · n n/a · x clear · e note · f full · / filter · Tab · ?"
        case .voice: return "↑/↓ choose · Enter edit · Tab next · Esc back · u undo · q quit · ?"
        case .review: return "j/k scroll · 1-4 concern category · Tab decide · Esc back · u undo · q · ?"
        case .decision: return "Enter confirm · 1-4 other level · s step 4/5 · r reason · Esc back · q · ?"
        case .export: return "↑/↓ format · e path · Enter write · Esc back · q quit · ?"
        }
    }
}
