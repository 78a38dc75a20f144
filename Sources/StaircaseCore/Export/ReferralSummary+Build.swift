extension ReferralSummary {
    /// Chooses and sanitises everything the summary says.
    ///
    /// Pure: the date comes from the decision (or the last change), never the clock, and every
    /// list follows catalogue or proposal order, so the same inputs always give the same summary.
    /// Every string from the assessment or the catalogue passes through `ExportText`.
    public static func build(catalogue c: Catalogue, assessment a: Assessment, proposal p: Proposal, redact: Bool) -> ReferralSummary {
        let redactor = redact ? Redactor(a) : nil
        // Text from the record: sanitised, then, when redacting, every known name replaced.
        func line(_ s: String) -> String { redactor?.apply(ExportText.line(s)) ?? ExportText.line(s) }
        func block(_ s: String) -> String { redactor?.apply(ExportText.block(s)) ?? ExportText.block(s) }
        // A name field: initials when redacting.
        func name(_ s: String) -> String { redact ? Redactor.initials(s) : ExportText.line(s) }
        // Contact details and dates of birth: left out when redacting.
        func kept(_ s: String) -> String? { redact || ExportText.line(s).isEmpty ? nil : ExportText.line(s) }
        let cat = ExportText.line
        let rawDate = a.decision?.decidedAt ?? a.updatedAt
        let dateTime = ExportText.timestamp(rawDate)
        let day = CalendarDate(dateTime) ?? .unknownDay

        var child = Child(
            name: name(a.child.name), dateOfBirth: a.child.unborn ? nil : a.child.dateOfBirth.flatMap(CalendarDate.init)?.description,
            unborn: a.child.unborn, expectedDate: a.child.unborn ? a.child.expectedDate.flatMap(CalendarDate.init)?.description : nil,
            age: ChildAge.describe(a.child, on: day), ageBand: ExportText.ageBand(a.child, on: day),
            whereNow: line(a.child.whereNow), address: kept(a.child.address), communicationNeeds: block(a.child.communicationNeeds),
            firstLanguage: line(a.child.firstLanguage), interpreterNeeded: a.child.interpreterNeeded, disability: block(a.child.disability))
        if redact {
            child.dateOfBirth = nil
            child.expectedDate = nil
            child.age = nil
        }
        let referrer = Referrer(
            name: name(a.referrer.name), agency: line(a.referrer.agency), role: line(a.referrer.role),
            contact: redact ? nil : line(a.referrer.contact), phone: kept(a.referrer.phone), email: kept(a.referrer.email))

        let advice: [Contact] =
            a.immediateDanger == .no
            ? []
            : c.contacts.compactMap { k in
                k.phone.map { Contact(name: cat(k.name), phone: cat($0), email: k.email.map(cat), when: cat(k.when)) }
            }

        func placement(_ level: Int?, _ step: Int?) -> Placement? {
            guard let level, let step else { return nil }
            return Placement(
                level: level, step: step, levelName: cat(c.level(level)?.name ?? ""), stepName: cat(c.step(step)?.name ?? ""))
        }
        let proposed = placement(p.level, p.step)
        let decided = placement(a.decision?.level, a.decision?.step)
        let differs = decided != nil && (decided?.level != proposed?.level || decided?.step != proposed?.step)
        let decidedAgainst = a.decision.flatMap { $0.isStale(against: p) ? $0.proposedWords : nil }

        let (domains, links) = domainSummaries(c, a, text: block)
        let titles = c.indicatorTitles.mapValues(cat)
        let flags = p.flags.filter { $0.kind != .incomplete }.map { f in
            Flag(kind: f.kind, text: ExportText.block(f.text), rows: f.indicators.map { RowRef(id: cat($0), title: titles[$0] ?? cat($0)) })
        }
        let effective = decided?.level ?? proposed?.level
        var categories: [ConcernCategory] = []
        if effective == 4 {
            for id in a.concernCategories where !categories.contains(where: { $0.id == cat(id) }) {
                categories.append(ConcernCategory(id: cat(id), name: cat(c.concernCategories.first { $0.id == id }?.name ?? id)))
            }
        }
        var warnings: [String] = []
        if decided?.level == 4 && categories.isEmpty {
            warnings.append("Level 4 was decided but no category of concern is chosen: choose one or more before the referral is sent.")
        }

        return ReferralSummary(
            format: currentFormat, title: documentTitle, assessmentId: cat(a.id), childKey: redact ? nil : a.childKey.map(cat),
            dateTime: dateTime,
            dateSource: a.decision == nil ? .lastChange : .decision,
            catalogue: CatalogueInfo(
                id: cat(c.id), version: cat(c.version), title: cat(c.title),
                shortName: cat(c.authority).split(separator: " ").first.map(String.init) ?? "Document"),
            training: a.training, redacted: redact, redactedKinds: redactor?.kinds.map(\.rawValue) ?? [],
            immediateDanger: ImmediateDanger(status: a.immediateDanger, advice: advice),
            child: child, referrer: referrer,
            teamAroundTheFamily: TeamAroundTheFamily(exists: a.leadProfessional.tafExists, leadProfessional: name(a.leadProfessional.name)),
            consent: Consent(status: a.consent.status, reason: block(a.consent.reason)),
            sharing: Sharing(
                lawfulBasis: a.sharing.lawfulBasis, lawfulBasisDetail: block(a.sharing.lawfulBasisDetail), familyTold: a.sharing.familyTold,
                notToldReason: block(a.sharing.notToldReason)),
            carers: a.carers.map { k in
                Carer(
                    name: name(k.name), relationship: line(k.relationship), parentalResponsibility: k.parentalResponsibility,
                    livesWithChild: k.livesWithChild, contact: kept(k.contact))
            },
            household: a.household.map { m in
                HouseholdMember(
                    name: name(m.name), relationship: line(m.relationship), sibling: m.sibling, livesWithChild: m.livesWithChild,
                    dateOfBirth: redact ? nil : m.dateOfBirth.flatMap(CalendarDate.init)?.description)
            },
            agencies: a.agencies.map { g in
                Agency(agency: line(g.agency), worker: name(g.worker), contact: kept(g.contact), role: block(g.role))
            },
            proposed: proposed, proposalReasons: p.reasons.filter { $0.rule != .timeEvidence }.map { ExportText.block($0.text) },
            decided: decided, decisionReason: block(a.decision?.reason ?? ""), differsFromProposal: differs,
            decidedAgainst: decidedAgainst,
            courseOfAction: course(c, a, p), domains: domains, informationLinks: links,
            workingWell: workingWell(c, a, text: block), childsVoice: block(a.childsVoice),
            worry: block(a.worry),
            request: Request(
                kinds: a.request.kinds, detail: block(a.request.detail),
                outsideLevel: !a.request.kinds.isEmpty
                    && a.request.kinds.allSatisfy { k in effective.map { !k.fitsLevels.contains($0) } ?? false }),
            householdDifficulties: householdDifficulties(c, a, text: block), chronology: events(c, a, redact: redact, line: line),
            flags: flags,
            completeness: Completeness(assessed: p.completeness.assessed, applicable: p.completeness.applicable),
            concernCategories: categories,
            warnings: (p.outsideAge ?? []).map { ProposalDescription.outsideAgeText($0, c) } + warnings, stillLacks: ReferralGaps.of(a))
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

    /// Per domain, the rows above Level 1, the notes on other rows, and the rows not yet assessed (only rows for the
    /// child's age, as the engine's completeness counts them); and the services linked.
    static func domainSummaries(_ c: Catalogue, _ a: Assessment, text: (String) -> String) -> ([DomainSummary], [Link]) {
        let line = ExportText.line
        let stage = ChildAge.stage(a.child, on: CalendarDate(a.updatedAt) ?? .unknownDay)
        var links: [Link] = []
        let domains = c.domains.map { domain in
            var rows: [Row] = []
            var missing: [RowRef] = []
            var judged: [RowRef] = []
            var noted: [NotedRow] = []
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
                                descriptor: ExportText.block(cell?.text ?? ""), note: text(a.answers[row.id]?.note ?? ""),
                                links: ids.map(line), events: Chronology.span(for: row.id, in: a.chronology)))
                    } else if rating == .level1 || rating == .notApplicable, let note = a.answers[row.id]?.note, !note.isEmpty {
                        noted.append(
                            NotedRow(
                                id: line(row.id), title: line(row.title), answer: rating == .level1 ? "Level 1" : "not applicable",
                                note: text(note)))
                    } else if rating == .notAssessed && row.applies(to: stage) {
                        missing.append(RowRef(id: line(row.id), title: line(row.title)))
                    }
                    if rating == .notApplicable { judged.append(RowRef(id: line(row.id), title: line(row.title))) }
                }
            }
            return DomainSummary(
                id: line(domain.id), name: line(domain.name), rows: rows, otherNotes: noted, notAssessed: missing, notApplicable: judged)
        }
        return (domains, links)
    }
}
