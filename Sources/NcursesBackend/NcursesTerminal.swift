import CNcursesw
import CTerminalGuard
import StaircaseCore
import StaircaseTUI

#if canImport(Glibc)
    import Glibc
#endif

/// The only code that calls ncurses: starts and ends curses safely, draws buffer diffs, and
/// turns `wget_wch` results into `Key`s.
public struct NcursesTerminal: TerminalBackend {
    public enum StartError: Error, CustomStringConvertible {
        case notATerminal
        case noTerminalType
        case unknownTerminal(String)
        case noCursorAddressing(String)

        public var description: String {
            switch self {
            case .notATerminal:
                "staircase: standard input and output must be a terminal for the wizard; use `staircase score` or `staircase export` in scripts"
            case .noTerminalType:
                "staircase: TERM is not set, so the terminal type is unknown; set it, for example TERM=xterm-256color (or TERM=vt100), or use staircase --plain (line mode, which needs no terminal type)"
            case .unknownTerminal(let t):
                "staircase: the terminal type \"\(t)\" is not known to this machine's terminfo; try TERM=xterm-256color or TERM=vt100"
            case .noCursorAddressing(let t):
                "staircase: the terminal type \"\(t)\" cannot move the cursor, which the wizard needs; try TERM=xterm-256color or TERM=vt100"
            }
        }
    }

    let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    let colour: Bool
    /// The locale can show UTF-8; when false the wizard draws every mark in ASCII.
    public let unicode: Bool
    /// Key codes curses assigned to Alt-← and Alt-→ (kLFT3, kRIT3) for this terminal, or 0.
    let altLeft: Int32
    let altRight: Int32
    var last: ScreenBuffer?

    /// The terminal type checked without starting curses: a wizard that could not start is said
    /// before the store asks a passphrase (typed, even chosen twice, for nothing otherwise).
    public static func checkType() throws(StartError) {
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard !term.isEmpty else { throw .noTerminalType }
        switch cnc_term_usable(term) {
        case 0: throw .unknownTerminal(term)
        case -1: throw .noCursorAddressing(term)
        default: return
        }
    }

    /// Starts curses. Signal handlers are installed first so ncurses leaves SIGINT/SIGTERM to us.
    public static func start(noColor: Bool) throws(StartError) -> NcursesTerminal {
        guard isatty(0) != 0, isatty(1) != 0 else { throw .notATerminal }
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard !term.isEmpty else { throw .noTerminalType }
        // The user's locale decides: under LANG=C the terminal may not be UTF-8, so rather than
        // switching to C.UTF-8 and risking garbage, the wizard draws ASCII marks (Glyphs.ascii).
        setlocale(LC_ALL, "")
        let unicode = cnc_locale_is_utf8() != 0
        _ = tg_save_terminal(1)
        tg_install()
        guard let screen = cnc_newterm() else { throw .unknownTerminal(term) }
        set_term(screen)
        guard cnc_has_cup() != 0 else {
            endwin()
            delscreen(screen)
            tg_restore()
            throw .noCursorAddressing(term)
        }
        guard let window = cnc_stdscr() else { throw .unknownTerminal(term) }
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        wtimeout(window, 200)
        curs_set(0)
        var colour = false
        if !noColor && has_colors() {
            start_color()
            use_default_colors()
            for role in Style.Role.allCases {
                if let (pair, fg) = colourPair(role) { init_pair(pair, fg, -1) }
            }
            colour = true
        }
        let (altLeft, altRight) = defineMissingKeys()
        return NcursesTerminal(
            screen: screen, window: window, colour: colour, unicode: unicode, altLeft: altLeft, altRight: altRight, last: nil)
    }

    /// Teaches curses the sequences common terminals send for Home, End, Delete and Alt-←/→
    /// when the terminfo entry lacks them (tmux's "screen" has no kLFT3). An unknown sequence
    /// would otherwise arrive as Esc, which cancels the field being typed.
    static func defineMissingKeys() -> (Int32, Int32) {
        func ensure(_ sequence: String, _ code: Int32) {
            if key_defined(sequence) == 0 { define_key(sequence, code) }
        }
        for seq in ["\u{1B}[1~", "\u{1B}[7~", "\u{1B}[H", "\u{1B}OH"] { ensure(seq, KEY_HOME) }
        for seq in ["\u{1B}[4~", "\u{1B}[8~", "\u{1B}[F", "\u{1B}OF"] { ensure(seq, KEY_END) }
        ensure("\u{1B}[3~", KEY_DC)
        // Codes of our own above KEY_MAX when terminfo has none for Alt-←/→.
        let left = cnc_key_code("kLFT3") != 0 ? cnc_key_code("kLFT3") : KEY_MAX + 1
        let right = cnc_key_code("kRIT3") != 0 ? cnc_key_code("kRIT3") : KEY_MAX + 2
        ensure("\u{1B}[1;3D", left)
        ensure("\u{1B}[1;3C", right)
        return (left, right)
    }

    /// The colour pair and foreground of each role, spelled out so that reordering `Style.Role`
    /// cannot change what a warning looks like. Plain text uses the terminal's own colours.
    static func colourPair(_ role: Style.Role) -> (pair: Int16, foreground: Int16)? {
        switch role {
        case .normal: nil
        case .accent: (1, Int16(COLOR_CYAN))
        case .warning: (2, Int16(COLOR_YELLOW))
        case .danger: (3, Int16(COLOR_RED))
        case .good: (4, Int16(COLOR_GREEN))
        }
    }

