import StaircaseCore

/// The curses side of the wizard: the terminal's size and how far each scrolling pane is
/// scrolled. The curses run loop owns it and passes it to `View.render`; `WizardState`, the
/// reducer and `ScreenModel` never see it, so line mode (which has no viewport) cannot depend on
/// it and two states that mean the same compare equal whatever the window's size.
public struct Viewport: Equatable, Sendable {
    public var width: Int
    public var height: Int
    /// How far the review, the full text of a row or a training case is scrolled.
    public var scroll = 0
    /// How far the domain screen's descriptor panel is scrolled.
    public var panelScroll = 0
    /// How far the help overlay or the case narrative is scrolled.
    public var helpScroll = 0
    /// What the scroll positions belong to; when the state moves to another screen, row or
    /// overlay, `follow` puts the matching position back to the top.
    var anchor: Anchor?

    public static let minimumWidth = 80
    public static let minimumHeight = 24

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Below 80×24 the screens are not drawn: the view says so and only q and Ctrl-L work.
    public var tooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    /// What each scroll position is scrolled over: the screen (and, on a domain, the row and
    /// whether its full text is open) and the overlay.
    struct Anchor: Equatable {
        var screen: Screen
        var expanded: Bool
        var row: String?
        var overlay: Overlay?

        init(_ s: WizardState) {
            screen = s.screen
            expanded = s.expanded
            if case .domain(let d) = s.screen { row = s.selectedRowID(domain: d) }
            overlay = s.overlay
        }
    }

    /// Called after every reduction: a pane whose content changed (another screen, another row,
    /// the full text opened or closed, an overlay opened) starts at its top again.
    public mutating func follow(_ s: WizardState) {
        let now = Anchor(s)
        defer { anchor = now }
        guard let before = anchor else { return }
        if before.screen != now.screen || before.expanded != now.expanded || before.row != now.row { scroll = 0 }
        if before.screen != now.screen || before.row != now.row { panelScroll = 0 }
        if before.overlay != now.overlay { helpScroll = 0 }
    }

    /// Carries out a view action for the state shown: scrolls the pane the context scrolls,
    /// never past the point where its last line shows (as the views lay it out).
    public mutating func apply(_ action: ViewAction, to s: WizardState) {
        switch action {
        case .resize(let w, let h):
            width = w
            height = h
        case .scroll(let lines): scrollPane(s, by: lines, pages: 0)
        case .page(let pages): scrollPane(s, by: 0, pages: pages)
        case .scrollPanel(let d):
            panelScroll = (panelScroll + d * 4).clamped(0, DomainView.panelMostScroll(s, View.layout(s, self).body))
        }
    }

    mutating func scrollPane(_ s: WizardState, by lines: Int, pages: Int) {
        let body = View.layout(s, self).body
        switch KeyContext(s, in: self) {
        case .help, .narrative:
            let box = height - 4
            let shown = s.overlay == .help ? HelpView.lines(s, width: width - 6) : TrainingViews.narrativeLines(s, width: width - 6)
            let total = shown.count
            helpScroll = (helpScroll + lines + pages * (box - 2)).clamped(0, max(0, total - box))
        case .review:
            let total = ReviewView.lines(s, width: body.width - 2).count
            scroll = (scroll + lines + pages * (body.height - 1)).clamped(0, max(0, total - body.height))
        case .fullText:
            let total = DomainView.fullTextLineCount(s, width: body.width - 2)
            scroll = (scroll + lines + pages * (body.height - 2)).clamped(0, max(0, total - body.height + 1))
        case .trainingRead, .feedback:
            let total = TrainingViews.lines(ScreenModel(s), width: body.width - 2, includeChoices: false).count
            scroll = (scroll + lines + pages * max(1, body.height - 1)).clamped(0, max(0, total - body.height))
        default: break
        }
    }
}

/// What a key asks of the view rather than of the wizard: the reducer ignores these (they carry
/// no meaning, only where the eye is), and the curses run loop hands them to its `Viewport`.
public enum ViewAction: Equatable, Sendable {
    /// The terminal changed size (SIGWINCH, KEY_RESIZE).
    case resize(width: Int, height: Int)
    /// Scrolls the review, a row's full text, a training case or an overlay by lines.
    case scroll(Int)
    /// The same by pages, a page being what the pane shows less a line or two of overlap.
    case page(Int)
    /// Scrolls the domain screen's descriptor panel, which scrolls inside itself.
    case scrollPanel(Int)
}
