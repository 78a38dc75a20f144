import Foundation
import Testing

/// Issue 14 in a real terminal: a plain store with a child's case is encrypted with
/// `sessions encrypt`; every later command asks the passphrase (echo off) and a wrong one is
/// asked again; and the child's name (a canary) is then in no file under the store, $HOME or /tmp.
@Suite(.serialized) struct EncryptionEndToEndTests {
    static let canary = "Qzcanaryname Wxv"

    /// Runs a command in the test's shell; these tests answer (or refuse) the prompt themselves.
    func run(_ t: Tmux, _ command: String, plain: Bool = false) throws {
        try t.run(command, answer: false, env: plain ? Tmux.plainStore : [:])
    }

    /// Files under `folder` (modified since `since`) whose bytes contain the canary.
    static func filesWithCanary(under folder: String, since: Date, canary: String = canary) -> [String] {
        let needle = Data(canary.utf8)
        var found: [String] = []
        guard let walk = FileManager.default.enumerator(atPath: folder) else { return [] }
        for case let item as String in walk {
            let path = folder + "/" + item
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                attributes[.type] as? FileAttributeType == .typeRegular,
                (attributes[.modificationDate] as? Date ?? .distantPast) >= since,
                (attributes[.size] as? Int ?? 0) < 8 << 20,
                let data = FileManager.default.contents(atPath: path)
            else { continue }
            if data.range(of: needle) != nil { found.append(path) }
        }
        return found
    }

    @Test func aPlainStoreIsEncryptedAndTheCaseIsThenNowhereInPlainText() throws {
        let started = Date().addingTimeInterval(-1)
        let t = try Tmux()
        try t.start(env: ["STAIRCASE_STORE_UNENCRYPTED": ""], shell: true)
        try run(t, "", plain: true)
        try t.waitFor("New assessment")
        try t.send("Enter")
        try t.waitFor("About the child")
        try t.send("Enter")
        try t.type(Self.canary)
        try t.send("Enter", "Down", "Enter")
        try t.type("2016-04-12")
        try t.send("Enter")
        try t.waitFor("10 years")
        try t.send(contentsOf: Array(repeating: "Down", count: 14) + ["Enter"])
        try t.waitFor("form 2 of 5: Family and household")
        try t.send(contentsOf: Array(repeating: "NPage", count: 4))
        try t.waitFor("Is the child in immediate danger?")
        try t.send("Up", "Enter")
        try t.waitFor("Child’s developmental needs (1/3)")
        try t.send("3")
        try t.send("q")
        try t.waitFor("EXIT=0")
        let store = t.dataDirectory + "/staircase"
        #expect(!Self.filesWithCanary(under: store, since: started).isEmpty, "the plain store holds the name before encryption")

        try run(t, "sessions encrypt")
        try t.waitFor("New passphrase")
        try t.type("correct horse")
        try t.send("Enter")
        try t.waitFor("Type it again")
        #expect(!(try t.screen()).contains("correct horse"), "the passphrase is not echoed")
        try t.type("correct horse")
        try t.send("Enter")
        try t.waitFor("EXIT=0")
        #expect(try t.screen().contains("is encrypted"))

        let saved = try FileManager.default.contentsOfDirectory(atPath: store).filter { !$0.hasPrefix(".") }
        #expect(saved.count == 2 && saved.contains("store-identity.age"))
        for name in saved {
            let head = FileManager.default.contents(atPath: store + "/" + name)?.prefix(21) ?? Data()
            #expect(String(decoding: head, as: UTF8.self) == "age-encryption.org/v1", "\(name) is an age file")
        }

        // A wrong passphrase is refused and asked again; the right one lists the case by initials.
        try run(t, "sessions list")
        try t.answerPassphrase("wrong")
        // Typed once it is asked again: what was typed before the new prompt is discarded.
        try t.waitFor("try again\nPassphrase for the Staircase store:")
        try t.type("correct horse")
        try t.send("Enter")
        let listed = try t.waitFor("EXIT=0")
        #expect(listed.contains("Q.W."))

        // The wizard asks before curses starts, then offers the saved case.
        try run(t, "")
        try t.answerPassphrase("correct horse")
        try t.waitFor("Q.W.")
        // Resumed and changed: the save in this session is sealed too.
        try t.send("Down", "Enter")
        try t.waitFor("Resumed where you left off.")
        try t.send("1", "e")
        try t.type("Seen by the nurse " + Self.canary)
        try t.send("Enter")
        try t.waitFor("Note: Seen by the nurse")
        try t.send("q")
        try t.waitFor("EXIT=0")
        #expect(try t.screen().contains("Saved:"))

        // score by id asks the passphrase and reads the encrypted save in memory.
        let id = try #require(saved.first { $0.hasSuffix(".json") }).dropLast(5)
        try run(t, "score \(id)")
        try t.answerPassphrase("correct horse")
        let scored = try t.waitFor("EXIT=")
        #expect(scored.contains("EXIT=0"))

        // export by id: asked once (the file, then earlier assessments of the child), written plain.
        try run(t, "export \(id) --output \(t.home)/summary.md")
        try t.answerPassphrase("correct horse")
        let exported = try t.waitFor("EXIT=")
        #expect(exported.contains("EXIT=0") && exported.components(separatedBy: "Passphrase for").count == 2)
        let summary = try String(contentsOfFile: t.home + "/summary.md", encoding: .utf8)
        #expect(summary.contains(Self.canary), "the export asked for is plain")
        try FileManager.default.removeItem(atPath: t.home + "/summary.md")

        #expect(Self.filesWithCanary(under: store, since: started).isEmpty)
        #expect(Self.filesWithCanary(under: t.home, since: started).isEmpty)
        #expect(Self.filesWithCanary(under: "/tmp", since: started).isEmpty)
    }
}
