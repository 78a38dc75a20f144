import ArgumentParser
import StaircaseCore
import StaircaseTUI

#if canImport(Glibc)
    import Glibc
#endif

/// Every error the command line reports, turned into text and a sysexits status in one place.
enum Failure: Error, CustomStringConvertible {
    case catalogue(CatalogueError)
    case usage(String)
    case data(String)
    case missingInput(String)
    case io(String)
    /// A settings file that is malformed or unsafe (docs/admin.md, "Settings file").
    case config(String)

    var description: String {
        switch self {
        case .catalogue(let e): e.lines.joined(separator: "\n")
        case .usage(let m), .data(let m), .missingInput(let m), .io(let m), .config(let m): m
        }
    }

    /// What each exit status means, once: `--help` lists it, and Scripts/package turns that list
    /// into the man page's EXIT STATUS section.
    static let statuses: [(code: Int32, meaning: String)] = [
        (0, "Success."),
        (64, "Usage: an unknown command or option, a bad id, or no terminal where one is needed."),
        (65, "Bad data: a catalogue, assessment or training pack that is not valid (the file, the place and the fix are named)."),
        (66, "Missing input: no such file, or no saved assessment with that id."),
        (74, "Input or output failed: a file could not be read or written; unsaved work is kept in a recovery copy."),
        (78, "A settings or recovery-recipients file is malformed or unsafe (the file, the line and the fix are named)."),
    ]

    /// The statuses as `--help` lines ("- 64: Usage: …").
    static var statusHelp: String { statuses.map { "- \($0.code): \($0.meaning)" }.joined(separator: "\n") }

    /// sysexits: 64 usage, 65 bad data, 66 missing input, 74 I/O, 78 configuration.
    var exitCode: Int32 {
        switch self {
        case .catalogue(.unreadable): 66
        case .catalogue: 65
        case .usage: 64
        case .data: 65
        case .missingInput: 66
        case .io: 74
        case .config: 78
        }
    }

    /// Prints to stderr and exits; used so ArgumentParser does not reformat our messages.
    func exit() -> Never {
        Self.discardTypeahead()
        FileHandleOutput.standardError(description)
        Glibc.exit(exitCode)
    }

    /// Throws away what was typed ahead on the controlling terminal. A command that stops before
    /// its passphrase prompt (an output file that already exists, a mistyped option) would
    /// otherwise leave a passphrase typed ahead for the shell to read, show and keep in its history.
    static func discardTypeahead() {
        let fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
        guard fd >= 0 else { return }
        _ = tcflush(fd, TCIFLUSH)
        close(fd)
    }
}

enum FileHandleOutput {
    /// Whether the locale can show UTF-8; when not, messages are written in ASCII.
    static let unicode = ConsoleText.localeIsUTF8(Environment.values("LC_ALL", "LC_CTYPE", "LANG"))

    /// The width of the terminal on `fd`, or nil when it is not a terminal (a log keeps long lines).
    static func terminalWidth(_ fd: Int32) -> Int? {
        var size = winsize()
        guard isatty(fd) != 0, ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// A status line on standard output ("wrote …", "… valid — 12 cases"): fitted to a terminal
    /// as stderr's messages are; written as it is when the output goes to a file or a pipe.
    static func say(_ text: String) {
        writeLine(isatty(1) != 0 ? ConsoleText.fit(text, unicode: unicode, width: terminalWidth(1)) : text, to: 1)
    }

    /// A message for the person at the terminal: in ASCII under `LANG=C`, wrapped to its width.
    static func standardError(_ text: String) {
        writeLine(ConsoleText.fit(text, unicode: unicode, width: terminalWidth(2)), to: 2)
    }

    /// `text` and a final newline (unless it has one): the one way these short messages reach
    /// a descriptor, through the same checked write loop as a command's whole output.
    static func writeLine(_ text: String, to fd: Int32) {
        _ = writeAll(Array((text.hasSuffix("\n") ? text : text + "\n").utf8), to: fd)
    }

    /// Writes every byte, again after a signal or a short write; returns errno on failure, 0 when all went.
    static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Int32 {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress.map { $0 + offset }, bytes.count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return n < 0 ? errno : EIO }
            offset += n
        }
        return 0
    }
}

/// Runs a command body, mapping `Failure` to its exit status.
func runReporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let f as Failure {
        f.exit()
    }
}
