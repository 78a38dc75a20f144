import Foundation
import Testing

/// Issue 14's settings file, retention and encrypted exports, through the built binary.
@Suite struct RetentionEndToEndTests {
    static let exampleID = "2b6f0c1e-example-level3"

    /// A private home with a store holding the Level 3 example (last changed `updated`), and the
    /// environment that points the binary at it. The example is copied in plain, then the store
    /// is given its passphrase, which encrypts it (`Tmux.encryptStore`).
    final class Home {
        let path: String
        init(updated: String = "2020-01-06T10:00:00+00:00", settings: String? = nil) throws {
            path = NSTemporaryDirectory() + "staircase-retain-\(getpid())-\(UUID().uuidString.prefix(8))"
            let store = path + "/data/staircase"
            try FileManager.default.createDirectory(
                atPath: store, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let json = try CommandLineTests.example("level3-several-areas")
                .replacingOccurrences(of: "\"updatedAt\": \"2026-11-20T10:45:00+00:00\"", with: "\"updatedAt\": \"\(updated)\"")
            try json.write(toFile: "\(store)/\(RetentionEndToEndTests.exampleID).json", atomically: true, encoding: .utf8)
            chmod("\(store)/\(RetentionEndToEndTests.exampleID).json", 0o600)
            if let settings { try writeSettings(settings) }
            try Tmux.encryptStore(env: env)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }

        var env: [String: String] {
            ["HOME": path, "XDG_DATA_HOME": path + "/data", "XDG_CONFIG_HOME": path + "/config", "XDG_STATE_HOME": path + "/state"]
        }
        var saved: String { path + "/data/staircase/\(RetentionEndToEndTests.exampleID).json" }
        /// The saved example's JSON, decrypted as the program reads it.
        var record: String { get throws { try Tmux.savedText(saved) } }

        func writeSettings(_ text: String, mode: mode_t = 0o600) throws {
            try FileManager.default.createDirectory(atPath: path + "/config/staircase", withIntermediateDirectories: true)
            try text.write(toFile: path + "/config/staircase/config", atomically: true, encoding: .utf8)
            chmod(path + "/config/staircase/config", mode)
        }

        func run(_ args: [String]) throws -> (status: Int32, output: String) { try Tmux.staircase(args, env: env) }
    }

