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
    /// Parses, checks the shape (unknown keys, types, lengths, formats) and decodes, migrating a
    /// version 1 file to version 2. `answerIDs`, when given, lets an error name the row.
    public static func decode(data: Data, file: String, answerIDs: Set<String> = []) throws(AssessmentError) -> Assessment {
        let tree: JSONTree
        do throws(JSONSyntax.Failure) {
            tree = try JSONSyntax.parse(data)
        } catch {
            if let d = error.duplicate { throw .invalid(file: file, field: d.path, message: d.problem.message, fix: d.problem.fix) }
            throw .malformedJSON(file: file, line: error.line, column: error.column, detail: error.message)
        }
        if let p = AssessmentShape.firstProblem(in: tree, answerIDs: answerIDs) {
            throw .invalid(file: file, field: p.path, message: p.message, fix: p.fix)
        }
        do {
            return try JSONDecoder().decode(Assessment.self, from: data)
        } catch {
            // The shape check has already refused everything the decoder would; say so plainly.
            throw .invalid(file: file, field: "(top level)", message: "cannot decode", fix: "check it against Data/assessment.schema.json")
        }
    }

    /// Every check that needs the catalogue or crosses fields; the first failure is reported.
    /// No message quotes a value from the file: a value can be a child's name.
    public static func check(_ a: Assessment, against c: Catalogue, file: String) throws(AssessmentError) {
        func fail(_ field: String, _ message: String, _ fix: String) -> AssessmentError {
            .invalid(file: file, field: field, message: message, fix: fix)
        }
        if a.schemaVersion != Assessment.currentSchemaVersion {
            throw fail("schemaVersion", "unsupported version", "use \(Assessment.currentSchemaVersion)")
        }
        if a.catalogue.id != c.id {
            throw fail(
                "catalogue.id", "made with another catalogue, not \"\(c.id)\"", "score it with --catalogue pointing at that catalogue")
        }
        if a.catalogue.version != c.version {
            throw fail(
                "catalogue.version", "made with another version of \(c.id), not \"\(c.version)\"",
                "use the matching catalogue with --catalogue")
        }
        let known = Set(c.allIndicators.map(\.indicator.id))
        // The row id names the answer when it is shaped like one; any other key (which could be
        // case text, and errors reach stderr) by its position.
        for (i, id) in a.answers.keys.sorted().enumerated() where !known.contains(id) {
            throw fail(
                AssessmentShape.looksLikeRowID(id) ? "answers[\"\(id)\"]" : "answers[entry \(i + 1)]", "unknown indicator id",
                "remove it or correct it to an id from `staircase catalogue show`")
        }
        if !AssessmentShape.isIdentifier(a.id) { throw fail("id", "malformed id", "use 1 to 80 letters, digits, '-' or '_'") }
        for (field, value) in [("createdAt", a.createdAt), ("updatedAt", a.updatedAt)] where !CalendarDate.isTimestamp(value) {
            throw fail(field, "not a date and time", "write it as YYYY-MM-DDThh:mm:ss+hh:mm (or Z for UTC)")
        }
        // The wizard's field rules decide what a date is; the message never repeats the value
        // (a date of birth is case data, and errors reach stderr).
        if let dob = a.child.dateOfBirth, let problem = FieldRules.dateProblem(dob, quotingValue: false) {
            throw fail("child.dateOfBirth", "not a date", problem)
        }
        if let due = a.child.expectedDate, let problem = FieldRules.dateProblem(due, quotingValue: false) {
            throw fail("child.expectedDate", "not a date", problem)
        }
        let domains = Set(c.domains.map(\.id))
        for key in a.workingWell.domains.keys.sorted() where !domains.contains(key) {
            throw fail(
                "workingWell.domains", "unknown domain id",
                "use one of: " + c.domains.map(\.id).joined(separator: ", "))
        }
        let questions = Set(c.householdQuestions.map(\.id))
        for key in a.householdDifficulties.keys.sorted() where !questions.contains(key) {
            throw fail(
                "householdDifficulties", "unknown household question",
                c.householdQuestions.isEmpty
                    ? "remove it: this catalogue has no household questions"
                    : "use one of: " + c.householdQuestions.map(\.id).joined(separator: ", "))
        }
        for (i, e) in a.chronology.enumerated() {
            if a.chronology[..<i].contains(where: { $0.id == e.id }) {
                throw fail("chronology[\(i)].id", "duplicate event id", "give each event its own id")
            }
            for (j, row) in e.rows.enumerated() where !known.contains(row) {
                throw fail(
                    "chronology[\(i)].rows[\(j)]", "unknown indicator id",
                    "remove it or correct it to an id from `staircase catalogue show`")
            }
        }
        let categories = Set(c.concernCategories.map(\.id))
        for (i, k) in a.concernCategories.enumerated() {
            if !categories.contains(k) {
                throw fail(
                    "concernCategories[\(i)]", "unknown category", "use one of: " + c.concernCategories.map(\.id).joined(separator: ", "))
            }
            if a.concernCategories[..<i].contains(k) { throw fail("concernCategories[\(i)]", "duplicate entry", "list each category once") }
        }
        if let d = a.decision {
            if !(1...4).contains(d.level) { throw fail("decision.level", "level out of range", "use 1, 2, 3 or 4") }
            guard let step = c.step(d.step), step.level == d.level else {
                throw fail(
                    "decision.step", "not a step of the decided level",
                    "use a step of that level ("
                        + c.steps.filter { $0.level == d.level }.map { String($0.number) }.joined(separator: " or ") + ")")
            }
            if !CalendarDate.isTimestamp(d.decidedAt) {
                throw fail("decision.decidedAt", "not a date and time", "write it as YYYY-MM-DDThh:mm:ss+hh:mm (or Z for UTC)")
            }
        }
    }

    /// Decodes `data` and checks it against `catalogue`: the bytes come from the store or the
    /// executable (the core reads no files; issue 19), `file` only names the source in errors.
    public static func load(data: Data, file: String, catalogue: Catalogue) throws(AssessmentError) -> Assessment {
        let a = try decode(data: data, file: file, answerIDs: Set(catalogue.allIndicators.map(\.indicator.id)))
        try check(a, against: catalogue, file: file)
        return a
    }
}
