#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Decodes an assessment and checks it against the catalogue it claims to use.
public enum AssessmentLoader {
    public static func decode(data: Data, file: String) throws(AssessmentError) -> Assessment {
        if let syntax = JSONSyntax.firstError(in: data) {
            throw .malformedJSON(file: file, line: syntax.line, column: syntax.column, detail: syntax.message)
        }
        do {
            return try JSONDecoder().decode(Assessment.self, from: data)
        } catch let error as DecodingError {
            let p = DecodingProblem.problem(for: error)
            let fix = p.path.hasPrefix("answers.") && p.path.hasSuffix(".rating")
                ? "use \"1\", \"2\", \"3\", \"4\", \"not-applicable\" or \"not-assessed\""
                : p.fix.hasSuffix("Data/catalogue.schema.json)") || p.fix.contains("catalogue.schema") ? "check it against Data/assessment.schema.json" : p.fix
            throw .invalid(file: file, field: p.path.isEmpty ? "(top level)" : p.path, message: p.message, fix: fix)
        } catch {
            throw .invalid(file: file, field: "(top level)", message: "cannot decode", fix: "check it against Data/assessment.schema.json")
        }
    }

    /// Every check that decoding cannot make; the first failure is reported.
    public static func check(_ a: Assessment, against c: Catalogue, file: String) throws(AssessmentError) {
        func fail(_ field: String, _ message: String, _ fix: String) -> AssessmentError {
            .invalid(file: file, field: field, message: message, fix: fix)
        }
        if a.schemaVersion != Assessment.currentSchemaVersion {
            throw fail("schemaVersion", "unsupported version \(a.schemaVersion)", "use \(Assessment.currentSchemaVersion)")
        }
        if a.catalogue.id != c.id {
            throw fail("catalogue.id", "made with catalogue \"\(SafeText.clean(a.catalogue.id))\", not \"\(c.id)\"", "score it with --catalogue pointing at that catalogue")
        }
        if a.catalogue.version != c.version {
            throw fail("catalogue.version", "made with version \"\(SafeText.clean(a.catalogue.version))\" of \(c.id), not \"\(c.version)\"", "use the matching catalogue with --catalogue")
        }
        let known = Set(c.allIndicators.map(\.indicator.id))
        for id in a.answers.keys.sorted() where !known.contains(id) {
            throw fail("answers[\"\(SafeText.clean(id))\"]", "unknown indicator id", "remove it or correct it to an id from `staircase catalogue show`")
        }
        for (field, value) in [("createdAt", a.createdAt), ("updatedAt", a.updatedAt)] where CalendarDate(value) == nil {
            throw fail(field, "not an ISO 8601 date", "write it as YYYY-MM-DDThh:mm:ssZ")
        }
        // The wizard's field rules: the same words whether a date is typed or read from a file.
        if let dob = a.child.dateOfBirth, let problem = FieldRules.dateProblem(dob) {
            throw fail("child.dateOfBirth", "not a date", problem)
        }
        if let due = a.child.expectedDate, let problem = FieldRules.dateProblem(due) {
            throw fail("child.expectedDate", "not a date", problem)
        }
        let categories = Set(c.concernCategories.map(\.id))
        for (i, k) in a.concernCategories.enumerated() where !categories.contains(k) {
            throw fail("concernCategories[\(i)]", "unknown category \"\(SafeText.clean(k))\"", "use one of: " + c.concernCategories.map(\.id).joined(separator: ", "))
        }
        if let d = a.decision {
            if !(1...4).contains(d.level) { throw fail("decision.level", "level \(d.level) is out of range", "use 1, 2, 3 or 4") }
            guard let step = c.step(d.step), step.level == d.level else {
                throw fail("decision.step", "step \(d.step) is not a step of Level \(d.level)", "use a step of that level (" + c.steps.filter { $0.level == d.level }.map { String($0.number) }.joined(separator: " or ") + ")")
            }
            if CalendarDate(d.decidedAt) == nil { throw fail("decision.decidedAt", "not an ISO 8601 date", "write it as YYYY-MM-DDThh:mm:ssZ") }
        }
    }

    /// Reads, decodes and checks a file (or standard input for "-").
    public static func load(path: String, catalogue: Catalogue) throws(AssessmentError) -> Assessment {
        let name = path == "-" ? "stdin" : CatalogueLoader.displayName(path)
        let data: Data
        do {
            data = try path == "-" ? StandardInput.readAll() : Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(file: name, reason: "no such file, or not readable")
        }
        let a = try decode(data: data, file: name)
        try check(a, against: catalogue, file: name)
        return a
    }
}

enum StandardInput {
    static func readAll() throws -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(0, &buffer, buffer.count)
            if n < 0 { throw AssessmentError.unreadable(file: "stdin", reason: "read failed") }
            if n == 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        return data
    }
}
