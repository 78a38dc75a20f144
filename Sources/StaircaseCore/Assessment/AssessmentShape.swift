/// The shape of an assessment file, the same rules as Data/assessment.schema.json, checked
/// against the parsed JSON before decoding so that the program refuses what the schema refuses.
///
/// Messages name the JSON path and the kind of problem, never a value from the file (a value
/// can be a child's name). An unknown key is quoted only when it is a near-miss of a known key,
/// which is what a misspelling looks like, so the fix can say "did you mean dateOfBirth?".
public enum AssessmentShape {
    /// Documented limits (docs/format/assessment.md, "Limits"), in Unicode scalars as JSON Schema counts.
    public enum Limit {
        /// Names, roles, phone numbers, relationships and other one-line fields.
        public static let shortText = 200
        /// Notes, reasons, strengths, the child's words and other free text.
        public static let longText = 100_000
        /// Carers, household members or agencies.
        public static let listEntries = 50
        /// Entries in `answers`: more than any catalogue has rows.
        public static let answers = 1_000
        /// Events in the chronology: a long case's significant events, not a case file.
        public static let chronologyEvents = 500
        /// What happened, in one event: a paragraph, not a report.
        public static let eventText = 2_000
        /// Rows one event is evidence for.
        public static let eventRows = 50
    }

    public struct Problem: Equatable, Sendable {
        public var path: String
        public var message: String
        public var fix: String
    }

    indirect enum Shape: Sendable {
        case short, long, date, dateTime, childKey, id
        /// A chronology date: "2026-06-14", "2026-06", "about 2026-06-14" or "about 2026-06".
        case eventDate
        /// A catalogue row id as an event names it ("behaviour.running-away").
        case rowID
        /// A string of at most this many characters (the schema's own `maxLength`).
        case bounded(Int)
        case choice([String])
        case boolean
        case integer(ClosedRange<Int>)
        case object([(String, Shape)], required: [String])
        case map(Shape)
        case array(Shape, unique: Bool, max: Int = Limit.listEntries)
        case nullable(Shape)
    }

    static let yesNo = Shape.choice(["yes", "no", "not-known"])

    static let assessment = Shape.object(
        [
            ("schemaVersion", .integer(Assessment.readableSchemaVersions)), ("id", .id), ("childKey", .childKey), ("createdAt", .dateTime),
            ("updatedAt", .dateTime),
            ("training", .boolean),
            ("catalogue", .object([("id", .short), ("version", .short)], required: ["id", "version"])),
            (
                "child",
                .object(
                    [
                        ("name", .short), ("dateOfBirth", .date), ("unborn", .boolean), ("expectedDate", .date), ("whereNow", .short),
                        ("address", .long), ("communicationNeeds", .long), ("firstLanguage", .short), ("interpreterNeeded", yesNo),
                        ("disability", .long),
                    ], required: [])
            ),
            (
                "referrer",
                .object(
                    [("name", .short), ("agency", .short), ("role", .short), ("contact", .short), ("phone", .short), ("email", .short)],
                    required: [])
            ),
            ("leadProfessional", .object([("tafExists", .boolean), ("name", .short)], required: [])),
            (
                "consent",
                .object([("status", .choice(Assessment.Consent.Status.allCases.map(\.rawValue))), ("reason", .long)], required: [])
            ),
            (
                "sharing",
                .object(
                    [
                        ("lawfulBasis", .choice(Assessment.LawfulBasis.allCases.map(\.rawValue))), ("lawfulBasisDetail", .long),
                        ("familyTold", yesNo), ("notToldReason", .long),
                    ], required: [])
            ),
            ("immediateDanger", .choice(Assessment.ImmediateDanger.allCases.map(\.rawValue))),
            (
                "answers",
                .map(
                    .object(
                        [
                            ("rating", .choice(Rating.allCases.map(\.rawValue))), ("note", .long),
                            (
                                "earlier",
                                .object(
                                    [
                                        ("rating", .choice(Rating.allCases.filter { $0 != .notAssessed }.map(\.rawValue))), ("on", .date),
                                        ("assessment", .id),
                                    ], required: ["rating", "on", "assessment"])
                            ),
                            ("changeReason", .choice(Assessment.ChangeReason.allCases.map(\.rawValue))),
                            ("confirmedForAge", .boolean),
                        ], required: ["rating"]))
            ),
            ("strengths", .long), ("childsVoice", .long), ("worry", .long),
            ("workingWell", .object([("overall", .long), ("domains", .map(.long))], required: [])),
            (
                "request",
                .object(
                    [("kinds", .array(.choice(Assessment.HelpKind.allCases.map(\.rawValue)), unique: true)), ("detail", .long)],
                    required: [])
            ),
            ("householdDifficulties", .map(.object([("answer", yesNo), ("note", .long)], required: ["answer"]))),
            (
                "chronology",
                .array(
                    .object(
                        [
                            ("id", .id), ("date", .eventDate), ("what", .bounded(Limit.eventText)), ("source", .short),
                            ("rows", .array(.rowID, unique: true, max: Limit.eventRows)),
                        ], required: ["id", "date", "what"]), unique: false, max: Limit.chronologyEvents)
            ),
            ("concernCategories", .array(.id, unique: true)),
            ("needsCannotBeMetAtHome", .boolean),
            (
                "decision",
                .nullable(
                    .object(
                        [
                            ("level", .integer(1...4)), ("step", .integer(1...5)), ("reason", .long), ("decidedAt", .dateTime),
                            ("proposedLevel", .integer(0...4)), ("proposedStep", .integer(0...5)),
                        ],
                        required: ["level", "step", "reason", "decidedAt"]))
            ),
            (
                "carers",
                .array(
                    .object(
                        [
                            ("name", .short), ("relationship", .short), ("parentalResponsibility", yesNo), ("livesWithChild", yesNo),
                            ("contact", .short),
                        ], required: []), unique: false)
            ),
            (
                "household",
                .array(
                    .object(
                        [
                            ("name", .short), ("relationship", .short), ("sibling", .boolean), ("livesWithChild", yesNo),
                            ("dateOfBirth", .date),
                        ],
                        required: []), unique: false)
            ),
            (
                "agencies",
                .array(
                    .object([("agency", .short), ("worker", .short), ("contact", .short), ("role", .long)], required: []), unique: false)
            ),
            (
                "resumeAt",
                .object([("screen", .bounded(40)), ("row", .short), ("cursor", .integer(0...100_000))], required: ["screen", "cursor"])
            ),
            (
                "draftDecision",
                .object(
                    [
                        ("level", .integer(0...4)), ("step", .integer(0...5)), ("reason", .long),
                        (
                            "reasonFor",
                            .object(
                                [
                                    ("level", .integer(0...4)), ("step", .integer(0...5)), ("proposedLevel", .integer(0...4)),
                                    ("proposedStep", .integer(0...5)),
                                ], required: ["level", "step", "proposedLevel", "proposedStep"])
                        ),
                    ], required: ["level", "step", "reason"])
            ),
            (
                "lastExport",
                .object(
                    [("at", .dateTime), ("format", .choice(ExportFormat.allCases.map(\.rawValue))), ("encrypted", .boolean)],
                    required: ["at", "format"])
            ),
        ], required: ["schemaVersion", "id", "createdAt", "updatedAt", "catalogue", "answers"])

