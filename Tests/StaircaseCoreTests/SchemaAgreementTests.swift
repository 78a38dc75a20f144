import Foundation
import Testing

@testable import StaircaseCore

/// Data/assessment.schema.json and the program agree: a table of mutations of the Level 3
/// example (unknown keys at every level, wrong types, missing required keys, bad dates and
/// times, duplicates, malformed ids, over-long fields) runs through Python's `jsonschema` and
/// through `AssessmentLoader`, and each must be accepted by both or refused by both.
@Suite struct SchemaAgreementTests {
    typealias Doc = [String: Any]

    /// Name, whether it should be valid, and the change.
    static var mutations: [(String, Bool, @Sendable (inout Doc) -> Void)] {
        [
            ("the example itself", true, { _ in }),
            ("decision null", true, { $0["decision"] = NSNull() }),
            (
                "a version 1 file", true,
                { d in
                    d["schemaVersion"] = 1
                    for k in ["childKey", "sharing", "carers", "household", "agencies"] + versionThreeKeys { d[k] = nil }
                    d["referrer"] = ["name": "A", "contact": "01388 000000"]
                    d["child"] = ["name": "J. S.", "dateOfBirth": "2016-04-12"]
                }
            ),
            ("a time with a +05:30 offset", true, { $0["updatedAt"] = "2026-11-20T16:15:00+05:30" }),
            ("decision level 3.5", false, { d in edit(&d, "decision") { $0["level"] = 3.5 } }),
            ("unknown top-level key", false, { $0["extra"] = true }),
            ("misspelt child key", false, { d in edit(&d, "child") { $0["dateOfBrith"] = "2016-04-12" } }),
            ("unknown referrer key", false, { d in edit(&d, "referrer") { $0["phon"] = "1" } }),
            ("unknown catalogue key", false, { d in edit(&d, "catalogue") { $0["title"] = "x" } }),
            ("unknown consent key", false, { d in edit(&d, "consent") { $0["given"] = true } }),
            ("unknown sharing key", false, { d in edit(&d, "sharing") { $0["basis"] = "public-task" } }),
            ("unknown leadProfessional key", false, { d in edit(&d, "leadProfessional") { $0["phone"] = "1" } }),
            ("unknown key in an answer", false, { d in editAnswer(&d) { $0["level"] = "2" } }),
            (
                "a carried answer to confirm", true,
                { d in
                    editAnswer(&d) {
                        $0["rating"] = "not-assessed"
                        $0["earlier"] = ["rating": "3", "on": "2026-08-14", "assessment": "a-earlier"]
                    }
                }
            ),
            (
                "a changed answer with its reason", true,
                { d in
                    editAnswer(&d) {
                        $0["earlier"] = ["rating": "4", "on": "2026-08-14", "assessment": "a-earlier"]
                        $0["changeReason"] = "new-information"
                    }
                }
            ),
            (
                "unknown key in an earlier answer", false,
                { d in editAnswer(&d) { $0["earlier"] = ["rating": "3", "on": "2026-08-14", "assessment": "a-e", "by": "x"] } }
            ),
            (
                "an earlier answer not assessed", false,
                { d in editAnswer(&d) { $0["earlier"] = ["rating": "not-assessed", "on": "2026-08-14", "assessment": "a-e"] } }
            ),
            (
                "an earlier answer without its date", false,
                { d in editAnswer(&d) { $0["earlier"] = ["rating": "3", "assessment": "a-e"] } }
            ),
            (
                "an earlier date 2026-02-30", false,
                { d in editAnswer(&d) { $0["earlier"] = ["rating": "3", "on": "2026-02-30", "assessment": "a-e"] } }
            ),
            (
                "an earlier assessment id with a slash", false,
                { d in editAnswer(&d) { $0["earlier"] = ["rating": "3", "on": "2026-08-14", "assessment": "../x"] } }
            ),
            ("a change reason not on the list", false, { d in editAnswer(&d) { $0["changeReason"] = "better-mood" } }),
            ("unknown key in the decision", false, { d in edit(&d, "decision") { $0["by"] = "me" } }),
            ("unknown key in a carer", false, { d in editFirst(&d, "carers") { $0["age"] = 40 } }),
            ("unknown key in a household member", false, { d in editFirst(&d, "household") { $0["school"] = "x" } }),
            ("unknown key in an agency", false, { d in editFirst(&d, "agencies") { $0["email"] = "x" } }),
            ("schemaVersion as a string", false, { $0["schemaVersion"] = "2" }),
            ("schemaVersion 4", false, { $0["schemaVersion"] = 4 }),
            (
                "a version 2 file", true,
                { d in
                    d["schemaVersion"] = 2
                    for k in versionThreeKeys { d[k] = nil }
                    d["strengths"] = "Close to her brother."
                }
            ),
            ("a version 2 file with version 3 fields", false, { $0["schemaVersion"] = 2 }),
            ("strengths in a version 3 file", false, { $0["strengths"] = "x" }),
            ("a worry over 100000 characters", false, { $0["worry"] = String(repeating: "w", count: 100_001) }),
            ("worry as a number", false, { $0["worry"] = 3 }),
            ("unknown key in workingWell", false, { d in edit(&d, "workingWell") { $0["child"] = "x" } }),
            ("working well per domain as a list", false, { d in edit(&d, "workingWell") { $0["domains"] = ["x"] } }),
            ("a request kind twice", false, { d in edit(&d, "request") { $0["kinds"] = ["advice", "advice"] } }),
            ("a request kind not on the list", false, { d in edit(&d, "request") { $0["kinds"] = ["a-bed"] } }),
            (
                "every request kind", true,
                { d in edit(&d, "request") { $0["kinds"] = ["advice", "early-help", "single-assessment", "strategy-discussion"] } }
            ),
            ("unknown key in the request", false, { d in edit(&d, "request") { $0["urgent"] = true } }),
            ("a household answer maybe", false, { d in editHousehold(&d) { $0["answer"] = "maybe" } }),
            ("a household answer without its answer", false, { d in editHousehold(&d) { $0["answer"] = nil } }),
            ("unknown key in a household answer", false, { d in editHousehold(&d) { $0["since"] = "2026" } }),
            (
                "a household note over 100000 characters", false,
                { d in editHousehold(&d) { $0["note"] = String(repeating: "n", count: 100_001) } }
            ),
            ("an event dated by its month", true, { d in editFirst(&d, "chronology") { $0["date"] = "2026-06" } }),
            ("an event dated about a day", true, { d in editFirst(&d, "chronology") { $0["date"] = "about 2026-06-14" } }),
            ("an event on 29 February 2028", true, { d in editFirst(&d, "chronology") { $0["date"] = "2028-02-29" } }),
            ("an event on 29 February 2026", false, { d in editFirst(&d, "chronology") { $0["date"] = "2026-02-29" } }),
            ("an event on 29 February 2100", false, { d in editFirst(&d, "chronology") { $0["date"] = "2100-02-29" } }),
            ("an event on 31 April", false, { d in editFirst(&d, "chronology") { $0["date"] = "about 2026-04-31" } }),
            ("an event in month 13", false, { d in editFirst(&d, "chronology") { $0["date"] = "2026-13" } }),
            ("an event dated 14/06/2026", false, { d in editFirst(&d, "chronology") { $0["date"] = "14/06/2026" } }),
            ("an event dated roughly", false, { d in editFirst(&d, "chronology") { $0["date"] = "roughly 2026-06" } }),
            ("an event in 1899", false, { d in editFirst(&d, "chronology") { $0["date"] = "1899-12" } }),
            ("an event without what happened", false, { d in editFirst(&d, "chronology") { $0["what"] = nil } }),
            ("an event without an id", false, { d in editFirst(&d, "chronology") { $0["id"] = nil } }),
            ("an event id with a slash", false, { d in editFirst(&d, "chronology") { $0["id"] = "e/1" } }),
            ("unknown key in an event", false, { d in editFirst(&d, "chronology") { $0["by"] = "x" } }),
            (
                "an event over 2000 characters", false,
                { d in editFirst(&d, "chronology") { $0["what"] = String(repeating: "w", count: 2_001) } }
            ),
            (
                "an event of exactly 2000 characters", true,
                { d in editFirst(&d, "chronology") { $0["what"] = String(repeating: "w", count: 2_000) } }
            ),
            (
                "an event source over 200 characters", false,
                { d in editFirst(&d, "chronology") { $0["source"] = String(repeating: "s", count: 201) } }
            ),
            (
                "an event's row twice", false,
                { d in editFirst(&d, "chronology") { $0["rows"] = ["health.mental-health", "health.mental-health"] } }
            ),
            ("an event's row with a slash", false, { d in editFirst(&d, "chronology") { $0["rows"] = ["../x"] } }),
            ("an event with no rows", true, { d in editFirst(&d, "chronology") { $0["rows"] = [String]() } }),
            ("501 events", false, { d in d["chronology"] = (0..<501).map { ["id": "e-\($0)", "date": "2026-06", "what": "x"] } }),
            ("500 events", true, { d in d["chronology"] = (0..<500).map { ["id": "e-\($0)", "date": "2026-06", "what": "x"] } }),
            ("training as a string", false, { $0["training"] = "yes" }),
            ("unborn as a string", false, { d in edit(&d, "child") { $0["unborn"] = "no" } }),
            ("rating as a number", false, { d in editAnswer(&d) { $0["rating"] = 2 } }),
            ("rating 5", false, { d in editAnswer(&d) { $0["rating"] = "5" } }),
            ("decision level as a string", false, { d in edit(&d, "decision") { $0["level"] = "3" } }),
            ("decision step 6", false, { d in edit(&d, "decision") { $0["step"] = 6 } }),
            ("carers as an object", false, { $0["carers"] = ["name": "x"] }),
            ("child name as a number", false, { d in edit(&d, "child") { $0["name"] = 42 } }),
            ("immediateDanger perhaps", false, { $0["immediateDanger"] = "perhaps" }),
            ("interpreterNeeded maybe", false, { d in edit(&d, "child") { $0["interpreterNeeded"] = "maybe" } }),
            ("lawfulBasis not on the list", false, { d in edit(&d, "sharing") { $0["lawfulBasis"] = "because" } }),
            ("parentalResponsibility true", false, { d in editFirst(&d, "carers") { $0["parentalResponsibility"] = true } }),
            ("missing answers", false, { $0["answers"] = nil }),
            ("missing id", false, { $0["id"] = nil }),
            ("missing createdAt", false, { $0["createdAt"] = nil }),
            ("missing catalogue version", false, { d in edit(&d, "catalogue") { $0["version"] = nil } }),
            ("missing decidedAt", false, { d in edit(&d, "decision") { $0["decidedAt"] = nil } }),
            ("missing rating", false, { d in editAnswer(&d) { $0["rating"] = nil } }),
            ("30 February as a date of birth", false, { d in edit(&d, "child") { $0["dateOfBirth"] = "2016-02-30" } }),
            ("a date of birth written 12/04/2016", false, { d in edit(&d, "child") { $0["dateOfBirth"] = "12/04/2016" } }),
            ("a household date of birth 2010-13-01", false, { d in editFirst(&d, "household") { $0["dateOfBirth"] = "2010-13-01" } }),
            ("createdAt without a time", false, { $0["createdAt"] = "2026-11-20" }),
            ("updatedAt without a zone", false, { $0["updatedAt"] = "2026-11-20T10:45:00" }),
            ("decidedAt yesterday", false, { d in edit(&d, "decision") { $0["decidedAt"] = "yesterday" } }),
            ("a category twice", false, { $0["concernCategories"] = ["neglect", "neglect"] }),
            ("an id that walks out of the folder", false, { $0["id"] = "../../etc/x" }),
            ("an empty id", false, { $0["id"] = "" }),
            ("a malformed child key", false, { $0["childKey"] = "x-123" }),
            ("a child name over 200 characters", false, { d in edit(&d, "child") { $0["name"] = String(repeating: "n", count: 201) } }),
            ("a note over 100000 characters", false, { d in editAnswer(&d) { $0["note"] = String(repeating: "n", count: 100_001) } }),
            ("51 carers", false, { d in d["carers"] = Array(repeating: ["name": "x"], count: 51) }),
            ("an export record", true, { $0["lastExport"] = ["at": "2026-11-20T16:15:00+00:00", "format": "html"] }),
            (
                "an encrypted export record", true,
                { $0["lastExport"] = ["at": "2026-11-20T16:15:00Z", "format": "md", "encrypted": true] }
            ),
            ("an export record in pdf", false, { $0["lastExport"] = ["at": "2026-11-20T16:15:00Z", "format": "pdf"] }),
            ("an export record without its time", false, { $0["lastExport"] = ["format": "md"] }),
            ("an export time without a zone", false, { $0["lastExport"] = ["at": "2026-11-20T16:15:00", "format": "md"] }),
            ("unknown key in an export record", false, { $0["lastExport"] = ["at": "2026-11-20T16:15:00Z", "format": "md", "to": "x"] }),
        ]
    }

