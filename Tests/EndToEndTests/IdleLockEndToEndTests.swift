import Foundation
import Testing

/// The idle lock in a real terminal (issue 14, item 3): a case left open for the idle time is
/// saved and hidden behind a screen with no name on it; a wrong passphrase is refused, the right
/// one goes back to where it was. On a plain store any key continues, and that key does nothing else.
extension EncryptionEndToEndTests {
    // 8 seconds: short for a test, yet long enough that a loaded machine (the release build of
    // the package test runs beside these) does not lock between two keys the test sends.
    @Test func anOpenCaseLocksWhenIdleAndTheRightPassphraseGoesBackToIt() throws {
        let t = try Tmux()
        try t.start(env: ["STAIRCASE_IDLE_LOCK": "8s", "XDG_STATE_HOME": t.home + "/state"])
        try t.reachFirstDomain(name: Self.canary)
        try t.send("2")
        let locked = try t.waitFor("Staircase is locked")
        #expect(locked.contains("Everything you entered is saved."))
        for secret in [Self.canary, "Q. W.", "Qzcanary", "developmental", "a-"] {
            #expect(!locked.contains(secret), "\(secret) is on the lock screen")
        }
        try t.type("not it at all")
        try t.send("Enter")
        try t.waitFor("does not unlock this store")
        #expect(!(try t.screen()).contains("not it at all"), "the passphrase is masked")
        try t.type("correct horse")
        try t.send("Enter")
        let back = try t.waitFor("developmental needs (1/3)")
        #expect(back.contains("Q. W."), "back on the case where it was left")
        try t.send("q")
        try t.waitFor("Saved:")
        let store = t.dataDirectory + "/staircase"
        let saved = try FileManager.default.contentsOfDirectory(atPath: store).filter { $0.hasSuffix(".json") }
        #expect(saved.count == 1 && saved.allSatisfy { Tmux.isAgeFile(store + "/" + $0) })
    }

    @Test func anUnreadableIdleTimeIsSaidOnTheStartScreenNotOnlyOnStderr() throws {
        let t = try Tmux()
        try t.start(env: ["STAIRCASE_IDLE_LOCK": "abc"])
        let start = try t.waitFor("New assessment")
        let flat = start.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(flat.contains("Settings: STAIRCASE_IDLE_LOCK: cannot read abc"), "\(start)")
        try t.send("q")
    }

    @Test func onAPlainStoreAnyKeyContinuesAndDoesNothingElse() throws {
        let t = try Tmux()
        // Plain store: what the lock does without a passphrase to ask is what this tests.
        try t.start(env: ["STAIRCASE_IDLE_LOCK": "8s", "XDG_STATE_HOME": t.home + "/state"].merging(Tmux.plainStore) { $1 })
        try t.reachFirstDomain(name: Self.canary)
        try t.send("2")
        let locked = try t.waitFor("Staircase is locked")
        #expect(locked.contains("press any key") && !locked.contains(Self.canary) && !locked.contains("Q. W."))
        // u would undo the rating if it reached the wizard.
        try t.send("u")
        let back = try t.waitFor("developmental needs (1/3)")
        #expect(back.contains("Q. W."), "back on the case")
        try t.send("q")
        try t.waitFor("Saved:")
        let store = t.dataDirectory + "/staircase"
        let saved = try #require(try FileManager.default.contentsOfDirectory(atPath: store).first { $0.hasSuffix(".json") })
        let text = try String(contentsOfFile: store + "/" + saved, encoding: .utf8)
        #expect(text.contains("\"rating\" : \"2\"") || text.contains("\"rating\":\"2\""), "the key only unlocked: the rating stands")
    }
}
