import StaircaseCore

/// The reducer: (state, action) → new state and effects. Pure: no terminal, no clock, no files.
public enum Wizard {
    public static func reduce(_ s: inout WizardState, _ action: WizardAction) -> [Effect] {
        switch action {
        case .resize(let w, let h):
            s.width = w
            s.height = h
            return [.redraw]
        case .redraw: return [.redraw]
        case .help:
            s.overlay = .help
            s.helpScroll = 0
            return []
        case .move(let d) where s.overlay == .help:
            s.helpScroll = max(0, s.helpScroll + d)
            return []
        case .page(let d) where s.overlay == .help:
            s.helpScroll = max(0, s.helpScroll + d * (s.height - 6))
            return []
        case .dismissOverlay:
            s.overlay = nil
            return []
        case .quit:
            if s.unsaved || s.editor != nil { s.overlay = .confirmQuit; return [] }
            return [.quit]
        case .confirmQuit(let yes):
            s.overlay = nil
            return yes ? [.quit] : []
        case .signal:
            // Keep what is being typed: a closed terminal must not lose the last note.
            var effects: [Effect] = []
            if s.editor != nil { effects += commitEdit(&s) }
            return effects + [.quit]
        case .saved:
            s.unsaved = false
            return []
        case .reload:
            guard let a = s.assessment else { return [] }
            return [.load(id: a.id)]
        case .notice(let text):
            s.message = Message(text, error: true)
            return []
        case .saveFailed(let why):
            s.unsaved = true
            s.message = Message("Not saved: \(why)", error: true)
            return []
        case .loaded(let a):
            s.assessment = a
            s.unsaved = false
            s.undoStack = []
            s.screen = .details
            s.cursor = 0
            s.message = Message("Resumed. Every answer is as you left it.")
            return []
        case .exported(let path):
            s.exportedPath = path
            s.message = Message("Written: \(path)")
            return []
        case .exportFailed(let why):
            s.message = Message(why, error: true)
            return []
        case .undo:
            guard let previous = s.undoStack.popLast() else {
                s.message = Message("Nothing to undo.")
                return []
            }
            s.assessment = previous
            s.message = Message("Undone.")
            return [.save(previous)]
        default: break
        }
        if s.editor != nil { return edit(&s, action) }
        s.message = nil
        switch s.screen {
        case .start: return start(&s, action)
        case .details: return details(&s, action)
        case .danger: return danger(&s, action)
        case .domain(let d): return domain(&s, d, action)
        case .voice: return voice(&s, action)
        case .review: return review(&s, action)
        case .decision: return decision(&s, action)
        case .export: return export(&s, action)
        }
    }

    /// Applies a change to the assessment, keeps an undo step, and asks the host to save.
    static func change(_ s: inout WizardState, _ body: (inout Assessment) -> Void) -> [Effect] {
        guard var a = s.assessment else { return [] }
        let before = a
        body(&a)
        guard a != before else { return [] }
        a.updatedAt = s.now
        s.undoStack.append(before)
        if s.undoStack.count > 200 { s.undoStack.removeFirst() }
        s.assessment = a
        return [.save(a)]
    }

    /// A cursor `d` places on from `i` in a list of `count` that wraps at both ends.
    static func wrap(_ i: Int, by d: Int, count: Int) -> Int {
        ((i + d) % count + count) % count
    }

    static func go(_ s: inout WizardState, _ screen: Screen) {
        s.screen = screen
        s.cursor = 0
        s.scroll = 0
        s.expanded = false
        if screen == .decision, let p = s.proposal {
            let d = s.assessment?.decision
            s.decisionLevel = d?.level ?? p.level ?? 1
            s.decisionStep = d?.step ?? p.step ?? 1
            s.decisionReason = d?.reason ?? ""
        }
    }

    static func screenOrder(_ s: WizardState) -> [Screen] {
        [.details, .danger] + s.catalogue.domains.indices.map(Screen.domain) + [.voice, .review, .decision, .export]
    }

    static func step(_ s: inout WizardState, by delta: Int) -> [Effect] {
        let order = screenOrder(s)
        guard let i = order.firstIndex(of: s.screen) else { return [] }
        let j = i + delta
        if j < 0 { go(&s, .start); return [] }
        if j < order.count { go(&s, order[j]) }
        return []
    }

    static func start(_ s: inout WizardState, _ action: WizardAction) -> [Effect] {
        let count = 2 + s.resumable.count
        switch action {
        case .move(let d): s.cursor = wrap(s.cursor, by: d, count: count)
        case .activate:
            if s.cursor == 0 {
                // The id comes from the host's random source (`nextID`), never the clock: two
                // participants starting in the same second on two machines must not collide.
                let id = s.nextID
                s.assessment = Assessment(id: id, createdAt: s.now, catalogue: .init(id: s.catalogue.id, version: s.catalogue.version))
                s.assessment?.training = s.training
                s.undoStack = []
                go(&s, .details)
                if let a = s.assessment { return [.save(a)] }
            } else if s.cursor == count - 1 {
                return [.quit]
            } else {
                return [.load(id: s.resumable[s.cursor - 1].id)]
            }
        default: break
        }
        return []
    }

    static func danger(_ s: inout WizardState, _ action: WizardAction) -> [Effect] {
        let options: [Assessment.ImmediateDanger] = [.yes, .no, .notKnown]
        switch action {
        case .move(let d): s.cursor = wrap(s.cursor, by: d, count: options.count)
        case .activate:
            let choice = options[s.cursor]
            let effects = change(&s) { $0.immediateDanger = choice }
            if choice != .yes { go(&s, .domain(0)) }
            return effects
        case .nextScreen: return step(&s, by: 1)
        case .back: return step(&s, by: -1)
        default: break
        }
        return []
    }

    static func voice(_ s: inout WizardState, _ action: WizardAction) -> [Effect] {
        switch action {
        case .move(let d): s.cursor = wrap(s.cursor, by: d, count: 2)
        case .activate:
            guard let a = s.assessment else { return [] }
            s.editor = s.cursor == 0 ? TextField(.strengths, text: a.strengths) : TextField(.childsVoice, text: a.childsVoice)
        case .nextScreen: return step(&s, by: 1)
        case .back: return step(&s, by: -1)
        default: break
        }
        return []
    }

    static func review(_ s: inout WizardState, _ action: WizardAction) -> [Effect] {
        switch action {
        case .move(let d): s.scroll = max(0, s.scroll + d)
        case .page(let d): s.scroll = max(0, s.scroll + d * (s.height - 6))
        case .toggleCategory(let n):
            guard n <= s.catalogue.concernCategories.count else { return [] }
            let id = s.catalogue.concernCategories[n - 1].id
            return change(&s) { a in
                if let i = a.concernCategories.firstIndex(of: id) { a.concernCategories.remove(at: i) } else { a.concernCategories.append(id) }
            }
        case .activate, .nextScreen: return step(&s, by: 1)
        case .back: return step(&s, by: -1)
        default: break
        }
        return []
    }
}
