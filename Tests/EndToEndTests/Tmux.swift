import Foundation
import Testing

/// Drives the built `staircase` binary in a real terminal: a private tmux server per test,
/// status bar off, keys sent with send-keys, the screen read with capture-pane. Tests wait for
/// text to appear instead of sleeping, so they are quick when the machine is and patient when not.
final class Tmux {
    let socket: String
    let home: String
    let session = "e2e"
    static let timeout: TimeInterval = 15

    /// The staircase executable next to this test bundle in the build folder.
    static var binary: String {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var dir = bundle
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("staircase").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug/staircase")
            .standardized.path
    }

    init() throws {
        socket = "staircase-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        home = NSTemporaryDirectory() + socket
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    }

    deinit {
        let pid = panePID
        _ = try? Tmux.run(["tmux", "-L", socket, "kill-server"])
        // The program saves on SIGHUP: let it finish before its folders go, or the save fails and
        // its recovery copy lands in the shared /tmp/staircase-UID, where every later test lists it.
        for _ in 0..<100 where pid > 0 && kill(pid, 0) == 0 { usleep(20_000) }
        try? FileManager.default.removeItem(atPath: home)
    }

    var dataDirectory: String { home + "/data" }

    /// Starts a session running the binary with `arguments` (or, with `shell`, a shell) under the
    /// given TERM and environment, on the default encrypted store (`encryptedStore`). Unless
    /// `showPrompt`, the store's passphrase prompt is answered before this returns (see `unlockStore`).
    func start(
        _ arguments: String = "", term: String = "xterm-256color", width: Int = 80, height: Int = 24, env: [String: String] = [:],
        shell: Bool = false, binary: String = Tmux.binary, showPrompt: Bool = false
    ) throws {
        // Recovery copies in this test's home, never in the shared /tmp/staircase-UID.
        var vars = [
            "LANG": "C.UTF-8", "HOME": home, "XDG_DATA_HOME": dataDirectory, "XDG_STATE_HOME": home + "/state", "TERM": term,
            "SWIFT_BACKTRACE": "enable=no",
        ]
        vars.merge(Tmux.encryptedStore) { $1 }
        vars.merge(env) { $1 }
        let envText = vars.sorted { $0.key < $1.key }.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        // tmux discards what a program writes just before it exits (tmux/tmux#506: "if the process
        // exits before tmux finishes processing its output, we discard the remaining output"), so the
        // pane lives on briefly after it, keeping the last lines ("Saved: …") to read. `trap : HUP`
        // keeps the shell waiting for the program when the test's tmux server goes (it saves on SIGHUP).
        let program =
            shell
            ? "env \(envText) sh" : "trap : HUP; env \(envText) '\(binary)' \(arguments); s=$?; sleep 0.5; exit $s"
        // The tmux server gets a minimal environment: the test runner's own (NO_COLOR set by the
        // tool that runs the tests, say) must not leak into the program under test.
        let minimal = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8",
            "TERM": "xterm-256color",
        ]
        try Tmux.run(
            ["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", program],
            environment: minimal)
        try Tmux.run(["tmux", "-L", socket, "set-option", "-g", "status", "off"])
        try Tmux.run(["tmux", "-L", socket, "set-option", "-g", "remain-on-exit", "on"])
        if !shell && !showPrompt { try unlockStore() }
    }

    func send(_ keys: String...) throws {
        try send(contentsOf: keys)
    }

    func send(contentsOf keys: [String]) throws {
        try Tmux.run(["tmux", "-L", socket, "send-keys", "-t", session] + keys)
    }

    /// Types literal text (no key-name interpretation).
    func type(_ text: String) throws {
        try Tmux.run(["tmux", "-L", socket, "send-keys", "-t", session, "-l", text])
    }

    func screen(escapes: Bool = false) throws -> String {
        try Tmux.run(["tmux", "-L", socket, "capture-pane", "-p", "-t", session] + (escapes ? ["-e"] : []))
    }

    func resize(width: Int, height: Int) throws {
        try Tmux.run(["tmux", "-L", socket, "resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    var panePID: Int32 {
        (try? Tmux.run(["tmux", "-L", socket, "display-message", "-p", "-t", session, "#{pane_pid}"]))
            .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 0
    }

    /// Waits until the screen contains `text`; fails the test with the screen if it never does.
    ///
    /// The screen returned is a settled one: a capture can catch a frame half drawn (a screen's
    /// title over the last screen's body), so once `text` shows, it captures again until two
    /// captures 20 ms apart agree, for at most a few tries (a clock or spinner never settles).
    @discardableResult
    func waitFor(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let deadline = Date().addingTimeInterval(Tmux.timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) {
                for _ in 0..<5 {
                    usleep(20_000)
                    let again = try screen()
                    guard again.contains(text) else { return last }
                    if again == last { return last }
                    last = again
                }
                return last
            }
            usleep(20_000)
        }
        Issue.record("timed out waiting for “\(text)”; screen was:\n\(last)", sourceLocation: sourceLocation)
        throw TmuxError.timeout(text)
    }

    /// Waits until the screen no longer contains `text`; returns the last screen either way.
    @discardableResult
    func waitUntilGone(_ text: String) throws -> String {
        let deadline = Date().addingTimeInterval(Tmux.timeout)
        var last = try screen()
        while last.contains(text) && Date() < deadline {
            usleep(20_000)
            last = try screen()
        }
        return last
    }

    enum TmuxError: Error { case timeout(String), failed(String) }

    /// Runs a command and returns its output. posix_spawn and waitpid rather than Foundation's
    /// Process, whose waitUntilExit can hang on Linux when a child (the tmux server started by
    /// `new-session`) inherits its descriptors; output goes through a file for the same reason.
    @discardableResult
    static func run(_ args: [String], environment: [String: String]? = nil) throws -> String {
        let (status, text) = spawn(args, environment: environment)
        if status != 0 && args.first == "tmux" && !args.contains("kill-server") {
            throw TmuxError.failed("\(args.joined(separator: " ")): \(text)")
        }
        return text
    }

    /// With `terminal`, the program gets a pseudo-terminal as its controlling terminal (its
    /// standard streams stay as here) and every passphrase prompt on it is answered with that
    /// passphrase; without, it inherits whatever terminal the test runner has, if any.
    static func spawn(_ args: [String], environment: [String: String]? = nil, terminal passphrase: String? = nil) -> (Int32, String) {
        let outPath = NSTemporaryDirectory() + "staircase-e2e-out-\(UUID().uuidString)"
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // The default encrypted store unless the caller's environment names the setting (see `plainStore`).
        let vars =
            environment?.merging(encryptedStore) { mine, _ in mine }
            ?? ProcessInfo.processInfo.environment.merging(encryptedStore) { $1 }
        let env = vars.map { "\($0.key)=\($0.value)" }
        // Children start with no blocked signals, whatever thread of the test runner spawns them.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        let pty = passphrase == nil ? nil : PseudoTerminal()
        // A new session whose first terminal opened is the pty: it becomes the controlling one (/dev/tty).
        if let pty {
            posix_spawn_file_actions_addopen(&actions, 3, pty.name, O_RDWR, 0)
            posix_spawn_file_actions_addclose(&actions, 3)
        }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK) | (pty == nil ? 0 : PseudoTerminal.setsid))
        var pid: pid_t = 0
        let argv = args.map { strdup($0) } + [nil]
        let envp = env.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        guard posix_spawnp(&pid, args[0], &actions, &attributes, argv, envp) == 0 else { return (127, "cannot run \(args[0])") }
        var status: Int32 = 0
        if let pty, let passphrase {
            status = pty.answer(pid, passphrase: passphrase)
        } else {
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
        let text = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let exited = (status & 0x7F) == 0
        return (exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), text)
    }

    /// Runs the binary with its standard streams off any terminal (for `score`, `sessions`),
    /// returning status and output (stdout and stderr). The store's passphrase is asked on a
    /// pseudo-terminal and answered with `passphrase`; with nil there is no terminal made for it.
    static func staircase(_ args: [String], env: [String: String] = [:], passphrase: String? = Tmux.passphrase) throws -> (
        status: Int32, output: String
    ) {
        // A data folder of no one's unless the test names one: a command must never reach the
        // real store of whoever runs the tests (the pty would answer its first-run prompt).
        let throwaway = ["XDG_DATA_HOME": NSTemporaryDirectory() + "staircase-e2e-nodata-\(getpid())"]
        let environment = ProcessInfo.processInfo.environment.merging(encryptedStore) { $1 }.merging(throwaway) { $1 }
            .merging(env) { $1 }
        let (status, text) = spawn([binary] + args, environment: environment, terminal: passphrase)
        return (status, text)
    }
}

