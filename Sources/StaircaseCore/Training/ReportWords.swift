/// Wording shared by every format, so the four say the same thing, and say it in a trainer's
/// words: each figure carries a short gloss of what its value means for the room.
enum ReportWords {
    static func stat(_ s: Statistic, band: String?) -> String {
        s.formatted() + (band.map { " (\($0))" } ?? "")
    }

    /// What a κ or α value means, in a few words a facilitator can say aloud.
    static func gloss(_ s: Statistic) -> String {
        guard let v = s.number else { return "" }
        let r = (v * 100).rounded() / 100
        switch r {
        case 1...: return ": everyone gave the same answers"
        case 0.81...: return ": close to complete agreement"
        case 0.61...: return ": agreement well above chance"
        case 0.41...: return ": clearly above chance, with real differences to discuss"
        case 0.21...: return ": somewhat above chance"
        case 0...: return ": little more agreement than chance alone would give"
        default: return ": less agreement than chance: participants differ systematically"
        }
    }

    static func headline(_ a: TrainingReport.AgreementSummary) -> String {
        "Krippendorff's α (ordinal): " + stat(a.alphaOrdinal, band: a.alphaBand) + gloss(a.alphaOrdinal)
    }

    /// Fleiss's κ with the units it is over, then % exact in words. `unit` is the singular
    /// ("case", "judgement"); the plural adds an s.
    static func beside(_ a: TrainingReport.AgreementSummary, unit: String) -> String {
        let used = a.fleissUnitsUsed
        let units = used == 1 ? unit : unit + "s"
        let defined: Bool
        if case .notDefined = a.fleissKappa { defined = false } else { defined = true }
        let over =
            used == 0 || !defined
            ? ""
            : " (over the \(used) \(units) every participant rated; "
                + (a.fleissUnitsLeftOut == 0
                    ? "none left out)" : "\(a.fleissUnitsLeftOut) left out because someone skipped or did not answer them)")
        let exact: String
        switch a.exact {
        case .value: exact = "% exact: " + Agreement.percent(a.exact) + " of pairs of participants chose the same level"
        case .notDefined: exact = "% exact (pairs choosing the same level): " + Agreement.percent(a.exact)
        }
        return "Fleiss's κ: " + stat(a.fleissKappa, band: a.fleissBand) + gloss(a.fleissKappa) + over + ". " + exact + "."
    }

    static func participants(_ r: TrainingReport) -> String {
        "\(r.participants) participant\(r.participants == 1 ? "" : "s"), \(r.responsesCounted) response\(r.responsesCounted == 1 ? "" : "s") counted. "
            + (r.named ? "Participants are shown by alias." : "Participants are anonymous (A, B, C…).")
    }

    /// "Agreement on the overall level: 3 of 12 cases answered, by 2 to 4 participants each".
    static func overallHeading(_ r: TrainingReport) -> String {
        let answered = r.cases.filter { $0.participants > 0 }.map(\.participants)
        let by: String
        switch (answered.min(), answered.max()) {
        case (let lo?, let hi?) where lo == hi: by = ", by \(lo) participant\(lo == 1 ? "" : "s") each"
        case (let lo?, let hi?): by = ", by \(lo) to \(hi) participants each"
        default: by = ""
        }
        return "Agreement on the overall level: \(r.casesAnswered) of \(r.cases.count) cases answered\(by)"
    }

    static func duplicate(_ d: TrainingReport.Duplicate) -> String {
        "Participant \(d.participant) sent \(d.responses) different responses to \(d.caseID); only the latest (recorded \(ExportText.displayDateTime(d.keptRecordedAt))) counts."
    }

    static func copy(_ c: TrainingReport.Copy) -> String {
        let what =
            c.identical
            ? "identical copies"
            : "copies that differ" + (c.aliases.count > 1 ? " (aliases " + c.aliases.joined(separator: ", ") + ")" : "")
        return "Response \(c.responseID) (participant \(c.keptAlias)) is in \(c.files.count) files, \(what): counted once"
            + (c.identical ? "" : ", the latest recorded") + ". Files: " + c.files.joined(separator: ", ") + "."
    }

    /// The ranked list at the top: which case to debate first and why.
    static func debate(_ k: TrainingReport.CaseReport) -> String {
        let differ: String
        switch k.agreement.exact {
        case .value(let v): differ = Agreement.percent(.value(1 - v)) + " of pairs chose different levels"
        case .notDefined: differ = "one participant, nothing to compare"
        }
        return "Case \(k.number): \(k.title) [\(k.id)]: \(differ); " + Agreement.percent(k.withModelExact) + " matched the model answer."
    }

