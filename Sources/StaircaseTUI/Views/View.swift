import StaircaseCore

/// Draws the whole screen for a state: frame (title, message, footer) around the current
/// screen's body, then any overlay. Views read state and write cells; nothing else.
public enum View {
    /// The screen for a state in a viewport (the terminal's size and the scroll positions, which
    /// the curses run loop owns). A view lays out the screen model into the rectangle it is
    /// given, and reads the viewport only for how far its pane is scrolled.
    public static func render(_ s: WizardState, in v: Viewport) -> ScreenBuffer {
        var b = ScreenBuffer(width: v.width, height: v.height)
        b.ascii = s.ascii
        // The idle lock first: it hides the case even in a terminal too small for anything else.
        if s.lock != nil {
            LockView.draw(ScreenModel(s), s, v, &b)
            return b
        }
        if v.tooSmall {
            tooSmall(v, &b, quitting: s.overlay == .confirmQuit)
            return b
        }
        let m = ScreenModel(s)
        header(s, v, &b)
        let layout = layout(s, v)
        // A training case's narrative stays beside the screen when it fits (120 columns or more).
        if let side = layout.side { TrainingViews.drawSide(m, &b, side) }
        let body = layout.body
        switch s.screen {
        case .start: StartView.draw(m, s, &b, body)
        case .details: DetailsView.draw(m, s, &b, body)
        case .danger: DangerView.draw(s, &b, body)
        case .domain(let d): DomainView.draw(m, s, d, v, &b, body)
        case .voice: VoiceView.draw(m, s, &b, body)
        case .review: ReviewView.draw(s, scroll: v.scroll, &b, body)
        case .decision: DecisionView.draw(m, s, &b, body)
        case .export: ExportView.draw(m, s, &b, body)
        case .training(let t): TrainingViews.draw(m, s, t, scroll: v.scroll, &b, body)
        case .merge: MergeView.draw(m, s, &b, body)
        case .household: HouseholdView.draw(m, s, &b, body)
        case .chronology: ChronologyView.draw(m, s, &b, body)
        }
        footer(s, v, &b)
        if s.overlay == .help { HelpView.draw(s, v, &b) }
        if s.overlay == .confirmQuit { confirmQuit(v, &b) }
        if s.overlay == .confirmReplace { confirmReplace(s, v, &b) }
        if s.overlay == .narrative { TrainingViews.narrative(s, v, &b) }
        return b
    }

    /// Where the parts of the screen go: the body between the header (title and message) and
    /// the footer, and the training narrative's panel to its right when there is room.
    struct Layout: Equatable {
        var body: Rect
        var side: Rect?
    }

    static func layout(_ s: WizardState, _ v: Viewport) -> Layout {
        let top = 1 + messageLines(s, width: v.width).count.clamped(1, 2)
        let height = bodyHeight(s, v)
        let side = TrainingViews.sideWidth(s, width: v.width)
        return Layout(
            body: Rect(top: top, left: 0, width: v.width - side, height: height),
            side: side > 0 ? Rect(top: top, left: v.width - side, width: side, height: height) : nil)
    }

    /// Rows between the header (title and message) and the footer: a long message takes a
    /// second row rather than lose its end (where the fix usually is).
    static func bodyHeight(_ s: WizardState, _ v: Viewport) -> Int { v.height - 2 - messageLines(s, width: v.width).count.clamped(1, 2) }

    /// The message line, wrapped to the width: at most two rows (the export screen shows its
    /// messages in its body instead).
    static func messageLines(_ s: WizardState, width: Int) -> [String] {
        guard let m = s.message, s.screen != .export else { return [] }
        let lines = TextWrap.lines(said(m, s), width: max(1, width - 2))
        guard lines.count > 2 else { return lines }
        // Three rows would not fit: the second keeps as much as it can, ending in "…".
        let rest = lines.dropFirst().joined(separator: " ")
        return [lines[0], String(rest.prefix(max(1, width - 3))) + "…"]
    }