extension Tmux {
    /// From the start screen to the first domain of a new assessment of a ten-year-old: a name,
    /// a date of birth, PgDn through the five details forms, then "not known" at the safety gate.
    /// One walk for every terminal test, so a change to the forms is made here once.
    func reachFirstDomain(name: String = "Test Child") throws {
        try waitFor("New assessment")
        try send("Enter")
        try waitFor("About the child")
        try send("Enter")
        try type(name)
        try send("Enter", "Down", "Enter")
        try type("2016-04-12")
        try send("Enter")
        try waitFor("10 years")
        try send(contentsOf: Array(repeating: "NPage", count: 5))
        try waitFor("Is the child in immediate danger?")
        try send("Up", "Enter")
        try waitFor("developmental needs (1/3)")
    }

    /// Waits for a new-passphrase prompt (`first`: "Choose a passphrase" at a first run, "New
    /// passphrase" for `sessions encrypt` and `recover`) and types `passphrase` twice.
    func chooseNewPassphrase(_ passphrase: String, first: String) throws {
        try waitFor(first)
        try type(passphrase)
        try send("Enter")
        try waitFor("Type it again")
        try type(passphrase)
        try send("Enter")
    }

    /// Waits for the store's passphrase prompt (asked before curses starts) and answers it.
    func answerPassphrase(_ passphrase: String) throws {
        try waitFor("Passphrase for the Staircase store")
        try type(passphrase)
        try send("Enter")
    }

    /// From a domain with a row rated to the export screen, writing the first format offered
    /// (Markdown) to the documents folder: Tab to the review, Enter past the decision.
    @discardableResult
    func exportFromTheReview() throws -> String {
        for _ in 0..<6 { try send("Tab") }
        try waitFor("The engine proposes:")
        try send("Enter")
        try waitFor("Write the referral summary")
        try send("Down", "Enter")
        return try waitFor("Written:")
    }
}
