import Foundation
import Testing

/// `compare`, `sessions history`, `export` with "Since last time" and `assess --from`, run as
/// the built binary against a private store holding two assessments of one child.
@Suite struct ReassessCommandLineTests {
    static let oldID = "a-earlier00000000000000"
    static let newID = "a-later000000000000000"

    /// A store with the Level 3 example (decided 2026-11-20) and a later re-assessment of the
    /// same child: emotional wellbeing down 3 → 2 (a real change), academic progress up 2 → 4
    /// (new information), growth carried and not yet confirmed; decided Level 4, step 4. Written
    /// plain, changed by `change` if given, then encrypted: the store's first passphrase is set.
    static func store(change: (String) throws -> Void = { _ in }) throws -> String {
        let dir = NSTemporaryDirectory() + "staircase-reassess-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        guard
            var old = try JSONSerialization.jsonObject(with: Data(try CommandLineTests.example("level3-several-areas").utf8))
                as? [String: Any]
        else { throw CocoaError(.fileReadCorruptFile) }
        old["id"] = oldID
        var new = old
        new["id"] = newID
        new["createdAt"] = "2027-02-01T09:00:00+00:00"
        new["updatedAt"] = "2027-02-01T10:00:00+00:00"
        new["decision"] = [
            "level": 4, "step": 4, "reason": "The new information changes the picture.", "decidedAt": "2027-02-01T10:00:00+00:00",
        ]
        new["concernCategories"] = ["neglect"]
        var answers = new["answers"] as? [String: Any] ?? [:]
        let earlier: (String) -> [String: Any] = { ["rating": $0, "on": "2026-11-20", "assessment": oldID] }
        answers["emotional-wellbeing.emotional-wellbeing"] = ["rating": "2", "earlier": earlier("3"), "changeReason": "real-change"]
        answers["education.academic-progress"] = ["rating": "4", "earlier": earlier("2"), "changeReason": "new-information"]
        answers["health.growth-and-weight"] = ["rating": "not-assessed", "earlier": earlier("1")]
        new["answers"] = answers
        for (id, doc) in [(oldID, old), (newID, new)] {
            let path = dir + "/\(id).json"
            try JSONSerialization.data(withJSONObject: doc, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: path))
            chmod(path, 0o600)
        }
        try change(dir)
        try Tmux.encryptStore(store: dir)
        return dir
    }

    @Test func compareClassesEachRowAndExitsZero() throws {
        let dir = try Self.store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Tmux.staircase(["compare", Self.oldID, Self.newID, "--store", dir])
        #expect(r.status == 0, "\(r.output)")
        #expect(r.output.contains("Before: Level 3, step 3 (decided) on 2026-11-20"))
        #expect(r.output.contains("Now: Level 4, step 4 (decided) on 2027-02-01"))
        #expect(r.output.contains("Level 2 → Level 4: Understanding and academic progress (up; now at Level 4;"))
        #expect(r.output.contains("moved 2 levels up; new information)"))
        #expect(r.output.contains("Level 3 → Level 2: Emotional wellbeing (down; real change)"))
        #expect(r.output.contains("Height, weight and growth: was Level 1 on 2026-11-20"))
        #expect(r.output.contains("Rows: up 1, down 1, the same 67; 1 to confirm"))

        let json = try Tmux.staircase(["compare", Self.oldID, Self.newID, "--store", dir, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        #expect((object?["toConfirm"] as? [Any])?.count == 1)
        #expect(((object?["rows"] as? [[String: Any]])?.first?["id"] as? String) == "education.academic-progress", "most important first")

        let out = dir + "/compare.html"
        let written = try Tmux.staircase([
            "compare", dir + "/\(Self.oldID).json", dir + "/\(Self.newID).json", "--store", dir, "--format", "html", "--output", out,
        ])
        #expect(written.status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: out)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("<h2>Since last time</h2>") == false, "compare has its own title")
    }

    @Test func compareRefusesAnotherCatalogueAndAMissingFile() throws {
        let newPath = { (dir: String) in dir + "/\(Self.newID).json" }
        let dir = try Self.store { dir in
            let text = try String(contentsOfFile: newPath(dir), encoding: .utf8).replacingOccurrences(
                of: "durham-levels-of-need", with: "another-authority")
            try text.write(toFile: newPath(dir), atomically: true, encoding: .utf8)
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = newPath(dir)
        let r = try Tmux.staircase(["compare", Self.oldID, path, "--store", dir])
        #expect(r.status == 65)
        #expect(r.output.contains("different catalogues"))
        let missing = try Tmux.staircase(["compare", Self.oldID, dir + "/nothing.json", "--store", dir])
        #expect(missing.status == 66)
    }

    @Test func compareRefusesTwoChildrenUnlessAskedAndThenSaysSoInTheOutputFile() throws {
        let dir = try Self.store { dir in
            let path = dir + "/\(Self.newID).json"
            let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(
                of: "c-7k2m9q4xh1r8t3w6b5nd", with: "c-another0child000000")
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/compare.txt"
        let refused = try Tmux.staircase(["compare", Self.oldID, Self.newID, "--store", dir, "--output", out])
        #expect(refused.status == 65, "\(refused.output)")
        #expect(refused.output.contains("different child keys") && refused.output.contains("--different-children"))
        #expect(!FileManager.default.fileExists(atPath: out), "nothing written for a refused comparison")
        let asked = try Tmux.staircase(["compare", Self.oldID, Self.newID, "--store", dir, "--output", out, "--different-children"])
        #expect(asked.status == 0, "\(asked.output)")
        #expect(
            try String(contentsOfFile: out, encoding: .utf8).contains("Warning: these two assessments have different child keys"),
            "the warning is in the file the reader gets")
    }

    @Test func compareRefusesTheNewerAssessmentFirstAndSaysHowToSwap() throws {
        let dir = try Self.store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Tmux.staircase(["compare", Self.newID, Self.oldID, "--store", dir])
        #expect(r.status == 64, "\(r.output)")
        #expect(r.output.contains("is newer than the second"), "\(r.output)")
        #expect(r.output.contains("staircase compare \(Self.oldID) \(Self.newID)"), "\(r.output)")
    }

    @Test func historyListsTheJourneyOldestFirst() throws {
        let dir = try Self.store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for child in ["c-7k2m9q4xh1r8t3w6b5nd", Self.newID] {
            let r = try Tmux.staircase(["sessions", "history", child, "--store", dir])
            #expect(r.status == 0, "\(r.output)")
            let lines = r.output.split(separator: "\n").map(String.init)
            #expect(lines.contains { $0.contains("2026-11-20  Level 3, step 3 (decided)") && $0.hasSuffix(Self.oldID) })
            let first = lines.firstIndex { $0.contains(Self.oldID) } ?? -1
            let second = lines.firstIndex { $0.contains(Self.newID) } ?? -1
            #expect(first >= 0 && first < second)
            #expect(!r.output.contains("J. S.") && !r.output.contains("Smith"), "no names in the timeline")
        }
        let unknown = try Tmux.staircase(["sessions", "history", "c-nobody", "--store", dir])
        #expect(unknown.status == 66)
    }

    @Test func exportAddsSinceLastTimeAndTheJourney() throws {
        let dir = try Self.store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = try Tmux.staircase(["export", Self.newID, "--store", dir, "--format", "txt"])
        #expect(text.status == 0)
        #expect(text.output.contains("== Since last time"))
        #expect(text.output.contains("2026-11-20: Level 3, step 3 (decided)"))
        let html = try Tmux.staircase(["export", Self.newID, "--store", dir, "--format", "html"])
        #expect(html.output.contains("<svg") && !html.output.contains("<script"))
        // The first assessment has no predecessor, so its summary has no such section.
        let first = try Tmux.staircase(["export", Self.oldID, "--store", dir, "--format", "txt"])
        #expect(first.status == 0 && !first.output.contains("Since last time"))
    }

    @Test func assessFromWithoutATerminalSavesNothing() throws {
        let dir = try Self.store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Tmux.staircase(["assess", "--from", Self.oldID, "--store", dir])
        #expect(r.status == 64)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".json") }.count == 2)
    }

    /// In a real terminal: the new assessment is saved with the same child key and every answer
    /// carried forward, the wizard opens on it, and the earlier file is unchanged.
    @Test func assessFromSavesTheReassessmentAndOpensTheWizard() throws {
        let dir = try Self.store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = try Data(contentsOf: URL(fileURLWithPath: dir + "/\(Self.oldID).json"))
        let t = try Tmux()
        try t.start("assess --from \(Self.oldID) --store '\(dir)'")
        let screen = try t.waitFor("Re-assessment: 70 earlier answers carried forward to confirm or change.")
        #expect(screen.contains("About the child"))
        try t.send("q")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".json") }
        #expect(files.count == 3)
        guard let made = files.first(where: { ![Self.oldID, Self.newID].map { $0 + ".json" }.contains($0) }) else { return }
        let saved = try JSONSerialization.jsonObject(with: Data(try Tmux.savedText(dir + "/" + made).utf8)) as? [String: Any]
        #expect(saved?["childKey"] as? String == "c-7k2m9q4xh1r8t3w6b5nd")
        let answers = saved?["answers"] as? [String: [String: Any]] ?? [:]
        #expect(answers.count == 70)
        #expect(answers.values.allSatisfy { $0["rating"] as? String == "not-assessed" && $0["earlier"] != nil })
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/\(Self.oldID).json")) == before)
    }

    /// An assessment made under an earlier version of the catalogue (a copy of Data/durham.json
    /// as "2025.1", one row's title different) compares by row id with --old-catalogue, and the
    /// reworded row is listed; without it the message says what to give.
    @Test func comparesAcrossCatalogueVersions() throws {
        let dir = try Self.store { dir in
            let oldPath = dir + "/\(Self.oldID).json"
            let old = try String(contentsOfFile: oldPath, encoding: .utf8).replacingOccurrences(of: "\"2026.1\"", with: "\"2025.1\"")
            try old.write(toFile: oldPath, atomically: true, encoding: .utf8)
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let durham = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Data/durham.json")
            .standardized
        let text = try String(contentsOf: durham, encoding: .utf8)
            .replacingOccurrences(of: "\"version\": \"2026.1\"", with: "\"version\": \"2025.1\"")
            .replacingOccurrences(of: "\"title\": \"Developmental milestones\"", with: "\"title\": \"Milestones\"")
        #expect(text.contains("\"2025.1\"") && text.contains("\"Milestones\""))
        // Beside the store, not in it: an encrypted store seals every plain .json in its folder
        // at each unlock, taking it for an assessment saved before encryption.
        let oldCatalogue = dir + "-durham-2025.json"
        try text.write(toFile: oldCatalogue, atomically: true, encoding: .utf8)
        defer { unlink(oldCatalogue) }

        let refused = try Tmux.staircase(["compare", Self.oldID, Self.newID, "--store", dir])
        #expect(refused.status == 65)
        #expect(refused.output.contains("--old-catalogue FILE"))
        let r = try Tmux.staircase(["compare", Self.oldID, Self.newID, "--store", dir, "--old-catalogue", oldCatalogue])
        #expect(r.status == 0, "\(r.output)")
        #expect(r.output.contains("Rows changed between catalogue versions 2025.1 and 2026.1"))
        #expect(r.output.contains("reworded: Developmental milestones (was “Milestones”)"))
        #expect(r.output.contains("catalogue version 2025.1"))
    }
}
