import Foundation
import Testing

/// Issue 11 in a real terminal: the honest exit with a recovery copy, and bringing it back.
@Suite(.serialized) struct StoreEndToEndTests {

    @Test func anUnsavedQuitSaysWhereTheRecoveryCopyIsAndResumeBringsItBack() throws {
        let t = try Tmux()
        // The store cannot be created: a file stands where its parent folder should be.
        _ = FileManager.default.createFile(atPath: t.home + "/blocked", contents: Data("x".utf8))
        let state = t.home + "/state"
        try t.start(shell: true)
        // Plain store for this run: an encrypted one that cannot be made is refused before the
        // wizard opens (aStoreThatCannotTakeFilesIsRefusedBeforeAnyPassphrase); what is tested
        // here is the wizard's recovery copy when saving fails. It is brought back encrypted below.
        try t.run("--store \(t.home)/blocked/staircase", answer: false, env: Tmux.plainStore.merging(["XDG_STATE_HOME": state]) { $1 })
        try t.reachFirstDomain(name: "Recovered Child")
        try t.send("3")
        try t.waitFor("Not saved")
        try t.send("q")
        try t.waitFor("quit")
        try t.send("y")
        // The words are wrapped to the terminal at spaces, and the path is never broken.
        let after = try t.waitFor("EXIT=").replacingOccurrences(of: "\n", with: " ")
        #expect(after.contains("EXIT=74"))
        #expect(!after.contains("Saved:"))
        #expect(after.contains("recovery copy \(state)/staircase/recovery/"))
        let copies = try FileManager.default.contentsOfDirectory(atPath: state + "/staircase/recovery").filter { $0.hasSuffix(".json") }
        #expect(copies.count == 1)

        // Started again with a store that works: the start screen offers the copy.
        try t.run("", env: ["XDG_STATE_HOME": state])
        try t.waitFor("Recovery copy: R.C.")
        try t.send("Down", "Enter")
        try t.waitFor("Brought back from a recovery copy and saved in the store")
        // It opens where it was left: the first domain, with the answer that was not saved.
        try t.waitFor("developmental needs (1/3)")
        try t.waitFor("[3]")
        // Already in the store, and the copy gone: quitting now says "Saved" truthfully (a
        // tryout quit here at once and was told "Saved" while the answer was only in memory).
        let atOnce = try FileManager.default.contentsOfDirectory(atPath: t.dataDirectory + "/staircase").filter { $0.hasSuffix(".json") }
        #expect(atOnce == copies)
        if let first = atOnce.first { #expect(try Tmux.savedText(t.store + "/" + first).contains("\"rating\" : \"3\"")) }
        #expect(
            ((try? FileManager.default.contentsOfDirectory(atPath: state + "/staircase/recovery")) ?? []).filter { $0.hasSuffix(".json") }
                .isEmpty)
        try t.send("Down", "2")
        try t.waitFor("[2]")
        try t.send("q")
        try t.waitFor("Saved:")
        let saved = try FileManager.default.contentsOfDirectory(atPath: t.dataDirectory + "/staircase").filter { $0.hasSuffix(".json") }
        #expect(saved == copies, "the recovered assessment keeps its id")
        let text = try Tmux.savedText(t.store + "/" + saved[0])
        #expect(text.contains("\"rating\" : \"3\"") && text.contains("\"rating\" : \"2\""))
        let left =
            (try? FileManager.default.contentsOfDirectory(atPath: state + "/staircase/recovery").filter { $0.hasSuffix(".json") }) ?? []
        #expect(left.isEmpty, "the recovery copy is removed once saved in the store")
    }
}
