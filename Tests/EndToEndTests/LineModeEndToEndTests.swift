import Foundation
import Testing

/// Line mode through the built binary: a screen-reader user's whole assessment through a
/// pseudo-terminal with TERM=dumb (Python's pexpect), resumed in the curses wizard under tmux;
/// and a script piped in, reaching the same proposal as `staircase score`. An extension of the
/// serialized suite, so it never runs beside the other terminal tests.
extension WizardEndToEndTests {
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts")

    /// Printable ASCII, line ends and nothing else: no escape sequence, box drawing or mark.
    static func plainASCII(_ bytes: Data) -> Bool {
        bytes.allSatisfy { $0 == 10 || $0 == 13 || (0x20...0x7e).contains($0) }
    }

    static func answers(in file: String) throws -> NSDictionary? {
        let json = try JSONSerialization.jsonObject(with: Data(try Tmux.savedText(file).utf8)) as? NSDictionary
        return json?["answers"] as? NSDictionary
    }

    @Test func aScreenReaderUserCompletesAnAssessmentAndTheCursesWizardResumesIt() throws {
        let t = try Tmux()
        let transcript = t.home + "/transcript"
        let (status, out) = Tmux.spawn([
            "python3", Self.scripts.appendingPathComponent("line_mode_pty.py").path, Tmux.binary, t.home, transcript,
        ])
        try #require(status == 0, "the pty driver failed (is pexpect installed? .ci/run installs it):\n\(out)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let id = try #require(result["id"] as? String)
        #expect(result["rows"] as? Int == 75, "every row that applies to a ten-year-old, one at a time")
        #expect(result["proposed"] as? [Int] == [3, 3])
        #expect(result["status"] as? Int == 0)
        #expect(FileManager.default.fileExists(atPath: result["written"] as? String ?? ""), "the export was written")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: transcript))
        #expect(Self.plainASCII(bytes), "line mode wrote a byte that is not printable ASCII")
        let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: .newlines)
        // What the program printed; the terminal echoes the user's typing after a prompt, and wraps that itself.
        let printed = lines.map { line in line.range(of: "): ").map { String(line[..<$0.upperBound]) } ?? String(line) }
        let wide = printed.filter { $0.count > 72 }
        #expect(wide.isEmpty, "wider than the 72-column terminal: \(wide)")