    @Test func anExportEncryptedToTwoRecipientsOpensWithDebiansAgeAndIsRecorded() throws {
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/age"), "apt-get install -y age")
        let home = try Home()
        let keys = home.path + "/keys"
        try FileManager.default.createDirectory(atPath: keys, withIntermediateDirectories: true)
        var recipients: [String] = []
        for name in ["first", "second"] {
            let (status, text) = Tmux.spawn(["/usr/bin/age-keygen", "-o", "\(keys)/\(name).txt"])
            try #require(status == 0, "\(text)")
            let key = try String(contentsOfFile: "\(keys)/\(name).txt", encoding: .utf8)
            recipients.append(try #require(key.split(separator: "\n").first { $0.hasPrefix("# public key: ") }).dropFirst(14).description)
        }
        let plain = try home.run(["export", Self.exampleID, "--format", "md"])
        #expect(plain.status == 0)
        #expect(!(try home.record).contains("lastExport"), "printing is not recorded")

        let out = home.path + "/referral.md.age"
        let sealed = try home.run(["export", Self.exampleID, "--format", "md", "-o", out, "--to", recipients[0], "--to", recipients[1]])
        #expect(sealed.status == 0, "\(sealed.output)")
        #expect(sealed.output.contains("wrote \(out) (encrypted)"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(bytes.starts(with: Data("age-encryption.org/v1\n".utf8)))
        #expect(bytes.range(of: Data("Level".utf8)) == nil)
        let record = try home.record
        #expect(record.contains("\"lastExport\""))
        #expect(record.contains("\"encrypted\" : true") && record.contains("\"format\" : \"md\""))
        #expect(record.contains("\"updatedAt\" : \"2020-01-06T10:00:00+00:00\""), "an export is not a change")
        let clear = try home.run(["export", Self.exampleID, "--format", "md", "-o", home.path + "/referral.md"])
        #expect(clear.status == 0)
        let expected = try Data(contentsOf: URL(fileURLWithPath: home.path + "/referral.md"))
        for name in ["first", "second"] {
            let (status, text) = Tmux.spawn(["/usr/bin/age", "-d", "-i", "\(keys)/\(name).txt", "-o", "\(home.path)/\(name).md", out])
            #expect(status == 0, "\(text)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: "\(home.path)/\(name).md")) == expected, "the same summary, encrypted")
        }

        let again = try home.run(["export", Self.exampleID, "-o", out, "--to", recipients[0]])
        #expect(again.status == 74, "never over an existing file without --force")
    }

    @Test func aBadRecipientOrNoOutputIsAUsageError() throws {
        let home = try Home()
        let bad = try home.run(["export", Self.exampleID, "-o", home.path + "/x.age", "--to", "age1notakey"])
        #expect(bad.status == 64)
        #expect(bad.output.contains("--to age1notakey: not an age recipient"))
        #expect(!FileManager.default.fileExists(atPath: home.path + "/x.age"))
        let noOutput = try home.run(["export", Self.exampleID, "--to", "age1notakey"])
        #expect(noOutput.status == 64)
        #expect(noOutput.output.contains("--to needs --output PATH"))
    }

    @Test func purgeExportedDeletesOnlyWhatWasExportedAndTakesThePeriodFromSettings() throws {
        let home = try Home()
        let none = try home.run(["sessions", "purge", "--dry-run"])
        #expect(none.status == 64)
        #expect(none.output.contains("give the period with --older-than 90d, or set retention-days in the settings file"))

        try home.writeSettings("# mine\nretention-days = 30\n")
        let unexported = try home.run(["sessions", "purge", "--exported"])
        #expect(unexported.status == 0)
        #expect(unexported.output.contains("No saved assessment with an exported summary was last changed before"))
        #expect(FileManager.default.fileExists(atPath: home.saved))

        let written = try home.run(["export", Self.exampleID, "--format", "txt", "-o", home.path + "/referral.txt"])
        #expect(written.status == 0)
        let dry = try home.run(["sessions", "purge", "--exported", "--dry-run"])
        #expect(dry.output.contains("would delete \(Self.exampleID)"))
        #expect(FileManager.default.fileExists(atPath: home.saved))
        let purged = try home.run(["sessions", "purge", "--exported"])
        #expect(purged.status == 0)
        #expect(purged.output.contains("deleted \(Self.exampleID)"))
        #expect(!FileManager.default.fileExists(atPath: home.saved))
    }

    @Test func aBadOrUnsafeSettingsFileStopsWithItsLineAndTheFix() throws {
        let home = try Home()
        try home.writeSettings("retention-days = 90\nidle-lock-minute = 5\n")
        let typo = try home.run(["sessions", "purge", "--dry-run"])
        #expect(typo.status == 78)
        #expect(typo.output.contains("config/staircase/config, line 2: unknown key idle-lock-minute — did you mean idle-lock-minutes?"))
        try home.writeSettings("retention-days = 90\n", mode: 0o666)
        let open = try home.run(["sessions", "purge", "--dry-run"])
        #expect(open.status == 78)
        #expect(open.output.contains("your settings file may be changed by other accounts — run chmod go-w on it"))
    }

    /// The wizard's export, through the real host: the summary is written, then recorded in the
    /// saved assessment with its format, and `updatedAt` is left as it was.
    @Test func theWizardRecordsItsExportInTheSavedAssessment() throws {
        let t = try Tmux()
        let docs = t.home + "/docs"
        try t.start(env: ["XDG_DOCUMENTS_DIR": docs])
        try t.reachFirstDomain(name: "Exported Child")
        try t.send("2")
        try t.exportFromTheReview()
        try t.send("q")
        try t.waitFor("Saved:")
        let store = t.dataDirectory + "/staircase"
        let saved = try FileManager.default.contentsOfDirectory(atPath: store).filter { $0.hasSuffix(".json") }
        let record = try Tmux.savedText(store + "/" + (try #require(saved.first)))
        #expect(record.contains("\"lastExport\" : {"), "the export is recorded")
        #expect(record.contains("\"format\" : \"txt\""))
        let exported = try #require(FileManager.default.contentsOfDirectory(atPath: docs).first { $0.hasSuffix(".txt") })
        #expect(exported.hasPrefix("referral-EC-"))
    }

    /// The start screen in a real terminal: the count and the command, no initials.
    @Test func theStartScreenSaysWhatIsPastTheRetentionPeriod() throws {
        let t = try Tmux()
        let store = t.dataDirectory + "/staircase"
        try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let json = try CommandLineTests.example("level3-several-areas")
            .replacingOccurrences(of: "\"updatedAt\": \"2026-11-20T10:45:00+00:00\"", with: "\"updatedAt\": \"2020-01-06T10:00:00+00:00\"")
        try json.write(toFile: "\(store)/\(Self.exampleID).json", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: t.home + "/.config/staircase", withIntermediateDirectories: true)
        try "retention-days = 30\n".write(toFile: t.home + "/.config/staircase/config", atomically: true, encoding: .utf8)
        chmod(t.home + "/.config/staircase/config", 0o600)
        try t.start()
        let screen = try t.waitFor("retention period")
        let flat = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(
            flat.contains(
                "1 saved assessment is past the 30-day retention period. This deletes them: staircase sessions purge --older-than 30d"
            ))
        try t.send("q")
    }
}
