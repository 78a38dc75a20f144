import Foundation
import Testing

/// Issue 19, defect 1: a read-only window's recovery copy, brought back after the other window
/// saved, once replaced the store's file and lost that window's answer (8 of 8).
@Suite(.serialized) struct RecoveryCopyEndToEndTests {
    static func launch(_ t: Tmux) throws {
        try t.run("")
    }

    /// q, then y when the wizard asks because something is unsaved; the screen once it has exited.
    static func quitConfirming(_ t: Tmux) throws -> String {
        try t.send("q")
        for _ in 0..<200 {
            let s = try t.screen()
            if s.contains("EXIT=") { return s.replacingOccurrences(of: "\n", with: " ") }
            if s.contains("(y/n)") || s.contains("Quit anyway") { try t.send("y") }
            usleep(50_000)
        }
        return try t.waitFor("EXIT=")
    }

    /// q in line mode, answering y when it asks; the screen once it has exited, on one line.
    static func lineQuit(_ t: Tmux) throws -> String {
        try t.type("q")
        try t.send("Enter")
        var answered = false
        for _ in 0..<200 {
            let s = try t.screen()
            if s.contains("EXIT=") { return s.replacingOccurrences(of: "\n", with: " ") }
            if !answered && (s.contains("y/n") || s.contains("Quit anyway")) {
                try t.type("y")
                try t.send("Enter")
                answered = true
            }
            usleep(50_000)
        }
        return try t.screen()
    }

