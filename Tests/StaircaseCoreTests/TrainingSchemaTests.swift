import Foundation
import Testing

@testable import StaircaseCore

/// The shipped pack and generated response files validate against their schemas, and the
/// feedback a participant sees is computed from their response and the model answer.
@Suite struct TrainingSchemaTests {
    static func schema(_ name: String) throws -> MiniSchema {
        MiniSchema(root: try JSONValue.parse(try String(contentsOfFile: Fixtures.projectFile("Data/" + name), encoding: .utf8)))
    }

    @Test func shippedPackValidates() throws {
        let json = try JSONValue.parse(String(decoding: EmbeddedTrainingPack.bytes, as: UTF8.self))
        #expect(try Self.schema("training-pack.schema.json").errors(json) == [])
    }

    /// The schema agrees with the validator on a case's chronology: the shipped one passes, and
    /// a bad date, a key the format lacks and a missing field are refused. (A row id the
    /// catalogue lacks fits the schema's pattern; only the validator, which has the catalogue,
    /// can refuse it, as it refuses an empty source: TrainingPackTests.)
    @Test func aCaseChronologyIsStrict() throws {
        let schema = try Self.schema("training-pack.schema.json")
        let json = try JSONValue.parse(String(decoding: EmbeddedTrainingPack.bytes, as: UTF8.self))
        func mutated(_ edit: (inout [String: JSONValue]) -> Void) -> JSONValue {
            guard case .object(var root) = json, case .array(var cases) = root["cases"], case .object(var k) = cases[3],
                case .array(var events) = k["chronology"], case .object(var e) = events[0]
            else { return json }
            edit(&e)
            events[0] = .object(e)
            k["chronology"] = .array(events)
            cases[3] = .object(k)
            root["cases"] = .array(cases)
            return .object(root)
        }
        #expect(schema.errors(json) == [])
        #expect(schema.errors(mutated { _ in }) == [], "the mutation itself changes nothing")
        #expect(!schema.errors(mutated { $0["date"] = .string("14 November 2026") }).isEmpty)
        #expect(!schema.errors(mutated { $0["date"] = .string("2026-11-14T10:00") }).isEmpty)
        #expect(!schema.errors(mutated { $0["when"] = .string("2026-11") }).isEmpty)
        #expect(!schema.errors(mutated { $0.removeValue(forKey: "rows") }).isEmpty)
        #expect(!schema.errors(mutated { $0["rows"] = .array([.string("Not A Row")]) }).isEmpty)
        #expect(schema.errors(mutated { $0.removeValue(forKey: "source") }) == [], "source is optional")
        #expect(schema.errors(mutated { $0["date"] = .string("about 2026-11-14") }) == [])
    }

    @Test func responsesValidate() throws {
        let c = try Fixtures.durham()
        let pack = try EmbeddedTrainingPack.load(catalogue: c)
        let schema = try Self.schema("training-response.schema.json")
        for r in TrainingSimulation.responses(pack: pack, catalogue: c, participants: 2, seed: 1) {
            #expect(schema.errors(try JSONValue.parse(String(decoding: try r.encoded(), as: UTF8.self))) == [])
        }
        let made = TrainingResponse.make(
            alias: "Owl", pack: pack, caseID: "kai-bereavement", ratings: [:], decision: .init(level: 2, step: 2, reason: ""),
            secondsTaken: 5,
            recordedAt: "2026-11-26T10:00:00Z")
        #expect(made.id.hasPrefix("resp-") && made.fileName == "TRAINING-response-\(made.id).json")
        #expect(schema.errors(try JSONValue.parse(String(decoding: try made.encoded(), as: UTF8.self))) == [])
        guard case .object(var o) = try JSONValue.parse(String(decoding: try made.encoded(), as: UTF8.self)) else { return }
        o["training"] = .bool(false)
        #expect(!schema.errors(.object(o)).isEmpty)
    }

    @Test func feedbackComparesWithTheModel() throws {
        let c = try Fixtures.durham()
        let pack = try EmbeddedTrainingPack.load(catalogue: c)
        let k = try #require(pack.trainingCase("jade-several-needs"))
        var ratings: [String: Rating] = [:]
        for r in k.modelAnswer.ratings { ratings[r.row] = Rating(level: r.level) }
        ratings["practical-needs.food-drink-warmth-shelter"] = .level3
        ratings["abuse-and-neglect.clothing-and-appearance"] = .level4
        ratings["health.dental-and-optical-care"] = nil
        ratings["emotional-needs.emotional-warmth"] = .notApplicable
        let response = TrainingResponse.make(
            alias: "Owl", pack: pack, caseID: k.id, ratings: ratings, decision: .init(level: 2, step: 2, reason: "Support is working."),
            secondsTaken: 600, recordedAt: "2026-11-26T10:00:00Z")
        let f = TrainingFeedback.make(response: response, case: k, catalogue: c)
        #expect(f.theirs.level == 2 && f.model.level == 3 && !f.decisionMatches)
        #expect(f.model.stepName == c.step(3)?.name)
        #expect(f.differences.map(\.row) == ["abuse-and-neglect.clothing-and-appearance", "practical-needs.food-drink-warmth-shelter"])
        let food = try #require(f.differences.last)
        #expect(food.theirLevel == 3 && food.modelLevel == 2)
        #expect(food.theirDescriptor.hasPrefix("The parent/ carer regularly"))
        #expect(food.modelDescriptor.hasPrefix("The parent/ carer occasionally"))
        #expect(food.rationale == "Hungry on Mondays is occasional, not regular: Level 2 on its own.")
        // Not applicable where the model rates a level is a difference of judgement, not a gap.
        #expect(f.unassessed.map(\.row) == ["health.dental-and-optical-care"])
        #expect(f.notApplicable.map(\.row) == ["emotional-needs.emotional-warmth"])
        // 5 rows compared: 3 exact, the food row one level off, the clothing row two off.
        #expect(f.exact == .value(0.6))
        #expect(f.withinOne == .value(0.8))
    }
}
