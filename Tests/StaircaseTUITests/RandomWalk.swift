import StaircaseCore

@testable import StaircaseTUI

/// A small model-based random walk, in the spirit of Hypothesis's `RuleBasedStateMachine`:
/// rules are chosen at random among those valid in the current state, each is turned into the
/// keys a user would press, every key goes through the key map, the reducer and a fake store,
/// every invariant (`Invariants`) is checked after every key, and the walk's own model
/// (`WalkReference`) is compared with the wizard after every rule. A failure is shrunk to the
/// shortest list of rules that still fails and printed with its seed.
struct RandomWalk {
    /// What a walk does, in words a user would recognise; `keys` turns one into key presses.
    enum Rule: Equatable, CustomStringConvertible {
        case move(Int), rate(Rating), note(String, esc: Bool), noteThenIdle(String), filter(String), clearFilter
        case toggleHidden, undo, next, back, accept, export, replace(Bool), resize(Int, Int), idle(String)
        case staleWriteThenReload(Rating)
        /// "The referral in your words": item `i` written (a text) or ticked (a kind of help).
        case referral(Int, String)
        /// A household question answered.
        case household(Int, Assessment.YesNoNotKnown)
        /// `c` on the selected row: an event with this date and text (a wrong date is refused, and
        /// the event closed unadded), back to the same row.
        case eventForRow(String, String)

        var description: String {
            switch self {
            case .move(let d): d > 0 ? "j" : "k"
            case .rate(let r): "rate \(r.rawValue)"
            case .note(let t, let esc): "note \"\(t)\" then \(esc ? "Esc" : "Enter")"
            case .noteThenIdle(let t): "note \"\(t)\" then the idle lock"
            case .filter(let t): "filter \"\(t)\""
            case .clearFilter: "/ Esc"
            case .toggleHidden: "a"
            case .undo: "u"
            case .next: "Tab"
            case .back: "Esc"
            case .accept: "accept the proposal"
            case .export: "Enter (write the summary)"
            case .replace(let y): y ? "y (replace)" : "n (keep)"
            case .resize(let w, let h): "resize to \(w)×\(h) and back"
            case .idle(let t): "idle lock, \"\(t)\" typed, unlock"
            case .staleWriteThenReload(let r): "rate \(r.rawValue) while the store refuses, then Ctrl-R"
            case .referral(let i, let t): "referral item \(i + 1): \"\(t)\""
            case .household(let i, let a): "household question \(i + 1): \(a.rawValue)"
            case .eventForRow(let date, let what): "c, event \"\(date)\" \"\(what)\""
            }
        }

        /// Rules line mode can do the same way; undo, reload and Esc in a field are curses keys.
        var inLineMode: Bool {
            switch self {
            case .undo, .staleWriteThenReload, .noteThenIdle: false
            case .note(_, let esc): !esc
            default: true
            }
        }
    }

    /// One input of a curses run: a key, the run loop's idle lock, or the store refusing saves.
    enum Input: CustomStringConvertible {
        case key(Key), idle, refuseSaves(Bool)
        var description: String {
            switch self {
            case .key(let k): "\(k)"
            case .idle: "<idle>"
            case .refuseSaves(let on): on ? "<store refuses>" : "<store accepts>"
            }
        }
    }

    /// One line of a line-mode script; `idleThen` is an answer that arrives after the idle time.
    enum LineScript { case line(String), idleThen(String) }

    static let filters = ["violence", "care", "attend", "health", "zz", "a", "school"]
    static let notes = ["Reads well", "q then x", "seen 3 times", "\u{1B}[31mred", "  spaced  ", ""]
    static let passphrase = "pass"
    static let eventDates = ["2026-06-14", "about 2026-09", "2026-11", "2026-02-30", "2027-01-01", "June"]
    static let eventTexts = ["Seen at school", "q then x", "  spaced  "]

    /// Whether the walk's event date is one the editor takes (the rule's own list, not the reducer's).
    static func takes(_ date: String) -> Bool { ["2026-06-14", "about 2026-09", "2026-11"].contains(date) }

    // MARK: the walk

    let start: WizardState
    let store: Assessment?
    var stats = (walks: 0, keys: 0, checks: 0)

    init(start: WizardState, store: Assessment?) {
        self.start = start
        self.store = store
    }

