import StaircaseCore
import Synchronization

/// Each row's searchable text (title, area and every level's words) lowered once, and whether
/// it applies at each stage of childhood, once per catalogue: a domain's list is rebuilt after
/// every key, and the random walks press millions of them. The lowered texts are made at the
/// first filter query, not at start: lowering every descriptor was half of the start-up's own
/// work (issue 26), and most sessions never filter.
public struct RowSearch: Equatable, Sendable {
    let ids: [[String]]
    let applies: [AgeStage: [[Bool]]]
    /// The lowered texts (made once, at the first query) and what each query matched, per
    /// domain and row: a filter is typed a letter at a time and asked for again after every key.
    let matched: MatchMemo

    init(_ c: Catalogue) {
        ids = c.domains.map { domain in domain.areas.flatMap { $0.indicators.map(\.id) } }
        var applies: [AgeStage: [[Bool]]] = [:]
        for stage in AgeStage.allCases {
            applies[stage] = c.domains.map { domain in domain.areas.flatMap { $0.indicators.map { $0.applies(to: stage) } } }
        }
        self.applies = applies
        matched = MatchMemo(c)
    }

    /// Two searches of the same catalogue are equal: the texts follow from the rows, whose ids
    /// and ages are compared here (the state compares the catalogues themselves).
    public static func == (l: RowSearch, r: RowSearch) -> Bool { l.ids == r.ids && l.applies == r.applies }

    static func text(_ row: Indicator, _ area: Catalogue.Area) -> String {
        ([row.title, area.name] + row.levels.all.compactMap(\.text)).joined(separator: " ").lowercased()
    }

    /// Whether `text` holds `query` starting at the start of a word: "mental" finds "mental
    /// health" but not "environmental" or "developmental" (a whole area of rows came up for it).
    static func holds(_ text: String, atWordStart query: String) -> Bool {
        let t = Array(text.utf8)
        let q = Array(query.utf8)
        guard !q.isEmpty else { return true }
        guard t.count >= q.count else { return false }
        func inWord(_ b: UInt8) -> Bool { b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) }
        for i in 0...(t.count - q.count) where t[i] == q[0] && (i == 0 || !inWord(t[i - 1]) || !inWord(q[0])) {
            if t[i..<(i + q.count)].elementsEqual(q) { return true }
        }
        return false
    }

    /// Whether each row of a domain holds `query` (already lowered) at the start of a word.
    func matches(domain d: Int, _ query: String) -> [Bool] {
        matched.matches(query)[d]
    }
}

/// The lowered texts and the memo behind `RowSearch.matches`, shared by copies of a state (and
/// so locked). The catalogue is kept to lower its texts when first asked.
final class MatchMemo: Sendable {
    private struct Memo {
        var texts: [[String]]?
        var byQuery: [String: [[Bool]]] = [:]
    }
    private let catalogue: Catalogue
    private let memo = Mutex(Memo())

    init(_ catalogue: Catalogue) { self.catalogue = catalogue }

    /// Every domain's matches for a query: lowered texts made on the first call, each query
    /// searched once (the memo is emptied past 256 queries).
    func matches(_ query: String) -> [[Bool]] {
        memo.withLock { m in
            if let known = m.byQuery[query] { return known }
            let texts =
                m.texts
                ?? catalogue.domains.map { domain in
                    domain.areas.flatMap { area in area.indicators.map { RowSearch.text($0, area) } }
                }
            m.texts = texts
            let all = texts.map { rows in rows.map { RowSearch.holds($0, atWordStart: query) } }
            if m.byQuery.count > 256 { m.byQuery.removeAll() }
            m.byQuery[query] = all
            return all
        }
    }
}

/// A row as the domain screen lists it, with its area.
public struct VisibleRow: Equatable, Sendable {
    public var area: Catalogue.Area
    public var indicator: Indicator
}

extension WizardState {
    /// Rows of a domain after the age filter and the text filter. Pre-birth rows are hidden for
    /// a child over one unless the user asks for all rows (`a`), or the row already has an answer.
    public func visibleRows(domain d: Int) -> [VisibleRow] {
        guard catalogue.domains.indices.contains(d) else { return [] }
        var out: [VisibleRow] = []
        forEachListed(d) { area, row in out.append(VisibleRow(area: area, indicator: row)) }
        return out
    }

