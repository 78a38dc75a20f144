import Foundation
import Testing

@testable import StaircaseCore

/// What a real room sends that the first reports got wrong (issues 19 and 23): numbers out of
/// range, byte-order marks, times with offsets, copies of one response, and the report's words.
@Suite struct TrainingRoomTests {
    let catalogue: Catalogue
    let pack: TrainingPack

    init() throws {
        catalogue = try Fixtures.durham()
        pack = try EmbeddedTrainingPack.load(catalogue: catalogue)
    }

    func response(_ alias: String, _ caseID: String, level: Int, seed: UInt64, at time: String = "2026-11-26T10:00:00Z")
        throws -> TrainingResponse
    {
        let k = try #require(pack.trainingCase(caseID))
        var ratings: [String: Rating] = [:]
        for r in k.modelAnswer.ratings { ratings[r.row] = Rating(level: r.level) }
        let step = try #require(catalogue.steps.first { $0.level == level }).number
        var g = TrainingSimulation.Generator(seed: seed)
        return TrainingResponse(
            id: RandomID.make(prefix: TrainingResponse.idPrefix, using: &g), alias: alias, pack: .init(id: pack.id, version: pack.version),
            caseID: caseID, ratings: ratings, decision: .init(level: level, step: step, reason: "Because."), secondsTaken: 600,
            recordedAt: time)
    }

    func input(_ r: TrainingResponse, _ name: String) throws -> TrainingReport.Input {
        TrainingReport.Input(name: name, data: Data(try r.encoded()))
    }

    func build(_ inputs: [TrainingReport.Input], named: Bool = false) -> TrainingReport {
        TrainingReport.build(pack: pack, catalogue: catalogue, inputs: inputs, named: named)
    }

