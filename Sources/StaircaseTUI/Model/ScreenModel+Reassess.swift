import StaircaseCore

/// What a re-assessment adds to the screens: the earlier reading beside a carried row, and on
/// the review the earlier decision, "Since last time" and the child's journey. Line mode prints
/// these blocks and the curses views draw the same words.
extension ScreenModel {
    /// "a": re-assess the child of a saved assessment, asked as its own numbered question (the
    /// curses key is r, which line mode keeps for printing the screen again).
    static func reassessChoice(_ s: WizardState) -> Choice? {
        guard !s.resumable.isEmpty else { return nil }
        let choices = s.resumable.enumerated().map { i, item in
            Choice("\(i + 1)", "Re-assess " + item.label, select(s, i + 1) + [.reassess])
        }
        var c = Choice("a", "Re-assess a saved assessment's child: a new assessment, every earlier answer to confirm", [])
        c.then = Question(
            prompt: "Which assessment? (1-\(choices.count), Enter goes back):", choices: choices,
            enter: "Enter goes back to the start", enterActions: [])
        return c
    }

    /// The earlier reading of a carried row, in words: to confirm, confirmed, or changed (and why).
    static func lastTime(_ a: Assessment, _ id: String) -> TextBlock? {
        guard let answer = a.answers[id], let earlier = answer.earlier else { return nil }
        let text: String
        if answer.isCarriedUnconfirmed {
            // The keys are in the prompt and the footer ("y confirm Level 3"), not said again here.
            text = "Carried forward, \(earlier.toConfirmLabel)."
        } else if answer.rating == earlier.rating {
            text = "Confirmed: \(earlier.rating.label), as on \(earlier.on)."
        } else {
            let reason =
                answer.changeReason.map { "Reason: \($0.label) (w changes it)." }
                ?? "No reason given yet: w says whether it is a real change or new information."
            text = "Changed since last time: was \(earlier.rating.label) on \(earlier.on), now \(answer.rating.label). " + reason
        }
        return TextBlock(.note, heading: "Last time", [text], indent: 2)
    }

    /// " (last time)" beside the descriptor of the level a carried row had.
    static func lastTimeMark(_ a: Assessment, _ id: String, level: Int) -> String {
        a.answers[id]?.earlier?.rating.level == level ? " (last time)" : ""
    }

    /// The choices a carried row adds: y confirms; w gives the reason for a change.
    static func carriedChoices(_ a: Assessment, _ id: String, onward: [WizardAction]) -> [Choice] {
        guard let answer = a.answers[id], let earlier = answer.earlier else { return [] }
        if answer.isCarriedUnconfirmed {
            var c = Choice("y", "Confirm the answer from last time (\(earlier.rating.label))", [.confirmCarried] + onward)
            c.shown = false
            return [c]
        }
        guard answer.rating != earlier.rating, answer.rating != .notAssessed else { return [] }
        let order: [Assessment.ChangeReason?] = [nil, .realChange, .newInformation]
        let now = order.firstIndex(of: answer.changeReason) ?? 0
        let choices = [Assessment.ChangeReason.realChange, .newInformation, nil].enumerated().map { i, reason in
            let presses = ((order.firstIndex(of: reason) ?? 0) - now + order.count) % order.count
            return Choice(
                "\(i + 1)", reason?.label.capitalizedFirst ?? "No reason given", current: reason == answer.changeReason,
                Array(repeating: WizardAction.cycleReason, count: presses))
        }
        var c = Choice("w", "Why it changed: real change or new information", [.cycleReason])
        c.shown = false
        c.then = Question(
            prompt: "Why is it different from last time? (1-3, Enter keeps it):", choices: choices,
            enter: "Enter keeps " + (answer.changeReason?.label ?? "no reason"), enterActions: [])
        return [c]
    }

    /// The review's re-assessment sections: the earlier decision, "Since last time" (counts per
    /// class per domain, the most important changes first, carried rows still to confirm) and
    /// the child's journey. Empty for a first assessment.
    public static func sinceLastTime(_ s: WizardState) -> [TextBlock] {
        var out: [TextBlock] = []
        if let old = s.earlierAssessment {
            if let comparison = s.comparison {
                // Its "Before" line is the earlier decision. The rows still to confirm are marked [?]
                // on the domain screens, so the review names the first few and counts the rest.
                var shown = comparison
                let listed = 8
                shown.toConfirm = Array(comparison.toConfirm.prefix(listed))
                var blocks = textBlocks(shown.blocks)
                if comparison.toConfirm.count > listed,
                    let i = blocks.firstIndex(where: { $0.heading?.hasPrefix("Carried forward") == true })
                {
                    blocks[i].paragraphs.append(
                        "- and \(comparison.toConfirm.count - listed) more, marked to confirm on the domain screens")
                }
                out += blocks
            } else {
                let decided = old.decision.map { "Level \($0.level), step \($0.step)" } ?? "no decision recorded"
                out.append(
                    TextBlock(
                        heading: "Last time",
                        [
                            "Earlier decision: \(decided), on \(Reassessment.day(of: old)) (\(SafeText.clean(old.id))).",
                            "It was made with catalogue version \(old.catalogue.version): `staircase compare` lists what changed.",
                        ], indent: 2))
            }
        }
        if let journey = s.journey {
            out.append(TextBlock(heading: "The child’s journey (oldest first)", journey.entries.map(journeyLine), indent: 2))
        }
        return out
    }

    /// "2026-08-14: Level 3, step 3 (decided), a-…", as `sessions history` says it.
    static func journeyLine(_ e: ChildHistory.Entry) -> String {
        e.date + ": " + ChildHistory.describe(e) + ", " + SafeText.clean(e.assessmentId)
    }

    /// Summary blocks as screen text blocks: each heading starts a block; fields become
    /// "Label: value" paragraphs and bullets "- item".
    static func textBlocks(_ blocks: [SummaryBlock]) -> [TextBlock] {
        var out: [TextBlock] = []
        func add(_ paragraphs: [String]) {
            if out.isEmpty { out.append(TextBlock([], indent: 2)) }
            out[out.count - 1].paragraphs += paragraphs
        }
        for b in blocks {
            switch b {
            case .heading(let h), .subheading(let h): out.append(TextBlock(.reason, heading: h, [], indent: 2))
            case .fields(let fields): add(fields.map { "\($0.label): \($0.value)" })
            case .paragraph(let p): add([p])
            case .bullets(let items): add(items.map { "- " + $0 })
            default: break
            }
        }
        return out
    }
}
