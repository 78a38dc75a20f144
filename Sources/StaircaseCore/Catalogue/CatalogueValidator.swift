/// Checks a decoded catalogue for what the JSON types cannot express: unique ids, four levels,
/// known links and tags, clean text. Reports every problem, not just the first.
public enum CatalogueValidator {
    /// A descriptor longer than this is a transcription accident, not a threshold.
    public static let maximumTextLength = 4_000
    public static let supportedSchemaVersion = 1

    public static func problems(in c: Catalogue) -> [CatalogueProblem] {
        var p = Problems()
        if c.schemaVersion != supportedSchemaVersion {
            p.add("schemaVersion", "unsupported schema version \(c.schemaVersion)", "use \(supportedSchemaVersion)")
        }
        p.text("id", c.id)
        p.text("title", c.title)
        p.text("authority", c.authority)
        p.text("version", c.version)
        p.text("source.document", c.source.document)
        for (i, n) in c.source.notes.enumerated() { p.text("source.notes[\(i)]", n) }
        checkLevels(c, &p)
        checkReferenceLists(c, &p)
        checkRules(c, &p)
        checkDomains(c, &p)
        checkHouseholdQuestions(c, &p)
        return p.list
    }

    static func checkLevels(_ c: Catalogue, _ p: inout Problems) {
        let numbers = c.levels.map(\.number)
        if numbers != [1, 2, 3, 4] {
            p.add("levels", "levels are \(numbers), not 1, 2, 3, 4 in order", "list exactly four levels numbered 1 to 4")
        }
        for (i, level) in c.levels.enumerated() {
            let at = "levels[\(i)]"
            p.text("\(at).name", level.name)
            p.text("\(at).meaning", level.meaning)
            for (j, a) in level.leadAgencies.enumerated() { p.text("\(at).leadAgencies[\(j)]", a) }
            if level.courseOfAction.routes.isEmpty {
                p.add("\(at).courseOfAction.routes", "no course of action", "give at least one route from the document's table")
            }
            for (j, r) in level.courseOfAction.routes.enumerated() {
                p.text("\(at).courseOfAction.routes[\(j)].furtherAssessment", r.furtherAssessment)
                for (k, a) in r.actions.enumerated() {
                    p.text("\(at).courseOfAction.routes[\(j)].actions[\(k)].text", a.text)
                }
            }
        }
        for (i, step) in c.steps.enumerated() {
            if !numbers.contains(step.level) {
                p.add("steps[\(i)].level", "step \(step.number) names unknown level \(step.level)", "use a level from 1 to 4")
            }
            p.text("steps[\(i)].name", step.name)
            p.text("steps[\(i)].meaning", step.meaning)
        }
        if c.steps.map(\.number) != Array(1...max(1, c.steps.count)) || c.steps.isEmpty {
            p.add("steps", "steps are not numbered 1, 2, 3 … in order", "number the steps from 1 upwards")
        }
        for level in numbers where !c.steps.contains(where: { $0.level == level }) {
            p.add("steps", "level \(level) has no step", "give every level at least one step")
        }
    }

    static func checkReferenceLists(_ c: Catalogue, _ p: inout Problems) {
        p.unique("services", c.services.map(\.id))
        for (i, s) in c.services.enumerated() {
            p.identifier("services[\(i)].id", s.id)
            p.text("services[\(i)].name", s.name)
            if let url = s.url { p.text("services[\(i)].url", url) }
        }
        p.unique("tags", c.tags.map(\.id))
        for (i, t) in c.tags.enumerated() {
            p.identifier("tags[\(i)].id", t.id)
            p.text("tags[\(i)].meaning", t.meaning)
        }
        p.unique("contacts", c.contacts.map(\.id))
        for (i, k) in c.contacts.enumerated() {
            p.text("contacts[\(i)].name", k.name)
            p.text("contacts[\(i)].when", k.when)
            for (field, value) in [("phone", k.phone), ("email", k.email), ("url", k.url)] {
                if let value { p.text("contacts[\(i)].\(field)", value) }
            }
        }
        p.unique("concernCategories", c.concernCategories.map(\.id))
        for (i, k) in c.concernCategories.enumerated() {
            p.identifier("concernCategories[\(i)].id", k.id)
            p.text("concernCategories[\(i)].name", k.name)
            p.text("concernCategories[\(i)].definition", k.definition)
        }
        for (i, g) in c.glossary.enumerated() {
            p.text("glossary[\(i)].term", g.term)
            p.text("glossary[\(i)].definition", g.definition)
            p.text("glossary[\(i)].source", g.source)
        }
    }

