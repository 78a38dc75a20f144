extension ReferralSummary {
    /// The summary of a re-assessment: as `build`, plus "Since last time" against `previous`
    /// (the newest earlier assessment of the same child, made with `previousCatalogue`, by
    /// default the same catalogue) and the child's journey from `history`.
    public static func build(
        catalogue c: Catalogue, assessment a: Assessment, proposal p: Proposal, redact: Bool, previous: Assessment?,
        previousCatalogue: Catalogue? = nil, history: ChildHistory? = nil
    ) -> ReferralSummary {
        var s = build(catalogue: c, assessment: a, proposal: p, redact: redact)
        guard let previous else { return s }
        do {
            let comparison = try AssessmentComparison.build(old: previous, oldCatalogue: previousCatalogue ?? c, new: a, newCatalogue: c)
            var shown = comparison.sanitised
            // The summary's own events, already cleaned and (when asked) redacted, so the added
            // ones say no more than its chronology does: `events` maps the sorted chronology one
            // to one, and `added` keeps that order.
            let added = Set(Chronology.added(in: a.chronology, since: previous.chronology).map(\.id))
            shown.eventsAdded = zip(Chronology.sorted(a.chronology), s.chronology).filter { added.contains($0.0.id) }.map(\.1)
            s.sinceLastTime = shown
        } catch {
            s.warnings.append(
                "The earlier assessment of this child was made with another catalogue or version, so \"Since last time\" is left out.")
        }
        var points: [JourneyPoint] = []
        for e in history?.entries ?? [] {
            if e.assessmentId == a.id { break }
            guard let place = e.effective else { continue }
            points.append(
                JourneyPoint(
                    assessmentId: ExportText.line(e.assessmentId), date: ExportText.line(e.date), level: place.level, step: place.step,
                    basis: e.decided == nil ? .proposed : .decided, current: false, eventsAdded: e.eventsAdded))
        }
        if points.isEmpty, let earlier = s.sinceLastTime?.old, let place = earlier.effective {
            points.append(
                JourneyPoint(
                    assessmentId: earlier.assessmentId, date: earlier.date, level: place.level, step: place.step,
                    basis: earlier.decided == nil ? .proposed : .decided, current: false))
        }
        let now = s.decided ?? s.proposed
        if let now {
            points.append(
                JourneyPoint(
                    assessmentId: s.assessmentId, date: String(s.dateTime.prefix(10)), level: now.level, step: now.step,
                    basis: s.decided == nil ? .proposed : .decided, current: true,
                    eventsAdded: history?.entries.first { $0.assessmentId == a.id }?.eventsAdded
                        ?? Chronology.added(in: a.chronology, since: previous.chronology).count))
        }
        s.journey = points.isEmpty ? nil : points
        return s
    }

    /// After the flags: what changed since last time, and the child's journey so far.
    var sinceLastTimeBlocks: [SummaryBlock] {
        var out = sinceLastTime?.blocks ?? []
        if let journey, journey.count > 1 {
            out.append(out.isEmpty ? .heading("The child's journey on the staircase") : .subheading("The child's journey on the staircase"))
            out.append(.journey(journey))
        }
        return out
    }
}
