import Foundation
import Testing

/// Issue 19, defects 3–5 and 7: the passphrase prompt as safe as the wizard. Run in a real
/// terminal (tmux) under `sh`, which, unlike bash, does not repair the terminal after a command.
@Suite(.serialized) struct PassphrasePromptEndToEndTests {
    static let passphrase = "correct horse"

    /// A shell on a fresh default (encrypted) store; with `identity`, its passphrase already set
    /// at `workFactor`.
    static func shell(identity: Bool, workFactor: Int = 10) throws -> Tmux {
        let t = try Tmux()
        try t.start(env: ["STAIRCASE_STORE_UNENCRYPTED": ""], shell: true)
        if identity {
            try run(t, "sessions list", workFactor: workFactor)
            try t.chooseNewPassphrase(passphrase, first: "Choose a passphrase")
            try t.waitFor("EXIT=0")
        }
        return t
    }

    /// Runs a command, then says whether the terminal's echo is on.
    static func run(_ t: Tmux, _ command: String, workFactor: Int = 10) throws {
        try t.type("clear; STAIRCASE_TEST_SCRYPT_LOGN=\(workFactor) '\(Tmux.binary)' \(command); echo \"EXIT\"=$?; " + echoCheck)
        try t.send("Enter")
    }

    /// Prints ECHO=on or ECHO=off (the words are split in the typed line, so only the output matches).
    static let echoCheck = "if stty -a | tr ' ;' '\\n\\n' | grep -qx -- -echo; then echo ECH\"\"O=off; else echo ECH\"\"O=on; fi"

    @Test(arguments: [(false, "C-c"), (false, "C-\\"), (true, "C-c"), (true, "C-\\")])
    func aSignalAtThePassphrasePromptLeavesEchoOn(unlock: Bool, key: String) throws {
        let t = try Self.shell(identity: unlock)
        try Self.run(t, "sessions list")
        try t.waitFor(unlock ? "Passphrase for the Staircase store" : "Choose a passphrase")
        try t.send(key)
        // Ctrl-C also ends the shell's command list, so the check is typed again on its own.
        usleep(300_000)
        try t.type("clear; " + Self.echoCheck)
        try t.send("Enter")
        let screen = try t.waitFor("ECHO=")
        #expect(screen.contains("ECHO=on"), "\(screen)")
    }

    @Test func aPassphraseTypedDuringTheCheckIsNeitherShownNorTaken() throws {
        // A real-ish work factor, so the check takes long enough to type into.
        let t = try Self.shell(identity: true, workFactor: 17)
        try Self.run(t, "sessions list")
        try t.answerPassphrase("wrong passphrase")
        try t.type("Typedahead9")
        try t.waitFor("does not unlock")
        for _ in 0..<100 where try t.screen().components(separatedBy: "Passphrase for the Staircase store").count < 3 { usleep(50_000) }
        #expect(!(try t.screen()).contains("Typedahead9"), "typed during the check: not echoed")
        try t.type(Self.passphrase)
        try t.send("Enter")
        let screen = try t.waitFor("ECHO=")
        #expect(screen.contains("EXIT=0") && screen.contains("ECHO=on"), "\(screen)")
        #expect(!screen.contains("Typedahead9") && !screen.contains(Self.passphrase))
    }

    @Test func whatIsTypedWhileTheRightPassphraseIsCheckedNeverReachesTheShell() throws {
        // A real-ish work factor, so the check takes long enough to type into.
        let t = try Self.shell(identity: true, workFactor: 17)
        try Self.run(t, "sessions list")
        try t.answerPassphrase(Self.passphrase)
        try t.type("echo LEAK\"\"ED")
        try t.send("Enter")
        var screen = try t.waitFor("ECHO=")
        usleep(500_000)
        screen = try t.screen()
        #expect(screen.contains("EXIT=0") && screen.contains("ECHO=on"), "\(screen)")
        #expect(!screen.contains("LEAKED"), "typed during the check, then run by the shell: \(screen)")
    }

    @Test func anEmptyPassphraseIsAskedAgainNotCalledDamage() throws {
        let t = try Self.shell(identity: true)
        try Self.run(t, "sessions list")
        try t.waitFor("Passphrase for the Staircase store")
        try t.send("Enter")
        try t.waitFor("Nothing was typed")
        #expect(!(try t.screen()).contains("damaged"))
        try t.type(Self.passphrase)
        try t.send("Enter")
        #expect(try t.waitFor("ECHO=").contains("EXIT=0"))
    }

    @Test func aStoreThatCannotTakeFilesIsRefusedBeforeAnyPassphrase() throws {
        let t = try Self.shell(identity: false)
        let store = t.dataDirectory + "/staircase"
        try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // Root ignores permissions, so the folder is made immutable instead (chattr +i).
        let root = getuid() == 0
        if root { _ = try Tmux.run(["chattr", "+i", store]) } else { chmod(store, 0o500) }
        defer { if root { _ = try? Tmux.run(["chattr", "-i", store]) } else { chmod(store, 0o700) } }
        try Self.run(t, "sessions list")
        let screen = try t.waitFor("EXIT=")
        #expect(screen.contains("EXIT=74"), "\(screen)")
        #expect(!screen.contains("passphrase ("), "no passphrase is asked for: \(screen)")
        #expect(screen.contains("cannot write") && !screen.contains("store-identity"), "\(screen)")
    }

    @Test func aPassphraseTypedAheadOfACommandThatStopsFirstNeverReachesTheShell() throws {
        let t = try Self.shell(identity: true)
        let existing = t.home + "/summary.md"
        try "already here\n".write(toFile: existing, atomically: true, encoding: .utf8)
        // The command stops on the existing file before it asks; what was typed meanwhile,
        // meant for the prompt, must not become the shell's next command line.
        try t.type("clear; sleep 1; '\(Tmux.binary)' export 0123abcd --output '\(existing)'; echo \"EXIT\"=$?")
        try t.send("Enter")
        try t.type("echo LEAK\"\"ED")
        try t.send("Enter")
        var screen = try t.waitFor("EXIT=")
        usleep(500_000)
        screen = try t.screen()
        #expect(screen.contains("already exists"), "\(screen)")
        #expect(!screen.contains("EXIT=0"), "\(screen)")
        #expect(!screen.contains("LEAKED"), "the typed-ahead line ran in the shell: \(screen)")
    }
}
