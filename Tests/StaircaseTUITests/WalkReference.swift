import StaircaseCore
import Synchronization

@testable import StaircaseTUI

/// The random walk's own model of the wizard (in the manner of a Hypothesis state machine's
/// bundle): which row each domain has selected and what every row holds, with the filter, the
/// age switch and the undo history. It is written from the promises in ARCHITECTURE.md, not from
/// the reducer, and the walk compares it with the wizard after every rule.
struct WalkReference {
    struct Snapshot {
        var answers: [String: Assessment.Answer]
        var decision: Assessment.Decision?
        var draft: Assessment.DraftDecision?
        var referral: Referral
        var events: [[String]]
    }

    /// What "The referral in your words" and the household questions hold (issue 25).
    struct Referral: Equatable {
        var worry = ""
        var workingWell = Assessment.WorkingWell()
        var request = Assessment.HelpRequest()
        var household: [String: Assessment.HouseholdAnswer] = [:]
        var childsVoice = ""

        init() {}
        init(_ a: Assessment?) {
            guard let a else { return }
            worry = a.worry
            workingWell = a.workingWell
            request = a.request
            household = a.householdDifficulties
            childsVoice = a.childsVoice
        }
    }

    let catalogue: Catalogue
    let stage: AgeStage?
    /// Every row of each domain in catalogue order, with the text a filter searches and whether
    /// the catalogue's ages include the child's; built once and shared by every walk.
    var rows: [[Row]] { table.rows }
    let table: Table

    struct Row: Sendable {
        var id: String
        var applies: Bool
        var text: String
    }

    /// The rows, and which of them each query matched (asked after every key of every walk).
    final class Table: Sendable {
        let rows: [[Row]]
        let matched = Mutex<[String: [Set<String>]]>([:])
        init(_ c: Catalogue, stage: AgeStage?) {
            rows = c.domains.map { domain in
                domain.areas.flatMap { area in
                    area.indicators.map { row in
                        Row(
                            id: row.id, applies: row.applies(to: stage),
                            text: ([row.title, area.name] + row.levels.all.compactMap(\.text)).joined(separator: " ").lowercased())
                    }
                }
            }
        }

        /// The filter's rule, written again by characters: `query` begins where a word begins
        /// (after a character that is not a letter or digit), or anywhere if it begins with one.
        static func startsAWord(_ query: String, in text: String) -> Bool {
            guard let first = query.first else { return true }
            let wordy = { (c: Character) in c.isLetter || c.isNumber || !c.isASCII }
            var previous: Character?
            var i = text.startIndex
            while i < text.endIndex {
                if previous.map({ !wordy($0) || !wordy(first) }) ?? true, text[i...].hasPrefix(query) { return true }
                previous = text[i]
                i = text.index(after: i)
            }
            return false
        }

        func hits(_ query: String, _ d: Int) -> Set<String> {
            if let known = matched.withLock({ $0[query] }) { return known[d] }
            let all = rows.map { Set($0.filter { Self.startsAWord(query, in: $0.text) }.map(\.id)) }
            matched.withLock { $0[query] = all }
            return all[d]
        }
    }
    var answers: [String: Assessment.Answer]
    var selected: [String?]
    var filter = ""
    var showHidden = false
    var decision: Assessment.Decision?
    var draft: Assessment.DraftDecision?
    /// The chronology in the order entered: each event's date, what happened, source and rows.
    var events: [[String]]
    var undo: [Snapshot] = []
    var referral = Referral()
    /// The row a rating just moved on from: the next rule only (a note goes back to it).
    var justRated: String?

    init(_ s: WizardState, table: Table? = nil) {
        catalogue = s.catalogue
        let stage = s.assessment.flatMap { ChildAge.stage($0.child, on: s.today) }
        self.stage = stage
        self.table = table ?? Table(s.catalogue, stage: stage)
        answers = s.assessment?.answers ?? [:]
        // A domain not visited yet has no selection: it opens on its first listed row.
        selected = s.domainRowID
        decision = s.assessment?.decision
        draft = s.assessment?.draftDecision
        referral = Referral(s.assessment)
        events = (s.assessment?.chronology ?? []).map(Self.words)
    }