        let file = t.dataDirectory + "/staircase/\(id).json"
        let before = try #require(try Self.answers(in: file))
        #expect(before.count == 75)
        // The same file in the curses wizard: it resumes where line mode left (the summary screen) and exports.
        try t.start()
        try t.waitFor("Resume")
        try t.send("Down", "Enter")
        let screen = try t.waitFor("Resumed where you left off. Every answer is as you left it.")
        #expect(screen.contains("Referral summary"))
        try t.send("Up", "Up", "Up", "Enter")
        try t.waitFor("Written:")
        try t.send("Escape", "Escape")
        try t.waitFor("Proposed: Level 3, step 3")
        try t.send("q")
        try t.waitFor("Saved: \(id)")
        #expect(try Self.answers(in: file) == before, "every answer is intact after the curses session")
        let documents = try FileManager.default.contentsOfDirectory(atPath: t.home + "/Documents")
        #expect(documents.contains { $0.hasSuffix(".md") } && documents.contains { $0.hasSuffix(".txt") })
    }

    @Test func aSignalInLineModeSavesAndExitsWithItsStatus() throws {
        let t = try Tmux()
        let transcript = t.home + "/transcript"
        let (status, out) = Tmux.spawn([
            "python3", Self.scripts.appendingPathComponent("line_mode_signal.py").path, Tmux.binary, t.home, transcript,
        ])
        try #require(status == 0, "the pty driver failed:\n\(out)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(result["status"] as? Int == 143, "128 + SIGTERM")
        let text = try String(contentsOfFile: transcript, encoding: .utf8)
        #expect(text.contains("Saved: a-"))
        #expect(Self.plainASCII(Data(text.utf8)), "no reset sequence or other escape is written in line mode")
        let saved = try Tmux.savedText(try #require(try t.savedFiles().first))
        #expect(saved.contains("\"Sam Test\""))
    }

    @Test func aPipedScriptReachesTheSameProposalAsScore() throws {
        let t = try Tmux()
        let script = [
            "1", "1", "Sam Test", "2", "2016-04-12", "", "", "", "", "", "2",  // Enter through the five forms
            "2", "3", "2", "2", "n", "1", "s",  // six rows of the first domain, then skip the rest
            "2", "2", "2", "s",
            // 3, then e straight after: the note is for the row just rated (selected again), then 2 re-rates it.
            "3", "e", "Seen at home", "2", "s",
            // Level 4 with a reason; a decided Level 4 asks for the categories of concern (4: neglect).
            // What is working well (item 2), early help ticked by name; the household (4: learning
            // difficulties, no, no note); the review; then the decision.
            "2", "Plays football", "early help", "", "4", "n", "", "", "", "4", "Worried about the baby", "", "4", "", "",
        ]
        let input = t.home + "/answers.txt"
        try (script.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        let env = ["HOME": t.home, "XDG_DATA_HOME": t.dataDirectory, "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "TERM": "xterm-256color"]
        let (status, out) = Tmux.spawn(
            ["sh", "-c", "'\(Tmux.binary)' assess --plain < '\(input)'"], environment: env, terminal: Tmux.passphrase)
        #expect(status == 0)
        #expect(Self.plainASCII(Data(out.utf8)))
        #expect(out.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(out.contains("End of input: quitting, and saving what was answered."), "EOF is quit and save, said so")
        #expect(out.contains("Written: \(t.home)/Documents/referral-ST-"))
        let saved = try #require(out.split(separator: "\n").last { $0.hasPrefix("Saved: ") })
        let id = String(saved.split(separator: " ")[1])
        let proposed = try #require(out.split(separator: "\n").first { $0.hasPrefix("Proposed: Level") })
        let (scoreStatus, score) = Tmux.spawn([Tmux.binary, "score", id], environment: env, terminal: Tmux.passphrase)
        #expect(scoreStatus == 0)
        let scored = try #require(score.split(separator: "\n").first { $0.hasPrefix("Proposed: Level") })
        #expect(scored.replacingOccurrences(of: "—", with: "-") == proposed, "the review in line mode and `staircase score` agree")
        let answers = try #require(try Self.answers(in: t.dataDirectory + "/staircase/\(id).json"))
        #expect(answers.count == 10)
        let noted = answers.allValues.compactMap { $0 as? NSDictionary }.filter { ($0["note"] as? String) == "Seen at home" }
        #expect(noted.count == 1 && noted.first?["rating"] as? String == "2", "the note is on the row rated 3 then 2, not on the next row")
        #expect(out.contains("Your decision: Level 4, step 4 (differs from the proposal)."))
        let record = try Tmux.savedText(t.dataDirectory + "/staircase/\(id).json")
        #expect(record.contains("\"overall\" : \"Plays football\""))
        #expect(record.contains("\"early-help\""))
        #expect(record.contains("\"learning-difficulties\" : {") && record.contains("\"answer\" : \"no\""))
    }

    @Test func dumbTerminalsAndAccessibilityVariablesTurnLineModeOn() throws {
        let env = ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        for extra in [
            ["TERM": "dumb"], ["STAIRCASE_ACCESSIBLE": "1", "TERM": "xterm-256color"], ["ACCESSIBLE": "1", "TERM": "xterm-256color"],
        ] {
            let t = try Tmux()
            try t.start(env: extra.merging(["HOME": t.home, "XDG_DATA_HOME": t.dataDirectory]) { $1 }.merging(env) { $1 })
            let screen = try t.waitFor("Choose 1-2:")
            #expect(screen.contains("1. New assessment"), "\(extra)")
            #expect(!screen.contains("·") && !screen.contains("▸"), "no curses screen under \(extra)")
            try t.send("2", "Enter")
        }
    }
}
