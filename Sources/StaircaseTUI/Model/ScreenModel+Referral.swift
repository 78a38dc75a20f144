import StaircaseCore

extension ScreenModel {
    /// "The referral in your words": one field per item, numbered in the screen's order, each
    /// naming the question it answers; the four kinds of help are ticks (typed by number or by
    /// name in line mode).
    static func voice(_ s: WizardState) -> ScreenModel {
        let items = ReferralItem.all(s.catalogue)
        var m = ScreenModel(
            title: "The referral in your words", position: screenPosition(s),
            prompt: "Item to write or tick (1-\(items.count)), Enter continues:")
        guard let a = s.assessment else { return m }
        let ticks = items.indices.filter { if case .help = items[$0] { true } else { false } }
        let range = ticks.first.map { "\($0 + 1)-\(ticks.last.map { $0 + 1 } ?? $0 + 1)" } ?? ""
        m.blocks = [
            TextBlock(["\(range): \(ReferralItem.helpQuestion) Tick each that applies."])
        ]
        for (i, item) in items.enumerated() {
            let key = "\(i + 1)"
            if case .help(let kind) = item {
                let ticked = a.request.kinds.contains(kind)
                m.fields.append(Field(key: key, label: item.label(s.catalogue), value: ticked ? "ticked" : "not ticked"))
                // By name too: "early help", "early-help".
                for name in [kind.label, kind.rawValue, kind.shortName].reduce(into: [String](), { if !$0.contains($1) { $0.append($1) } })
                {
                    var c = Choice(name, item.label(s.catalogue), select(s, i) + [.activate])
                    c.shown = false
                    m.choices.append(c)
                }
            } else {
                let value = item.text(in: a)
                m.fields.append(
                    Field(key: key, label: item.label(s.catalogue), value: value.isEmpty ? "(empty)" : value, isEmpty: value.isEmpty))
            }
            var c = Choice(key, item.label(s.catalogue), select(s, i) + [.activate])
            c.shown = false
            m.choices.append(c)
        }
        m.enter = Choice("", "Enter continues to the household questions", [.nextScreen])
        return m
    }

    /// The four household questions: each with its answer ("not asked" until answered), its note,
    /// and after a yes the rows it links with their ratings and how many are not yet rated.
    static func household(_ s: WizardState) -> ScreenModel {
        let topics = HouseholdTopic.all(s.catalogue)
        var m = ScreenModel(
            title: "The household", position: screenPosition(s), prompt: "Question to answer (1-\(topics.count)), Enter continues:")
        guard let a = s.assessment else { return m }
        m.blocks = [
            TextBlock([
                "Do you know of difficulties in the household due to any of these? Each is yes, no or not known, with a note."
            ])
        ]
        for (i, t) in topics.enumerated() {
            let answer = a.householdDifficulties[t.id]
            // The question itself is asked at its prompt, once (the curses view shows it under its heading).
            var paragraphs: [String] = []
            if let note = answer?.note, !note.isEmpty { paragraphs.append("Note on \(t.topic): \(note)") }
            if answer?.answer == .yes { paragraphs += linkedRows(s, a, t) }
            m.blocks.append(
                TextBlock(heading: "\(i + 1). \(t.heading): \(Assessment.YesNoNotKnown.said(answer?.answer))", paragraphs, indent: 3))
            var c = Choice("\(i + 1)", t.heading, select(s, i))
            c.shown = false
            let answers: [(String, String, Assessment.YesNoNotKnown)] = [
                ("y", "Yes", .yes), ("n", "No", .no), ("k", "Not known", .notKnown),
            ]
            c.then = Question(
                prompt: "\(t.question) y, n or k (Enter leaves it \(Assessment.YesNoNotKnown.said(answer?.answer))):",
                choices: answers.map { key, label, value in
                    var choice = Choice(key, label, current: answer?.answer == value, select(s, i) + [.answerHousehold(value), .activate])
                    choice.currentWord = "the answer now"
                    return choice
                },
                enter: "Enter leaves it \(Assessment.YesNoNotKnown.said(answer?.answer))", enterActions: [])
            m.choices.append(c)
        }
        m.enter = Choice("", "Enter continues to the review", [.nextScreen])
        return m
    }

    /// After a yes: the rows the question links, each with its rating, and how many are not rated.
    static func linkedRows(_ s: WizardState, _ a: Assessment, _ t: HouseholdTopic) -> [String] {
        let rows = t.rows(s)
        guard !rows.isEmpty else { return [] }
        let unrated = rows.filter { !HouseholdCheck.isRated($0, in: a) }.count
        let listed = rows.map { "\(s.rowTitle($0)) (\(a.rating(of: $0).label))" }
        let count = unrated == 0 ? "all rated" : "\(unrated) of \(rows.count) not yet rated"
        return ["Rows it links to (\(count)): " + listed.joined(separator: "; ") + "."]
    }

    /// The review's part for the referral in the referrer's words and the household, with a flag
    /// for each "yes" whose rows are not all rated (the core's `HouseholdCheck`).
    static func referralBlocks(_ s: WizardState, _ a: Assessment) -> [TextBlock] {
        var out: [TextBlock] = []
        let flags = HouseholdCheck.flags(a, catalogue: s.catalogue, today: s.today)
        if !flags.isEmpty {
            out.append(TextBlock(.flag, heading: "Household rows to rate", flags.map { "Warning: " + $0.text }, indent: 2))
        }
        var words: [String] = []
        words.append("Worry: " + (a.worry.isEmpty ? "(not written)" : a.worry))
        words.append("You ask for: " + requestText(a))
        words.append("Working well: " + (a.workingWell.overall.isEmpty ? "(not written)" : a.workingWell.overall))
        for d in s.catalogue.domains {
            if let text = a.workingWell.domains[d.id], !text.isEmpty { words.append("Working well, \(d.name): \(text)") }
        }
        out.append(TextBlock(heading: "The referral in your words", words, indent: 2))
        let answers = HouseholdTopic.all(s.catalogue).map { t -> String in
            let answer = a.householdDifficulties[t.id]
            let note = answer.map { $0.note.isEmpty ? "" : " (\($0.note))" } ?? ""
            return "\(t.heading): \(Assessment.YesNoNotKnown.said(answer?.answer))" + note
        }
        out.append(TextBlock(heading: "The household", answers, indent: 2))
        return out
    }

    /// The help asked for in words: "early help; a single assessment (Family support at home)".
    static func requestText(_ a: Assessment) -> String {
        let kinds = a.request.kinds.map(\.label).joined(separator: "; ")
        switch (kinds.isEmpty, a.request.detail.isEmpty) {
        case (true, true): return "(nothing chosen or written)"
        case (false, true): return kinds
        case (true, false): return a.request.detail
        case (false, false): return kinds + " (\(a.request.detail))"
        }
    }
}

extension ScreenModel {
    static let categoriesHeading = "Categories of concern"
    static let requestHeading = "The help asked for"

    /// The decision screen's request beside the proposal: "You ask for: early help.", and a
    /// warning (never a block on recording) when no kind asked for fits the proposed level.
    static func requestBlock(_ a: Assessment, _ p: Proposal) -> TextBlock {
        let text = requestText(a)
        // The detail is the referrer's own sentence: no second full stop after theirs.
        let asked = "You ask for: " + text + (text.hasSuffix(".") || text.hasSuffix(").") ? "" : ".")
        guard let mismatch = a.requestMismatch(proposedLevel: p.level) else { return TextBlock(heading: requestHeading, [asked]) }
        return TextBlock(.warning, heading: requestHeading, [asked, mismatch])
    }
}
