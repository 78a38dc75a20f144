extension ScoringEngine {
    /// The full proposal: level, step, reasons, flags, completeness and course of action.
    public func propose(_ assessment: Assessment) -> Proposal {
        let ratings = dense(assessment)
        let facts = Facts(assessment)
        let o = outcome(ratings, facts)
        let today = CalendarDate(assessment.updatedAt) ?? CalendarDate.unknownDay
        let stage = ChildAge.stage(assessment.child, on: today)

        var reasons: [Proposal.Reason] = []
        if o.highest > 0 {
            let rows = indices(ratings) { $0 == o.highest }
            reasons.append(
                reason(
                    .highestLevel, rows,
                    "The highest level among assessed rows is Level \(o.highest), on \(rows.count) row\(rows.count == 1 ? "" : "s"); that is the floor of the proposal."
                ))
        } else if !facts.practitionerStepFive {
            reasons.append(
                Proposal.Reason(
                    rule: .nothingAssessed,
                    text: "No row has been assessed yet, so there is no proposal. Rows not yet assessed never count as Level 1.",
                    indicators: [], areas: []))
        }
        reasons += timeEvidence(ratings, assessment.chronology)
        var flags: [Proposal.Flag] = []
        if facts.immediateDanger {
            flags.append(
                Proposal.Flag(
                    kind: .immediateDanger,
                    text: "The child is in immediate danger: \(emergencyAdvice) This does not wait for the rest of the assessment.",
                    indicators: []))
        }
        let combo = catalogue.rules.combination
        if o.combination {
            let rows = indices(ratings) { $0 >= 2 }
            let text =
                "Combination rule: \(rows.count) rows at Level 2 or above across \(Set(rows.map { rowArea[$0] }).count) areas "
                + "(threshold \(combo.minimumRows) rows, \(combo.minimumAreas) areas, \(combo.minimumDomains) domain\(combo.minimumDomains == 1 ? "" : "s")). "
                + "“\(combo.quote)”"
            flags.append(Proposal.Flag(kind: .combination, text: text, indicators: rows.map { rowIDs[$0] }))
            if o.highest < combo.proposesLevel {
                reasons.append(reason(.combination, rows, text + " The proposal is raised to Level \(combo.proposesLevel)."))
            }
        }
        if o.level == 4 && o.step == 5 {
            if o.stepFiveRow {
                let rows = indices(ratings) { _ in true }.filter { ratings[$0] == 4 && rowStepFive[$0] }
                reasons.append(
                    reason(
                        .stepFiveRow, rows,
                        "A row whose Level 4 means the child’s needs cannot be met safely at home is at Level 4: step 5."))
            }
            if facts.practitionerStepFive {
                reasons.append(
                    Proposal.Reason(
                        rule: .stepFivePractitioner,
                        text: "The practitioner judges that the child’s needs cannot be met safely at home: Level 4, step 5.",
                        indicators: [], areas: []))
            }
        }
        if o.toxicTrio {
            let min = catalogue.rules.toxicTrio.minimumLevel
            let rows = indices(ratings) { $0 >= min }.filter { rowTrio[$0] != 0 }
            flags.append(
                Proposal.Flag(
                    kind: .toxicTrio,
                    text:
                        "Toxic trio: parental mental health, domestic abuse and parental drug and/or alcohol misuse are all at Level \(min) or above. “\(catalogue.rules.toxicTrio.quote)”",
                    indicators: rows.map { rowIDs[$0] }))
        }
        let completeness = completeness(ratings, stage: stage)
        if !completeness.isComplete {
            let missing = completeness.applicable - completeness.assessed
            flags.append(
                Proposal.Flag(
                    kind: .incomplete,
                    text:
                        "Incomplete: \(missing) of \(completeness.applicable) applicable rows are not yet assessed; the proposal may rise as they are.",
                    indicators: []))
        }
        var proposal = Proposal(
            level: o.level == 0 ? nil : o.level, step: o.step == 0 ? nil : o.step, reasons: reasons, flags: flags,
            completeness: completeness, courseOfAction: course(for: o, ratings: ratings, facts: facts))
        let outside = outsideAge(assessment)
        proposal.outsideAge = outside.isEmpty ? nil : outside
        return proposal
    }

    /// One reason for each counted row whose rated level's descriptor speaks of time (the
    /// catalogue's `timeWords`) and has events linked: the count and the months they span, so
    /// "persistent" or "repeated" is judged from dated events, not from memory. The rows with no
    /// event linked are named together in one reason, so a long case stays short to read.
    func timeEvidence(_ ratings: Dense, _ events: [ChronologyEvent]) -> [Proposal.Reason] {
        var out: [Proposal.Reason] = []
        var bare: [Int] = []
        for i in indices(ratings, where: { _ in true }) {
            let level = Int(ratings[i])
            let words = rows[i].timeWords(atLevel: level)
            guard !words.isEmpty else { continue }
            guard let span = Chronology.span(for: rowIDs[i], in: events) else {
                bare.append(i)
                continue
            }
            let quoted = words.map { "“\($0)”" }.joined(separator: ", ")
            out.append(
                reason(
                    .timeEvidence, [i],
                    "“\(rows[i].title)” is at Level \(level), whose descriptor speaks of time (\(quoted)): the chronology has \(span)."))
        }
        if bare.count == 1, let i = bare.first {
            let words = rows[i].timeWords(atLevel: Int(ratings[i])).map { "“\($0)”" }.joined(separator: ", ")
            out.append(
                reason(
                    .timeEvidence, bare,
                    "“\(rows[i].title)” is at Level \(ratings[i]), whose descriptor speaks of time (\(words)); no dated event is linked to it yet."
                ))
        } else if !bare.isEmpty {
            let titles = bare.map { "“\(rows[$0].title)”" }.joined(separator: ", ")
            out.append(
                reason(
                    .timeEvidence, bare,
                    "\(bare.count) rows are at levels whose descriptors speak of time, with no dated event linked yet: \(titles)."))
        }
        return out
    }

    /// What to do now, from the catalogue's contacts (999, then First Contact).
    var emergencyAdvice: String {
        let now = catalogue.contact("emergency").map { "call \($0.name.lowercased()) on \($0.phone ?? "") now;" } ?? "call 999 now;"
        let then = catalogue.contact("first-contact").map { " then contact \($0.name) \($0.phone ?? "")." } ?? ""
        return now + then
    }

    func indices(_ ratings: Dense, where match: (Int) -> Bool) -> [Int] {
        (0..<min(ratings.count, rowIDs.count)).filter { ratings[$0] >= 1 && ratings[$0] <= 4 && match(Int(ratings[$0])) }
    }

    func reason(_ rule: Proposal.RuleID, _ rows: [Int], _ text: String) -> Proposal.Reason {
        var areas: [String] = []
        for r in rows where !areas.contains(areaIDs[rowArea[r]]) { areas.append(areaIDs[rowArea[r]]) }
        return Proposal.Reason(rule: rule, text: text, indicators: rows.map { rowIDs[$0] }, areas: areas)
    }

    /// Rows for another age count only once answered: an answer is the practitioner's judgement.
    func completeness(_ ratings: Dense, stage: AgeStage?) -> Proposal.Completeness {
        var perDomain = domainIDs.map { Proposal.DomainCompleteness(domain: $0, assessed: 0, applicable: 0) }
        for i in 0..<rowIDs.count {
            let r = i < ratings.count ? ratings[i] : 0
            if r == Self.notApplicableCode { continue }
            if r == 0 && !rows[i].applies(to: stage) { continue }
            perDomain[rowDomain[i]].applicable += 1
            if r >= 1 && r <= 4 { perDomain[rowDomain[i]].assessed += 1 }
        }
        return Proposal.Completeness(
            assessed: perDomain.reduce(0) { $0 + $1.assessed }, applicable: perDomain.reduce(0) { $0 + $1.applicable },
            domains: perDomain)
    }

    /// The catalogue's routes for the proposed level that fit the case: at Level 2, one row is a
    /// single clear issue and more are several; a TAF chooses the Lead Professional route.
    func course(for o: Outcome, ratings: Dense, facts: Facts) -> Proposal.SelectedCourse? {
        guard o.level > 0, let level = catalogue.level(o.level) else { return nil }
        var situation: [CourseOfAction.Condition] = [.always]
        let levelTwoRows = ratings.filter { $0 == 2 }.count
        situation.append(levelTwoRows <= 1 && !o.combination ? .singleIssue : .severalIssues)
        situation.append(facts.tafExists ? .taf : .noTaf)
        let steps = level.courseOfAction.routes.filter { situation.contains($0.when) }.map { route in
            Proposal.CourseStep(
                furtherAssessment: route.furtherAssessment,
                actions: route.actions.filter { situation.contains($0.when) }.map(\.text))
        }
        return Proposal.SelectedCourse(level: o.level, situation: situation, steps: steps)
    }
}
