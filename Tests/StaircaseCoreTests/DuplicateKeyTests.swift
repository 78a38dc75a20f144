import Foundation
import Testing

@testable import StaircaseCore

/// A key given twice is refused wherever JSON is read from a file: Foundation would keep the
/// first value and Python or jq the last, so one file could mean two things.
@Suite struct DuplicateKeyTests {
    static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: Fixtures.projectFile(relative), encoding: .utf8)
    }

    /// Replaces the first `old` in `text`, failing the test when it is not there.
    static func edit(_ text: String, _ old: String, _ new: String) throws -> Data {
        let range = try #require(text.range(of: old))
        return Data(text.replacingCharacters(in: range, with: new).utf8)
    }

    @Test func anAssessmentWithAKeyGivenTwiceInAnAnswerIsRefusedNamingThePathAndTheFix() throws {
        let text = try Self.text("Tests/StaircaseCoreTests/Fixtures/level3-fuller-case.json")
        let data = try Self.edit(text, "\"rating\": \"2\",", "\"rating\": \"2\", \"rating\": \"4\",")
        #expect(throws: AssessmentError.self) { try AssessmentLoader.decode(data: data, file: "a.json") }
        do {
            _ = try AssessmentLoader.decode(data: data, file: "a.json")
        } catch {
            guard case .invalid(_, let field, let message, let fix) = error else {
                Issue.record("not reported at a field: \(error)")
                return
            }
            #expect(field == "answers[\"education.academic-progress\"]")
            #expect(fix == "remove one of the two 'rating' keys at answers[\"education.academic-progress\"]")
            #expect(message.contains("given twice") && message.contains("line 48"), "\(message)")
        }
    }

    @Test func aKeyThatCouldBeCaseTextIsNamedByItsPlaceNeverQuoted() throws {
        let data = Data(#"{"schemaVersion": 2, "answers": {"Jane Smith at home": {}, "Jane Smith at home": {}}}"#.utf8)
        do {
            _ = try AssessmentLoader.decode(data: data, file: "a.json")
            Issue.record("a duplicate key was accepted")
        } catch {
            let words = error.description
            #expect(!words.contains("Jane"), "\(words)")
            #expect(words.contains("answers: a key (entry 2 of the object) is given twice"), "\(words)")
        }
    }

    @Test func aTopLevelDuplicateIsRefusedAtTheTopLevel() {
        let failure = JSONSyntax.firstError(in: Data(#"{"id": "a", "id": "b"}"#.utf8))
        #expect(failure?.duplicate?.path == "(top level)")
        #expect(failure?.duplicate?.key == "id")
        #expect(failure.map { [$0.line, $0.column] } == [1, 13])
        #expect(failure?.message.hasSuffix("remove one of the two 'id' keys at (top level)") == true)
    }

    @Test func theSameKeyInTwoObjectsIsNotADuplicate() throws {
        let tree = try JSONSyntax.parse(Data(#"[{"a": 1}, {"a": 2, "b": {"a": 3}}]"#.utf8))
        #expect(tree == .array([.object(["a": .integer(1)]), .object(["a": .integer(2), "b": .object(["a": .integer(3)])])]))
    }

    @Test func aCatalogueWithADuplicateDeepInsideIsRefusedAtItsPath() throws {
        let text = try Self.text("Data/durham.json")
        let data = try Self.edit(text, "\"name\": ", "\"name\": \"again\", \"name\": ")
        #expect(throws: CatalogueError.self) { try CatalogueLoader.load(data: data, file: "durham.json") }
        do {
            _ = try CatalogueLoader.load(data: data, file: "durham.json")
        } catch {
            let problem = try #require(error.problems.first)
            #expect(problem.path.hasPrefix("levels[0]") || problem.path.hasPrefix("domains[0]"), "\(problem.path)")
            #expect(problem.fix == "remove one of the two 'name' keys at \(problem.path)")
        }
    }

    @Test func aTrainingPackWithADuplicateIsRefused() throws {
        let text = try Self.text("Data/training/durham-pack.json")
        let data = try Self.edit(text, "\"version\": \"1.0\",", "\"version\": \"1.0\", \"version\": \"2.0\",")
        let c = try Fixtures.durham()
        #expect(throws: TrainingPackError.self) { try TrainingPackLoader.load(data: data, file: "pack.json", catalogue: c) }
        do {
            _ = try TrainingPackLoader.load(data: data, file: "pack.json", catalogue: c)
        } catch {
            #expect(error.problems.map(\.fix) == ["remove one of the two 'version' keys at (top level)"])
        }
    }

    @Test func aTrainingResponseWithADuplicateRatingIsRefused() throws {
        let c = try Fixtures.durham()
        let pack = try EmbeddedTrainingPack.load(catalogue: c)
        let text = try Self.text("Data/training/examples/response.json")
        let data = try Self.edit(
            text, "\"health.growth-and-weight\": \"2\",", "\"health.growth-and-weight\": \"2\", \"health.growth-and-weight\": \"4\",")
        guard case .failure(let problem) = TrainingResponse.read(data, pack: pack, catalogue: c) else {
            Issue.record("a response with a row rated twice was counted")
            return
        }
        #expect(problem.description.contains("remove one of the two 'health.growth-and-weight' keys at ratings"), "\(problem)")
    }

    /// Thousands of keys, each checked once against those before it: linear, never quadratic.
    @Test func aLargeObjectWithoutDuplicatesParses() throws {
        let body = (0..<50_000).map { "\"k\($0)\": \($0)" }.joined(separator: ",")
        let tree = try JSONSyntax.parse(Data(("{" + body + "}").utf8))
        guard case .object(let o) = tree else { throw Failure.notAnObject }
        #expect(o.count == 50_000)
    }

    enum Failure: Error { case notAnObject }
}
