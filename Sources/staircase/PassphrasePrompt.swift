import CTerminalGuard
import StaircaseTUI
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Asks for a passphrase on the controlling terminal (`/dev/tty`) with echo off, before curses
/// starts, so the wizard, line mode and every command share one way of asking. Never read from
/// standard input (which may be a file being scored) and never echoed or logged.
///
/// A whole exchange (`conversation`: the prompt, "Checking the passphrase…", a wrong try and the
/// next prompt) runs with echo off from the first prompt to the end: a passphrase retyped while
/// the last one is checked is never shown (issue 19, defect 3). The terminal guard covers it as it
/// covers curses, so a signal at the prompt leaves the terminal as it found it (defect 4).
enum PassphrasePrompt {
    static let noTerminal = "the store is encrypted and there is no terminal to ask its passphrase on — run staircase from a terminal"

    /// The open exchange: the terminal, its modes before, and how many prompts it has shown.
    private struct Exchange {
        var fd: Int32
        var saved: termios?
        var prompts = 0
    }

    private static let current = Mutex<Exchange?>(nil)

    /// Runs `body` with echo off on the terminal throughout, and the terminal guarded against
    /// signals; restores the terminal afterwards whatever happens. Nested calls share one exchange.
    static func conversation<T>(_ body: () throws -> T) throws -> T {
        if current.withLock({ $0 != nil }) { return try body() }
        let fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { throw Failure.usage(noTerminal) }
        var saved = termios()
        let haveTermios = tcgetattr(fd, &saved) == 0
        if haveTermios {
            // Guarded before echo goes off: a signal from here on puts the saved modes back.
            _ = tg_guard_prompt(fd)
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            quiet.c_lflag |= tcflag_t(ECHONL)
            _ = tcsetattr(fd, TCSANOW, &quiet)
        }
        current.withLock { $0 = Exchange(fd: fd, saved: haveTermios ? saved : nil) }
        defer {
            let asked = current.withLock { e -> Bool in
                let asked = (e?.prompts ?? 0) > 0
                e = nil
                return asked
            }
            // What was typed while the last passphrase was checked is thrown away too, not left for
            // the wizard to take as keys or for the shell to run and keep in its history.
            if asked { _ = tcflush(fd, TCIFLUSH) }
            if haveTermios {
                _ = tcsetattr(fd, TCSANOW, &saved)
                tg_unguard_prompt()
            }
            close(fd)
        }
        return try body()
    }

    /// The line typed after `prompt`, without its newline; nil at end of input (Ctrl-D).
    static func ask(_ prompt: String) throws -> String? {
        try conversation {
            // `conversation` has opened the exchange, so it is there.
            guard
                let (fd, first) = current.withLock({ e -> (Int32, Bool)? in
                    e?.prompts += 1
                    return e.map { ($0.fd, $0.prompts == 1) }
                })
            else { throw Failure.usage(noTerminal) }
            // The first prompt keeps what was typed as it appeared; every later one (after a wrong
            // or empty try) discards typeahead, so nothing typed during the check is taken.
            if !first { _ = tcflush(fd, TCIFLUSH) }
            say(prompt, on: fd)
            var line: [UInt8] = []
            defer { for i in line.indices { line[i] = 0 } }
            var byte: UInt8 = 0
            while true {
                let n = read(fd, &byte, 1)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return line.isEmpty ? nil : String(decoding: line, as: UTF8.self) }
                if byte == 0x0A || byte == 0x0D { break }
                if line.count < 1024 { line.append(byte) }
            }
            return String(decoding: line, as: UTF8.self)
        }
    }

    /// The shortest passphrase accepted for a new one (characters). Scrypt at logN 18 makes each
    /// guess cost about a second, so eight characters of a phrase are far beyond a stolen laptop's reach.
    static let minimumLength = 8

    /// True when there is a controlling terminal to ask on.
    static var hasTerminal: Bool {
        let fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { return false }
        close(fd)
        return true
    }

    /// A new passphrase, typed twice; asks again when the two differ or it is too short.
    static func askNew(_ what: String, first prompt: String? = nil) throws -> String {
        try conversation {
            for _ in 0..<5 {
                guard let first = try ask(prompt ?? "New \(what) (at least \(minimumLength) characters): ") else { break }
                if first.count < minimumLength {
                    tell("that is too short: use at least \(minimumLength) characters (a few words will do); try again")
                    continue
                }
                guard let second = try ask("Type it again: ") else { break }
                if first == second { return first }
                tell("the two did not match; try again")
            }
            throw Failure.usage("no passphrase was set — run the command again")
        }
    }

    /// A short line on the terminal (never stderr, which a script may log).
    static func tell(_ text: String) {
        if let fd = current.withLock({ $0?.fd }) {
            say(text + "\n", on: fd)
            return
        }
        let fd = open("/dev/tty", O_WRONLY | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { return }
        say(text + "\n", on: fd)
        close(fd)
    }

    /// Every prompt and message goes here: in ASCII under `LANG=C`, and wrapped at spaces to the
    /// terminal's width, as stderr's messages are (a screen reader's 72 columns read whole words).
    static func say(_ text: String, on fd: Int32) {
        let bytes = Array(ConsoleText.fit(text, unicode: FileHandleOutput.unicode, width: FileHandleOutput.terminalWidth(fd)).utf8)
        _ = bytes.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count) }
    }
}
