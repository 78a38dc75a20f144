import Foundation
import Testing

/// Issue 19, defect 11: every command that takes a saved id, run against the default (encrypted)
/// store. `compare ID ID` once read the age file as JSON ("malformed JSON (unexpected character
/// 'a')"), because the tests ran on a plain store and there were three readers of a saved file.
/// The list of such commands is read from the program's own command tree, so a new one cannot be missed.
@Suite(.serialized) struct EncryptedCommandsEndToEndTests {
    static let (old, new) = ("2b6f0c1e-example-level3", "8d41a7f2-example-level4")
    static let examples = [old: "level3-several-areas", new: "level4-immediate-danger"]

    /// Each command that takes an id, by its path and the argument that takes it, and how this
    /// test runs it. `assess --from` opens the wizard, so it runs in tmux (below).
    static func invocations(home: String) -> [String: [String]] {
        [
            "score <file>": ["score", old],
            "export <file>": ["export", old, "--output", home + "/summary.md"],
            // Two examples of two children: compare refuses that unless asked.
            "compare <old>": ["compare", old, new, "--different-children"],
            "compare <new>": ["compare", old, new, "--format", "json", "--different-children"],
            "sessions history <child>": ["sessions", "history", new],
            "assess --from": ["assess", "--from", old],
            // Last: it deletes one of the two.
            "sessions delete <id>": ["sessions", "delete", new],
        ]
    }

    /// The positional arguments that take no saved id: each says what it takes instead. A new
    /// positional argument fails `everyPositionalArgumentIsRunOrSaysItTakesNoId` until it is
    /// added here or to `invocations`.
    static let positionalWithoutAnID = [
        "catalogue validate <path>",  // a catalogue file
        "training validate <pack>",  // a training pack file
        "training report <paths>",  // training response files or folders
        "help <subcommands>",  // command names
    ]

    /// One argument in the command tree: "command <name>" when positional, "command --option"
    /// otherwise, and its help in lower case.
    struct Argument {
        var key: String
        var positional: Bool
        var help: String
        /// Whether its help says it takes a saved assessment's id (or a file, which it also takes).
        var takesAnID: Bool {
            help.contains("saved id") || help.contains(" id shown by") || (help.contains(" id ") && help.contains("saved"))
        }
    }

    /// Every argument of every command, from the binary's own description of its command tree
    /// (`--experimental-dump-help`, swift-argument-parser's JSON), so none can be left out by hand.
    static func commandTree() throws -> [Argument] {
        let dump = try Tmux.staircase(["--experimental-dump-help"], passphrase: nil)
        try #require(dump.status == 0, "\(dump.output)")
        let tool = try #require(try JSONSerialization.jsonObject(with: Data(dump.output.utf8)) as? [String: Any])
        var found: [Argument] = []
        func walk(_ command: [String: Any], path: [String]) {
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                let name = argument["valueName"] as? String ?? "?"
                let option = ((argument["preferredName"] as? [String: Any])?["name"] as? String).map { "--" + $0 }
                let positional = argument["kind"] as? String == "positional"
                let key = (path + [positional ? "<\(name)>" : option ?? name]).joined(separator: " ")
                found.append(Argument(key: key, positional: positional, help: " " + (argument["abstract"] as? String ?? "").lowercased()))
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                walk(sub, path: path + [sub["commandName"] as? String ?? "?"])
            }
        }
        walk(try #require(tool["command"] as? [String: Any]), path: [])
        return found
    }

    /// A home whose default store is encrypted and holds the two example assessments: copied in
    /// plain, then encrypted by the first run's migration (the passphrase typed on a pty).
    static func encryptedHome(_ t: Tmux) throws -> [String: String] {
        let env = ["HOME": t.home, "XDG_DATA_HOME": t.dataDirectory, "XDG_STATE_HOME": t.home + "/state"]
        try FileManager.default.createDirectory(atPath: t.store, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        for (id, name) in examples {
            let path = t.store + "/\(id).json"
            try CommandLineTests.example(name).write(toFile: path, atomically: false, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        }
        try Tmux.encryptStore(env: env)
        return env
    }

    @Test func everyArgumentWhoseHelpSaysItTakesAnIdIsRun() throws {
        let found = try Self.commandTree().filter(\.takesAnID).map(\.key).sorted()
        let run = Self.invocations(home: "").keys.sorted()
        #expect(found == run, "a command that takes a saved id is not run below: add it to `invocations`")
    }

    /// A positional argument whose help does not use the words above is still caught.
    @Test func everyPositionalArgumentIsRunOrSaysItTakesNoId() throws {
        let positional = try Self.commandTree().filter(\.positional).map(\.key).sorted()
        let known = (Self.invocations(home: "").keys.filter { $0.hasSuffix(">") } + Self.positionalWithoutAnID).sorted()
        #expect(positional == known, "a new argument: add it to `invocations` if it takes a saved id, else to `positionalWithoutAnID`")
    }

    @Test func everyCommandThatTakesAnIdOpensAnEncryptedSave() throws {
        let t = try Tmux()
        let env = try Self.encryptedHome(t)
        let all = Self.invocations(home: t.home)
        let last = "sessions delete <id>"
        for key in all.keys.sorted().filter({ $0 != last && $0 != "assess --from" }) + [last] {
            let arguments = all[key, default: []]
            let r = try Tmux.staircase(arguments, env: env)
            #expect(r.status == 0, "\(arguments.joined(separator: " ")): \(r.output)")
            #expect(!r.output.contains("malformed JSON"), "\(key)")
        }
        #expect(!FileManager.default.fileExists(atPath: t.store + "/\(Self.new).json"), "sessions delete deleted it")
        // assess --from opens the wizard on the new assessment made from the encrypted one.
        try t.start(all["assess --from", default: []].joined(separator: " "))
        try t.waitFor("earlier answers carried forward")
        try t.send("q")
        try t.waitFor("Saved:")
        let made = try t.savedFiles().filter { !$0.hasSuffix("/\(Self.old).json") }
        #expect(made.count == 1 && made.allSatisfy(Tmux.isAgeFile), "the new assessment is saved encrypted: \(made)")
    }
}