    /// The first problem with the file's shape, or nil. `answerIDs` (the catalogue's row ids,
    /// when known) lets a path name the row; other keys under `answers` are named by position.
    public static func firstProblem(in tree: JSONTree, answerIDs: Set<String> = []) -> Problem? {
        if let p = check(tree, assessment, at: "", answerIDs: answerIDs) { return p }
        return versionProblem(in: tree)
    }

    /// The fields that belong to one schema version only: version 3 moved "strengths" into
    /// `workingWell.overall`, and the new fields need version 3 (an older program would drop them).
    static func versionProblem(in tree: JSONTree) -> Problem? {
        guard case .object(let top) = tree, case .integer(let version)? = top["schemaVersion"] else { return nil }
        if version >= 3, top["strengths"] != nil {
            return Problem(path: "strengths", message: "version 2's field in a version 3 file", fix: "move it to workingWell.overall")
        }
        if version < 3,
            let key = ["worry", "workingWell", "request", "householdDifficulties", "chronology"].first(where: { top[$0] != nil })
        {
            return Problem(path: key, message: "a version 3 field in a version \(version) file", fix: "set schemaVersion to 3")
        }
        return nil
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    static func check(_ v: JSONTree, _ shape: Shape, at path: String, answerIDs: Set<String>) -> Problem? {
        let shown = path.isEmpty ? "(top level)" : path
        func wrong(_ expected: String) -> Problem {
            Problem(
                path: shown, message: "wrong type: \(v.kind) where \(expected) is needed",
                fix: "give \(expected) here (see Data/assessment.schema.json)")
        }
        switch shape {
        case .short, .long, .date, .dateTime, .childKey, .id, .choice, .bounded, .eventDate, .rowID:
            guard case .string(let s) = v else { return wrong("a string") }
            return checkString(s, shape, at: shown)
        case .boolean:
            guard case .bool = v else { return wrong("true or false") }
        case .integer(let range):
            // JSON Schema counts 2.0 as an integer; so does the program.
            var whole: Int?
            if case .integer(let n) = v { whole = n }
            if case .number(let d) = v, d.rounded() == d, abs(d) < 1e15 { whole = Int(d) }
            guard let n = whole else { return wrong("a whole number") }
            if !range.contains(n) {
                return Problem(
                    path: shown, message: "out of range", fix: "use a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
        case .nullable(let inner):
            if v == .null { return nil }
            return check(v, inner, at: path, answerIDs: answerIDs)
        case .array(let item, let unique, let max):
            guard case .array(let items) = v else { return wrong("an array") }
            if items.count > max {
                return Problem(path: shown, message: "more than \(max) entries", fix: "keep at most \(max)")
            }
            for (i, x) in items.enumerated() {
                if let p = check(x, item, at: "\(path)[\(i)]", answerIDs: answerIDs) { return p }
                if unique && items[..<i].contains(x) {
                    return Problem(path: "\(path)[\(i)]", message: "duplicate entry", fix: "list each one once")
                }
            }
        case .map(let item):
            guard case .object(let entries) = v else { return wrong("an object") }
            if entries.count > Limit.answers {
                return Problem(path: shown, message: "more than \(Limit.answers) entries", fix: "keep one entry per catalogue row")
            }
            for (i, key) in entries.keys.sorted().enumerated() {
                let named = answerIDs.contains(key) || looksLikeRowID(key) ? "\(path)[\"\(key)\"]" : "\(path)[entry \(i + 1)]"
                if let p = check(entries[key] ?? .null, item, at: named, answerIDs: answerIDs) { return p }
            }
        case .object(let fields, let required):
            guard case .object(let entries) = v else { return wrong("an object") }
            let known = fields.map(\.0)
            for key in required where entries[key] == nil {
                return Problem(path: join(path, key), message: "missing required key", fix: "add it (see Data/assessment.schema.json)")
            }
            for key in entries.keys.sorted() where !known.contains(key) {
                return unknownKey(key, at: path, known: known)
            }
            for (key, s) in fields {
                guard let value = entries[key] else { continue }
                if let p = check(value, s, at: join(path, key), answerIDs: answerIDs) { return p }
            }
        }
        return nil
    }

    /// A key shaped like a catalogue row id ("health.growth-and-weight"): safe to name in a
    /// message on stderr, unlike a key of arbitrary text, which is named by its position.
    static func looksLikeRowID(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.count <= 120
            && key.utf8.allSatisfy {
                (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) || $0 == 46 || $0 == 45 || $0 == 95
            }
    }

    static func checkString(_ s: String, _ shape: Shape, at path: String) -> Problem? {
        let length = s.unicodeScalars.count
        switch shape {
        case .short:
            if length > Limit.shortText {
                return Problem(path: path, message: "longer than \(Limit.shortText) characters", fix: "shorten it; put detail in a note")
            }
        case .long:
            if length > Limit.longText {
                return Problem(path: path, message: "longer than \(Limit.longText) characters", fix: "shorten it")
            }
        case .bounded(let limit):
            if length > limit { return Problem(path: path, message: "longer than \(limit) characters", fix: "shorten it") }
        case .date:
            if length != 10 || CalendarDate(s) == nil {
                // A date written as YYYY-MM-DD that does not exist (1899, month 13) says why,
                // rather than asking for the form it is already in.
                if let problem = FieldRules.dateProblem(s, quotingValue: false), problem.hasPrefix("no such date") {
                    return Problem(path: path, message: "no such date", fix: String(problem.dropFirst("no such date: ".count)))
                }
                return Problem(path: path, message: "not a date", fix: "write it as YYYY-MM-DD")
            }
        case .dateTime:
            if !CalendarDate.isTimestamp(s) {
                return Problem(path: path, message: "not a date and time", fix: "write it as YYYY-MM-DDThh:mm:ss+hh:mm (or Z for UTC)")
            }
        case .id:
            if !isIdentifier(s) {
                return Problem(path: path, message: "malformed id", fix: "use 1 to 80 letters, digits, '-' or '_'")
            }
        case .eventDate:
            if EventDate(s)?.description != s {
                return Problem(path: path, message: "not an event date", fix: "write it as YYYY-MM-DD, YYYY-MM, or about YYYY-MM-DD")
            }
        case .rowID:
            if !looksLikeRowID(s) {
                return Problem(
                    path: path, message: "malformed row id", fix: "use a row id from the catalogue, such as health.mental-health")
            }
        case .childKey:
            if !s.hasPrefix("c-") || s.utf8.count < 3 || !isIdentifier(s) {
                return Problem(path: path, message: "malformed child key", fix: "restore the c-… key from the saved file")
            }
        case .choice(let options):
            if !options.contains(s) {
                return Problem(path: path, message: "not one of the allowed values", fix: "use one of: " + options.joined(separator: ", "))
            }
        default: break
        }
        return nil
    }

    /// Letters, digits, `-` and `_`, 1 to 80 of them: no dots or slashes, so an id can never
    /// walk out of the store as a file name.
    public static func isIdentifier(_ s: String) -> Bool {
        let u = s.utf8
        return !u.isEmpty && u.count <= 80
            && u.allSatisfy {
                (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x2D || $0 == 0x5F
            }
    }

    static func unknownKey(_ key: String, at path: String, known: [String]) -> Problem {
        let best = known.map { ($0, distance($0, key)) }.min { $0.1 < $1.1 }
        if let (name, d) = best, d <= max(1, name.count / 4),
            key.utf8.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) })
        {
            return Problem(path: join(path, key), message: "unknown key", fix: "did you mean \(name)?")
        }
        return Problem(
            path: path.isEmpty ? "(top level)" : path, message: "unknown key (not shown: it may hold personal data)",
            fix: "remove it; the keys allowed here are " + known.joined(separator: ", "))
    }

    /// Edits (insert, delete, substitute, swap two neighbours) from one key to another.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased().utf8), y = Array(b.lowercased().utf8)
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[x.count][y.count]
    }
}