    /// The rules valid now, each with a weight.
    static func choices(_ s: WizardState, _ r: WalkReference, lineMode: Bool, _ g: inout SplitMix) -> [(Rule, Int)] {
        func any(_ list: [String]) -> String { list[g.below(list.count)] }
        var out: [(Rule, Int)] = []
        if s.overlay == .confirmReplace { return [(.replace(true), 1), (.replace(false), 1)] }
        guard s.editor == nil, s.overlay == nil, s.lock == nil else { return [] }
        switch s.screen {
        case .domain(let d):
            let listed = !s.visibleRowIDs(domain: d).isEmpty
            if listed {
                // Line mode's Enter on the last row goes on to the next screen, and its b on the
                // first row goes back: the walk moves within the list, as both renderers do alike.
                let count = s.visibleRowIDs(domain: d).count
                if s.domainCursor[d] + 1 < count { out.append((.move(1), 6)) }
                if s.domainCursor[d] > 0 && s.filter.isEmpty { out.append((.move(-1), 3)) }
                for rating in [Rating.level1, .level2, .level3, .level4, .notApplicable, .notAssessed] { out.append((.rate(rating), 2)) }
                out.append((.note(any(notes), esc: false), 2))
                out.append((.note(any(notes), esc: true), 2))
                out.append((.noteThenIdle(any(notes)), 1))
                out.append((.staleWriteThenReload(.level2), 1))
                out.append((.eventForRow(any(eventDates), any(eventTexts)), 2))
            }
            out += [(.filter(any(filters)), 3), (.clearFilter, 2), (.toggleHidden, 3), (.next, 3)]
            // Esc on the first domain goes back to the safety question; line mode's b moves up a row.
            let top = s.domainCursor[d] == 0 || !s.filter.isEmpty
            if (d > 0 || !s.filter.isEmpty) && top { out.append((.back, 2)) }
        case .danger: out.append((.next, 1))
        case .voice:
            let items = ReferralItem.all(s.catalogue)
            out += [(.next, 3), (.back, 2), (.referral(g.below(items.count), any(notes)), 4)]
        case .household:
            let answers: [Assessment.YesNoNotKnown] = [.yes, .no, .notKnown]
            out += [(.next, 3), (.back, 2), (.household(g.below(HouseholdTopic.all(s.catalogue).count), answers[g.below(3)]), 4)]
        case .review: out += [(.next, 3), (.back, 2)]
        case .decision:
            if s.proposal?.level != nil { out.append((.accept, 4)) }
            out.append((.back, 2))
        case .export: out += [(.export, 3), (.back, 2)]
        default: break
        }
        if !r.undo.isEmpty { out.append((.undo, 2)) }
        out += [(.idle(any(["3", "", "x"])), 1), (.resize(60, 20), 1), (.resize(120, 40), 1)]
        return lineMode ? out.filter { $0.0.inLineMode } : out
    }

