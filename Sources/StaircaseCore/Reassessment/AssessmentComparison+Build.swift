extension AssessmentComparison {
    /// Why two assessments cannot be compared.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case otherCatalogue(old: String, new: String)
        /// A catalogue passed in is not the one the assessment names.
        case catalogueMismatch(assessment: String, expected: String, given: String)
        /// The two have different child keys and the caller did not say that was meant.
        case differentChildren
        /// The first is the newer one (`isNewerFirst`), so every change would read backwards.
        case newerFirst(old: String, oldDay: String, new: String, newDay: String)

        public var description: String {
            switch self {
            case .otherCatalogue:
                // No value from the files: errors reach stderr, which quotes nothing from an assessment.
                "the two assessments use different catalogues: rows of one authority's document "
                    + "do not match another's, so they are not compared"
            case .catalogueMismatch(let id, _, let given):
                "\(id) was made with another catalogue or version than the one given (\(given)): give the catalogue it was made with"
            case .differentChildren:
                "the two assessments have different child keys, so they may be of two different children: compare two "
                    + "assessments of one child (`staircase sessions history` lists them), or give --different-children "
                    + "to compare these anyway (the output then says so)"
            case .newerFirst(let old, let oldDay, let new, let newDay):
                "the first assessment (\(old), \(oldDay)) is newer than the second (\(new), \(newDay)), so the changes "
                    + "would read backwards: give the earlier one first"
            }
        }
    }

    /// Whether `old` came after `new` in the child's journey (by day, then by when each was
    /// created: `ChildHistory`'s order), so a comparison would call a fall a rise.
    public static func isNewerFirst(old: Assessment, new: Assessment) -> Bool {
        func order(_ a: Assessment) -> (CalendarDate, String) { (CalendarDate(Reassessment.day(of: a)) ?? .unknownDay, a.createdAt) }
        return order(new) < order(old)
    }

    /// The change from `old` to `new`. Each is scored with the catalogue it was made under;
    /// the two must be versions of the same catalogue (same id).
    public static func build(
        old: Assessment, oldCatalogue: Catalogue, new: Assessment, newCatalogue: Catalogue
    ) throws(Failure) -> AssessmentComparison {
        guard old.catalogue.id == new.catalogue.id else { throw .otherCatalogue(old: old.catalogue.id, new: new.catalogue.id) }
        for (a, c) in [(old, oldCatalogue), (new, newCatalogue)] where a.catalogue.id != c.id || a.catalogue.version != c.version {
            throw .catalogueMismatch(
                assessment: a.id, expected: "\(a.catalogue.id) \(a.catalogue.version)", given: "\(c.id) \(c.version)")
        }
        let newRows = newCatalogue.allIndicators
        let oldRows = oldCatalogue.allIndicators
        let oldByID = Dictionary(oldRows.map { ($0.indicator.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newIDs = Set(newRows.map(\.indicator.id))

        // Catalogue order: the new catalogue's rows, then rows only the old one had.
        var order: [(id: String, domain: Catalogue.Domain, title: String, kind: CatalogueRowChange.Kind?)] = []
        var catalogueChanges: [CatalogueRowChange] = []
        let sameVersion = oldCatalogue.version == newCatalogue.version
        for r in newRows {
            var kind: CatalogueRowChange.Kind?
            if let o = oldByID[r.indicator.id] {
                if !sameVersion && (o.indicator.title != r.indicator.title || o.indicator.levels != r.indicator.levels) { kind = .reworded }
            } else {
                kind = .added
            }
            if let kind {
                let oldTitle = oldByID[r.indicator.id].map(\.indicator.title)
                catalogueChanges.append(
                    .init(
                        id: r.indicator.id, kind: kind, title: r.indicator.title, oldTitle: oldTitle == r.indicator.title ? nil : oldTitle))
            }
            order.append((r.indicator.id, r.domain, r.indicator.title, kind))
        }
        for r in oldRows where !newIDs.contains(r.indicator.id) {
            catalogueChanges.append(.init(id: r.indicator.id, kind: .removed, title: r.indicator.title, oldTitle: nil))
            order.append((r.indicator.id, r.domain, r.indicator.title, .removed))
        }

        var domains: [DomainCounts] = []
        func domainIndex(_ d: Catalogue.Domain) -> Int {
            if let i = domains.firstIndex(where: { $0.domain == d.id }) { return i }
            domains.append(DomainCounts(domain: d.id, name: d.name))
            return domains.count - 1
        }
        for d in newCatalogue.domains { _ = domainIndex(d) }

        var ranked: [(rank: Int, position: Int, row: RowChange)] = []
        var toConfirm: [RowChange] = []
        for (position, r) in order.enumerated() {
            let before = old.rating(of: r.id)
            let answer = new.answers[r.id]
            let after = new.rating(of: r.id)
            let d = domainIndex(r.domain)
            var row = RowChange(
                id: r.id, domain: r.domain.id, title: r.title, change: nil, before: before, after: after,
                moved: after.level.flatMap { a in before.level.map { a - $0 } }, important: [], reason: answer?.changeReason,
                catalogueChange: r.kind)
            if answer?.isCarriedUnconfirmed == true {
                domains[d].toConfirm += 1
                toConfirm.append(row)
                continue
            }
            guard var change = classify(before, after) else {
                // Not assessed either time: nothing to say, unless the row itself changed.
                continue
            }
            // A row the new version dropped could not be assessed now: never "not assessed now".
            if r.kind == .removed && change == .notAssessedNow { change = .removedFromCatalogue }
            row.change = change
            if change == .same { row.reason = nil }
            domains[d].add(change)
            if let level = after.level, level >= 3 { row.important.append("now at Level \(level)") }
            if let m = row.moved, abs(m) >= 2 { row.important.append("moved \(abs(m)) levels \(m > 0 ? "up" : "down")") }
            let rank = after.level.map { $0 >= 3 } == true ? 0 : (row.moved.map { abs($0) >= 2 } == true ? 1 : (change == .same ? 3 : 2))
            ranked.append((rank, position, row))
        }
        // Within "now at Level 3 or 4", Level 4 first: the reader meets the highest need first.
        func levelFirst(_ x: (rank: Int, position: Int, row: RowChange)) -> Int { x.rank == 0 ? -(x.row.after.level ?? 0) : 0 }
        ranked.sort { ($0.rank, levelFirst($0), $0.position) < ($1.rank, levelFirst($1), $1.position) }

        let oldProposal = ScoringEngine(catalogue: oldCatalogue).propose(old)
        let newProposal = ScoringEngine(catalogue: newCatalogue).propose(new)
        let oldFlags = Set(oldProposal.flags.map(\.kind))
        let newFlags = Set(newProposal.flags.map(\.kind))
        let flagOrder: [Proposal.FlagKind] = [.immediateDanger, .toxicTrio, .combination, .incomplete]
        return AssessmentComparison(
            format: currentFormat, catalogueId: newCatalogue.id, old: reading(old, oldProposal), new: reading(new, newProposal),
            rows: ranked.map(\.row), toConfirm: toConfirm, domains: domains,
            flagsAppeared: flagOrder.filter { newFlags.contains($0) && !oldFlags.contains($0) },
            flagsCleared: flagOrder.filter { oldFlags.contains($0) && !newFlags.contains($0) },
            catalogueChanges: catalogueChanges, eventsAdded: addedEvents(old: old, new: new, catalogue: newCatalogue))
    }

    /// The later chronology's events the earlier one lacks (by id), in date order, each with its
    /// rows by title. Text as written; `sanitised` cleans it for export.
    static func addedEvents(old: Assessment, new: Assessment, catalogue: Catalogue) -> [ReferralSummary.Event] {
        let titles = catalogue.indicatorTitles
        return Chronology.added(in: new.chronology, since: old.chronology).map { e in
            ReferralSummary.Event(
                date: e.date.description, dateWords: e.date.words, what: e.what, source: e.source,
                rows: e.rows.map { ReferralSummary.RowRef(id: $0, title: titles[$0] ?? $0) })
        }
    }

    /// The class of one row's change, or nil when it was not assessed either time.
    public static func classify(_ before: Rating, _ after: Rating) -> Change? {
        switch (before == .notAssessed, after == .notAssessed) {
        case (true, true): return nil
        case (true, false): return .noInformationThen
        case (false, true): return .notAssessedNow
        case (false, false): break
        }
        // Level 1 and not applicable are both "no need here".
        let was = before.level ?? 1
        let now = after.level ?? 1
        switch (was >= 2, now >= 2) {
        case (false, false): return .same
        case (false, true): return .newlyIdentified
        case (true, false): return .resolved
        case (true, true): return now > was ? .up : (now < was ? .down : .same)
        }
    }

    static func reading(_ a: Assessment, _ p: Proposal) -> Reading {
        Reading(
            assessmentId: a.id, catalogueVersion: a.catalogue.version, date: Reassessment.day(of: a),
            decided: a.decision.map { Place(level: $0.level, step: $0.step) },
            proposed: p.level.flatMap { l in p.step.map { Place(level: l, step: $0) } })
    }
}
