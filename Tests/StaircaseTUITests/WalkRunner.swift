import StaircaseCore

@testable import StaircaseTUI

/// The store, clock and passphrase a walk runs against: the fake host of the run-loop tests,
/// with a switch that makes the store refuse saves (a write that went stale) and a clock a
/// line-mode script moves past the idle time.
final class WalkHost {
    var files: [String: Assessment] = [:]
    var written: Set<String> = []
    var refuse = false
    /// A broken store for the harness's own test: says "saved" and keeps nothing.
    var lose = false
    var clock = ContinuousClock.now

    var host: WizardHost {
        var h = WizardHost(
            save: { [self] a in
                if refuse { return .failure(.io("the file changed on disk since it was opened")) }
                if !lose { files[a.id] = a }
                return .success(())
            },
            load: { [self] id in files[id].map { .success($0) } ?? .failure(.notFound("no saved assessment \(id)")) },
            // No recovery copies are listed, so the walk never reaches the merge screen (a copy
            // needs a second window's save); MergeScreenTests walks that screen's keys instead.
            list: { [self] in .success(files.keys.sorted().map { ResumeItem(id: $0, label: $0) }) },
            export: { [self] _, path, _, replace in
                if written.contains(path) && !replace { return .failure(.exists(path: path)) }
                written.insert(path)
                return .success(path)
            },
            now: { "2026-11-23T10:00:00Z" }, newID: { "a-walk" })
        h.newChildKey = { "c-walk" }
        // One fixed event id: the reducer makes it unique, so curses and line mode name events alike.
        h.newEventID = { "e-walk0000000000000000" }
        h.idleLock = .seconds(600)
        h.unlock = { $0 == RandomWalk.passphrase }
        h.clock = { [self] in clock }
        return h
    }

    func copy() -> WalkHost {
        let h = WalkHost()
        h.files = files
        h.written = written
        h.lose = lose
        return h
    }
}

/// A line console that answers from a script; an `idleThen` answer arrives after the idle time.
struct WalkConsole: LineConsole {
    var script: [RandomWalk.LineScript]
    let host: WalkHost
    var width: Int { 80 }
    mutating func write(_ lines: [String]) {}
    mutating func ask(_ prompt: String) -> LineInput {
        guard !script.isEmpty else { return .end }
        switch script.removeFirst() {
        case .line(let text): return .line(text)
        case .idleThen(let text):
            host.clock = host.clock + .seconds(3600)
            return .line(text)
        }
    }
}

extension RandomWalk {
    /// What one walk did, and the first thing that went wrong.
    struct Outcome {
        var rules: [Rule] = []
        var inputs: [Input] = []
        var failure: String?
        var state: WizardState
        var keys = 0
        var checks = 0
        /// The state each rule started from (kept for line mode's replay, when asked for).
        var starts: [WizardState] = []
    }

    /// A nine-year-old (rows for other ages are hidden) on the first domain, saved in a fresh store.
    static func prelude() throws -> (WizardState, WalkHost) {
        let c = try EmbeddedCatalogue.load()
        let host = WalkHost()
        let h = host.host
        var s = WizardState(catalogue: c, today: Support.today, now: "2026-11-23T10:00:00Z")
        h.stamp(&s)
        _ = h.perform([.list], on: &s)
        let keys: [Key] =
            [.enter, .enter] + Support.type("Amy Brown") + [.enter, .down, .enter] + Support.type("2017-05-14") + [.enter]
            + Support.toDanger + [.down, .enter]
        for k in keys {
            guard let a = KeyMap.action(for: k, in: s) else { continue }
            h.stamp(&s)
            _ = h.perform(Wizard.reduce(&s, a), on: &s)
        }
        guard s.screen == .domain(0) else { throw WalkError.prelude("the prelude ended on \(s.screen)") }
        return (s, host)
    }

    enum WalkError: Error { case prelude(String) }

