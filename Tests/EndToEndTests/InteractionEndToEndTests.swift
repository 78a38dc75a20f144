import Foundation
import Testing

/// What a new user tripped over (issue 12), repeated in a real terminal: ASCII under LANG=C,
/// the export screen, resume, and the command line. An extension of the serialized suite, so
/// these never run beside the hangup test, which signals the newest staircase process.
extension WizardEndToEndTests {

    @Test func underLangCACommandsStatusLineAtATerminalIsASCII() throws {
        let t = try Tmux()
        try t.start(env: ["LANG": "C"], shell: true)
        try t.type("'\(Tmux.binary)' training validate; echo \"EXIT\"=$?")
        try t.send("Enter")
        let out = try t.waitFor("EXIT=")
        let flat = out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("valid - 12 cases"), "\(out)")
        let ascii = out.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(ascii, "\(out)")
    }

    /// Practitioner tryout: `score` at a LANG=C terminal showed curly quotes and dashes as
    /// mojibake. At the terminal it is ASCII; piped, the same command still writes UTF-8 data.
    @Test func underLangCACommandsOutputAtATerminalIsASCIIAndPipedItIsUnchanged() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Data/examples/level4-immediate-danger.json").standardized.path
        let t = try Tmux()
        try t.start(env: ["LANG": "C", "LC_ALL": "", "LC_CTYPE": ""], shell: true)
        try t.type("'\(Tmux.binary)' score '\(example)'; echo \"DONE\"=$?")
        try t.send("Enter")
        let out = try t.waitFor("DONE=0")
        #expect(out.contains("Child's developmental needs: 4 of 31"), "\(out)")
        #expect(out.unicodeScalars.allSatisfy { $0.isASCII }, "\(out)")
        let piped = try Tmux.staircase(["score", example], env: ["LANG": "C", "LC_ALL": "", "LC_CTYPE": ""])
        #expect(piped.status == 0 && piped.output.contains("Proposed: Level 4, step 4 — Support to live safely at home"))
        #expect(piped.output.contains("Child’s developmental needs: 4 of 31"))
    }

    @Test func underLangCEveryMarkIsAsciiPresentAndDistinct() throws {
        let t = try Tmux()
        try t.start(env: ["LANG": "C", "LC_ALL": "C"])
        let start = try t.waitFor("New assessment")
        #expect(start.contains("> New assessment"), "the cursor mark")
        try t.reachFirstDomain()
        try t.send("2", "n")
        // k, j: back on the third row by moving, so e is its note (e straight after a rating
        // would be the rated row's).
        try t.send("k", "j", "e")
        try t.type("Seen by the nurse")
        try t.send("Enter")
        // A ten-year-old's third row is General child development: Education, employment or
        // training applies from secondary age, so it is hidden.
        let domain = try t.waitFor("[ ]*+General")
        let lines = domain.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix(" Staircase - Child's developmental needs (1/3)"), "a clean title: \(lines[0])")
        #expect(domain.contains("[2]  Developmental milestones"), "a level")
        #expect(domain.contains("[-]  Understanding and academic progress"), "not applicable, unlike [ ]")
        #expect(domain.contains("[ ]*+General child development"), "unanswered, with the note and source-note marks")
        #expect(domain.contains("..."), "the ellipsis")
        #expect(lines.contains { $0.hasPrefix("-- General child development") }, "the rule above the descriptors")
        let domainASCII = domain.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(domainASCII, "nothing the C locale cannot show:\n\(domain)")
        for _ in 0..<5 { try t.send("Tab") }
        // Waited for by its last-drawn part, so a capture taken mid-frame cannot miss it.
        let review = try t.waitFor("/## Step 2 - Level 2 - Early Help < proposed")
        #expect(review.contains("Proposed: Level 2"))
        #expect(review.contains("/## Step 1"))
        let reviewASCII = review.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(reviewASCII)
    }

    @Test func theExportScreenWritesToTheDocumentsFolderAndAsksBeforeReplacing() throws {
        let t = try Tmux()
        let docs = t.home + "/docs/referrals"
        try t.start(env: ["XDG_DOCUMENTS_DIR": docs])
        try t.reachFirstDomain()
        try t.send("4")
        for _ in 0..<6 { try t.send("Tab") }
        try t.waitFor("The engine proposes: Level 4, step 4.")
        try t.send("Enter")
        // A Level 4 decision asks for the categories of concern; recorded here with none.
        try t.waitFor("Categories of concern")
        try t.send("Enter")
        var screen = try t.waitFor("Write the referral summary")
        #expect(screen.contains("Folder: \(docs)"))
        #expect(screen.contains("no category of concern is marked"), "Level 4 without a category is flagged")
        try t.send("Down", "Down", "e")
        screen = try t.waitFor("referral-TC-")
        try t.send("C-u")
        try t.type("for-first-contact.md")
        try t.send("Enter")
        screen = try t.waitFor("File:   for-first-contact.html")
        try t.send("Enter")
        screen = try t.waitFor("Written:")
        let words = screen.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        #expect(words.contains("Written: \(docs)/for-first-contact.html"), "wrapped, in full")
        var info = stat()
        #expect(stat(docs, &info) == 0 && info.st_mode & 0o777 == 0o700, "the folder is created 0700")
        #expect(stat(docs + "/for-first-contact.html", &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(!FileManager.default.fileExists(atPath: FileManager.default.currentDirectoryPath + "/for-first-contact.html"))
        try t.send("Up")
        try t.waitFor("▸ Plain text")
        try t.waitFor("JSON")
        screen = try t.waitUntilGone("Written:")
        #expect(!screen.contains("Written:"), "a stale message is cleared")
        try t.send("Down", "Enter")
        try t.waitFor("Replace it? y/n")
        try t.send("y")
        try t.waitFor("Written:")
        try t.send("q")
        try t.waitFor("Saved:")
        // The command line reads the same assessment by its id, and lists the decided level.
        let env = ["HOME": t.home, "XDG_DATA_HOME": t.dataDirectory]
        let list = try Tmux.staircase(["sessions", "list"], env: env)
        #expect(list.output.contains("Saved assessments in \(t.dataDirectory)/staircase:"))
        #expect(list.output.contains("4 decided"))
        #expect(list.output.split(separator: "\n").allSatisfy { $0.count <= 80 }, "every row fits 80 columns")
        let id = String(list.output.split(separator: "\n")[2].split(separator: " ")[0])
        let score = try Tmux.staircase(["score", id], env: env)
        #expect(score.status == 0)
        #expect(score.output.contains("Proposed: Level 4, step 4"))
        #expect(score.output.contains("Developmental milestones [education.developmental-milestones]"), "rows by title, id in brackets")
    }

    /// Alt-←, Home, End and Delete, under a TERM whose terminfo has them and one (tmux's own
    /// "screen") that lacks Alt-←: an unknown sequence must never arrive as Esc and cancel.
    @Test(arguments: ["xterm-256color", "screen"])
    func readlineKeysWorkInARealTerminal(term: String) throws {
        let t = try Tmux()
        try t.start(term: term)
        try t.waitFor("New assessment")
        try t.send("Enter")
        try t.waitFor("About the child")
        try t.send("Enter")
        try t.type("Jo Anne Smith")
        try t.send("M-Left")
        try t.type("X")
        try t.send("Home", "Delete", "End", "BSpace", "C-a", "C-k")
        try t.type("Jay")
        try t.send("C-e")
        try t.type(" Ray")
        try t.send("C-w", "Enter")
        // "Jo Anne Smith" → Alt-← X → "Jo Anne XSmith" → Home Delete → "o Anne XSmith" → End
        // Backspace → "o Anne XSmit" → Ctrl-A Ctrl-K → "" → "Jay" → " Ray" → Ctrl-W → "Jay ".
        let screen = try t.waitFor("J.\n")
        #expect(screen.split(separator: "\n").contains { $0.hasSuffix("Child’s name or initials        Jay") })
    }

    @Test func theCommandLineSaysWhatIsWrong() throws {
        let unknown = try Tmux.staircase(["frobnicate"])
        #expect(unknown.status == 64)
        #expect(unknown.output.contains("unknown command 'frobnicate'"))
        #expect(unknown.output.contains("score, export, compare, sessions, training"))
        let folder = try Tmux.staircase(["score", "/tmp"])
        #expect(folder.status == 66)
        #expect(folder.output.contains("/tmp is a folder, not an assessment file"))
    }

    @Test func anUnsetTermSaysSo() throws {
        let t = try Tmux()
        try t.start(shell: true)
        try t.type("unset TERM; '\(Tmux.binary)'; echo \"EXIT\"=$?")
        try t.send("Enter")
        let screen = try t.waitFor("EXIT=")
        #expect(screen.contains("TERM is not set"))
        #expect(screen.contains("--plain"), "an unset TERM names line mode, which needs no terminal type")
        #expect(screen.contains("EXIT=64"))
    }
}