    /// The ids of a domain's visible rows, in order: the same rule, without copying the rows
    /// (the selection is found again by id after every key).
    func visibleRowIDs(domain d: Int) -> [String] {
        guard catalogue.domains.indices.contains(d) else { return [] }
        let (applies, matches) = listRule(d)
        let answers = assessment?.answers ?? [:]
        var out: [String] = []
        for (k, id) in search.ids[d].enumerated() {
            if let applies, !applies[k], answers[id] == nil { continue }
            if let matches, !matches[k] { continue }
            out.append(id)
        }
        return out
    }

    /// Which rows of a domain fit the child's age (nil: no age filter) and hold the filter's
    /// text (nil: no filter), by position in catalogue order.
    private func listRule(_ d: Int) -> (applies: [Bool]?, matches: [Bool]?) {
        let stage = assessment.flatMap { ChildAge.stage($0.child, on: today) }
        let query = filter.lowercased()
        return (showHidden ? nil : stage.flatMap { search.applies[$0]?[d] }, query.isEmpty ? nil : search.matches(domain: d, query))
    }

    /// The one rule for which rows a domain lists. The child's stage is worked out once per
    /// list, and each row's searchable text was lowered once (`RowSearch`), because the list is
    /// rebuilt after every key.
    private func forEachListed(_ d: Int, _ body: (Catalogue.Area, Indicator) -> Void) {
        let (applies, matches) = listRule(d)
        let answers = assessment?.answers ?? [:]
        var k = 0
        for area in catalogue.domains[d].areas {
            for row in area.indicators {
                defer { k += 1 }
                if let applies, !applies[k], answers[row.id] == nil { continue }
                if let matches, !matches[k] { continue }
                body(area, row)
            }
        }
    }

    /// How many rows of the domain match the filter but are hidden for the child's age: a
    /// filter that finds only those must say so, not show an empty list.
    public func hiddenMatches(domain d: Int) -> Int {
        guard !filter.isEmpty, !showHidden, ageFilterApplies, catalogue.domains.indices.contains(d) else { return 0 }
        let query = filter.lowercased()
        return catalogue.domains[d].areas.reduce(0) { n, area in
            n
                + area.indicators.filter { row in
                    isForAnotherAge(row) && RowSearch.text(row, area).contains(query)
                }.count
        }
    }

    /// How many rows of the domain the age filter hides.
    public func hiddenCount(domain d: Int) -> Int {
        guard catalogue.domains.indices.contains(d), ageFilterApplies else { return 0 }
        return catalogue.domains[d].areas.reduce(0) { $0 + $1.indicators.filter(isForAnotherAge).count }
    }

    /// The child's age is known, so rows can be filtered by it; false before there is an assessment.
    var ageFilterApplies: Bool {
        assessment.map { ChildAge.stage($0.child, on: today) != nil } ?? false
    }

    /// A row whose catalogue `ages` leave out the child's stage, with no answer: the one rule
    /// both the list and the count follow.
    func isForAnotherAge(_ row: Indicator) -> Bool {
        guard let a = assessment, a.answers[row.id] == nil else { return false }
        return !row.applies(to: ChildAge.stage(a.child, on: today))
    }
}