    /// An event as the model keeps it: its date, what happened, source and rows, in words.
    static func words(_ e: ChronologyEvent) -> [String] {
        [e.date.description, e.what, e.source] + e.rows
    }

    /// The rows a domain lists: a row for another age only when shown (`a`) or answered; only
    /// rows whose text holds the filter.
    func visible(_ d: Int) -> [String] {
        let query = filter.lowercased()
        let hits = query.isEmpty ? nil : table.hits(query, d)
        return rows[d].compactMap { entry in
            if !showHidden, stage != nil, answers[entry.id] == nil, !entry.applies { return nil }
            if let hits, !hits.contains(entry.id) { return nil }
            return entry.id
        }
    }

    /// The selected row of a domain as the screen must show it (none in an empty list).
    func shown(_ d: Int) -> String? { visible(d).isEmpty ? nil : selected[d] }

    /// After the list may have changed: the same row if it is still listed, else the nearest
    /// listed row after it in catalogue order, else the nearest before it. An empty list
    /// remembers the row for when the list comes back.
    mutating func reselect(_ d: Int) {
        let list = visible(d)
        guard let first = list.first else { return }
        guard let id = selected[d] else {
            selected[d] = first
            return
        }
        if list.contains(id) { return }
        let order = rows[d].map(\.id)
        let p = order.firstIndex(of: id) ?? 0
        let listed = Set(list)
        selected[d] =
            order[(p + 1)...].first(where: listed.contains) ?? order[..<p].reversed().first(where: listed.contains) ?? first
    }

    /// Records an undo step when the change is one (the wizard keeps none for a change to nothing).
    mutating func changing(_ body: (inout WalkReference) -> Void) {
        let before = Snapshot(answers: answers, decision: decision, draft: draft, referral: referral, events: events)
        body(&self)
        if answers != before.answers || decision != before.decision || draft != before.draft || referral != before.referral
            || events != before.events
        {
            undo.append(before)
            if undo.count > 200 { undo.removeFirst() }
        }
    }

    mutating func move(_ d: Int, by delta: Int) {
        let list = visible(d)
        guard let id = shown(d), let i = list.firstIndex(of: id) else { return }
        selected[d] = list[min(list.count - 1, max(0, i + delta))]
    }

    /// A level, n/a or clear on the selected row; a level or n/a moves on to the next listed row.
    mutating func rate(_ d: Int, _ rating: Rating) {
        let list = visible(d)
        guard let id = shown(d), let i = list.firstIndex(of: id) else { return }
        // A level the document marks not applicable for the row is refused: nothing changes.
        if let n = rating.level, let row = catalogue.allIndicators.first(where: { $0.indicator.id == id })?.indicator,
            case .notApplicable? = row.levels[n]
        {
            return
        }
        changing { r in
            let note = r.answers[id]?.note ?? ""
            r.answers[id] = rating == .notAssessed && note.isEmpty ? nil : Assessment.Answer(rating, note: note)
        }
        if rating != .notAssessed && i + 1 < list.count {
            selected[d] = list[i + 1]
            justRated = id
        }
        reselect(d)
    }

    /// A note written to a row (Enter, or Esc, which keeps what was typed).
    mutating func note(_ id: String, _ typed: String) {
        let text = String(typed.filter { !$0.unicodeScalars.contains(where: SafeText.isUnsafe) }).trimmed
        changing { r in
            let rating = r.answers[id]?.rating ?? .notAssessed
            r.answers[id] = rating == .notAssessed && text.isEmpty ? nil : Assessment.Answer(rating, note: text)
        }
    }

    /// The filter as it is typed, a character at a time: each list is rebuilt as it comes.
    mutating func type(filter text: String, _ d: Int) {
        filter = ""
        reselect(d)
        for c in text where !c.unicodeScalars.contains(where: SafeText.isUnsafe) {
            filter.append(c)
            reselect(d)
        }
        filter = filter.trimmed
        reselect(d)
    }

    mutating func restore() {
        guard let last = undo.popLast() else { return }
        answers = last.answers
        decision = last.decision
        draft = last.draft
        referral = last.referral
        events = last.events
    }