    /// The curses inputs for a rule in this state, or nil when it cannot be done here (a shrunk
    /// walk may reach a rule in another state than it was chosen in).
    static func inputs(_ rule: Rule, _ s: WizardState) -> [Input]? {
        func type(_ t: String) -> [Input] { t.map { .key(.char($0)) } }
        let onDomain: Int? = if case .domain(let d) = s.screen, s.editor == nil, s.overlay == nil, s.lock == nil { d } else { nil }
        let listed = onDomain.map { !s.visibleRowIDs(domain: $0).isEmpty } ?? false
        switch rule {
        case .move(let delta):
            guard listed, let d = onDomain else { return nil }
            let count = s.visibleRowIDs(domain: d).count
            guard delta > 0 ? s.domainCursor[d] + 1 < count : s.domainCursor[d] > 0 && s.filter.isEmpty else { return nil }
            return [.key(.char(delta > 0 ? "j" : "k"))]
        case .rate(let r):
            guard listed, let d = onDomain else { return nil }
            let key: Character = r.level.map { Character("\($0)") } ?? (r == .notApplicable ? "n" : "x")
            // Line mode goes on to the next screen after answering the last row; so does this walk.
            // A level the document marks "not applicable" for the row is refused and stays on it.
            let rows = s.visibleRowIDs(domain: d)
            let last = s.domainCursor[d] + 1 >= rows.count
            let row = s.domainCursor[d] < rows.count ? rows[s.domainCursor[d]] : ""
            let refused =
                r.level.map { level in
                    s.catalogue.allIndicators.first { $0.indicator.id == row }?.indicator.cell(level)?.isApplicable == false
                } ?? false
            return [.key(.char(key))] + (last && r != .notAssessed && !refused ? [.key(.tab)] : [])
        case .note(let t, let esc):
            guard listed else { return nil }
            return [.key(.char("e")), .key(.ctrl("u"))] + type(t) + [.key(esc ? .escape : .enter)]
        case .noteThenIdle(let t):
            guard listed else { return nil }
            return [.key(.char("e")), .key(.ctrl("u"))] + type(t) + [.idle] + type(passphrase) + [.key(.enter), .key(.enter)]
        case .filter(let t):
            guard onDomain != nil else { return nil }
            return [.key(.char("/")), .key(.ctrl("u"))] + type(t) + [.key(.enter)]
        case .clearFilter:
            guard onDomain != nil else { return nil }
            return [.key(.char("/")), .key(.escape)]
        case .toggleHidden:
            guard onDomain != nil else { return nil }
            return [.key(.char("a"))]
        case .undo:
            guard s.editor == nil, s.overlay == nil, s.lock == nil, s.screen != .start else { return nil }
            return [.key(.char("u"))]
        case .next:
            guard s.editor == nil, s.overlay == nil, s.lock == nil else { return nil }
            switch s.screen {
            case .domain, .danger, .voice, .review, .household: return [.key(.tab)]
            default: return nil
            }
        case .back:
            guard s.editor == nil, s.overlay == nil, s.lock == nil else { return nil }
            switch s.screen {
            case .domain(let d):
                guard (d > 0 || !s.filter.isEmpty) && (s.domainCursor[d] == 0 || !s.filter.isEmpty) else { return nil }
                return [.key(.escape)]
            case .voice, .review, .decision, .export, .household: return [.key(.escape)]
            default: return nil
            }
        case .accept:
            guard s.screen == .decision, s.editor == nil, s.overlay == nil, s.lock == nil, let level = s.proposal?.level else { return nil }
            return [.key(.char(Character("\(level)"))), .key(.enter)] + (level == 4 ? [.key(.enter)] : [])
        case .export:
            guard s.screen == .export, s.editor == nil, s.overlay == nil, s.lock == nil else { return nil }
            return [.key(.enter)]
        case .replace(let y):
            guard s.overlay == .confirmReplace else { return nil }
            return [.key(.char(y ? "y" : "n"))]
        case .resize(let w, let h):
            guard s.lock == nil else { return nil }
            return [.key(.resize(width: w, height: h)), .key(.resize(width: 80, height: 24))]
        case .idle(let t):
            guard s.editor == nil, s.overlay == nil, s.lock == nil else { return nil }
            return [.idle] + type(t) + [.key(.enter)] + type(passphrase) + [.key(.enter)]
        case .referral(let i, let t):
            guard s.screen == .voice, s.editor == nil, s.overlay == nil, s.lock == nil else { return nil }
            let moves: [Input] = Array(repeating: .key(i > s.cursor ? .down : .up), count: abs(i - s.cursor))
            if case .help = ReferralItem.all(s.catalogue)[i] { return moves + [.key(.char(" "))] }
            return moves + [.key(.enter), .key(.ctrl("u"))] + type(t) + [.key(.enter)]
        case .household(let i, let answer):
            guard s.screen == .household, s.editor == nil, s.overlay == nil, s.lock == nil else { return nil }
            let key: Character = answer == .yes ? "y" : answer == .no ? "n" : "k"
            return Array(repeating: .key(i > s.cursor ? .down : .up), count: abs(i - s.cursor)) + [.key(.char(key))]
        case .staleWriteThenReload(let r):
            guard listed else { return nil }
            let key: Character = r.level.map { Character("\($0)") } ?? "n"
            return [.refuseSaves(true), .key(.char(key)), .refuseSaves(false), .key(.ctrl("r"))]
        case .eventForRow(let date, let what):
            guard listed else { return nil }
            // A refused date: Esc leaves it as it was, and Esc on the untouched event goes back.
            guard takes(date) else { return [.key(.char("c"))] + type(date) + [.key(.enter), .key(.escape), .key(.escape)] }
            // Date, what happened, the source left empty, then Enter on "Add the event".
            return [.key(.char("c"))] + type(date) + [.key(.enter)] + type(what) + [.key(.enter), .key(.enter), .key(.enter)]
        }
    }

    /// The same rule as line-mode answers (for rules with `inLineMode`).
    static func lineScript(_ rule: Rule, _ s: WizardState) -> [LineScript] {
        switch rule {
        case .move(let d): return [.line(d > 0 ? "" : "b")]
        case .rate(let r): return [.line(r.level.map { "\($0)" } ?? (r == .notApplicable ? "n" : "x"))]
        case .note(let t, _): return [.line("e"), .line(t.trimmed.isEmpty ? "-" : t)]
        case .filter(let t): return [.line("/" + t)]
        case .clearFilter: return [.line("/")]
        case .toggleHidden: return [.line("a")]
        case .next: return [.line("s")]
        case .back: return [.line("b")]
        case .accept:
            let p = s.proposal
            let key = p?.level == 4 && p?.step == 5 ? "5" : "\(p?.level ?? 1)"
            return [.line(key), .line("")] + (p?.level == 4 ? [.line("")] : [])
        case .export: return [.line("")]
        case .replace(let y): return [.line(y ? "y" : "n")]
        case .resize: return []
        case .idle(let t): return [.idleThen(t), .line(t), .line(passphrase)]
        case .undo, .staleWriteThenReload, .noteThenIdle: return []
        case .referral(let i, let t):
            if case .help(let kind) = ReferralItem.all(s.catalogue)[i] { return [.line(kind.shortName)] }
            return [.line("\(i + 1)"), .line(t.trimmed.isEmpty ? "-" : t)]
        case .household(let i, let answer):
            return [.line("\(i + 1)"), .line(answer == .yes ? "y" : answer == .no ? "n" : "k"), .line("")]
        case .eventForRow(let date, let what):
            return takes(date)
                ? [.line("c"), .line(date), .line(what), .line(""), .line("")] : [.line("c"), .line(date), .line(""), .line("b")]
        }
    }
}

/// SplitMix64: a small seeded generator, so a walk repeats exactly from its seed.
struct SplitMix {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
}