    /// How the curses layout marks a kind of text (the line printer says it in words instead).
    static func style(_ kind: TextBlock.Kind) -> Style {
        switch kind {
        case .danger: .danger
        case .warning, .flag: .warning
        case .note: .muted
        default: .plain
        }
    }

    /// The curses key that sends `action` here, from the key table.
    static func key(for action: WizardAction, _ s: WizardState) -> String? {
        KeyTable.bindings(for: KeyContext(s)).first { $0.keys.contains { $0.action == action } }?.keyLabel
    }

    /// A message naming the curses key for its fix, from the key table.
    static func said(_ m: Message, _ s: WizardState) -> String {
        m.said(key: m.fix.flatMap { key(for: $0.action, s) })
    }

    /// The too-small screen; when `q` has asked whether to quit with a change unsaved, the
    /// question is said here too (the overlay cannot be drawn), so y/n answer what is shown.
    static func tooSmall(_ v: Viewport, _ b: inout ScreenBuffer, quitting: Bool = false) {
        let text =
            "Staircase needs at least \(Viewport.minimumWidth)×\(Viewport.minimumHeight); this terminal is \(v.width)×\(v.height)."
        let ask = quitting ? " Some changes are not saved. Quit anyway? (y/n)" : " Enlarge the window, or press q to quit."
        let lines = TextWrap.lines(text + ask, width: max(1, v.width))
        for (i, line) in lines.enumerated() where i < v.height { b.put(line, row: i, column: 0, style: .warning) }
    }

    static func header(_ s: WizardState, _ v: Viewport, _ b: inout ScreenBuffer) {
        b.fill(row: 0, from: 0, to: v.width, style: .selected)
        b.put(" Staircase · \(screenTitle(s, width: v.width))", row: 0, column: 0, style: .selected)
        if let a = s.assessment {
            var right = Initials.of(a.child.name)
            if let age = ChildAge.describe(a.child, on: s.today) { right += " · " + age }
            if a.training { right = "TRAINING · " + right }
            if a.immediateDanger == .yes { right = "IMMEDIATE DANGER · " + right }
            let w = DisplayWidth.of(right) + 1
            b.put(right, row: 0, column: max(0, v.width - w), style: Style(bold: true, reverse: true))
        } else if s.trainingRun != nil {
            b.put("TRAINING ", row: 0, column: max(0, v.width - 9), style: Style(bold: true, reverse: true))
        }
        if let m = s.message, s.screen != .export {
            for (i, line) in messageLines(s, width: v.width).enumerated() {
                b.put(line, row: 1 + i, column: 1, style: m.isError ? .danger : Style(role: .good), limit: v.width - 2)
            }
        } else if s.unsaved {
            b.put("Some changes are not saved.", row: 1, column: 1, style: .danger)
        }
    }

    static func screenTitle(_ s: WizardState, width: Int) -> String {
        switch s.screen {
        case .start: return s.catalogue.title
        case .details: return "About the child · form \(s.formPage.rawValue + 1) of \(FormPage.allCases.count)"
        case .danger: return "Immediate safety"
        case .domain(let d): return "\(s.catalogue.domains[d].name) (\(d + 1)/\(s.catalogue.domains.count))"
        case .voice: return "The referral in your words"
        case .review: return "Review"
        case .decision: return "Decision"
        case .export: return "Referral summary"
        case .training(let t): return TrainingViews.title(s, t, width: width)
        case .merge: return "Recovery copy: merge"
        case .household: return "The household"
        case .chronology: return s.chronology?.draft == nil ? "Chronology" : "Chronology · event"
        }
    }

    static func footer(_ s: WizardState, _ v: Viewport, _ b: inout ScreenBuffer) {
        let row = v.height - 1
        b.fill(row: row, from: 0, to: v.width, style: .selected)
        b.put(" " + KeyMap.footer(for: s, in: v), row: row, column: 0, style: .selected)
    }