    static func saved(_ store: String) throws -> [String: String] {
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: store) where name.hasSuffix(".json") {
            files[name] = try Tmux.savedText(store + "/" + name)
        }
        return files
    }

    /// A rates a row 4 and saves; B, read-only, rates that row 3 and the next 2, and quits into a
    /// recovery copy; a third run brings the copy back, keeps the saved answer for the first row
    /// and takes the copy's for the second, and the saved file holds exactly that.
    @Test func aRecoveryCopyIsMergedPartByPartAndNeverWritesOverAnotherWindowsSave() throws {
        let a = try Tmux()
        let shared = ["HOME": a.home, "XDG_DATA_HOME": a.dataDirectory, "XDG_STATE_HOME": a.home + "/state"]
        let store = a.dataDirectory + "/staircase"
        try a.start(env: shared, shell: true)
        try Self.launch(a)
        try a.reachFirstDomain(name: "Two Windows")
        try a.send("1")
        try a.waitFor("[1]")
        try a.send("q")
        try a.waitFor("EXIT=0")
        let id = try #require(try Self.saved(store).keys.first)  // "<id>.json"

        // Window A resumes it; window B, second, has it read-only.
        try Self.launch(a)
        try a.waitFor("Resume")
        try a.send("Down", "Enter")
        try a.waitFor("Resumed")
        let b = try Tmux()
        try b.start(env: shared, shell: true)
        try Self.launch(b)
        try b.waitFor("Resume")
        try b.send("Down", "Enter")
        try b.waitFor("Open in another window")
        for t in [a, b] { try t.waitFor("developmental needs (1/3)") }
        try a.send("Down", "4")
        try a.waitFor("[4]")
        try b.send("Down", "3")
        try b.waitFor("[3]")
        try b.send("2")
        try b.waitFor("[2]")
        #expect(try Self.quitConfirming(a).contains("Saved:"))
        let outB = try Self.quitConfirming(b)
        #expect(outB.contains("recovery copy") && !outB.contains("Saved:"), "\(outB)")

        // The start screen says which is the copy and which the saved assessment, each with its time.
        try Self.launch(b)
        let start = try b.waitFor("Recovery copy:")
        #expect(start.contains("Saved assessment: T.W.  "), "the saved assessment is listed apart, with its own time: \(start)")
        try b.send("Down", "Enter")
        let merge = try b.waitFor("Save the merged assessment")
        #expect(merge.contains("Saved in the store: last changed") && merge.contains("[keeps saved]"), "\(merge)")
        // Part 1 is the row both windows rated (saved 4, copy 3): kept saved. Part 2 takes the copy's 2.
        try b.send("Down", "c")
        try b.waitFor("[takes copy]")
        try b.send("Down", "Enter")
        try b.waitFor("Saved the merged assessment")
        #expect(try Self.quitConfirming(b).contains("Saved:"))

        // One file, holding A's 4 and B's 2 and not B's 3; no copy left.
        let files = try Self.saved(store)
        #expect(files.count == 1, "\(files.keys)")
        let merged = try #require(files[id])
        #expect(merged.contains("\"rating\" : \"4\"") && merged.contains("\"rating\" : \"2\""), "\(merged)")
        #expect(!merged.contains("\"rating\" : \"3\""), "the copy's 3 was not chosen")
        let copies = (try? FileManager.default.contentsOfDirectory(atPath: a.home + "/state/staircase/recovery")) ?? []
        #expect(copies.filter { $0.hasSuffix(".json") }.isEmpty, "\(copies)")
    }

    /// The same in line mode (TERM=dumb): A changes the address and saves; B, read-only, fills in
    /// the disability field and quits; brought back, the merge keeps A's address and takes B's field.
    @Test func inLineModeARecoveryCopyNeverWritesOverAnswersAnotherWindowSaved() throws {
        let a = try Tmux()
        let shared = ["HOME": a.home, "XDG_DATA_HOME": a.dataDirectory, "XDG_STATE_HOME": a.home + "/state"]
        let store = a.dataDirectory + "/staircase"
        try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        chmod(a.dataDirectory, 0o700)
        let id = "2b6f0c1e-example-level3"
        try CommandLineTests.example("level3-several-areas").write(toFile: store + "/\(id).json", atomically: false, encoding: .utf8)
        chmod(store + "/\(id).json", 0o600)
        func lineMode(_ t: Tmux) throws {
            try t.run("", env: ["TERM": "dumb"])
            try t.waitFor("Choose 1-")
        }
        try a.start(env: shared, shell: true)
        try lineMode(a)
        try a.type("2")
        try a.send("Enter")
        try a.waitFor("Row to change (1-9)")
        // B opens it read-only, then A changes the address (saved), then B its own field.
        let b = try Tmux()
        try b.start(env: shared, shell: true)
        try lineMode(b)
        try b.type("2")
        try b.send("Enter")
        try b.waitFor("Open in another window")
        try a.type("5")
        try a.send("Enter")
        try a.waitFor("Address")
        try a.type("1 Window A Street")
        try a.send("Enter")
        try a.waitFor("5. Address: 1 Window A Street")
        try b.type("9")
        try b.send("Enter")
        try b.waitFor("Disability (Enter leaves it empty)")
        try b.type("Window B note")
        try b.send("Enter")
        try b.waitFor("9. Disability: Window B note")
        try a.type("q")
        try a.send("Enter")
        #expect(try a.waitFor("EXIT=").contains("Saved:"))
        let outB = try Self.lineQuit(b)
        #expect(outB.contains("recovery copy") && !outB.contains("Saved:"), "\(outB)")

        try lineMode(b)
        let start = try b.screen()
        #expect(start.contains("2. Resume Recovery copy:"), "\(start)")
        #expect(start.contains("3. Resume Saved assessment:"), "\(start)")
        try b.type("2")
        try b.send("Enter")
        try b.waitFor("m. Save the merged assessment")
        // Part 1 is the address (kept saved), part 2 the disability field: the copy's.
        try b.type("2")
        try b.send("Enter")
        try b.waitFor("Which for")
        try b.type("2")
        try b.send("Enter")
        try b.waitFor("Keeps the copy")
        try b.type("m")
        try b.send("Enter")
        try b.waitFor("Saved the merged assessment")
        #expect(try Self.lineQuit(b).contains("Saved:"))

        let files = try Self.saved(store)
        #expect(files.count == 1, "\(files.keys)")
        let merged = try #require(files[id + ".json"])
        #expect(merged.contains("1 Window A Street") && merged.contains("Window B note"), "both windows' answers, as chosen")
    }
}
