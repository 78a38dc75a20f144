import Foundation
import StaircaseCore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `staircase training validate|report|handout` through the built binary.
@Suite struct TrainingCommandLineTests {
    /// A private temporary folder, removed afterwards.
    func withFolder(_ body: (String) throws -> Void) throws {
        var template = Array((NSTemporaryDirectory() + "/staircase-training-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        let dir = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try body(dir)
    }

    func mode(_ path: String) -> mode_t {
        var st = stat()
        stat(path, &st)
        return st.st_mode & 0o777
    }

    @Test func validateTheBuiltInPack() throws {
        let r = try Tmux.staircase(["training", "validate"], env: ["STAIRCASE_CATALOGUE": ""])
        #expect(r.status == 0)
        #expect(r.output.contains("durham-threshold-training 1.0: valid — 12 cases"))
        #expect(r.output.contains("1 where the authors differ from the engine"))
    }

    @Test func aBrokenPackNamesThePathAndExits65() throws {
        try withFolder { dir in
            var text = String(decoding: EmbeddedTrainingPack.bytes, as: UTF8.self)
            text = text.replacingOccurrences(of: "\"row\": \"health.growth-and-weight\"", with: "\"row\": \"health.growth\"")
            let path = dir + "/broken-pack.json"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let r = try Tmux.staircase(["training", "validate", path], env: ["STAIRCASE_CATALOGUE": ""])
            #expect(r.status == 65)
            #expect(r.output.contains("broken-pack.json: cases[0].modelAnswer.ratings[1].row: no row \"health.growth\" in the catalogue"))
            let missing = try Tmux.staircase(["training", "validate", dir + "/nothing.json"], env: ["STAIRCASE_CATALOGUE": ""])
            #expect(missing.status == 66)
            #expect(missing.output.contains("nothing.json: cannot read the training pack (no such file)"))
        }
    }

    @Test func trainRefusesABadAliasAndAMissingPack() throws {
        let empty = try Tmux.staircase(["train", "--as", " "], env: ["STAIRCASE_CATALOGUE": ""])
        #expect(empty.status == 64)
        #expect(empty.output.contains("--as: give an alias"))
        let control = try Tmux.staircase(["train", "--as", "Owl\u{1B}[2J"], env: ["STAIRCASE_CATALOGUE": ""])
        #expect(control.status == 64)
        try withFolder { dir in
            let missing = try Tmux.staircase(
                ["train", "--as", "Owl", "--pack", dir + "/none.json", "--store", dir + "/store"], env: ["STAIRCASE_CATALOGUE": ""])
            #expect(missing.status == 66)
            #expect(missing.output.contains("none.json: cannot read the training pack (no such file)"))
        }
    }

    @Test func aReportWithNothingCountedSaysSoAndFails() throws {
        try withFolder { dir in
            let empty = try Tmux.staircase(["training", "report", dir], env: ["STAIRCASE_CATALOGUE": ""])
            #expect(empty.status == 66, "\(empty.output)")
            #expect(empty.output.contains("no response files (*.json) found in \(dir)"))
            #expect(!empty.output.contains("0 participants"))

            try Data("{ not json".utf8).write(to: URL(fileURLWithPath: dir + "/damaged.json"))
            try Data("notes".utf8).write(to: URL(fileURLWithPath: dir + "/notes.txt"))
            let damaged = try Tmux.staircase(["training", "report", dir], env: ["STAIRCASE_CATALOGUE": ""])
            #expect(damaged.status == 65, "\(damaged.output)")
            #expect(damaged.output.contains("skipped \(dir)/notes.txt: not a .json response file"))
            #expect(damaged.output.contains("damaged \(dir)/damaged.json: malformed JSON"))
            #expect(damaged.output.contains("no response counted: all 1 file(s) found were damaged or refused"))
            #expect(!damaged.output.contains("0 participants"))
        }
    }

    @Test func reportOverAFolderWritesAPrivateFile() throws {
        let catalogue = try EmbeddedCatalogue.load()
        let pack = try EmbeddedTrainingPack.load(catalogue: catalogue)
        try withFolder { dir in
            let responses = dir + "/responses"
            mkdir(responses, 0o700)
            for r in TrainingSimulation.responses(pack: pack, catalogue: catalogue, participants: 3, seed: 2) {
                try Data(try r.encoded()).write(to: URL(fileURLWithPath: responses + "/" + r.fileName))
            }
            try Data("{ not json".utf8).write(to: URL(fileURLWithPath: responses + "/damaged.json"))
            let out = dir + "/report.md"
            let r = try Tmux.staircase(
                ["training", "report", "--pack", "durham", responses, "--format", "md", "--output", out], env: ["STAIRCASE_CATALOGUE": ""])
            #expect(r.status == 0, "\(r.output)")
            #expect(r.output.contains("wrote " + out))
            #expect(mode(out) == 0o600)
            let text = try String(contentsOfFile: out, encoding: .utf8)
            #expect(text.contains("3 participants, 36 responses counted"))
            #expect(text.contains("damaged.json: malformed JSON"))
            #expect(text.contains("Krippendorff's α (ordinal)"))
            #expect(!text.contains("participant-1"), "anonymous by default")
            // A name without a folder goes to the current folder, and the message names it whole.
            let relative = Tmux.spawn(
                ["/bin/sh", "-c", "cd \"$1\" && exec \"$2\" training report \"$3\" --output here.md", "sh", dir, Tmux.binary, responses],
                environment: ProcessInfo.processInfo.environment.merging(["STAIRCASE_CATALOGUE": ""]) { $1 })
            #expect(relative.0 == 0, "\(relative.1)")
            #expect(relative.1.contains("wrote \(dir.replacingOccurrences(of: "//", with: "/"))/here.md"), "\(relative.1)")
            #expect(mode(dir + "/here.md") == 0o600)
            let again = try Tmux.staircase(["training", "report", responses, "--output", out], env: ["STAIRCASE_CATALOGUE": ""])
            #expect(again.status == 74)
            #expect(again.output.contains("already exists; it was not changed"))
            let named = try Tmux.staircase(
                ["training", "report", responses, "--named", "--format", "txt"], env: ["STAIRCASE_CATALOGUE": ""])
            #expect(named.status == 0)
            #expect(named.output.contains("participant-1: Level"))
            let html = try Tmux.staircase(["training", "report", responses, "--format", "html"], env: ["STAIRCASE_CATALOGUE": ""])
            #expect(html.output.contains("<svg") && !html.output.contains("<script"))
        }
    }

    /// Issue 23: per-participant sub-folders are read (one level), a UTF-8 byte-order mark is
    /// accepted, and a file over 1 MiB is listed once under Damaged, not twice.
    @Test func reportReadsSubFoldersBOMsAndListsAnOversizeFileOnce() throws {
        let catalogue = try EmbeddedCatalogue.load()
        let pack = try EmbeddedTrainingPack.load(catalogue: catalogue)
        try withFolder { dir in
            let room = dir + "/room"
            mkdir(room, 0o700)
            for (i, r) in TrainingSimulation.responses(pack: pack, catalogue: catalogue, participants: 2, seed: 5).enumerated() {
                let folder = room + "/" + r.alias
                mkdir(folder, 0o700)
                let bytes = (i == 0 ? [0xEF, 0xBB, 0xBF] : []) + (try r.encoded())
                try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + r.fileName))
            }
            mkdir(room + "/participant-1/deeper", 0o700)
            try Data(count: 2 * 1024 * 1024).write(to: URL(fileURLWithPath: room + "/big.json"))
            let r = try Tmux.staircase(["training", "report", room, "--format", "txt"], env: ["STAIRCASE_CATALOGUE": ""])
            #expect(r.status == 0, "\(r.output)")
            #expect(r.output.contains("2 participants, 24 responses counted"), "\(r.output)")
            #expect(r.output.components(separatedBy: "big.json:").count == 2, "listed once: \(r.output)")
            #expect(r.output.contains("skipped \(room)/participant-1/deeper"))
            #expect(!r.output.contains("malformed JSON at line 1, column 1"))
        }
    }