    static func checkRules(_ c: Catalogue, _ p: inout Problems) {
        let tags = Set(c.tags.map(\.id))
        let r = c.rules
        if r.combination.minimumRows < 2 {
            p.add("rules.combination.minimumRows", "a combination needs at least 2 rows", "set 2 or more")
        }
        if r.combination.minimumAreas < 1 || r.combination.minimumDomains < 1 {
            p.add("rules.combination", "minimumAreas and minimumDomains must be at least 1", "set 1 or more")
        }
        if !(3...4).contains(r.combination.proposesLevel) {
            p.add("rules.combination.proposesLevel", "must be 3 or 4", "the document proposes Level 3")
        }
        p.text("rules.combination.quote", r.combination.quote)
        p.text("rules.toxicTrio.quote", r.toxicTrio.quote)
        if r.toxicTrio.componentTags.isEmpty {
            p.add("rules.toxicTrio.componentTags", "no components", "name the tags of the three components")
        }
        for (i, t) in r.toxicTrio.componentTags.enumerated() where !tags.contains(t) {
            p.add("rules.toxicTrio.componentTags[\(i)]", "unknown tag \"\(t)\"", "declare it under \"tags\" or use one that is")
        }
        if !(1...4).contains(r.toxicTrio.minimumLevel) {
            p.add("rules.toxicTrio.minimumLevel", "must be 1 to 4", "the default is 2")
        }
        if !tags.contains(r.stepFive.tag) {
            p.add("rules.stepFive.tag", "unknown tag \"\(r.stepFive.tag)\"", "declare it under \"tags\" or use one that is")
        }
    }

    static func checkDomains(_ c: Catalogue, _ p: inout Problems) {
        let services = Set(c.services.map(\.id))
        let tags = Set(c.tags.map(\.id))
        if c.domains.isEmpty { p.add("domains", "no domains", "give the three Assessment Framework domains") }
        p.unique("domains", c.domains.map(\.id))
        p.unique("areas", c.domains.flatMap { $0.areas.map(\.id) })
        p.unique("indicators", c.allIndicators.map(\.indicator.id))
        for (d, domain) in c.domains.enumerated() {
            let dp = "domains[\(d)]"
            p.identifier("\(dp).id", domain.id)
            p.text("\(dp).name", domain.name)
            p.text("\(dp).description", domain.description)
            if domain.areas.isEmpty { p.add("\(dp).areas", "a domain with no areas", "add its areas or remove the domain") }
            for (a, area) in domain.areas.enumerated() {
                let ap = "\(dp).areas[\(a)]"
                p.identifier("\(ap).id", area.id)
                p.text("\(ap).name", area.name)
                p.text("\(ap).section", area.section)
                if area.indicators.isEmpty { p.add("\(ap).indicators", "an area with no rows", "add its rows or remove the area") }
                for (r, row) in area.indicators.enumerated() {
                    checkRow(row, at: "\(ap).indicators[\(r)]", services: services, tags: tags, &p)
                }
            }
        }
    }

    static func checkRow(_ row: Indicator, at rp: String, services: Set<String>, tags: Set<String>, _ p: inout Problems) {
        p.identifier("\(rp).id", row.id)
        p.text("\(rp).title", row.title)
        if let note = row.sourceNote { p.text("\(rp).sourceNote", note) }
        if let ages = row.ages {
            if ages.to < ages.from {
                p.add("\(rp).ages", "the range ends (\(ages.to.rawValue)) before it starts (\(ages.from.rawValue))", "give from ≤ to")
            }
            p.text("\(rp).ages.source", ages.source, what: "source note", fix: "say where in the document the range comes from")
        }
        for (i, t) in row.tags.enumerated() where !tags.contains(t) {
            p.add("\(rp).tags[\(i)]", "unknown tag \"\(t)\"", "declare it under \"tags\" or remove it")
        }
        for (i, t) in row.tags.enumerated() where row.tags[..<i].contains(t) {
            p.add("\(rp).tags[\(i)]", "duplicate tag", "list each tag once")
        }
        for level in 1...4 {
            guard case .descriptor(let text, let links) = row.levels[level] else { continue }
            p.text("\(rp).levels.\(level).text", text, what: "descriptor", fix: "give the Level \(level) text or mark it not applicable")
            for (i, link) in links.enumerated() where !services.contains(link) {
                p.add("\(rp).levels.\(level).links[\(i)]", "unknown service \"\(link)\"", "add it to \"services\" or correct the id")
            }
            for (i, link) in links.enumerated() where links[..<i].contains(link) {
                p.add("\(rp).levels.\(level).links[\(i)]", "duplicate link", "list each service once")
            }
        }
        if !row.levels.all.contains(where: \.isApplicable) {
            p.add("\(rp).levels", "no level has a descriptor", "give at least one level's text")
        }
        checkTimeWords(row, at: rp, &p)
    }

