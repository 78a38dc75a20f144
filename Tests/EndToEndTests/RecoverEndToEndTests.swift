import Foundation
import Testing

/// The admin guide's recovery, end to end in a real terminal: a case saved in an encrypted store;
/// IT's recovery key made with Debian's age-keygen afterwards and `sessions reseal` seals the case
/// to it; then the passphrase is lost and
/// `sessions recover --identity` opens it with the recovery key and seals it under a new
/// passphrase. Afterwards the new passphrase opens the store, Debian's `age -d` with the recovery
/// key still opens the file, and the case's text is in no plain file.
@Suite(.serialized) struct RecoverEndToEndTests {
    @Test func aForgottenPassphraseIsRecoveredWithTheOrganisationsKeyAndNothingPlainIsWritten() throws {
        let t = try Tmux()
        let key = t.home + "/recovery-key.txt"
        let made = Tmux.spawn(["age-keygen", "-o", key])
        let recipient = try #require(
            made.1.split(whereSeparator: { $0 == " " || $0 == "\n" }).first { $0.hasPrefix("age1") }.map(String.init))
        try (recipient + "\n").write(toFile: t.home + "/recipients", atomically: true, encoding: .utf8)
        // A plain saved case with a note no one else would write, then encrypted with a passphrase.
        let canary = "Recovercanary " + String((0..<8).map { _ in "abcdefghijklmnopqrstuvwxyz".randomElement()! })
        let store = t.dataDirectory + "/staircase"
        try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let example = try String(contentsOfFile: PackageTests.repository + "/Data/examples/level3-several-areas.json", encoding: .utf8)
        let id = "2b6f0c1e-example-level3"
        try example.replacingOccurrences(of: "\"worry\": \"", with: "\"worry\": \"\(canary). ").write(
            toFile: store + "/\(id).json", atomically: true, encoding: .utf8)
        let started = Date().addingTimeInterval(-1)
        // IT adds its recovery key after the store was encrypted: STAIRCASE_RECIPIENTS from the reseal on.
        var env = "STAIRCASE_STORE_UNENCRYPTED= STAIRCASE_TEST_SCRYPT_LOGN=10"
        try t.start(env: ["STAIRCASE_STORE_UNENCRYPTED": ""], shell: true)
        // Each command ends with its own marker, so a wait never reads the last command's end.
        var runs = 0
        func run(_ command: String) throws {
            runs += 1
            try t.type("clear; \(env) '\(Tmux.binary)' \(command); echo \"EXIT\(runs)\"=$?")
            try t.send("Enter")
        }
        func ended() throws -> String { try t.waitFor("EXIT\(runs)=") }
        try run("sessions encrypt")
        try t.chooseNewPassphrase("the forgotten one", first: "New passphrase")
        #expect(try ended().contains("EXIT1=0"))
        #expect(Tmux.spawn(["age", "-d", "-i", key, store + "/\(id).json"]).0 != 0, "sealed before the recovery key existed")
        env += " STAIRCASE_RECIPIENTS='\(t.home)/recipients'"
        try run("sessions reseal")
        try t.answerPassphrase("the forgotten one")
        let resealed = try ended()
        #expect(resealed.contains("sealed 1 saved assessment(s) again") && resealed.contains("EXIT2=0"), "\(resealed)")
        #expect(Tmux.spawn(["age", "-d", "-i", key, store + "/\(id).json"]).0 == 0, "the recovery key added later opens it")

        // Forgotten: IT's key opens every file; the practitioner chooses a new passphrase.
        try run("sessions recover --identity '\(key)'")
        try t.waitFor("opens 1 saved assessment")
        try t.chooseNewPassphrase("a new passphrase", first: "New passphrase")
        let done = try ended()
        #expect(done.contains("recovered 1 saved assessment") && done.contains("EXIT3=0"), "\(done)")
        #expect(!done.contains("AGE-SECRET-KEY"), "the recovery key is never shown")

        // The new passphrase opens the store; the old one does not.
        try run("score \(id)")
        try t.answerPassphrase("a new passphrase")
        #expect(try ended().contains("EXIT4=0"))
        // The recovery key still opens the file (it is sealed to the organisation's key again).
        let opened = Tmux.spawn(["age", "-d", "-i", key, store + "/\(id).json"])
        #expect(opened.0 == 0 && opened.1.contains(canary), "Debian's age opens the recovered file with the recovery key")
        for name in try FileManager.default.contentsOfDirectory(atPath: store) where name.hasSuffix(".json") {
            let head = FileManager.default.contents(atPath: store + "/" + name)?.prefix(21) ?? Data()
            #expect(String(decoding: head, as: UTF8.self) == "age-encryption.org/v1", "\(name) is sealed")
        }
        let leaks = EncryptionEndToEndTests.filesWithCanary(under: t.home, since: started, canary: canary)
        #expect(leaks.isEmpty, "plain copies: \(leaks)")
        // A wrong key changes nothing.
        let other = t.home + "/other-key.txt"
        _ = Tmux.spawn(["age-keygen", "-o", other])
        let before = FileManager.default.contents(atPath: store + "/\(id).json")
        try run("sessions recover --identity '\(other)'")
        let refused = try ended()
        #expect(refused.contains("opens none of the 1") && refused.contains("EXIT5=65"), "\(refused)")
        #expect(FileManager.default.contents(atPath: store + "/\(id).json") == before)
    }
}
