import Foundation
import Testing

@testable import StaircaseCore

/// A simulated workshop with a known spread, skipped rows, a duplicate alias, a damaged file and
/// a response to another pack version, checked against its expected report and golden files.
@Suite struct TrainingWorkshopTests {
    let catalogue: Catalogue
    let pack: TrainingPack

    init() throws {
        catalogue = try Fixtures.durham()
        pack = try EmbeddedTrainingPack.load(catalogue: catalogue)
    }

    /// One response: the model's ratings with `changes` applied (nil skips the row).
    func response(
        _ alias: String, _ caseID: String, level: Int, step: Int, changes: [String: Int?] = [:], at time: String = "10:00", n: Int
    ) throws -> TrainingResponse {
        let k = try #require(pack.trainingCase(caseID))
        var ratings: [String: Rating] = [:]
        for r in k.modelAnswer.ratings { ratings[r.row] = Rating(level: r.level) }
        for (row, level) in changes { ratings[row] = level.flatMap { Rating(level: $0) } }
        var g = TrainingSimulation.Generator(seed: UInt64(n))
        return TrainingResponse(
            id: RandomID.make(prefix: TrainingResponse.idPrefix, using: &g), alias: alias, pack: .init(id: pack.id, version: pack.version),
            caseID: caseID, ratings: ratings, decision: .init(level: level, step: step, reason: "Because."), secondsTaken: 600 + n * 30,
            recordedAt: "2026-11-26T\(time):00Z")
    }

    /// Five participants; Ruby, Jade and Finley answered; the rest of the pack not yet.
    func workshop() throws -> [TrainingReport.Input] {
        var rs: [TrainingResponse] = []
        let ruby = "ruby-universal"
        rs.append(try response("Ann", ruby, level: 1, step: 1, n: 1))
        rs.append(try response("Ben", ruby, level: 1, step: 1, changes: ["social-development.friendships": nil], n: 2))
        rs.append(try response("Cat", ruby, level: 1, step: 1, n: 3))
        rs.append(try response("Dev", ruby, level: 2, step: 2, changes: ["education.developmental-milestones": 2], n: 4))
        rs.append(try response("Eve", ruby, level: 1, step: 1, changes: ["health.growth-and-weight": nil], n: 5))
        let jade = "jade-several-needs"
        rs.append(try response("Ann", jade, level: 3, step: 3, n: 6))
        rs.append(
            try response("Ben", jade, level: 2, step: 2, changes: ["practical-needs.food-drink-warmth-shelter": 3], at: "10:20", n: 7))
        rs.append(
            try response("ben ", jade, level: 3, step: 3, changes: ["practical-needs.food-drink-warmth-shelter": 3], at: "10:40", n: 8))
        rs.append(
            try response(
                "Cat", jade, level: 2, step: 2,
                changes: ["abuse-and-neglect.clothing-and-appearance": 1, "health.dental-and-optical-care": nil], n: 9))
        rs.append(
            try response(
                "Dev", jade, level: 3, step: 3,
                changes: ["practical-needs.food-drink-warmth-shelter": 3, "emotional-needs.emotional-warmth": 2], n: 10))
        let finley = "finley-overrule"
        rs.append(try response("Ann", finley, level: 3, step: 3, n: 11))
        rs.append(try response("Cat", finley, level: 2, step: 2, n: 12))
        rs.append(try response("Eve", finley, level: 3, step: 3, changes: ["education.developmental-milestones": 3], n: 13))
        var inputs = try rs.enumerated().map { i, r in TrainingReport.Input(name: "in/\(i + 1)-\(r.fileName)", data: Data(try r.encoded()))
        }
        var other = try response("Fay", ruby, level: 1, step: 1, n: 14)
        other.pack.version = "0.9"
        inputs.append(TrainingReport.Input(name: "in/old-version.json", data: Data(try other.encoded())))
        inputs.append(TrainingReport.Input(name: "in/damaged.json", data: Data(try rs[0].encoded().prefix(120))))
        inputs.append(TrainingReport.Input(name: "in/notes.json", data: Data("{\"hello\": 1}".utf8)))
        return inputs
    }

    func report(named: Bool = false) throws -> TrainingReport {
        TrainingReport.build(pack: pack, catalogue: catalogue, inputs: try workshop(), named: named)
    }