    @Test func reportRefusesAnotherPackVersionAndMissingPaths() throws {
        let catalogue = try EmbeddedCatalogue.load()
        let pack = try EmbeddedTrainingPack.load(catalogue: catalogue)
        try withFolder { dir in
            var r = TrainingSimulation.responses(pack: pack, catalogue: catalogue, participants: 1, seed: 3)[0]
            r.pack.version = "0.1"
            let path = dir + "/" + r.fileName
            try Data(try r.encoded()).write(to: URL(fileURLWithPath: path))
            let out = try Tmux.staircase(["training", "report", path], env: ["STAIRCASE_CATALOGUE": ""])
            #expect(out.status == 65, "everything found was refused: nothing to report")
            #expect(out.output.contains("refused \(path): written for pack durham-threshold-training version 0.1"))
            #expect(out.output.contains("no response counted"))
            #expect(!out.output.contains("0 participants"))
            let missing = try Tmux.staircase(["training", "report", dir + "/nope"], env: ["STAIRCASE_CATALOGUE": ""])
            #expect(missing.status == 66)
            let none = try Tmux.staircase(["training", "report"], env: ["STAIRCASE_CATALOGUE": ""])
            #expect(none.status == 64)
        }
    }

    @Test func handoutsKeepTheAnswerForTheFacilitator() throws {
        let narrative = try Tmux.staircase(
            ["training", "handout", "--case", "ruby-universal", "--format", "md"], env: ["STAIRCASE_CATALOGUE": ""])
        #expect(narrative.status == 0)
        #expect(narrative.output.contains("# TRAINING CASE: Ruby"))
        #expect(narrative.output.contains("## What the referrer saw and heard"))
        #expect(!narrative.output.contains("MODEL ANSWER") && !narrative.output.contains("Discussion points"))
        let answers = try Tmux.staircase(
            ["training", "handout", "--case", "finley-overrule", "--format", "html", "--answers"], env: ["STAIRCASE_CATALOGUE": ""])
        #expect(answers.status == 0)
        #expect(answers.output.contains("MODEL ANSWER (facilitator only)"))
        #expect(answers.output.contains("Where the authors differ from the engine"))
        #expect(!answers.output.contains("<script"))
        let unknown = try Tmux.staircase(["training", "handout", "--case", "nobody"], env: ["STAIRCASE_CATALOGUE": ""])
        #expect(unknown.status == 64)
        #expect(unknown.output.contains("no case \"nobody\""))
    }
}