    /// Ends curses and restores the terminal modes saved at start.
    public func stop() {
        endwin()
        tg_restore()
    }

    public var size: (width: Int, height: Int) { (Int(cnc_maxx(window)), Int(cnc_maxy(window))) }

    public func takeSignal() -> Int32 { tg_take_signal() }

    /// Keys typed ahead (during the passphrase check) are thrown away, as curses' `flushinp`.
    public mutating func discardPendingInput() { flushinp() }

    /// Called when curses returned no key: a timeout, or a terminal that has gone. Standard
    /// input that polls as hung up or in error, or readable with nothing to read (`read` would
    /// return 0), is the end: a wizard once spun at 91 % CPU for 14 minutes on a deleted
    /// pseudo-terminal, holding its lock (issue 19, defect 12).
    static func inputEnded() -> Bool {
        var fds = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&fds, 1, 0) > 0 else { return false }
        if fds.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return true }
        guard fds.revents & Int16(POLLIN) != 0 else { return false }
        var waiting: Int32 = 0
        return ioctl(0, UInt(FIONREAD), &waiting) == 0 && waiting == 0
    }

    public mutating func draw(_ buffer: ScreenBuffer, full: Bool) {
        let previous = (full || last?.width != buffer.width || last?.height != buffer.height) ? nil : last
        if previous == nil {
            werase(window)
            if full { clearok(window, true) }
        }
        for row in 0..<buffer.height {
            for col in 0..<buffer.width {
                let cell = buffer[row, col]
                if cell.continuation { continue }
                if let p = previous, p[row, col] == cell { continue }
                put(cell, row: row, col: col)
            }
        }
        if let c = buffer.cursor {
            curs_set(1)
            wmove(window, Int32(c.row), Int32(c.column))
        } else {
            curs_set(0)
        }
        wrefresh(window)
        last = buffer
    }

    func put(_ cell: ScreenCell, row: Int, col: Int) {
        var attrs = cnc_a_normal()
        if cell.style.bold { attrs |= cnc_a_bold() }
        if cell.style.reverse { attrs |= cnc_a_reverse() }
        if cell.style.underline { attrs |= cnc_a_underline() }
        if cell.style.dim { attrs |= cnc_a_dim() }
        let pair: Int16 = colour ? (Self.colourPair(cell.style.role)?.pair ?? 0) : 0
        // A grapheme as up to four wide characters and a terminator, on the stack: this runs
        // for every changed cell of every frame.
        var chars: (wchar_t, wchar_t, wchar_t, wchar_t, wchar_t) = (0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &chars) { raw in
            let slots = raw.bindMemory(to: wchar_t.self)
            for (i, scalar) in cell.text.unicodeScalars.prefix(4).enumerated() { slots[i] = wchar_t(bitPattern: scalar.value) }
            _ = cnc_put_cell(window, Int32(row), Int32(col), slots.baseAddress, attrs, pair)
        }
    }

    /// True once the terminal has gone: end of input or a hang-up on standard input.
    public private(set) var hungUp = false

    public mutating func readKey() -> Key? {
        var ch: wint_t = 0
        var v: UInt32
        if unicode {
            let rc = wget_wch(window, &ch)
            if rc == cnc_err() {
                hungUp = hungUp || Self.inputEnded()
                return nil
            }
            if rc == cnc_key_code_yes() { return functionKey(Int32(ch)) }
            v = UInt32(ch)
        } else {
            // Under LANG=C, curses cannot decode UTF-8 and drops "ë" with the keys after it;
            // read bytes and decode them here, so what is typed is kept (and shown as "?").
            let c = wgetch(window)
            if c == cnc_err() {
                hungUp = hungUp || Self.inputEnded()
                return nil
            }
            if c >= 0x100 { return functionKey(c) }
            v = UInt32(c)
            if v >= 0x80 { v = utf8Scalar(lead: v) ?? 0xFFFD }
        }
        switch v {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x1B: return .escape
        case 0x7F, 0x08: return .backspace
        case 0x01...0x1A: return .ctrl(Character(UnicodeScalar(v + 0x60) ?? "?"))
        default:
            guard let scalar = UnicodeScalar(v) else { return nil }
            return .char(Character(scalar))
        }
    }

    /// The rest of a UTF-8 sequence after its first byte, read from curses.
    func utf8Scalar(lead: UInt32) -> UInt32? {
        let count = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0
        guard count > 0 else { return nil }
        var value = lead & (0x3F >> UInt32(count))
        for _ in 0..<count {
            let c = wgetch(window)
            guard c >= 0x80 && c < 0xC0 else { return nil }
            value = value << 6 | UInt32(c & 0x3F)
        }
        return value
    }

    mutating func functionKey(_ code: Int32) -> Key? {
        if code != 0 && code == altLeft { return .altLeft }
        if code != 0 && code == altRight { return .altRight }
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case cnc_key_resize():
            last = nil
            return .resize(width: size.width, height: size.height)
        default: return nil
        }
    }
}