    /// The decision screen's level key and Enter: the proposal accepted, recorded against it.
    mutating func accept(_ p: Proposal, now: String) {
        guard let level = p.level else { return }
        let step = p.step ?? level
        let reason = draft?.reason ?? decision?.reason ?? ""
        draft = Assessment.DraftDecision(level: level, step: step, reason: reason)
        changing { r in
            var at = now
            if let old = r.decision, old.level == level, old.step == step, old.reason == reason, !old.isStale(against: p) {
                at = old.decidedAt
            }
            r.decision = Assessment.Decision(
                level: level, step: step, reason: reason, decidedAt: at, proposedLevel: level, proposedStep: step)
            r.draft = nil
        }
    }

    /// What a reload opens: the stored record, no filter, rows for other ages hidden, and on a
    /// domain the row the record was left on.
    mutating func reloaded(_ stored: Assessment) {
        answers = stored.answers
        decision = stored.decision
        draft = stored.draftDecision
        referral = Referral(stored)
        events = stored.chronology.map(Self.words)
        undo = []
        filter = ""
        showHidden = false
        selected = selected.map { _ in nil }
        if let p = stored.resumeAt, p.screen.hasPrefix("domain-"), let n = Int(p.screen.dropFirst(7)), rows.indices.contains(n - 1) {
            let list = visible(n - 1)
            if !list.isEmpty { selected[n - 1] = p.row.flatMap { list.contains($0) ? $0 : nil } ?? list[min(p.cursor, list.count - 1)] }
        }
    }

    /// Where the wizard and this model disagree, in words; nil when they agree.
    func differences(_ s: WizardState) -> String? {
        var out: [String] = []
        let a = s.assessment?.answers ?? [:]
        if a != answers {
            let ids = Set(a.keys).union(answers.keys).filter { a[$0] != answers[$0] }.sorted()
            out.append(
                "answers differ on "
                    + ids.map { "\($0): wizard \(String(describing: a[$0])) model \(String(describing: answers[$0]))" }.joined(
                        separator: "; "))
        }
        if case .domain(let d) = s.screen, s.lock == nil {
            if s.selectedRowID(domain: d) != shown(d) {
                out.append("domain \(d + 1): wizard selects \(s.selectedRowID(domain: d) ?? "nothing"), model \(shown(d) ?? "nothing")")
            }
            if s.visibleRowIDs(domain: d) != visible(d) { out.append("domain \(d + 1): the visible rows differ") }
        }
        if s.editor?.target != .filter, s.filter != filter { out.append("filter: wizard \"\(s.filter)\", model \"\(filter)\"") }
        if s.showHidden != showHidden { out.append("rows for another age: wizard \(s.showHidden), model \(showHidden)") }
        if s.assessment?.decision != decision {
            out.append("decision: wizard \(String(describing: s.assessment?.decision)) model \(String(describing: decision))")
        }
        if Referral(s.assessment) != referral {
            out.append("referral: wizard \(Referral(s.assessment)) model \(referral)")
        }
        let chronology = (s.assessment?.chronology ?? []).map(Self.words)
        if chronology != events { out.append("chronology: wizard \(chronology) model \(events)") }
        if s.undoStack.count < undo.count { out.append("undo: wizard has \(s.undoStack.count) steps, model \(undo.count)") }
        return out.isEmpty ? nil : out.joined(separator: "\n")
    }

    /// A referral text written (Enter): cleaned and trimmed as the field keeps it.
    mutating func write(_ item: ReferralItem, _ typed: String) {
        let text = String(typed.filter { !$0.unicodeScalars.contains(where: SafeText.isUnsafe) }).trimmed
        changing { r in
            switch item {
            case .worry: r.referral.worry = text
            case .workingWell: r.referral.workingWell.overall = text
            case .workingWellDomain(let id): r.referral.workingWell.domains[id] = text.isEmpty ? nil : text
            case .requestDetail: r.referral.request.detail = text
            case .childsVoice: r.referral.childsVoice = text
            case .help(let kind): r.referral.request.toggle(kind)
            }
        }
    }

    /// A household question answered; its note stays.
    mutating func answer(_ id: String, _ answer: Assessment.YesNoNotKnown) {
        changing { r in
            r.referral.household[id] = Assessment.HouseholdAnswer(answer, note: r.referral.household[id]?.note ?? "")
        }
    }
}