    /// Issue 19 defect 2, kept as a regression input: this file once trapped the whole report.
    @Test func aTimeTakenBeyondTheSchemasRangeIsDamagedNotACrash() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("training-response-seconds-overflow.json")))
        let good = try response("Ann", "ruby-universal", level: 1, seed: 1)
        let r = build([TrainingReport.Input(name: "overflow.json", data: data), try input(good, "ann.json")])
        #expect(r.damaged.map(\.file) == ["overflow.json"])
        #expect(r.damaged.first?.reason.contains("secondsTaken 9223372036854775807 is outside 0 to 2678400") == true)
        #expect(r.responsesCounted == 1)
        for f in TrainingReportFormat.allCases { #expect(!f.render(r).isEmpty) }
        #expect(TrainingReport.minutes(Int.max) > 0 && TrainingReport.minutes(89) == 1 && TrainingReport.minutes(90) == 2)
    }

    @Test func theLongestAllowedTimeIsCounted() throws {
        var r = try response("Ann", "ruby-universal", level: 1, seed: 1)
        r.secondsTaken = TrainingResponse.maximumSecondsTaken
        #expect(TrainingResponse.read(Data(try r.encoded()), pack: pack, catalogue: catalogue) == .success(r))
    }

    /// The one-parse reader gives what `JSONDecoder` gives, and leaves anything unusual to it.
    @Test func theTreeReaderAgreesWithJSONDecoder() throws {
        for r in TrainingSimulation.responses(pack: pack, catalogue: catalogue, participants: 3, seed: 11) {
            let data = Data(try r.encoded())
            let tree = try JSONSyntax.parse(data)
            #expect(TrainingResponse(tree: tree) == (try JSONDecoder().decode(TrainingResponse.self, from: data)))
        }
        let r = try response("Ann", "ruby-universal", level: 1, seed: 1)
        let text = String(decoding: try r.encoded(), as: UTF8.self).replacingOccurrences(
            of: "\"secondsTaken\" : 600", with: "\"secondsTaken\" : 6e2")
        #expect(text.contains("6e2"))
        #expect(
            TrainingResponse(tree: try JSONSyntax.parse(Data(text.utf8))) == nil, "a number not written as an integer goes to JSONDecoder")
        let missing = String(decoding: try r.encoded(), as: UTF8.self).replacingOccurrences(of: "\"schemaVersion\" : 1,", with: "")
        guard case .failure(.damaged(let why)) = TrainingResponse.read(Data(missing.utf8), pack: pack, catalogue: catalogue) else {
            Issue.record("a response without schemaVersion was read")
            return
        }
        #expect(why == "not a response file (schemaVersion: missing field \"schemaVersion\")", "JSONDecoder's message: \(why)")
    }

    @Test func aByteOrderMarkIsAccepted() throws {
        let r = try response("Ann", "ruby-universal", level: 1, seed: 1)
        let data = Data([0xEF, 0xBB, 0xBF] + (try r.encoded()))
        #expect(TrainingResponse.read(data, pack: pack, catalogue: catalogue) == .success(r))
    }

    @Test func recordedAtMustBeATimeWithItsOffset() throws {
        for bad in ["yesterday", "2026-11-26", "2026-11-26T10:40:00", "2026-11-26T25:00Z", "2026-02-30T10:00Z", "2026-11-26T10:40+01"] {
            let r = try response("Ann", "ruby-universal", level: 1, seed: 1, at: bad)
            guard case .failure(.damaged(let why)) = TrainingResponse.read(Data(try r.encoded()), pack: pack, catalogue: catalogue) else {
                Issue.record("\(bad) accepted")
                continue
            }
            #expect(why.contains("recordedAt"))
        }
        #expect(RecordedTime("2026-11-26T10:40:00+01:00")?.secondsSinceEpoch == RecordedTime("2026-11-26T09:40Z")?.secondsSinceEpoch)
        #expect(RecordedTime("1970-01-01T00:00:00Z")?.secondsSinceEpoch == 0)
    }

    /// 10:40+01:00 is 09:40Z, earlier than 10:10Z: the 10:10Z answer is the latest.
    @Test func theLatestAnswerIsFoundByTimeNotByText() throws {
        let early = try response("Ben", "jade-several-needs", level: 3, seed: 1, at: "2026-11-26T10:40:00+01:00")
        let late = try response("Ben", "jade-several-needs", level: 2, seed: 2, at: "2026-11-26T10:10:00+00:00")
        let other = try response("Ann", "jade-several-needs", level: 2, seed: 3)
        let r = build([try input(early, "a.json"), try input(late, "b.json"), try input(other, "c.json")])
        let jade = try #require(r.cases.first { $0.id == "jade-several-needs" })
        #expect(jade.levels.map(\.count) == [0, 2, 0, 0])
        #expect(r.duplicates.map(\.keptRecordedAt) == ["2026-11-26T10:10:00+00:00"])
    }

    /// The same id is the same response: an edited alias is not another participant, and an
    /// identical copy is not "sent 2 responses"; the report says what it merged.
    @Test func copiesOfOneResponseIdAreMergedAndSaid() throws {
        let ben = try response("Ben", "ruby-universal", level: 1, seed: 1)
        var edited = ben
        edited.alias = "Benjamin"
        edited.recordedAt = "2026-11-26T10:05:00Z"
        let ann = try response("Ann", "ruby-universal", level: 2, seed: 2)
        let copy = try response("Cat", "ruby-universal", level: 1, seed: 3)
        let r = build(
            [
                try input(ben, "ben.json"), try input(edited, "ben-edited.json"), try input(ann, "ann.json"),
                try input(copy, "cat.json"), try input(copy, "usb/cat.json"),
            ], named: true)
        #expect(r.participants == 3, "Ann, Benjamin and Cat: the edited alias is not a fourth")
        #expect(r.duplicates.isEmpty, "copies are not different responses")
        #expect(r.copies.count == 2)
        let edit = try #require(r.copies.first { !$0.identical })
        #expect(edit.files == ["ben-edited.json", "ben.json"] && edit.keptAlias == "Benjamin" && edit.aliases == ["Ben", "Benjamin"])
        let same = try #require(r.copies.first { $0.identical })
        #expect(same.files == ["cat.json", "usb/cat.json"])
        let text = TrainingReportFormat.txt.render(r)
        #expect(text.contains("The same response in more than one file (counted once)"))
        #expect(!text.contains("sent 2"))
        let anonymous = build([try input(ben, "ben.json"), try input(edited, "ben-edited.json")])
        #expect(anonymous.copies.first?.aliases == [] && anonymous.copies.first?.keptAlias == "A")
    }

    /// A trainer's tryout: a copy of Cat's file with the alias edited to "Zed" (same id, same
    /// time) never takes Cat's place, whatever the files are called.
    @Test func anEditedAliasCopyStaysWithTheParticipantWhoSentIt() throws {
        let cat = try response("Cat", "ruby-universal", level: 1, seed: 3)
        let catOther = try response("Cat", "jade-several-needs", level: 2, seed: 4)
        var zed = cat
        zed.alias = "Zed"
        let ann = try response("Ann", "ruby-universal", level: 2, seed: 2)
        for names in [("a-cat.json", "z-zed.json"), ("z-cat.json", "a-zed.json")] {
            let r = build(
                [try input(cat, names.0), try input(zed, names.1), try input(catOther, "cat-2.json"), try input(ann, "ann.json")],
                named: true)
            #expect(r.participants == 2, "Ann and Cat only, with files \(names)")
            #expect(r.copies.first?.keptAlias == "Cat")
        }
    }

    /// Issue 23's tiny room, through the whole report: cases are units, participants raters.
    @Test func theReportsFleissIsOverCompleteCasesAndSaysSo() throws {
        let levels: [(String, [Int?])] = [
            ("ruby-universal", [2, 2, 3]), ("jade-several-needs", [1, 1, 2]), ("finley-overrule", [2, nil, 2]),
        ]
        var inputs: [TrainingReport.Input] = []
        var seed: UInt64 = 1
        for (caseID, row) in levels {
            for (p, level) in row.enumerated() {
                guard let level else { continue }
                seed += 1
                inputs.append(try input(try response(["Ann", "Ben", "Cat"][p], caseID, level: level, seed: seed), "\(seed).json"))
            }
        }
        let r = build(inputs)
        let tiny = try #require(TrainingReferenceTests.rooms.first { $0.name == "issue-23-tiny" })
        #expect(r.overall.fleissKappa.formatted() == "-0.091")
        #expect(r.overall.fleissUnitsUsed == 2 && r.overall.fleissUnitsLeftOut == 1)
        #expect(r.overall.alphaOrdinal.formatted() == Agreement.fixed(try #require(tiny.alphaOrdinal), digits: 3))
        #expect(r.casesAnswered == 3)
        // Words compared unwrapped: the text format wraps at 80 columns.
        let text = TrainingReportFormat.txt.render(r).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("Agreement on the overall level: 3 of \(pack.cases.count) cases answered, by 2 to 3 participants each"))
        #expect(text.contains("Fleiss's κ: -0.091 (poor)"))
        #expect(text.contains("over the 2 cases every participant rated; 1 left out because someone skipped or did not answer them"))
        #expect(!text.contains("Fleiss' κ"))
    }

    @Test func casesAreRankedByDisagreementAndTheFiguresExplained() throws {
        var inputs: [TrainingReport.Input] = []
        var seed: UInt64 = 100
        for (caseID, row) in [("ruby-universal", [1, 1, 1, 1]), ("jade-several-needs", [1, 2, 3, 4]), ("finley-overrule", [3, 3, 2, 3])] {
            for (p, level) in row.enumerated() {
                seed += 1
                inputs.append(try input(try response("P\(p)", caseID, level: level, seed: seed), "\(seed).json"))
            }
        }
        let r = build(inputs)
        #expect(Array(r.cases.prefix(3).map(\.id)) == ["jade-several-needs", "finley-overrule", "ruby-universal"])
        #expect(r.cases.dropFirst(3).allSatisfy { $0.participants == 0 })
        let html = TrainingReportFormat.html.render(r)
        #expect(html.contains("Cases to debate first (most disagreement first; equal ones: fewest matching the model, then lowest α)"))
        #expect(html.contains("Case \(try #require(r.cases.first).number): "))
        #expect(html.contains("What the agreement figures mean"))
        #expect(html.contains("1 means everyone gave the same answers"))
        #expect(html.contains("Why α can be low while % exact is high"))
        #expect(html.contains("of pairs of participants chose the same level"))
    }

    /// A row that only one case rates has no α across cases: "not defined", never 0.000.
    @Test func aRowRatedInOneCaseOnlyHasNoAlpha() throws {
        let a = try response("Ann", "ruby-universal", level: 1, seed: 1)
        let b = try response("Ben", "ruby-universal", level: 1, seed: 2)
        let r = build([try input(a, "a.json"), try input(b, "b.json")])
        let ruby = try #require(r.cases.first { $0.id == "ruby-universal" })
        #expect(!ruby.rows.isEmpty)
        for row in ruby.rows { #expect(row.alphaAcrossCases.formatted().contains("rated in one case only"), "\(row.row)") }
        #expect(!TrainingReportFormat.txt.render(r).contains("Row α across cases: 0.000"))
    }

    /// A county-wide room: the printed reports count the decisions instead of listing thousands;
    /// the JSON report still holds every one, and a workshop-sized room is listed in full.
    @Test func aLargeRoomsDecisionsAreCountedInPrintAndKeptInTheJSON() throws {
        let small = TrainingSimulation.responses(pack: pack, catalogue: catalogue, participants: 3, seed: 4)
        let smallReport = build(try small.map { try input($0, $0.fileName) })
        let listed = try #require(smallReport.cases.first { $0.participants == 3 })
        #expect(ReportWords.decisions(listed).contains("A: Level "))
        let many = TrainingSimulation.responses(pack: pack, catalogue: catalogue, participants: 101, seed: 4)
        let big = build(try many.map { try input($0, $0.fileName) })
        let k = try #require(big.cases.first { $0.participants == 101 })
        for format in [TrainingReportFormat.txt, .md, .html] {
            let text = format.render(big)
            #expect(text.contains("101 participants, too many to list here"), "\(format)")
            #expect(!text.contains("CW: Level "), "\(format) lists a decision")
        }
        #expect(k.decisions.count == 101)
        #expect(TrainingReportFormat.json.render(big).contains("\"participant\" : \"CW\""))
    }
}
