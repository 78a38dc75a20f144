import Foundation
import Testing

/// The built binary's commands without a terminal: the catalogue they use and how they fail.
@Suite struct CommandLineTests {
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../StaircaseCoreTests/Fixtures/\(name)").standardized.path
    }

    @Test func validateWithoutAPathChecksTheBuiltInJSON() throws {
        let r = try Tmux.staircase(["catalogue", "validate"], env: ["STAIRCASE_CATALOGUE": ""])
        #expect(r.status == 0)
        #expect(r.output.contains("durham-levels-of-need 2026.1: valid"))
        #expect(r.output.contains("82 rows"))
    }

    @Test func validateHonoursTheEnvironmentVariable() throws {
        let r = try Tmux.staircase(["catalogue", "validate"], env: ["STAIRCASE_CATALOGUE": Self.fixture("minimal.json")])
        #expect(r.status == 0)
        #expect(r.output.contains("test-minimal 1: valid"))
    }

    @Test func aBrokenCatalogueFromTheEnvironmentNamesTheFileAndExits65() throws {
        let r = try Tmux.staircase(["catalogue", "validate"], env: ["STAIRCASE_CATALOGUE": Self.fixture("truncated.json")])
        #expect(r.status == 65)
        #expect(r.output.contains("truncated.json: line"))
        #expect(!r.output.contains("durham-levels-of-need"))
    }

    static func write(_ json: String) throws -> String {
        let path = NSTemporaryDirectory() + "staircase-cli-\(UUID().uuidString).json"
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func example(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Data/examples/\(name).json")
        return try String(contentsOf: url.standardized, encoding: .utf8)
    }

    @Test func anUnknownIdSaysWhereItLooked() throws {
        let store = NSTemporaryDirectory() + "staircase-cli-\(getpid())-empty"
        defer { try? FileManager.default.removeItem(atPath: store) }
        let r = try Tmux.staircase(["score", "nosuchid"], env: ["XDG_DATA_HOME": store])
        #expect(r.status == 66)
        #expect(r.output.contains("nosuchid: no such file, and no saved assessment with that id in \(store)/staircase"))
    }

    @Test func aMisspeltKeyIsRefusedWithItsPathAndExits65() throws {
        let json = try Self.example("level3-several-areas").replacingOccurrences(of: "\"dateOfBirth\"", with: "\"dateOfBrith\"")
        let path = try Self.write(json)
        defer { unlink(path) }
        let r = try Tmux.staircase(["export", path, "--format", "txt"])
        #expect(r.status == 65)
        #expect(r.output.contains("child.dateOfBrith: unknown key — did you mean dateOfBirth?"))
        #expect(!r.output.contains("2016-04-12"), "no value from the file on stderr")
    }

    @Test func settingsShowsWhatIsInForceAndChecksADraftForIT() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Data/etc/config")
            .standardized.path
        let valid = try Tmux.staircase(["settings", "--check", example])
        #expect(valid.status == 0)
        #expect(valid.output.contains("config: valid") && valid.output.contains("retention-days     90"))
        let draft = try Self.write("retention-days = 90\nidle-lock-minute = 5\n")
        defer { unlink(draft) }
        let bad = try Tmux.staircase(["settings", "--check", draft])
        #expect(bad.status == 78)
        #expect(bad.output.contains("line 2: unknown key idle-lock-minute"))

        let home = NSTemporaryDirectory() + "staircase-settings-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.createDirectory(atPath: home + "/staircase", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(
            atPath: home + "/staircase/config", contents: Data("retention-days = 30\nidle-lock-minutes = 3\n".utf8),
            attributes: [.posixPermissions: 0o600])
        let shown = try Tmux.staircase(["settings"], env: ["XDG_CONFIG_HOME": home, "STAIRCASE_IDLE_LOCK": ""])
        #expect(shown.status == 0, "\(shown.output)")
        #expect(shown.output.contains("retention-days     30"))
        #expect(shown.output.contains("idle-lock-minutes  3"))
        #expect(shown.output.contains("\(home)/staircase/config (present)"))
        #expect(shown.output.contains("Recovery recipients: 0, so a lost passphrase cannot be recovered"))

        // IT's recipients draft: the key pair made with Debian's age-keygen.
        let key = home + "/recovery-key.txt"
        let made = Tmux.spawn(["age-keygen", "-o", key])
        let recipient = try #require(
            made.1.split(whereSeparator: { $0 == " " || $0 == "\n" }).first { $0.hasPrefix("age1") }.map(String.init))
        let recipients = try Self.write("# IT's recovery key\n\(recipient)\n")
        defer { unlink(recipients) }
        let good = try Tmux.staircase(["settings", "--check-recipients", recipients])
        #expect(good.status == 0 && good.output.contains("valid: 1 recovery recipient") && good.output.contains(recipient))
        let secret = try String(contentsOfFile: key, encoding: .utf8)
        let wrong = try Self.write(secret)
        defer { unlink(wrong) }
        let refused = try Tmux.staircase(["settings", "--check-recipients", wrong])
        #expect(refused.status == 78)
        #expect(refused.output.contains("that is a secret key"))
        #expect(!refused.output.contains("AGE-SECRET-KEY-1"), "the secret key is never repeated")
        let counted = try Tmux.staircase(["settings"], env: ["XDG_CONFIG_HOME": home, "STAIRCASE_RECIPIENTS": recipients])
        #expect(counted.output.contains("Recovery recipients: 1\n"))
        // The shipped example with no key added is not a draft to install.
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Data/etc/recipients")
        let empty = try Tmux.staircase(["settings", "--check-recipients", shipped.standardized.path])
        #expect(empty.status == 78 && empty.output.contains("lists no recipient"))
        // A bad recipients file: the settings are still shown, the problem in its place, exit 78.
        let broken = try Tmux.staircase(["settings"], env: ["XDG_CONFIG_HOME": home, "STAIRCASE_RECIPIENTS": wrong])
        #expect(broken.status == 78)
        #expect(broken.output.contains("retention-days     30") && broken.output.contains("that is a secret key"))
    }

    @Test func underLANGCTheMessageIsASCII() throws {
        let json = try Self.example("level3-several-areas").replacingOccurrences(of: "\"dateOfBirth\"", with: "\"dateOfBrith\"")
        let path = try Self.write(json)
        defer { unlink(path) }
        let r = try Tmux.staircase(["export", path, "--format", "txt"], env: ["LANG": "C", "LC_ALL": "", "LC_CTYPE": ""])
        #expect(r.status == 65)
        #expect(r.output.contains("child.dateOfBrith: unknown key - did you mean dateOfBirth?"))
        #expect(r.output.utf8.allSatisfy { $0 < 0x80 }, "no byte a C-locale terminal would show as mojibake")
    }

    @Test func aLevelFourDecisionWithoutCategoriesWarns() throws {
        let json = try Self.example("level4-immediate-danger").replacingOccurrences(
            of: "\"concernCategories\": [\n    \"physical-abuse\",\n    \"neglect\"\n  ]", with: "\"concernCategories\": []")
        #expect(json.contains("\"concernCategories\": []"))
        let path = try Self.write(json)
        defer { unlink(path) }
        let r = try Tmux.staircase(["export", path, "--format", "txt"])
        #expect(r.status == 0)
        #expect(r.output.contains("warning: Level 4 was decided but no category of concern is chosen"))
    }
}

/// SIGPIPE: a reader that goes away (`| head`, `| true`) never kills a command mid-write; the
/// command says its output is incomplete and exits 74.
@Suite struct ClosedPipeTests {
    @Test(arguments: [["catalogue", "show"], ["export", "Data/examples/hostile.json", "--format", "html"]])
    func aClosedPipeIsAnIOErrorNotADeath(arguments: [String]) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path
        let args = arguments.map { $0.hasPrefix("Data/") ? root + "/" + $0 : $0 }.map { "'\($0)'" }.joined(separator: " ")
        // The reader exits at once; the status of staircase itself goes to stderr (fd 3 here).
        let script = "exec 3>&2; ('\(Tmux.binary)' \(args) 2>/dev/null; echo \"status=$?\" >&3) | true"
        let (_, output) = Tmux.spawn(["/bin/sh", "-c", script])
        #expect(output.contains("status=74"), "\(output)")
        #expect(!output.contains("status=141"))
    }
}
