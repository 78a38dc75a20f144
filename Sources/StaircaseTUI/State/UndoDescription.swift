import StaircaseCore

/// What an undo undid, in words, found by comparing the record before and after: an undo that
/// removes a recorded decision or a category of concern must never pass for a silent "Undone.".
enum UndoDescription {
    /// "Undone: the decision (Level 4, step 4)", "Undone: Neglect unmarked", … — `current` is the
    /// record as it was, `restored` the one the undo brings back.
    static func message(undoing current: Assessment, restoring restored: Assessment, catalogue: Catalogue) -> String {
        let parts = changes(current, restored, catalogue)
        return parts.isEmpty ? "Undone." : "Undone: " + parts.joined(separator: "; ") + "."
    }

    static func changes(_ now: Assessment, _ was: Assessment, _ c: Catalogue) -> [String] {
        var parts: [String] = []
        switch (now.decision, was.decision) {
        case (let d?, nil): parts.append("the decision (Level \(d.level), step \(d.step))")
        case (let d?, let old?) where d != old:
            parts.append("the decision (Level \(d.level), step \(d.step)); back to Level \(old.level), step \(old.step)")
        case (nil, let old?): parts.append("the removal of the decision; Level \(old.level), step \(old.step) is back")
        default: break
        }
        let names = Dictionary(c.concernCategories.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for id in now.concernCategories where !was.concernCategories.contains(id) { parts.append("\(names[id] ?? id) unmarked") }
        for id in was.concernCategories where !now.concernCategories.contains(id) { parts.append("\(names[id] ?? id) marked again") }
        let titles = c.indicatorTitles
        for id in Set(now.answers.keys).union(was.answers.keys).sorted() where now.answers[id] != was.answers[id] {
            let title = titles[id] ?? id
            let before = was.answers[id]?.rating ?? .notAssessed
            if before != (now.answers[id]?.rating ?? .notAssessed) {
                parts.append("“\(title)” is \(before.label) again")
            } else {
                parts.append("the note on “\(title)”")
            }
        }
        parts += chronology(now.chronology, was.chronology)
        if now.immediateDanger != was.immediateDanger { parts.append("the answer on immediate danger") }
        if now.worry != was.worry { parts.append("the change to the worry") }
        if now.workingWell != was.workingWell { parts.append("the change to what is working well") }
        if now.request.kinds != was.request.kinds { parts.append("the change to the help asked for") }
        if now.request.detail != was.request.detail { parts.append("the change to the request in your words") }
        if now.householdDifficulties != was.householdDifficulties { parts.append("the change to the household questions") }
        if now.childsVoice != was.childsVoice { parts.append("the change to the child’s voice") }
        if now.needsCannotBeMetAtHome != was.needsCannotBeMetAtHome { parts.append("the change to step 5") }
        if now.child != was.child || now.referrer != was.referrer || now.leadProfessional != was.leadProfessional
            || now.consent != was.consent
            || now.carers != was.carers || now.household != was.household || now.agencies != was.agencies || now.sharing != was.sharing
        {
            parts.append("the change to the details")
        }
        return parts
    }

    /// The chronology's events added, deleted or changed, each by its date and first words (a
    /// tryout deleted an event, pressed u, and read only "Undone.").
    static func chronology(_ now: [ChronologyEvent], _ was: [ChronologyEvent]) -> [String] {
        func name(_ e: ChronologyEvent) -> String {
            let what = e.what.count > 30 ? String(e.what.prefix(29)) + "…" : e.what
            return "the event of \(e.date.words) (“\(what)”)"
        }
        let before = Dictionary(was.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(now.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var parts: [String] = []
        for e in now {
            if let old = before[e.id] {
                if old != e { parts.append("the change to " + name(old)) }
            } else {
                parts.append(name(e) + " added")
            }
        }
        for e in was where after[e.id] == nil { parts.append("the deletion of " + name(e) + "; it is back") }
        return parts
    }
}
