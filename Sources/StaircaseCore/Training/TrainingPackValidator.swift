/// Checks a decoded pack against the catalogue it names: every rated row exists and has a
/// descriptor at the rated level, every quote is the catalogue's own words, steps fit levels,
/// and a model answer that differs from the scoring engine says why. Reports every problem.
public enum TrainingPackValidator {
    public static let supportedSchemaVersion = 1

    public static func problems(in pack: TrainingPack, catalogue c: Catalogue) -> [CatalogueProblem] {
        var p = Problems()
        if pack.schemaVersion != supportedSchemaVersion {
            p.add("schemaVersion", "unsupported schema version \(pack.schemaVersion)", "use \(supportedSchemaVersion)")
        }
        p.identifier("id", pack.id)
        p.text("version", pack.version)
        p.text("title", pack.title)
        if pack.catalogue.id != c.id || pack.catalogue.version != c.version {
            p.add(
                "catalogue",
                "the pack was written for \(SafeText.clean(pack.catalogue.id)) \(SafeText.clean(pack.catalogue.version)), not \(c.id) \(c.version)",
                "use the catalogue the pack names (--catalogue), or update the pack's rows and quotes to this catalogue")
        }
        if pack.facilitatorNotes.isEmpty { p.add("facilitatorNotes", "no facilitator notes", "add at least one note for the facilitator") }
        for (i, n) in pack.facilitatorNotes.enumerated() { p.text("facilitatorNotes[\(i)]", n) }
        if pack.cases.isEmpty { p.add("cases", "no cases", "add at least one case") }
        p.unique("cases", pack.cases.map(\.id))
        let engine = ScoringEngine(catalogue: c)
        var rows: [String: Indicator] = [:]
        for entry in c.allIndicators { rows[entry.indicator.id] = entry.indicator }
        for (i, k) in pack.cases.enumerated() {
            check(k, at: "cases[\(i)]", rows: rows, catalogue: c, engine: engine, pack: pack, &p)
        }
        return p.list
    }

    static func check(
        _ k: TrainingCase, at path: String, rows: [String: Indicator], catalogue c: Catalogue, engine: ScoringEngine,
        pack: TrainingPack, _ p: inout Problems
    ) {
        p.identifier("\(path).id", k.id)
        p.text("\(path).title", k.title)
        checkChild(k.child, at: "\(path).child", &p)
        let n = k.narrative
        for (name, paragraphs) in [
            ("referrer", n.referrer), ("family", n.family), ("agencies", n.agencies), ("childsWords", n.childsWords),
        ] {
            if paragraphs.isEmpty && name != "childsWords" {
                p.add("\(path).narrative.\(name)", "empty section", "write at least one paragraph")
            }
            for (j, text) in paragraphs.enumerated() { p.text("\(path).narrative.\(name)[\(j)]", text) }
        }
        if n.childsWords.isEmpty && !k.child.isUnborn {
            p.add(
                "\(path).narrative.childsWords", "the child's own words are missing",
                "give what the child said, or say why they could not be heard")
        }
        checkChronology(k.chronology ?? [], at: "\(path).chronology", rows: rows, &p)
        let m = k.modelAnswer
        let at = "\(path).modelAnswer"
        if m.ratings.isEmpty { p.add("\(at).ratings", "no rows rated", "rate each row the narrative gives evidence for") }
        p.unique("\(at).ratings", m.ratings.map(\.row))
        for (j, r) in m.ratings.enumerated() {
            guard let row = rows[r.row] else {
                p.add(
                    "\(at).ratings[\(j)].row", "no row \"\(SafeText.clean(r.row))\" in the catalogue",
                    "use a row id from `staircase catalogue show`")
                continue
            }
            if !(1...4).contains(r.level) {
                p.add("\(at).ratings[\(j)].level", "level \(r.level) is not 1 to 4", "give a level from 1 to 4")
            } else if row.levels[r.level]?.isApplicable != true {
                p.add(
                    "\(at).ratings[\(j)].level", "\(r.row) has no descriptor at Level \(r.level)",
                    "choose a level at which the row has a descriptor")
            }
        }
        if !(1...4).contains(m.level) { p.add("\(at).level", "level \(m.level) is not 1 to 4", "give a level from 1 to 4") }
        if c.step(m.step)?.level != m.level {
            p.add(
                "\(at).step", "step \(m.step) is not a step of Level \(m.level)", "give a step on the staircase that belongs to the level")
        }
        if m.rationale.isEmpty { p.add("\(at).rationale", "no rationale", "explain at least the key row, quoting its descriptor") }
        for (j, r) in m.rationale.enumerated() {
            let rp = "\(at).rationale[\(j)]"
            p.text("\(rp).why", r.why)
            p.text("\(rp).quote", r.quote)
            guard let level = m.level(of: r.row) else {
                p.add(
                    "\(rp).row", "\"\(SafeText.clean(r.row))\" is not among the rated rows",
                    "rate the row in ratings, or explain a row that is rated")
                continue
            }
            guard let text = rows[r.row]?.levels[level]?.text else { continue }
            if !r.quote.trimmed.isEmpty && !text.contains(r.quote) {
                p.add(
                    "\(rp).quote", "the quote is not the catalogue's words for \(r.row) at Level \(level)",
                    "copy the words exactly from the descriptor")
            }
        }
        if m.discussionPoints.isEmpty { p.add("\(at).discussionPoints", "no discussion points", "give at least one point for the debrief") }
        for (j, d) in m.discussionPoints.enumerated() { p.text("\(at).discussionPoints[\(j)]", d) }
        let proposal = engine.propose(k.modelAssessment(catalogue: pack.catalogue))
        let agrees = proposal.level == m.level && proposal.step == m.step
        let reason = m.engineDifference?.trimmed ?? ""
        if !agrees && reason.isEmpty {
            p.add(
                "\(at).engineDifference",
                "the engine proposes Level \(proposal.level ?? 0) step \(proposal.step ?? 0) from these ratings, the model answer Level \(m.level) step \(m.step)",
                "say why the authors differ, or correct the ratings or the level")
        } else if agrees && m.engineDifference != nil {
            p.add(
                "\(at).engineDifference", "gives a reason for differing, but the engine agrees (Level \(m.level) step \(m.step))",
                "remove it")
        } else if let d = m.engineDifference {
            p.text("\(at).engineDifference", d)
        }
    }