    @Test func countsSpreadAndDuplicates() throws {
        let r = try report()
        #expect(r.participants == 5)
        #expect(r.responsesCounted == 12)
        let ruby = try #require(r.cases.first { $0.id == "ruby-universal" })
        #expect(ruby.participants == 5)
        #expect(ruby.levels.map(\.count) == [4, 1, 0, 0])
        #expect(ruby.levels.map(\.model) == [true, false, false, false])
        // 4 of 5 at Level 1: 6 agreeing pairs of 10.
        #expect(ruby.agreement.exact == .value(0.6))
        #expect(ruby.withModelExact == .value(0.8))
        #expect(ruby.withModelWithinOne == .value(1))
        let jade = try #require(r.cases.first { $0.id == "jade-several-needs" })
        #expect(jade.participants == 4, "Ben's two responses count once")
        #expect(jade.levels.map(\.count) == [0, 1, 3, 0], "Ben's later Level 3 counts, not his earlier Level 2")
        #expect(
            r.duplicates == [.init(participant: "B", caseID: "jade-several-needs", responses: 2, keptRecordedAt: "2026-11-26T10:40:00Z")])
        #expect(jade.rows.first?.row == "practical-needs.food-drink-warmth-shelter", "the most disputed row comes first")
        let dental = try #require(jade.rows.first { $0.row == "health.dental-and-optical-care" })
        #expect(dental.skipped == 1)
        #expect(dental.counts == [0, 3, 0, 0])
        #expect(r.cases.first { $0.id == "noah-immediate-danger" }?.participants == 0)
    }

    @Test func damagedAndOtherVersionFilesAreListedAndTheRestCounted() throws {
        let r = try report()
        #expect(r.damaged.map(\.file) == ["in/damaged.json", "in/notes.json"])
        #expect(r.damaged[0].reason.hasPrefix("malformed JSON"))
        #expect(r.damaged[1].reason.contains("not a response file"))
        #expect(r.refused.map(\.file) == ["in/old-version.json"])
        #expect(r.refused[0].reason.contains("version 0.9, but this report is for durham-threshold-training version 1.0"))
    }

    @Test func anUnreadableFileIsListedAsDamaged() throws {
        let inputs = try workshop() + [TrainingReport.Input(name: "in/locked.json", unreadable: "cannot read it (permission denied)")]
        let r = TrainingReport.build(pack: pack, catalogue: catalogue, inputs: inputs, named: false)
        #expect(r.damaged.contains(.init(file: "in/locked.json", reason: "cannot read it (permission denied)")))
        #expect(r.responsesCounted == 12)
    }

    @Test func aResponseNotMarkedAsTrainingIsNotCounted() throws {
        var r = try response("Ann", "kai-bereavement", level: 2, step: 2, n: 30)
        r.training = false
        let read = TrainingResponse.read(Data(try r.encoded()), pack: pack, catalogue: catalogue)
        #expect(read == .failure(.damaged("not marked as training, so not a response file")))
    }

    @Test func anonymousByDefaultNamedOnRequest() throws {
        let anonymous = TrainingReportFormat.txt.render(try report())
        for alias in ["Ann", "Ben", "Cat", "Dev", "Eve"] { #expect(!anonymous.contains(alias + ":")) }
        #expect(anonymous.contains("A: Level 1, step 1"))
        let named = TrainingReportFormat.txt.render(try report(named: true))
        #expect(named.contains("Ann: Level 1, step 1"))
    }

    @Test func degenerateCasesSayNotDefined() throws {
        let r = try report()
        let noah = try #require(r.cases.first { $0.id == "noah-immediate-danger" })
        #expect(noah.agreement.alphaOrdinal.number == nil)
        let text = TrainingReportFormat.txt.render(r)
        #expect(!text.contains(" nan") && !text.contains("NaN") && !text.contains("inf"))
        #expect(text.contains("not defined, because"))
    }

    @Test(arguments: TrainingReportFormat.allCases)
    func goldenFiles(format: TrainingReportFormat) throws {
        let out = format.render(try report())
        try ExportSupport.expectGolden(out, "training-report." + format.rawValue)
        #expect(out == format.render(try report()), "the same responses give the same bytes")
    }

    /// Aliases are participants' own text: escaped in every format, control characters refused.
    @Test func hostileAliasesAreEscapedOrRefused() throws {
        var inputs = try workshop()
        let html = try response("<img src=x onerror=alert(1)>", "ruby-universal", level: 1, step: 1, n: 20)
        let control = try response("Zed\u{1B}[2J", "ruby-universal", level: 1, step: 1, n: 21)
        inputs.append(TrainingReport.Input(name: "in/html.json", data: Data(try html.encoded())))
        inputs.append(TrainingReport.Input(name: "in/\u{1B}[31mred.json", data: Data(try control.encoded())))
        let r = TrainingReport.build(pack: pack, catalogue: catalogue, inputs: inputs, named: true)
        #expect(r.damaged.contains { $0.reason.contains("control characters") })
        for format in TrainingReportFormat.allCases {
            let out = format.render(r)
            #expect(!out.contains("\u{1B}"), "\(format)")
            if format == .html { #expect(!out.contains("<img") && out.contains("&lt;img src=x onerror=alert(1)&gt;")) }
            if format == .md { #expect(out.contains("\\<img src=x onerror=alert(1)\\>")) }
        }
        #expect(!TrainingReportFormat.html.render(r).contains("<script"))
    }

    @Test func simulationIsRepeatableAndEveryResponseReadsBack() throws {
        let a = TrainingSimulation.responses(pack: pack, catalogue: catalogue, participants: 3, seed: 4)
        #expect(a == TrainingSimulation.responses(pack: pack, catalogue: catalogue, participants: 3, seed: 4))
        #expect(Set(a.map(\.id)).count == a.count)
        for r in a {
            let back = TrainingResponse.read(Data(try r.encoded()), pack: pack, catalogue: catalogue)
            #expect(back == .success(r))
        }
    }
}
