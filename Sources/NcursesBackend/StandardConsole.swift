import CTerminalGuard
import StaircaseCore
import StaircaseTUI

#if canImport(Glibc)
    import Glibc
#endif

/// Line mode's standard input and output: whole lines out, one line in, no escape sequences
/// ever written. Quit-type signals set a flag (the same guard as curses), noticed while waiting.
public struct StandardConsole: LineConsole {
    /// Read again for every line, so a resized window is wrapped to its new width.
    public var width: Int {
        var size = winsize()
        let known = isatty(1) != 0 && ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0
        return known ? max(20, Int(size.ws_col)) : 80
    }
    /// Input is not a terminal (a script): the answer is echoed so the transcript reads in order.
    let echo: Bool
    var pending: [UInt8] = []
    var ended = false

    /// Whether line mode should be used without being asked: TERM=dumb, an accessibility
    /// variable, or input or output that is not a terminal.
    public static func wanted(environment: [String: String]) -> Bool {
        if environment["TERM"] == "dumb" { return true }
        if let v = environment["STAIRCASE_ACCESSIBLE"], !v.isEmpty, v != "0" { return true }
        if let v = environment["ACCESSIBLE"], !v.isEmpty, v != "0" { return true }
        return isatty(0) == 0 || isatty(1) == 0
    }

    public init() {
        // Quit signals set a flag; crashes re-raise. The terminal's modes are not saved, so
        // nothing (no reset sequence) is ever written back to it.
        tg_install()
        echo = isatty(0) == 0
    }

    public mutating func write(_ lines: [String]) {
        Self.out(lines.map { $0 + "\n" }.joined())
    }

    public mutating func ask(_ prompt: String) -> LineInput {
        ask(prompt, idleAfter: nil)
    }

    public mutating func ask(_ prompt: String, idleAfter: Duration?) -> LineInput {
        Self.out(prompt + " ")
        let input = readLine(deadline: idleAfter.map { ContinuousClock.now + $0 })
        switch input {
        case .line(let text):
            // A script's answer, shown after the prompt (cleaned and wrapped) so the transcript reads in order.
            guard echo else { break }
            let shown = Glyphs.ascii(SafeText.clean(text))
            if prompt.count + 1 + shown.count <= width {
                Self.out(shown + "\n")
            } else {
                Self.out("\n" + TextWrap.lines(shown, width: width).map { $0 + "\n" }.joined())
            }
        case .end, .signal, .idle: Self.out("\n")
        }
        return input
    }

    /// A passphrase: echo off while it is typed when input is a terminal, and never echoed back
    /// for a script (as `ask` does with its answers).
    public mutating func askSecret(_ prompt: String) -> LineInput {
        Self.out(prompt + " ")
        var saved = termios()
        let terminal = isatty(0) != 0 && tcgetattr(0, &saved) == 0
        if terminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            _ = tcsetattr(0, TCSANOW, &quiet)
        }
        let input = readLine()
        if terminal { _ = tcsetattr(0, TCSANOW, &saved) }
        Self.out("\n")
        return input
    }

    /// Writes all of the text to standard output, unbuffered so a prompt is seen before the read.
    static func out(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            bytes = bytes.dropFirst(n)
        }
    }

    /// Reads up to a newline, waking every 200 ms to notice a signal and the deadline. At the
    /// deadline, what was typed of an unfinished line is thrown away (with anything else waiting
    /// in the terminal's input queue): it was typed after the idle time and is never used.
    mutating func readLine(deadline: ContinuousClock.Instant? = nil) -> LineInput {
        while true {
            if let deadline, ContinuousClock.now >= deadline, pending.firstIndex(of: 10) == nil {
                pending = []
                if isatty(0) != 0 { _ = tcflush(0, TCIFLUSH) }
                return .idle
            }
            if let nl = pending.firstIndex(of: 10) {
                var bytes = Array(pending[..<nl])
                pending.removeSubrange(...nl)
                if bytes.last == 13 { bytes.removeLast() }
                return .line(String(decoding: bytes, as: UTF8.self))
            }
            if ended {
                guard !pending.isEmpty else { return .end }
                let bytes = pending
                pending = []
                return .line(String(decoding: bytes, as: UTF8.self))
            }
            let sig = tg_take_signal()
            if sig != 0 { return .signal(sig) }
            var fds = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            let ready = poll(&fds, 1, 200)
            if ready < 0 {
                if errno == EINTR { continue }
                ended = true
                continue
            }
            if ready == 0 { continue }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let n = read(0, &buffer, buffer.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { ended = true; continue }
            pending += buffer[..<n]
        }
    }
}
