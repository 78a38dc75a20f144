import Foundation
import Testing

/// Encryption on by default: a store without a passphrase gets one on first use, asked on the
/// terminal before the wizard starts (too short and mismatched are asked again), and any case
/// saved plain before is encrypted; with no terminal the command stops and names both ways out.
extension EncryptionEndToEndTests {
    @Test func theFirstRunAsksForAPassphraseTwiceThenEncryptsWhatWasSavedPlain() throws {
        let t = try Tmux()
        try t.start(env: ["STAIRCASE_STORE_UNENCRYPTED": ""], shell: true)
        // A case saved plain (the setting on), as on a machine from before encryption was the default.
        try run(t, "", plain: true)
        try t.reachFirstDomain(name: Self.canary)
        try t.send("2", "q")
        try t.waitFor("EXIT=0")
        let store = t.dataDirectory + "/staircase"
        let plainSaved = try FileManager.default.contentsOfDirectory(atPath: store).filter { $0.hasSuffix(".json") }
        #expect(plainSaved.count == 1 && !Tmux.isAgeFile(store + "/" + plainSaved[0]))

        try run(t, "")
        let intro = try t.waitFor("Choose a passphrase (at least 8 characters)")
        #expect(intro.contains("Staircase encrypts saved assessments on this computer."))
        #expect(intro.contains("No recovery key is set up here"))
        try t.type("short")
        try t.send("Enter")
        try t.waitFor("that is too short")
        try t.type("correct horse")
        try t.send("Enter")
        try t.waitFor("Type it again")
        try t.type("correct horsf")
        try t.send("Enter")
        try t.waitFor("the two did not match")
        try t.type("correct horse")
        try t.send("Enter")
        try t.type("correct horse")
        try t.send("Enter")
        // The wizard follows, with the case made before listed by initials.
        let start = try t.waitFor("New assessment")
        #expect(start.contains("Q.W."))
        #expect(!start.contains("correct horse"), "the passphrase is never echoed")
        try t.send("q")
        try t.waitFor("EXIT=0")

        let files = try FileManager.default.contentsOfDirectory(atPath: store).filter { !$0.hasPrefix(".") && $0 != "training" }
        #expect(files.contains("store-identity.age"))
        for name in files where !(FileManager.default.fileExists(atPath: store + "/" + name + "/.")) {
            #expect(Tmux.isAgeFile(store + "/" + name), "\(name) is an age file")
        }

        // The next start asks for the passphrase, not for a new one.
        try run(t, "sessions list")
        try t.answerPassphrase("correct horse")
        #expect(try t.waitFor("EXIT=").contains("EXIT=0"))

        // A training run reads nothing of the encrypted store, so it asks for no passphrase.
        try run(t, "train")
        let training = try t.waitFor("Training: choose a case")
        #expect(!training.contains("Passphrase"), "\(training)")
        try t.send("q")
        try t.waitFor("EXIT=")
    }

    @Test func underLANGCThePassphrasePromptsAreASCII() throws {
        let t = try Tmux()
        try t.start(env: Tmux.encryptedStore.merging(["LANG": "C"]) { $1 }, shell: true)
        try run(t, "")
        try t.waitFor("Choose a passphrase (at least")
        try t.type("short")
        try t.send("Enter")
        let said = try t.waitFor("that is too short")
        #expect(said.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("(a few words will do); try again"), "\(said)")
        for _ in 0..<2 {
            try t.type("correct horse")
            try t.send("Enter")
        }
        try t.waitFor("New assessment")
        try t.send("q")
        try t.waitFor("EXIT=")
        // A wrong passphrase: the check's "…" and the refusal, as a C-locale terminal can show them.
        try run(t, "sessions list")
        try t.answerPassphrase("wrong horse")
        let refused = try t.waitFor("does not unlock")
        #expect(refused.contains("Checking the passphrase..."), "\(refused)")
        let ascii = refused.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(ascii, "nothing a C-locale terminal shows as mojibake: \(refused)")
    }

    @Test func aStoreThatCannotBeMadeIsSaidBeforeAnyPassphraseIsAsked() throws {
        let t = try Tmux()
        // A file stands where the store's folder should be.
        _ = FileManager.default.createFile(atPath: t.home + "/blocked", contents: Data("x".utf8))
        try t.start(env: Tmux.encryptedStore, shell: true)
        try t.type("'\(Tmux.binary)' --store \(t.home)/blocked/staircase; echo \"EXIT\"=$?")
        try t.send("Enter")
        let out = try t.waitFor("EXIT=")
        #expect(out.contains("EXIT=74"), "\(out)")
        #expect(out.contains("blocked"), "the message names the folder: \(out)")
        #expect(!out.contains("Choose a passphrase"), "no passphrase asked for a store that cannot exist")
    }

    @Test func withNoTerminalAStoreWithoutAPassphraseStopsAndNamesBothWaysOut() throws {
        let t = try Tmux()
        var env = ProcessInfo.processInfo.environment
        env.merge(["HOME": t.home, "XDG_DATA_HOME": t.dataDirectory, "LANG": "C.UTF-8"].merging(Tmux.encryptedStore) { $1 }) { $1 }
        for args in [["sessions", "list"], ["assess", "--plain"]] {
            // setsid: no controlling terminal at all, as under cron or a pipe from another program.
            let (status, out) = Tmux.spawn(["setsid", "-w", Tmux.binary] + args, environment: env)
            #expect(status == 64, "\(args): \(out)")
            #expect(out.contains("run staircase once in a terminal"), "\(args): \(out)")
            #expect(out.contains("--store-unencrypted") && out.contains("STAIRCASE_STORE_UNENCRYPTED=1"), "\(args): \(out)")
        }
        #expect(!FileManager.default.fileExists(atPath: t.dataDirectory + "/staircase/store-identity.age"))
        // Either plain setting lets the same command run.
        env["STAIRCASE_STORE_UNENCRYPTED"] = "1"
        #expect(Tmux.spawn(["setsid", "-w", Tmux.binary, "sessions", "list"], environment: env).0 == 0)
        env["STAIRCASE_STORE_UNENCRYPTED"] = ""
        #expect(Tmux.spawn(["setsid", "-w", Tmux.binary, "sessions", "list", "--store-unencrypted"], environment: env).0 == 0)
        // So does the user's settings file (the organisation's says nothing on this machine).
        let config = t.home + "/config"
        try FileManager.default.createDirectory(atPath: config + "/staircase", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(
            atPath: config + "/staircase/config", contents: Data("store-encryption = off\n".utf8), attributes: [.posixPermissions: 0o600])
        env["XDG_CONFIG_HOME"] = config
        let (status, out) = Tmux.spawn(["setsid", "-w", Tmux.binary, "sessions", "list"], environment: env)
        #expect(status == 0, "\(out)")
        #expect(out.contains("No saved assessments"))
        #expect(!FileManager.default.fileExists(atPath: t.dataDirectory + "/staircase/store-identity.age"))
    }
}