    static func caseHeader(_ k: TrainingReport.CaseReport) -> String {
        "\(k.participants) participant\(k.participants == 1 ? "" : "s"). Model answer: Level \(k.model.level), step \(k.model.step)."
    }

    static func withModel(_ k: TrainingReport.CaseReport) -> String {
        "Agreement with the model answer: " + Agreement.percent(k.withModelExact) + " matched the model, within one level "
            + Agreement.percent(k.withModelWithinOne)
    }

    static func rowCounts(_ r: TrainingReport.RowReport) -> String {
        (1...4).map { "L\($0): \(r.counts[$0 - 1])" }.joined(separator: "  ")
            + "  not applicable: \(r.notApplicable)  skipped: \(r.skipped)"
    }

    static func rowStats(_ r: TrainingReport.RowReport) -> String {
        // "of pairs" only after a number: "not defined, because …" is a sentence of its own.
        let disagreement: String
        switch r.disagreement {
        case .value: disagreement = Agreement.percent(r.disagreement) + " of pairs"
        case .notDefined: disagreement = Agreement.percent(r.disagreement)
        }
        return "Disagreement: " + disagreement + ". Row α across cases: " + r.alphaAcrossCases.formatted() + gloss(r.alphaAcrossCases)
    }

    static func rowTitle(_ r: TrainingReport.RowReport) -> String {
        "\(r.title) [\(r.row)]" + (r.modelLevel.map { " — model Level \($0)" } ?? " — not in the model answer")
    }

    /// Above this many participants a case's decisions are not listed one by one in the txt,
    /// Markdown and HTML reports: a line of thousands of "A: Level 2, step 2 (4 min)" is no use to
    /// read aloud in a debrief, and it was most of a county-wide report's bytes and time. The bars
    /// count them; the JSON report keeps every decision.
    static let decisionsListedUpTo = 100

    static func decisions(_ k: TrainingReport.CaseReport) -> String {
        if k.decisions.count > decisionsListedUpTo {
            return "\(k.decisions.count) participants, too many to list here (more than \(decisionsListedUpTo)): "
                + "the bars above count their levels and steps, and the JSON report (--format json) lists each decision"
        }
        return k.decisions.map {
            "\($0.participant): Level \($0.level), step \($0.step) (\($0.minutes == 0 ? "under 1 min" : "\($0.minutes) min"))"
        }.joined(separator: "; ")
    }

    static let debateHeading = "Cases to debate first (most disagreement first; equal ones: fewest matching the model, then lowest α)"
    static let meaningHeading = "What the agreement figures mean"

    /// Said once near the top, in full; each figure then carries its short gloss.
    static let meaning = [
        "Krippendorff's α and Fleiss's κ measure how far participants agree beyond what chance alone would give. "
            + "1 means everyone gave the same answers; 0 means no more agreement than if everyone had chosen at random "
            + "in the proportions the room used; a negative value means less than that: participants differ systematically, "
            + "for example one group always a level higher.",
        "% exact is the share of pairs of participants who chose the same level (agreement with the model answer is "
            + "said apart, as \"matched the model\"). Why α can be low while % exact is high: when nearly everyone chooses the same level, chance alone would produce "
            + "most of that agreement, so α gives it little credit, and the few who differ weigh heavily. "
            + "Read % exact for how often pairs matched, and α for how much of that is more than chance.",
        "α (ordinal) counts a one-level difference as smaller than a two-level one and copes with skipped rows. "
            + "Fleiss's κ is Fleiss's 1971 statistic as statsmodels and R's irr compute it: it needs every participant on "
            + "every unit, so it is over the level and rows everyone rated, and says how many it left out. "
            + "A figure that cannot be computed (one participant, one case, every rating the same) says \"not defined\" and why.",
        "Bands are Landis & Koch: poor (< 0), slight (0–0.20), fair (0.21–0.40), moderate (0.41–0.60), "
            + "substantial (0.61–0.80), almost perfect (0.81–1). Cases and rows are listed most disputed first.",
    ]

    /// A bar of `#` scaled so the longest is `width` characters.
    static func bar(_ count: Int, max: Int, width: Int = 30) -> String {
        guard max > 0, count > 0 else { return "" }
        return String(repeating: "#", count: Swift.max(1, count * width / Swift.max(max, 1)))
    }
}
