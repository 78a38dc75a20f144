extension ReferralSummary {
    /// Chooses and sanitises everything the summary says.
    ///
    /// Pure: the date comes from the decision (or the last change), never the clock, and every
    /// list follows catalogue or proposal order, so the same inputs always give the same summary.
    /// Every string from the assessment or the catalogue passes through `ExportText`.
    public static func build(catalogue c: Catalogue, assessment a: Assessment, proposal p: Proposal, redact: Bool) -> ReferralSummary {
        let line = ExportText.line
        let block = ExportText.block
        let rawDate = a.decision?.decidedAt ?? a.updatedAt
        let dateTime = ExportText.timestamp(rawDate)
        let day = CalendarDate(dateTime) ?? .unknownDay

        var child = Child(
            name: line(a.child.name), dateOfBirth: a.child.unborn ? nil : a.child.dateOfBirth.flatMap(CalendarDate.init)?.description,
            unborn: a.child.unborn, expectedDate: a.child.unborn ? a.child.expectedDate.flatMap(CalendarDate.init)?.description : nil,
            age: ChildAge.describe(a.child, on: day), ageBand: ExportText.ageBand(a.child, on: day))
        var referrer = Referrer(
            name: line(a.referrer.name), agency: line(a.referrer.agency), role: line(a.referrer.role),
            contact: line(a.referrer.contact))
        if redact {
            child.name = ExportText.initials(a.child.name)
            child.dateOfBirth = nil
            child.expectedDate = nil
            child.age = nil
            referrer.name = ExportText.initials(a.referrer.name)
            referrer.contact = nil
        }

        let advice: [Contact] =
            a.immediateDanger == .yes
            ? c.contacts.compactMap { k in
                k.phone.map { Contact(name: line(k.name), phone: line($0), email: k.email.map(line), when: line(k.when)) }
            } : []

        func placement(_ level: Int?, _ step: Int?) -> Placement? {
            guard let level, let step else { return nil }
            return Placement(
                level: level, step: step, levelName: line(c.level(level)?.name ?? ""), stepName: line(c.step(step)?.name ?? ""))
        }
        let proposed = placement(p.level, p.step)
        let decided = placement(a.decision?.level, a.decision?.step)
        let differs = decided != nil && (decided?.level != proposed?.level || decided?.step != proposed?.step)

        let (domains, links) = domainSummaries(c, a)
        let titles = c.indicatorTitles.mapValues(line)
        let flags = p.flags.filter { $0.kind != .incomplete }.map { f in
            Flag(kind: f.kind, text: block(f.text), rows: f.indicators.map { RowRef(id: line($0), title: titles[$0] ?? line($0)) })
        }
        let effective = decided?.level ?? proposed?.level
        var categories: [ConcernCategory] = []
        if effective == 4 {
            for id in a.concernCategories where !categories.contains(where: { $0.id == line(id) }) {
                categories.append(ConcernCategory(id: line(id), name: line(c.concernCategories.first { $0.id == id }?.name ?? id)))
            }
        }

        return ReferralSummary(
            format: currentFormat, title: documentTitle, assessmentId: line(a.id), dateTime: dateTime,
            dateSource: a.decision == nil ? .lastChange : .decision,
            catalogue: CatalogueInfo(id: line(c.id), version: line(c.version), title: line(c.title)),
            training: a.training, redacted: redact,
            immediateDanger: ImmediateDanger(status: a.immediateDanger, advice: advice),
            child: child, referrer: referrer,
            teamAroundTheFamily: TeamAroundTheFamily(exists: a.leadProfessional.tafExists, leadProfessional: line(a.leadProfessional.name)),
            consent: Consent(status: a.consent.status, reason: block(a.consent.reason)),
            proposed: proposed, proposalReasons: p.reasons.map { block($0.text) },
            decided: decided, decisionReason: block(a.decision?.reason ?? ""), differsFromProposal: differs,
            courseOfAction: course(c, a, p), domains: domains, informationLinks: links,
            strengths: block(a.strengths), childsVoice: block(a.childsVoice), flags: flags,
            completeness: Completeness(assessed: p.completeness.assessed, applicable: p.completeness.applicable),
            concernCategories: categories)
    }

    /// The course of action for the decided level, chosen by the engine's own route selection
    /// (single or several issues, TAF or not) so it matches what the review screen shows.
    static func course(_ c: Catalogue, _ a: Assessment, _ p: Proposal) -> Course? {
        let selected: Proposal.SelectedCourse?
        if let d = a.decision {
            let engine = ScoringEngine(catalogue: c)
            let ratings = engine.dense(a)
            let facts = ScoringEngine.Facts(a)
            var outcome = engine.outcome(ratings, facts)
            outcome.level = d.level
            outcome.step = d.step
            selected = engine.course(for: outcome, ratings: ratings, facts: facts)
        } else {
            selected = p.courseOfAction
        }
        guard let selected else { return nil }
        let steps = selected.steps.map { s in
            Proposal.CourseStep(furtherAssessment: ExportText.line(s.furtherAssessment), actions: s.actions.map(ExportText.line))
        }
        return Course(level: selected.level, basis: a.decision == nil ? .proposed : .decided, steps: steps)
    }

    /// Per domain, the rows above Level 1 and the rows not yet assessed (pre-birth rows only
    /// when they apply, as the engine's completeness counts them); and the services linked.
    static func domainSummaries(_ c: Catalogue, _ a: Assessment) -> ([DomainSummary], [Link]) {
        let line = ExportText.line
        let stage = ChildAge.stage(a.child, on: CalendarDate(a.updatedAt) ?? .unknownDay)
        var links: [Link] = []
        let domains = c.domains.map { domain in
            var rows: [Row] = []
            var missing: [RowRef] = []
            for area in domain.areas {
                for row in area.indicators {
                    let rating = a.rating(of: row.id)
                    if let level = rating.level, level >= 2 {
                        let cell = row.cell(level)
                        let ids = cell?.links ?? []
                        for id in ids where !links.contains(where: { $0.id == line(id) }) {
                            let service = c.service(id)
                            links.append(Link(id: line(id), name: line(service?.name ?? id), url: service?.url.map(line)))
                        }
                        rows.append(
                            Row(
                                id: line(row.id), area: line(area.name), title: line(row.title), level: level,
                                descriptor: ExportText.block(cell?.text ?? ""), note: ExportText.block(a.answers[row.id]?.note ?? ""),
                                links: ids.map(line)))
                    } else if rating == .notAssessed && row.applies(to: stage) {
                        missing.append(RowRef(id: line(row.id), title: line(row.title)))
                    }
                }
            }
            return DomainSummary(id: line(domain.id), name: line(domain.name), rows: rows, notAssessed: missing)
        }
        return (domains, links)
    }
}
