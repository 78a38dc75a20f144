import Foundation
import Testing

@testable import StaircaseCore

/// The JSON export validates against Data/summary.schema.json (keys, types, enums, patterns),
/// and the check itself rejects broken documents, so a pass means something.
@Suite struct ExportSchemaTests {
    static func schema() throws -> MiniSchema {
        let text = try String(contentsOfFile: Fixtures.projectFile("Data/summary.schema.json"), encoding: .utf8)
        return MiniSchema(root: try JSONValue.parse(text))
    }

    @Test func everyExportValidates() throws {
        let schema = try Self.schema()
        for name in ["level3", "level4", "hostile"] {
            for redact in [false, true] {
                let json = try JSONValue.parse(try ExportSupport.render(name, .json, redact: redact))
                #expect(schema.errors(json) == [], "\(name) redact=\(redact)")
            }
        }
    }

    @Test func undecidedAndUnassessedValidate() throws {
        let c = try ExportSupport.catalogue()
        var a = Assessment(id: "empty", createdAt: "2026-11-23T10:00:00Z", catalogue: .init(id: c.id, version: c.version))
        a.child.unborn = true
        let out = ReferralExporter.render(format: .json, catalogue: c, assessment: a, redact: false)
        let json = try JSONValue.parse(out)
        #expect(try Self.schema().errors(json) == [])
        #expect(json["proposed"] == nil && json["decided"] == nil && json["courseOfAction"] == nil)
    }

    @Test func theCheckRejectsBrokenDocuments() throws {
        let schema = try Self.schema()
        guard case .object(var o) = try JSONValue.parse(try ExportSupport.render("level4", .json)) else {
            Issue.record("not an object")
            return
        }
        var missing = o
        missing["child"] = nil
        #expect(schema.errors(.object(missing)).contains("$: missing child"))
        var extra = o
        extra["surprise"] = .bool(true)
        #expect(schema.errors(.object(extra)).contains("$: unexpected key surprise"))
        o["training"] = .string("no")
        #expect(schema.errors(.object(o)).contains { $0.hasPrefix("$.training: expected boolean") })
        o["training"] = .bool(false)
        o["dateTime"] = .string("yesterday")
        #expect(schema.errors(.object(o)).contains { $0.hasPrefix("$.dateTime") })
        o["dateTime"] = .string("2026-11-21T16:40:00Z")
        if case .object(var child)? = o["child"] {
            child["ageBand"] = .string("ancient")
            o["child"] = .object(child)
        }
        #expect(schema.errors(.object(o)).contains { $0.hasPrefix("$.child: ") || $0.hasPrefix("$.child.ageBand") })
    }

    @Test func jsonIsSortedAndPretty() throws {
        let out = try ExportSupport.render("level3", .json)
        #expect(out.hasPrefix("{\n"))
        #expect(out.hasSuffix("}\n"))
        let topKeys = out.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.dropFirst(3).prefix { $0 != "\"" } }
        #expect(topKeys == topKeys.sorted())
        #expect(topKeys.count == 38)
    }
}