extension Wizard {
    static func domain(_ s: inout WizardState, _ d: Int, _ action: WizardAction) -> [Effect] {
        let rows = s.visibleRows(domain: d)
        let current = min(s.domainCursor[d], max(0, rows.count - 1))
        switch action {
        case .move(let delta):
            s.domainCursor[d] = rows.isEmpty ? 0 : min(rows.count - 1, max(0, current + delta))
        case .rate(let rating):
            guard !rows.isEmpty else { return [] }
            let row = rows[current]
            // A level the document gives no descriptor for ("Not applicable" at that level) is
            // not an answer for this row: said, and nothing changes.
            if let n = rating.level, case .notApplicable? = row.indicator.levels[n] {
                s.message = Message(
                    "Level \(n) is not a level of “\(row.indicator.title)”: the document marks it not applicable. Choose another level, or n.",
                    error: true)
                return []
            }
            let effects = change(&s) { a in
                let id = row.indicator.id
                let note = a.answers[id]?.note ?? ""
                if let carried = a.answers[id], carried.earlier != nil {
                    // A carried row keeps its earlier reading (and any reason) whatever it is rated now.
                    a.answer(id, rating, reason: rating == .notAssessed ? nil : carried.changeReason)
                } else if rating == .notAssessed && note.isEmpty {
                    a.answers[id] = nil
                } else {
                    // A new level for a row confirmed for another age keeps the confirmation:
                    // the row still applies to this child, so its level still counts.
                    let confirmed = a.answers[id]?.confirmedForAge ?? false
                    a.answers[id] = .init(rating, note: note, confirmedForAge: confirmed && rating != .notAssessed)
                }
            }
            // A carried answer changed stays selected, so w can say why at once.
            if changedSinceLastTime(s, row.indicator.id) {
                s.message = Message(changedMessage(s, row.indicator.id))
                return effects
            }
            // Move on to the next row so a run of answers is a run of key presses.
            // The next key acts on the row now shown, so the move is said: a note meant for the
            // rated row must not land silently on the next one.
            if rating != .notAssessed && !s.expanded && current + 1 < rows.count {
                s.domainCursor[d] = current + 1
                s.justRated = row.indicator.id
                s.message = Message(
                    "Rated “\(row.indicator.title)”: \(rating.label). Now on “\(rows[current + 1].indicator.title)”.")
                s.message?.movedOn = true
            }
            return effects
        case .confirmCarried where !rows.isEmpty && s.isOutsideAge(rows[current].indicator.id):
            return confirmAge(&s, rows[current].indicator)
        case .confirmCarried, .cycleReason:
            guard !rows.isEmpty else { return [] }
            return carried(&s, d, rows, current, action)
        case .openChronology: return openChronology(&s)
        case .addEventForRow:
            guard !rows.isEmpty else { return [] }
            return addEvent(&s, forRow: rows[current].indicator.id)
        case .editNote:
            guard !rows.isEmpty else { return [] }
            // The key right after a rating that moved on: the note is for the row just rated,
            // which is selected again, so the field and the selection name the same row.
            var row = rows[current]
            if let rated = s.justRated, let i = rows.firstIndex(where: { $0.indicator.id == rated }) {
                s.domainCursor[d] = i
                s.domainRowID[d] = rated
                row = rows[i]
                s.message = Message("Back on “\(row.indicator.title)”, the row you just rated, for its note.")
            }
            s.editor = TextField(.note(row.indicator.id), text: s.assessment?.answers[row.indicator.id]?.note ?? "")
        case .startFilter:
            s.filtering = true
            s.filterFrom = s.selectedRowID(domain: d)
            s.editor = TextField(.filter, text: s.filter)
        case .toggleHidden:
            s.showHidden.toggle()
            s.message = Message(
                s.showHidden ? "Showing every row, including rows for another age." : "Hiding rows that do not fit the child’s age.")
        case .toggleExpanded, .activate:
            if !rows.isEmpty { s.expanded.toggle() }
        case .back:
            if s.expanded {
                s.expanded = false
            } else if !s.filter.isEmpty {
                s.filter = ""
            } else {
                return step(&s, by: -1)
            }
        case .nextScreen:
            s.filter = ""
            return step(&s, by: 1)
        default: break
        }
        return []
    }

}

extension Wizard {
    /// `y` on a row rated for another age: the practitioner confirms it applies to this child,
    /// so its level counts; `y` again takes the confirmation back. Both are undoable changes.
    static func confirmAge(_ s: inout WizardState, _ row: Indicator) -> [Effect] {
        let id = row.id
        let confirmed = !(s.assessment?.answers[id]?.confirmedForAge ?? false)
        let effects = change(&s) { $0.answers[id]?.confirmedForAge = confirmed }
        s.message = Message(
            confirmed
                ? "Confirmed: “\(row.title)” applies to this child, so its level counts."
                : "“\(row.title)” is for another age again: its level does not count until confirmed (y).")
        return effects
    }
}

