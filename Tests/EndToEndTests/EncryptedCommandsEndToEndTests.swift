import Foundation
import Testing

/// Issue 19, defect 11: every command that takes a saved id, run against the default (encrypted)
/// store. `compare ID ID` once read the age file as JSON ("malformed JSON (unexpected character
/// 'a')"), because the tests ran on a plain store and there were three readers of a saved file.
@Suite(.serialized) struct EncryptedCommandsEndToEndTests {
    static let passphrase = "correct horse"
    static let examples = ["2b6f0c1e-example-level3": "level3-several-areas", "8d41a7f2-example-level4": "level4-immediate-danger"]

    /// Runs a command in the shell on the default encrypted store, answering the passphrase.
    static func run(_ t: Tmux, _ command: String, answer: Bool = true) throws {
        try t.type("clear; STAIRCASE_TEST_SCRYPT_LOGN=10 XDG_STATE_HOME=\(t.home)/state '\(Tmux.binary)' \(command); echo \"EXIT\"=$?")
        try t.send("Enter")
        if answer { try t.answerPassphrase(passphrase) }
    }

    /// A shell on an encrypted store (the default) holding the two example assessments: copied
    /// in plain, then encrypted by the first run's migration.
    static func encryptedStore() throws -> Tmux {
        let t = try Tmux()
        try t.start(env: ["STAIRCASE_STORE_UNENCRYPTED": ""], shell: true)
        let store = t.dataDirectory + "/staircase"
        try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        for (id, name) in examples {
            let path = store + "/\(id).json"
            try CommandLineTests.example(name).write(toFile: path, atomically: false, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        }
        try run(t, "sessions list", answer: false)
        try t.chooseNewPassphrase(passphrase, first: "Choose a passphrase")
        try t.waitFor("EXIT=0")
        for id in examples.keys {
            let head = FileManager.default.contents(atPath: store + "/\(id).json")?.prefix(21) ?? Data()
            #expect(String(decoding: head, as: UTF8.self) == "age-encryption.org/v1", "\(id) is encrypted")
        }
        return t
    }

    @Test func everyCommandThatTakesAnIdOpensAnEncryptedSave() throws {
        let t = try Self.encryptedStore()
        let (old, new) = ("2b6f0c1e-example-level3", "8d41a7f2-example-level4")
        let commands = [
            "score \(old)", "score \(new) --format json", "export \(old) --output \(t.home)/summary.md", "compare \(old) \(old)",
            // Two examples of two children: compare refuses that unless asked.
            "compare \(old) \(new) --different-children", "sessions history \(new)",
        ]
        for command in commands {
            try Self.run(t, command)
            let screen = try t.waitFor("EXIT=")
            #expect(screen.contains("EXIT=0"), "\(command): \(screen)")
            #expect(!screen.contains("malformed JSON"), "\(command)")
        }
        // assess --from opens the wizard on the new assessment made from the encrypted one.
        try Self.run(t, "assess --from \(old)")
        try t.waitFor("earlier answers carried forward")
        try t.send("q")
        let closed = try t.waitFor("EXIT=")
        #expect(closed.contains("EXIT=0") && closed.contains("Saved:"), "\(closed)")
        try Self.run(t, "sessions delete \(new)")
        #expect(try t.waitFor("EXIT=").contains("EXIT=0"))
    }
}
