import Foundation
import Testing

@testable import StaircaseCore

/// Each broken catalogue gets its own specific error naming the file, the path and the fix —
/// never a crash and never a generic message.
@Suite struct BrokenCatalogueTests {
    @Test func minimalFixtureIsValid() throws {
        let c = try Fixtures.minimal()
        #expect(c.allIndicators.count == 8)
    }

    @Test func truncatedJSONNamesLineAndColumn() {
        guard case .malformedJSON(let file, let line, let column, let detail) = Fixtures.errors(of: "truncated.json") else {
            Issue.record("expected malformed JSON")
            return
        }
        #expect(file == "truncated.json")
        #expect(line > 1)
        #expect(column >= 1)
        #expect(detail.contains("truncated"))
    }

    @Test func emptyFile() {
        #expect(Fixtures.errors(of: "empty.json") == .empty(file: "empty.json"))
        #expect(Fixtures.errors(of: "empty.json")?.lines.first?.contains("the file is empty") == true)
    }

    @Test func wrongTypeNamesThePath() throws {
        let lines = try #require(Fixtures.errors(of: "wrong-type.json")).lines
        #expect(lines == ["wrong-type.json: domains[0].areas[1].indicators[0].title: wrong type — give a string here"])
    }

    @Test func missingLevelSaysWhichLevel() throws {
        let lines = try #require(Fixtures.errors(of: "missing-level.json")).lines
        #expect(
            lines == [
                "missing-level.json: domains[1].areas[0].indicators[2].levels.3: missing descriptor — give the Level 3 text or mark it not applicable"
            ])
    }

    @Test func duplicateId() throws {
        let lines = try #require(Fixtures.errors(of: "duplicate-id.json")).lines
        #expect(lines == ["duplicate-id.json: indicators: duplicate id \"a1.r1\" — give each one a different id"])
    }

    @Test func unknownLink() throws {
        let lines = try #require(Fixtures.errors(of: "unknown-link.json")).lines
        #expect(
            lines == [
                "unknown-link.json: domains[0].areas[0].indicators[1].levels.2.links[2]: unknown service \"no-such-service\" — add it to \"services\" or correct the id"
            ])
    }

    @Test func controlCharactersAreRefused() throws {
        let lines = try #require(Fixtures.errors(of: "control-characters.json")).lines
        #expect(lines.count == 1)
        #expect(lines[0].hasPrefix("control-characters.json: domains[0].areas[0].indicators[0].levels.1.text: control character U+001B"))
    }

    @Test func unknownRuleTag() throws {
        let lines = try #require(Fixtures.errors(of: "unknown-rule-tag.json")).lines
        #expect(
            lines == [
                "unknown-rule-tag.json: rules.toxicTrio.componentTags[1]: unknown tag \"no-such-tag\" — declare it under \"tags\" or use one that is"
            ])
    }

    @Test func emptyDescriptor() throws {
        let lines = try #require(Fixtures.errors(of: "empty-text.json")).lines
        #expect(
            lines == [
                "empty-text.json: domains[0].areas[0].indicators[0].levels.2.text: empty descriptor — give the Level 2 text or mark it not applicable"
            ])
    }

    @Test func tenMegabyteStringIsRefusedNotCrashed() throws {
        var json = try String(contentsOfFile: Fixtures.path("minimal.json"), encoding: .utf8)
        let huge = String(repeating: "x", count: 10 * 1024 * 1024)
        json = json.replacingOccurrences(of: "\"Row one: no additional needs.\"", with: "\"\(huge)\"")
        let error: CatalogueError?
        do {
            _ = try CatalogueLoader.load(data: Data(json.utf8), file: "huge.json")
            error = nil
        } catch let e {
            error = e
        }
        let lines = try #require(error).lines
        #expect(
            lines == [
                "huge.json: domains[0].areas[0].indicators[0].levels.1.text: descriptor is 10485760 characters, over the limit of 4000 — shorten it; it is probably a pasting accident"
            ])
    }

    @Test func everyProblemIsListedNotJustTheFirst() throws {
        var c = try Fixtures.minimal()
        c.domains[0].areas[0].indicators[0].title = ""
        c.domains[2].areas[0].indicators[0].tags = ["nope"]
        c.rules.stepFive.tag = "missing"
        let problems = CatalogueValidator.problems(in: c)
        #expect(
            problems.map(\.path) == [
                "rules.stepFive.tag",
                "domains[0].areas[0].indicators[0].title",
                "domains[2].areas[0].indicators[0].tags[0]",
            ])
    }
}