    /// Runs rules chosen at random from `seed` until `keys` keys are pressed, or the given rules.
    static func walk(
        from start: WizardState, host: WalkHost, seed: UInt64, keys budget: Int, rules given: [Rule]? = nil, lineMode: Bool = false,
        table: WalkReference.Table? = nil
    ) -> Outcome {
        var g = SplitMix(seed)
        var s = start
        let h = host.host
        // As line mode starts: the saved assessments listed.
        _ = h.perform([.list], on: &s)
        var out = Outcome(state: s)
        var model = WalkReference(s, table: table)
        var viewport = Support.screen
        var queue = given ?? []
        while given == nil ? out.keys < budget : !queue.isEmpty {
            let rule: Rule
            if given != nil {
                rule = queue.removeFirst()
            } else {
                let options = choices(s, model, lineMode: lineMode, &g)
                guard !options.isEmpty else { break }
                var pick = g.below(options.reduce(0) { $0 + $1.1 })
                var chosen = options[0].0
                for (r, w) in options {
                    if pick < w { chosen = r; break }
                    pick -= w
                }
                rule = chosen
            }
            guard let inputs = inputs(rule, s) else { continue }
            out.rules.append(rule)
            if lineMode { out.starts.append(s) }
            let ruleStart = s
            for input in inputs {
                out.inputs.append(input)
                let action: WizardAction
                switch input {
                case .refuseSaves(let on):
                    host.refuse = on
                    continue
                case .idle: action = .idle(needsPassphrase: true)
                case .key(let k):
                    out.keys += 1
                    guard let a = KeyMap.action(for: k, in: s, viewport: viewport) else {
                        out.failure = "\(k) has no binding in \(KeyContext(s, in: viewport).name)"
                        out.state = s
                        return out
                    }
                    if case .view(let change) = a {
                        viewport.apply(change, to: s)
                        // Too small to draw: a letter does nothing, q still quits (issue 20, defect 5).
                        if viewport.tooSmall, KeyMap.action(for: .char("3"), in: s, viewport: viewport) != nil {
                            out.failure = "a letter is taken on the too-small screen"
                        }
                        continue
                    }
                    action = a
                }
                let before = s
                h.stamp(&s)
                let effects = Wizard.reduce(&s, action)
                _ = h.perform(effects, on: &s)
                viewport.follow(s)
                let problems = Invariants.all(
                    Invariants.Step(before: before, action: action, effects: effects, after: s),
                    stored: s.assessment.flatMap { host.files[$0.id] })
                out.checks += 5
                if let first = problems.first ?? out.failure {
                    out.failure = first
                    out.state = s
                    return out
                }
            }
            model.apply(rule, from: ruleStart, to: s, stored: s.assessment.flatMap { host.files[$0.id] })
            out.checks += 1
            if let difference = model.differences(s) {
                out.failure = "the wizard and the walk's model disagree after \(rule):\n\(difference)"
                out.state = s
                return out
            }
        }
        // The end of a run, as end of input ends line mode: what is typed is kept and saved.
        h.stamp(&s)
        _ = h.perform(Wizard.reduce(&s, .signal), on: &s)
        out.state = s
        return out
    }

    /// The same rules in line mode, through its console script; returns its final state.
    static func lineRun(from start: WizardState, host: WalkHost, rules: [Rule], curses: [WizardState]) -> WizardState {
        var script: [LineScript] = []
        for (rule, s) in zip(rules, curses) { script += lineScript(rule, s) }
        let console = WalkConsole(script: script, host: host)
        var runner = LineRunner(state: start, console: console, host: host.host)
        _ = runner.run()
        return runner.state
    }

    /// The shortest list of rules that still fails (delta debugging: drop chunks, then single rules).
    static func shrink(_ rules: [Rule], from start: WizardState, store: WalkHost) -> (rules: [Rule], failure: String?) {
        func fails(_ r: [Rule]) -> String? { walk(from: start, host: store.copy(), seed: 0, keys: .max, rules: r).failure }
        var best = rules
        var failure = fails(best)
        var chunk = max(1, best.count / 2)
        while chunk >= 1 {
            var i = 0
            var removed = false
            while i < best.count {
                var trial = best
                trial.removeSubrange(i..<min(best.count, i + chunk))
                if let f = fails(trial) {
                    best = trial
                    failure = f
                    removed = true
                } else {
                    i += chunk
                }
            }
            if !removed { chunk /= 2 }
        }
        return (best, failure)
    }
}

extension WalkReference {
    /// What a rule does to the model, from the promises: the rules' own meaning, not the reducer's.
    mutating func apply(_ rule: RandomWalk.Rule, from before: WizardState, to after: WizardState, stored: Assessment?) {
        let domain: Int? = if case .domain(let d) = before.screen { d } else { nil }
        // "Rate, then e": a note right after a rating that moved on is for the row just rated.
        let rated = justRated
        // A resize is not a key: the row just rated is still the one "e" goes back to.
        if case .resize = rule {} else { justRated = nil }
        switch rule {
        case .move(let delta): if let d = domain { move(d, by: delta) }
        case .rate(let r):
            if let d = domain { rate(d, r) }
            // After the last row the walk goes on to the next screen (as line mode does), which clears the filter.
            if after.screen != before.screen { filter = "" }
        case .note(let t, _), .noteThenIdle(let t):
            if let d = domain, let id = rated.flatMap({ visible(d).contains($0) ? $0 : nil }) ?? shown(d) {
                selected[d] = id
                note(id, t)
                reselect(d)
            }
        case .filter(let t): if let d = domain { type(filter: t, d) }
        case .clearFilter:
            if let d = domain {
                filter = ""
                reselect(d)
            }
        case .toggleHidden:
            if let d = domain {
                showHidden.toggle()
                reselect(d)
            }
        case .undo: restore()
        case .next:
            if domain != nil { filter = "" }
        case .back:
            if domain != nil, !filter.isEmpty {
                filter = ""
                if let d = domain { reselect(d) }
            }
        case .accept: if let p = before.proposal { accept(p, now: before.now) }
        case .staleWriteThenReload: if let stored { reloaded(stored) }
        case .eventForRow(let date, let what):
            if let d = domain, let id = shown(d), RandomWalk.takes(date) {
                changing { r in r.events.append([EventDate(date)?.description ?? date, what.trimmed, "", id]) }
            }
        case .export, .replace, .resize, .idle: break
        case .referral(let i, let t):
            let items = ReferralItem.all(catalogue)
            if before.screen == .voice, items.indices.contains(i) { write(items[i], t) }
        case .household(let i, let answer):
            let topics = HouseholdTopic.all(catalogue)
            if before.screen == .household, topics.indices.contains(i) { self.answer(topics[i].id, answer) }
        }
        // A domain entered (or come back to) selects its remembered row, or its neighbour.
        if case .domain(let d) = after.screen, after.screen != before.screen || rule == .undo { reselect(d) }
    }
}