    /// Every word marked as speaking of time is in its level's descriptor, at a level that has one.
    static func checkTimeWords(_ row: Indicator, at rp: String, _ p: inout Problems) {
        guard let marks = row.timeWords else { return }
        if marks.isEmpty { p.add("\(rp).timeWords", "no level marked", "leave timeWords out when no descriptor speaks of time") }
        for key in marks.keys.sorted() {
            let at = "\(rp).timeWords.\(SafeText.clean(String(key.prefix(20))))"
            let words = marks[key] ?? []
            guard let level = Int(key), (1...4).contains(level), let cell = row.levels[level] else {
                p.add(at, "no level \"\(SafeText.clean(String(key.prefix(20))))\"", "key the words by a level from \"1\" to \"4\"")
                continue
            }
            guard let text = cell.text else {
                p.add(at, "Level \(level) is not applicable, so it has no words to mark", "remove the Level \(level) entry")
                continue
            }
            if words.isEmpty { p.add(at, "an empty list", "name the words or remove the Level \(level) entry") }
            for (i, word) in words.enumerated() {
                p.text("\(at)[\(i)]", word, what: "time word", fix: "give the word as the descriptor has it or remove it")
                if !word.allSatisfy(\.isWhitespace) && !text.lowercased().contains(word.lowercased()) {
                    p.add(
                        "\(at)[\(i)]", "\"\(SafeText.clean(String(word.prefix(80))))\" is not in the Level \(level) descriptor",
                        "copy the word exactly as the Level \(level) text has it, or remove it")
                }
                if words[..<i].contains(word) { p.add("\(at)[\(i)]", "duplicate time word", "list each word once") }
            }
        }
    }

    /// Household questions: unique ids, known tags and rows, and each linked to something.
    static func checkHouseholdQuestions(_ c: Catalogue, _ p: inout Problems) {
        let tags = Set(c.tags.map(\.id))
        let rows = Set(c.allIndicators.map(\.indicator.id))
        p.unique("householdQuestions", c.householdQuestions.map(\.id))
        for (i, q) in c.householdQuestions.enumerated() {
            let at = "householdQuestions[\(i)]"
            p.identifier("\(at).id", q.id)
            p.text("\(at).topic", q.topic)
            p.text("\(at).question", q.question)
            if q.tags.isEmpty && q.rows.isEmpty {
                p.add(at, "the question links no rows", "give the tags or the row ids its answer bears on")
            }
            for (j, t) in q.tags.enumerated() where !tags.contains(t) {
                p.add("\(at).tags[\(j)]", "unknown tag \"\(SafeText.clean(t))\"", "declare it under \"tags\" or use one that is")
            }
            for (j, t) in q.tags.enumerated() where q.tags[..<j].contains(t) {
                p.add("\(at).tags[\(j)]", "duplicate tag", "list each tag once")
            }
            for (j, r) in q.rows.enumerated() where !rows.contains(r) {
                p.add("\(at).rows[\(j)]", "unknown row \"\(SafeText.clean(r))\"", "use the id of an indicator row")
            }
            for (j, r) in q.rows.enumerated() where q.rows[..<j].contains(r) {
                p.add("\(at).rows[\(j)]", "duplicate row", "list each row once")
            }
        }
    }
}

/// Collects problems with the few checks every field needs.
struct Problems {
    var list: [CatalogueProblem] = []

    mutating func add(_ path: String, _ message: String, _ fix: String) {
        list.append(CatalogueProblem(path: path, message: message, fix: fix))
    }

    mutating func text(_ path: String, _ value: String, what: String = "text", fix: String? = nil) {
        if value.allSatisfy(\.isWhitespace) {
            add(path, "empty \(what)", fix ?? "write the text or remove the field")
        } else if let bad = SafeText.firstUnsafe(in: value) {
            add(path, "control character \(SafeText.name(bad)) in \(what)", "remove it; catalogue text must be plain printable text")
        } else if value.count > CatalogueValidator.maximumTextLength {
            add(
                path, "\(what) is \(value.count) characters, over the limit of \(CatalogueValidator.maximumTextLength)",
                "shorten it; it is probably a pasting accident")
        }
    }

    mutating func identifier(_ path: String, _ id: String) {
        let ok =
            !id.isEmpty && id.count <= 80
            && id.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "." || $0 == "_"
            }
        if !ok { add(path, "invalid id \"\(SafeText.clean(String(id.prefix(80))))\"", "use lower-case letters, digits, '-', '.' or '_'") }
    }

    mutating func unique(_ what: String, _ ids: [String]) {
        var seen = Set<String>()
        for id in ids where !seen.insert(id).inserted {
            add(what, "duplicate id \"\(SafeText.clean(id))\"", "give each one a different id")
        }
    }
}