extension WizardState {
    /// A row the catalogue gives for another age than the child's, rated 1–4: its level counts
    /// only once confirmed (`y`), the rule `ScoringEngine.dense` applies.
    public func isOutsideAge(_ id: String) -> Bool {
        guard let a = assessment, let answer = a.answers[id], answer.rating.level != nil,
            let stage = ChildAge.stage(a.child, on: today),
            let row = catalogue.domains.lazy.flatMap(\.areas).flatMap(\.indicators).first(where: { $0.id == id })
        else { return false }
        return !row.applies(to: stage)
    }

    /// Says so when the recorded decision was made against a proposal other than the current
    /// one: the review, the decision and the export screens and line mode all show this text.
    public var staleDecisionText: String? {
        guard let d = assessment?.decision, let p = proposal, d.isStale(against: p) else { return nil }
        let now = p.level.map { "Level \($0), step \(p.step ?? $0)" } ?? "no proposal"
        return "The decision recorded (Level \(d.level), step \(d.step)) was made against an earlier proposal (\(d.proposedWords)); "
            + "the answers now propose \(now). Confirm it or decide again before the summary is written."
    }

    /// The default file name: initials (never the full name) and the decision date.
    public var defaultExportName: String {
        let initials = assessment.map { Initials.of($0.child.name).filter { $0.isLetter } } ?? ""
        let date = String((assessment?.decision?.decidedAt ?? now).prefix(10))
        // A training run says so in its file name too, so nobody files it as a real referral.
        let mark = assessment?.training == true ? "TRAINING-" : ""
        return "\(mark)referral-\(initials.isEmpty ? "child" : initials)-\(date).\(exportFormat.fileExtension)"
    }

    /// The file the summary will be written to. A relative name is relative to the documents
    /// folder, never to the current directory (under `swift run` that is the source checkout);
    /// the extension always follows the chosen format.
    public var resolvedExportPath: String {
        let name = exportPath.isEmpty ? defaultExportName : ExportName.withExtension(exportPath, exportFormat.fileExtension)
        return name.hasPrefix("/") ? name : exportDirectory + "/" + name
    }
}

/// File-name rules for the export screen.
enum ExportName {
    /// Extensions a summary might carry; any of them is swapped for the chosen format's.
    static let known = ["md", "markdown", "txt", "text", "html", "htm", "json"]

    static func withExtension(_ name: String, _ ext: String) -> String {
        let slash = name.lastIndex(of: "/").map { name.index(after: $0) } ?? name.startIndex
        let base = name[slash...]
        if let dot = base.lastIndex(of: "."), dot != base.startIndex, known.contains(base[base.index(after: dot)...].lowercased()) {
            return String(name[..<dot]) + "." + ext
        }
        return name + "." + ext
    }
}

extension Wizard {
    static func export(_ s: inout WizardState, _ action: WizardAction) -> [Effect] {
        switch action {
        case .move(let d):
            let all = ExportFormat.allCases
            s.exportFormat = all[clamp(all.firstIndex(of: s.exportFormat) ?? 0, by: d, count: all.count)]
            s.exportedPath = nil
        case .editPath:
            let shown = s.exportPath.isEmpty ? s.defaultExportName : ExportName.withExtension(s.exportPath, s.exportFormat.fileExtension)
            s.editor = TextField(.exportPath, text: shown)
        case .activate:
            guard let a = s.assessment else { return [] }
            // A decision made against an earlier proposal is not written as decided: the
            // practitioner confirms it, or decides again, on the decision screen first.
            if let stale = s.staleDecisionText {
                go(&s, .decision)
                s.message = Message(stale + " Enter on this screen records it against the current proposal.", error: true)
                return recordPosition(&s)
            }
            return [.export(format: s.exportFormat, path: s.resolvedExportPath, assessment: a, replace: false)]
        case .back: return step(&s, by: -1)
        default: break
        }
        return []
    }
}