@Suite struct JSONSyntaxTests {
    @Test(arguments: [
        ("{\"a\": 1}", nil as String?),
        ("[1, 2.5e3, -0, true, false, null, \"x\\u00e9\"]", nil),
        ("{\"a\": 1,}", "1:9"),
        ("{\n  \"a\": tru\n}", "2:8"),
        ("[1 2]", "1:4"),
        ("\"abc", "1:5"),
        ("{\"a\": \"x\ty\"}", "1:9"),
        ("{} {}", "1:4"),
        ("01", "1:2"),
    ])
    func reportsLineAndColumn(input: String, expected: String?) {
        let failure = JSONSyntax.firstError(in: Data(input.utf8))
        #expect(failure.map { "\($0.line):\($0.column)" } == expected)
    }

    @Test func deepNestingIsRefusedWithoutCrashing() {
        let deep = String(repeating: "[", count: 100_000)
        let failure = JSONSyntax.firstError(in: Data(deep.utf8))
        #expect(failure?.message.contains("nesting") == true)
    }
}

/// `catalogue validate` promises every problem: unknown keys and the validator's findings are
/// reported together, not one per run.
@Suite struct EveryCatalogueProblemTests {
    @Test func unknownKeysAndValidatorProblemsComeTogether() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Data/durham.json")
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var levels = try #require(json["levels"] as? [[String: Any]])
        levels[0]["colour"] = "red"
        levels[1]["name"] = ""
        json["levels"] = levels
        var domains = try #require(json["domains"] as? [[String: Any]])
        domains[0]["extra"] = 1
        json["domains"] = domains
        let data = try JSONSerialization.data(withJSONObject: json)
        #expect(throws: CatalogueError.self) { try CatalogueLoader.load(data: data, file: "bad.json") }
        do {
            _ = try CatalogueLoader.load(data: data, file: "bad.json")
        } catch {
            let paths = error.problems.map(\.path)
            #expect(paths == ["domains[0]", "levels[0]", "levels[1].name"], "every problem in one run: \(paths)")
            #expect(!error.lines.joined().contains("red"), "an unknown key's value is never shown")
        }
    }
}

/// The one strict JSON parser builds the tree the shape checks read, with escapes decoded.
@Suite struct JSONParserTests {
    @Test func theTreeHasEveryKindOfValueWithEscapesDecoded() throws {
        let text = #"{"a": [1, -2.5, 1e3, true, false, null], "s": "tab\there \"q\" \u00e9 \ud83d\ude00 \/", "o": {}}"#
        let tree = try JSONSyntax.parse(Data(text.utf8))
        #expect(
            tree
                == .object([
                    "a": .array([.integer(1), .number(-2.5), .number(1000), .bool(true), .bool(false), .null]),
                    "s": .string("tab\there \"q\" é 😀 /"),
                    "o": .object([:]),
                ]))
        #expect(JSONTree.parse(Data(text.utf8)) == tree)
    }

    @Test func aSyntaxErrorHasItsLineAndColumnAndNoTree() {
        let text = "{\n  \"a\": tru\n}"
        #expect(JSONTree.parse(Data(text.utf8)) == nil)
        #expect(JSONSyntax.firstError(in: Data(text.utf8)).map { [$0.line, $0.column] } == [2, 8])
    }
}
