import StaircaseCore

extension Wizard {
    /// "The referral in your words": ↑/↓ choose an item; Enter writes a text item or ticks a kind
    /// of help; Space ticks too (as it changes a toggle on the forms).
    static func voice(_ s: inout WizardState, _ action: WizardAction) -> [Effect] {
        let items = ReferralItem.all(s.catalogue)
        let item = items[min(s.cursor, items.count - 1)]
        switch action {
        case .move(let d): s.cursor = clamp(s.cursor, by: d, count: items.count)
        case .activate:
            guard let a = s.assessment else { return [] }
            if case .help(let kind) = item { return change(&s) { $0.request.toggle(kind) } }
            if let target = item.target { s.editor = TextField(target, text: item.text(in: a)) }
        case .adjust:
            if case .help(let kind) = item { return change(&s) { $0.request.toggle(kind) } }
        case .nextScreen: return step(&s, by: 1)
        case .back: return step(&s, by: -1)
        default: break
        }
        return []
    }

    /// The household questions: ↑/↓ choose a question; y, n and k answer it; Space goes round
    /// yes, no, not known; Enter writes its note.
    static func household(_ s: inout WizardState, _ action: WizardAction) -> [Effect] {
        let topics = HouseholdTopic.all(s.catalogue)
        guard !topics.isEmpty else { return action == .nextScreen || action == .activate ? step(&s, by: 1) : [] }
        let topic = topics[min(s.cursor, topics.count - 1)]
        switch action {
        case .move(let d): s.cursor = clamp(s.cursor, by: d, count: topics.count)
        case .answerHousehold(let answer): return answerHousehold(&s, topic.id, answer)
        case .adjust(let d):
            let order: [Assessment.YesNoNotKnown] = [.yes, .no, .notKnown]
            let now = s.assessment?.householdDifficulties[topic.id]?.answer
            let next = now.flatMap { order.firstIndex(of: $0) }.map { wrap($0, by: d, count: order.count) } ?? (d > 0 ? 0 : 2)
            return answerHousehold(&s, topic.id, order[next])
        case .activate:
            guard let a = s.assessment else { return [] }
            // The record keeps a note with an answer only: a note never makes up an answer.
            guard let answer = a.householdDifficulties[topic.id] else {
                s.message = Message("Answer first (y yes, n no, k not known); then Enter writes the note on \(topic.topic).")
                return []
            }
            s.editor = TextField(.householdNote(topic.id), text: answer.note)
        case .nextScreen: return step(&s, by: 1)
        case .back: return step(&s, by: -1)
        default: break
        }
        return []
    }

    /// A kind of help is selected on "The referral in your words" (Space ticks it).
    static func helpSelected(_ s: WizardState) -> Bool {
        let items = ReferralItem.all(s.catalogue)
        guard s.screen == .voice, s.editor == nil else { return false }
        if case .help = items[min(s.cursor, items.count - 1)] { return true }
        return false
    }

    /// The selected household question has an answer (its note can be written).
    static func householdAnswered(_ s: WizardState) -> Bool {
        let topics = HouseholdTopic.all(s.catalogue)
        guard s.screen == .household, !topics.isEmpty else { return false }
        return s.assessment?.householdDifficulties[topics[min(s.cursor, topics.count - 1)].id] != nil
    }

    static func answerHousehold(_ s: inout WizardState, _ id: String, _ answer: Assessment.YesNoNotKnown) -> [Effect] {
        change(&s) { a in
            let note = a.householdDifficulties[id]?.note ?? ""
            a.householdDifficulties[id] = Assessment.HouseholdAnswer(answer, note: note)
        }
    }

    /// The text a referral field's editor started from, for Esc's "was anything typed?".
    static func referralText(_ target: TextField.Target, in a: Assessment) -> String? {
        switch target {
        case .worry: a.worry
        case .workingWellDomain(let id): a.workingWell.domains[id] ?? ""
        case .requestDetail: a.request.detail
        case .householdNote(let id): a.householdDifficulties[id]?.note ?? ""
        default: nil
        }
    }

    /// Stores a referral field's text (a household note only beside its answer).
    static func commitReferral(_ s: inout WizardState, _ target: TextField.Target, _ text: String) -> [Effect] {
        change(&s) { a in
            switch target {
            case .worry: a.worry = text
            case .workingWellDomain(let id): a.workingWell.domains[id] = text.isEmpty ? nil : text
            case .requestDetail: a.request.detail = text
            case .householdNote(let id):
                if let old = a.householdDifficulties[id] {
                    a.householdDifficulties[id] = Assessment.HouseholdAnswer(old.answer, note: text)
                }
            default: break
            }
        }
    }
}