    static func confirmReplace(_ s: WizardState, _ v: Viewport, _ b: inout ScreenBuffer) {
        let width = min(v.width - 4, 70)
        let lines = TextWrap.lines("\(s.replacePath ?? "The file") already exists.", width: width - 4).prefix(4)
        let box = Rect(top: v.height / 2 - 2, left: (v.width - width) / 2, width: width, height: lines.count + 2)
        Box.band(&b, box, v)
        Box.draw(&b, box, title: "Replace?")
        for (i, line) in lines.enumerated() { b.put(line, row: box.top + i, column: box.left + 2) }
        b.put("Replace it? y/n", row: box.top + lines.count + 1, column: box.left + 2, style: .warning)
    }

    static func confirmQuit(_ v: Viewport, _ b: inout ScreenBuffer) {
        let box = Rect(top: v.height / 2 - 2, left: (v.width - 50) / 2, width: 50, height: 4)
        Box.band(&b, box, v)
        Box.draw(&b, box, title: "Quit?")
        b.put("Some changes are not saved. Quit anyway? (y/n)", row: box.top + 1, column: box.left + 2, style: .warning)
    }
}

public struct Rect: Equatable, Sendable {
    public var top, left, width, height: Int
    public var bottom: Int { top + height }
}

enum Box {
    /// A full-screen overlay: the body cleared, a box titled `title`, and the lines made for its
    /// inner width, scrolled by the viewport's overlay position. Help and the case narrative.
    static func overlay(_ title: String, _ v: Viewport, _ b: inout ScreenBuffer, lines: (Int) -> [(String, Style)]) {
        for y in 1..<(v.height - 1) { b.put(String(repeating: " ", count: v.width), row: y, column: 0) }
        let r = Rect(top: 2, left: 1, width: v.width - 2, height: v.height - 4)
        draw(&b, r, title: title)
        let all = lines(r.width - 4)
        let first = min(v.helpScroll, max(0, all.count - r.height))
        for (i, (text, style)) in all.dropFirst(first).prefix(r.height).enumerated() {
            b.put(text, row: r.top + i, column: r.left + 2, style: style, limit: r.width - 4)
        }
    }

    /// Clears the rows a dialog box stands on, edge to edge, so no word of the screen behind it
    /// is left cut off at its sides (a new user read "! /|" there as stray characters).
    static func band(_ b: inout ScreenBuffer, _ r: Rect, _ v: Viewport) {
        for y in (r.top - 1)...r.bottom { b.put(String(repeating: " ", count: v.width), row: y, column: 0) }
    }

    static func draw(_ b: inout ScreenBuffer, _ r: Rect, title: String) {
        for y in r.top..<r.bottom {
            b.put(String(repeating: " ", count: r.width), row: y, column: r.left)
            b.put("│", row: y, column: r.left)
            b.put("│", row: y, column: r.left + r.width - 1)
        }
        b.put("┌" + String(repeating: "─", count: r.width - 2) + "┐", row: r.top - 1, column: r.left)
        b.put("└" + String(repeating: "─", count: r.width - 2) + "┘", row: r.bottom, column: r.left)
        b.put(" \(title) ", row: r.top - 1, column: r.left + 2, style: .title)
    }
}

/// Initials for screens and lists, so a full name is shown only where it is being edited.
public enum Initials {
    public static func of(_ name: String) -> String {
        let initials = ExportText.initials(name)
        return initials.isEmpty ? "(no name yet)" : initials
    }
}

extension Int {
    /// The value kept within `low...high`.
    func clamped(_ low: Int, _ high: Int) -> Int { Swift.min(high, Swift.max(low, self)) }
}

/// Counted nouns in the screens' words: "1 row", "31 rows".
enum Plural {
    static func rows(_ n: Int) -> String { n == 1 ? "1 row" : "\(n) rows" }
    static func parts(_ n: Int) -> String { n == 1 ? "1 part" : "\(n) parts" }
}