    /// Each event: an id unique in the case, a date in the file form, what happened, a source
    /// when given, and rows the catalogue has. The order in the file does not matter.
    static func checkChronology(_ events: [TrainingCase.Event], at path: String, rows: [String: Indicator], _ p: inout Problems) {
        p.unique(path, events.map(\.id))
        for (j, e) in events.enumerated() {
            let ep = "\(path)[\(j)]"
            p.identifier("\(ep).id", e.id)
            if let date = EventDate(e.date) {
                if date.description != e.date {
                    p.add("\(ep).date", "\"\(SafeText.clean(e.date))\" is not written as a file writes it", "write \(date.description)")
                }
            } else {
                p.add(
                    "\(ep).date", "\"\(SafeText.clean(String(e.date.prefix(40))))\" is not an event date",
                    EventDate.problem(e.date) ?? "use YYYY-MM-DD, YYYY-MM for a month, or put 'about' first: for example about 2026-06")
            }
            p.text("\(ep).what", e.what)
            if let source = e.source { p.text("\(ep).source", source, fix: "name who reported it, or remove source") }
            for (r, row) in e.rows.enumerated() where rows[row] == nil {
                p.add(
                    "\(ep).rows[\(r)]", "no row \"\(SafeText.clean(row))\" in the catalogue",
                    "use a row id from `staircase catalogue show`")
            }
        }
    }

    static func checkChild(_ child: TrainingCase.FictionalChild, at path: String, _ p: inout Problems) {
        p.text("\(path).name", child.name)
        if child.isUnborn {
            if child.expectedDate.flatMap(CalendarDate.init) == nil {
                p.add("\(path).expectedDate", "an unborn baby needs an expected date as YYYY-MM-DD", "give the expected date of delivery")
            }
            if child.ageYears != nil || child.ageMonths != nil {
                p.add(path, "an unborn baby has no age", "remove ageYears and ageMonths")
            }
        } else {
            if let y = child.ageYears, !(0...19).contains(y) {
                p.add("\(path).ageYears", "age \(y) is outside 0 to 19", "give the age in years, 0 to 19")
            }
            if let mo = child.ageMonths, !(0...11).contains(mo) {
                p.add("\(path).ageMonths", "\(mo) months is outside 0 to 11", "give the months beyond the whole years")
            }
            if child.ageYears == nil && child.ageMonths == nil {
                p.add(path, "no age", "give ageYears (and ageMonths for a baby), or unborn with an expectedDate")
            }
            if child.expectedDate != nil { p.add("\(path).expectedDate", "a born child has no expected date", "remove it, or set unborn") }
        }
    }
}