    static let versionThreeKeys = ["worry", "workingWell", "request", "householdDifficulties", "chronology"]

    static func editHousehold(_ d: inout Doc, _ body: (inout Doc) -> Void) {
        var all = d["householdDifficulties"] as? Doc ?? [:]
        var first = all["mental-illness"] as? Doc ?? [:]
        body(&first)
        all["mental-illness"] = first
        d["householdDifficulties"] = all
    }

    static func edit(_ d: inout Doc, _ key: String, _ body: (inout Doc) -> Void) {
        var inner = d[key] as? Doc ?? [:]
        body(&inner)
        d[key] = inner
    }

    static func editFirst(_ d: inout Doc, _ key: String, _ body: (inout Doc) -> Void) {
        var list = d[key] as? [Doc] ?? [[:]]
        if list.isEmpty { list = [[:]] }
        body(&list[0])
        d[key] = list
    }

    static func editAnswer(_ d: inout Doc, _ body: (inout Doc) -> Void) {
        var answers = d["answers"] as? Doc ?? [:]
        var first = answers["education.academic-progress"] as? Doc ?? [:]
        body(&first)
        answers["education.academic-progress"] = first
        d["answers"] = answers
    }

    @Test func schemaAndProgramAgreeOnEveryMutation() throws {
        #expect(Self.mutations.count >= 90)
        let catalogue = try Fixtures.durham()
        let base =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: Fixtures.projectFile("Data/examples/level3-several-areas.json")))) as? Doc
        let example = try #require(base)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("staircase-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }

        var files: [String] = []
        var program: [String: Bool] = [:]
        for (i, (name, _, change)) in Self.mutations.enumerated() {
            var doc = example
            change(&doc)
            let path = dir.appendingPathComponent("m\(i).json").path
            try JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys]).write(to: URL(fileURLWithPath: path))
            files.append(path)
            do {
                _ = try AssessmentLoader.load(path: path, catalogue: catalogue)
                program[path] = true
            } catch {
                program[path] = false
                #expect(!error.description.isEmpty, "\(name)")
            }
        }

        let schema = try Self.runValidator(files)
        for (i, (name, valid, _)) in Self.mutations.enumerated() {
            let path = files[i]
            #expect(program[path] == valid, "program: \(name) should be \(valid ? "accepted" : "refused")")
            #expect(schema[path] == valid, "jsonschema: \(name) should be \(valid ? "valid" : "invalid")")
        }
    }

    /// The catalogues and every summary of the Durham examples are valid for their (strict)
    /// schemas too, checked by the same real validator.
    @Test func cataloguesAndSummariesValidateAgainstTheirSchemas() throws {
        let catalogues = [Fixtures.projectFile("Data/durham.json"), Fixtures.path("minimal.json")]
        let checked = try Self.runValidator(catalogues, schema: "Data/catalogue.schema.json")
        for path in catalogues { #expect(checked[path] == true, "\(path)") }

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("staircase-summary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let c = try Fixtures.durham()
        var files: [String] = []
        for name in ["level3-several-areas", "level4-immediate-danger", "hostile"] {
            let a = try AssessmentLoader.load(path: Fixtures.projectFile("Data/examples/\(name).json"), catalogue: c)
            for redact in [false, true] {
                let path = dir.appendingPathComponent("\(name)-\(redact).json").path
                try Data(ReferralExporter.render(format: .json, catalogue: c, assessment: a, redact: redact).utf8).write(
                    to: URL(fileURLWithPath: path))
                files.append(path)
            }
        }
        let summaries = try Self.runValidator(files, schema: "Data/summary.schema.json")
        for path in files { #expect(summaries[path] == true, "\(path)") }
    }

    /// Runs Scripts/validate-assessments.py; fails the test, saying what to install, when
    /// python3 or jsonschema is missing.
    static func runValidator(_ files: [String], schema: String = "Data/assessment.schema.json") throws -> [String: Bool] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Fixtures.projectFile("Scripts/validate-assessments.py"), Fixtures.projectFile(schema)] + files
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let problem = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            Issue.record(
                "the schema check needs python3 with jsonschema (pip install jsonschema): \(String(decoding: problem, as: UTF8.self).suffix(300))"
            )
            return [:]
        }
        var result: [String: Bool] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "\t")
            if parts.count == 2 { result[String(parts[0])] = parts[1] == "valid" }
        }
        return result
    }
}
