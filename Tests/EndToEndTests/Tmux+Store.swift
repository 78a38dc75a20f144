import Foundation
import StaircaseStore
import Testing

/// The store the tests run on: the users' default, encrypted (issue 19: "tests run on the
/// default"). A test of the plain store opts out with `Tmux.plainStore` and says why. The helpers
/// answer the passphrase prompt themselves, so a test sees it only when it asks to.
extension Tmux {
    /// The passphrase every test store is given.
    static let passphrase = "correct horse"

    /// What every program under test gets unless the test says otherwise: the default encrypted
    /// store (the setting named and empty, so a developer's own environment cannot turn it off),
    /// and a cheap scrypt work factor, which only a debug build reads.
    static let encryptedStore = ["STAIRCASE_STORE_UNENCRYPTED": "", "STAIRCASE_TEST_SCRYPT_LOGN": "10"]

    /// The opt-out, for a test of the plain store: name it in `env:` with a comment saying why.
    static let plainStore = ["STAIRCASE_STORE_UNENCRYPTED": "1"]

    /// The prompts the program asks a passphrase with (`PassphrasePrompt`): each is answered once.
    static let passphrasePrompts = [
        "Passphrase for the Staircase store: ", "Choose a passphrase (at least", "New passphrase (at least", "Type it again: ",
    ]

    /// Answers the store's passphrase prompt: a new one typed twice at a first run, the passphrase
    /// once later. With `required` it waits for a prompt; otherwise it also returns once the
    /// program is plainly past the point of asking (a command or screen that does not open the
    /// store): curses has the screen, the program has ended, or what it shows stays the same
    /// for half a second. A warning printed before the prompt does not end the wait.
    func unlockStore(passphrase: String = Tmux.passphrase, required: Bool = false, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let deadline = Date().addingTimeInterval(Tmux.timeout)
        var last = ""
        var (previous, unchangedSince) = ("", Date())
        while Date() < deadline {
            last = try screen()
            if last.contains("Choose a passphrase (at least") {
                try chooseNewPassphrase(passphrase, first: "Choose a passphrase (at least")
                return
            }
            if last.contains("Passphrase for the Staircase store") {
                try answerPassphrase(passphrase)
                return
            }
            // The first run's words come a moment before its prompt.
            let waiting = required || last.contains("Staircase encrypts saved assessments")
            if !waiting && !last.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                if try pastThePrompt() { return }
                if last != previous {
                    (previous, unchangedSince) = (last, Date())
                } else if Date().timeIntervalSince(unchangedSince) > 0.5 {
                    return
                }
            }
            usleep(20_000)
        }
        if required || last.contains("Staircase encrypts saved assessments") {
            Issue.record("no passphrase prompt; the screen was:\n\(last)", sourceLocation: sourceLocation)
            throw TmuxError.timeout("passphrase prompt")
        }
    }

    /// Whether curses has the screen (the alternate screen is on) or the program has ended:
    /// either way no passphrase prompt is coming, since it is asked before curses starts.
    func pastThePrompt() throws -> Bool {
        try Tmux.run(["tmux", "-L", socket, "display-message", "-p", "-t", session, "#{alternate_on}#{pane_dead}"]).contains("1")
    }

    /// In a shell started with `start(shell: true)`: clears the screen, runs the binary with
    /// `command`, then prints EXIT=status; answers the store's prompt unless `answer` is false
    /// (a command that does not open the store, or a test of the prompt itself).
    func run(_ command: String, answer: Bool = true, env: [String: String] = [:]) throws {
        try clearScreen()
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)='\($0.value)' " }.joined()
        try type("\(assignments)'\(Tmux.binary)' \(command); echo \"EXIT\"=$?")
        try send("Enter")
        if answer { try unlockStore(required: true) }
    }

    /// Clears the shell's screen and waits until it is clear, so a prompt left from an earlier
    /// run (a first run's "Choose a passphrase") is not taken for the next run's.
    func clearScreen() throws {
        try type("clear")
        try send("Enter")
        let deadline = Date().addingTimeInterval(Tmux.timeout)
        while Date() < deadline {
            let lines = try screen().split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            if lines.count <= 1 && !lines.contains(where: { $0.contains("clear") }) { return }
            usleep(20_000)
        }
        throw TmuxError.timeout("a clear screen")
    }

    /// Gives a store its passphrase as a first run at a terminal does, which also encrypts any
    /// plain file already in it (a store from before encryption): `sessions list` opens the store
    /// and changes nothing else. The store is the default of `env`'s data folder, or `store`.
    static func encryptStore(env: [String: String] = [:], store: String? = nil, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let r = try staircase(["sessions", "list"] + (store.map { ["--store", $0] } ?? []), env: env)
        try #require(r.status == 0, "the store's first passphrase: \(r.output)", sourceLocation: sourceLocation)
        let folder = store ?? (env["XDG_DATA_HOME"] ?? "") + "/staircase"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasSuffix(".json") {
            #expect(isAgeFile(folder + "/" + name), "\(name) is encrypted", sourceLocation: sourceLocation)
        }
    }

    /// The store folder of this test's home.
    var store: String { dataDirectory + "/staircase" }

    /// The saved assessments' files in `folder` (the store by default), with their paths.
    func savedFiles(in folder: String? = nil) throws -> [String] {
        let dir = folder ?? store
        return try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".json") }.sorted().map { dir + "/" + $0 }
    }

    /// A saved assessment's JSON as the program reads it: the age file opened in memory with the
    /// store's identity (the file beside it) and passphrase. A plain file fails the test, since
    /// the store under test is encrypted; a test of a plain store reads its files itself.
    static func savedText(_ path: String, passphrase: String = Tmux.passphrase, sourceLocation: SourceLocation = #_sourceLocation)
        throws -> String
    {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        guard SessionStore.isEncrypted(bytes) else {
            Issue.record("\(path) is plain JSON in a store that should be encrypted", sourceLocation: sourceLocation)
            return String(decoding: bytes, as: UTF8.self)
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let none = try StoreKeyring.recoveryRecipients(environment: [:], systemPath: "/nonexistent")
        let store = try StoreKeyring(store: SessionStore(directory: folder)).unlockedStore(passphrase: passphrase, recovery: none)
        return String(decoding: try store.decryptIfNeeded(bytes, path: path), as: UTF8.self)
    }

    /// True when the file at `path` is an age file (every file an encrypted store keeps).
    static func isAgeFile(_ path: String) -> Bool {
        let head = FileManager.default.contents(atPath: path)?.prefix(21) ?? Data()
        return String(decoding: head, as: UTF8.self) == "age-encryption.org/v1"
    }
}
