#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// "Since last time" as summary blocks: one wording for `staircase compare` in every format and
/// for the referral summary's section, so the two never disagree.
extension AssessmentComparison {
    /// The summary's and the review's section: the events added are listed briefly there, since
    /// the summary's own chronology table gives them in full.
    public var blocks: [SummaryBlock] {
        [.heading("Since last time")] + body(eventsInFull: false)
    }

    /// The section without its heading: `compare` puts its own title above it.
    public var bodyBlocks: [SummaryBlock] { body(eventsInFull: true) }

    func body(eventsInFull: Bool) -> [SummaryBlock] {
        var out: [SummaryBlock] = []
        if differentChildren == true {
            out.append(
                .paragraph(
                    "Warning: these two assessments have different child keys, so they may be of two different children; "
                        + "a change below may be no change in either child."))
        }
        func place(_ r: Reading) -> String {
            let level = AssessmentComparison.Place.words(decided: r.decided, proposed: r.proposed)
            let version = old.catalogueVersion != new.catalogueVersion ? ", catalogue version \(r.catalogueVersion)" : ""
            return level + " on " + r.date + " (" + r.assessmentId + version + ")"
        }
        var fields: [SummaryBlock.Field] = [.init("Before", place(old)), .init("Now", place(new))]
        if !flagsAppeared.isEmpty { fields.append(.init("Flags raised", flagsAppeared.map(Self.flagName).joined(separator: ", "))) }
        if !flagsCleared.isEmpty {
            // While carried answers wait to be confirmed they count for nothing, so a flag that
            // is gone may only be waiting for them: never call that "cleared".
            let waiting = toConfirm.count
            fields.append(
                waiting > 0
                    ? .init(
                        "Flags not raised yet",
                        flagsCleared.map(Self.flagName).joined(separator: ", ")
                            + " (\(waiting) earlier answer\(waiting == 1 ? "" : "s") still to confirm)")
                    : .init("Flags cleared", flagsCleared.map(Self.flagName).joined(separator: ", ")))
        }
        let t = totals
        fields.append(.init("Rows", Self.countText(t)))
        out.append(.fields(fields))
        let perDomain = domains.filter { d in Change.allCases.contains { d.count($0) > 0 } || d.toConfirm > 0 }
        if !perDomain.isEmpty {
            out.append(.subheading("By domain"))
            out.append(.fields(perDomain.map { .init($0.name, Self.countText($0)) }))
        }
        let important = rows.filter { !$0.important.isEmpty }
        if !important.isEmpty {
            out.append(.subheading("Most important"))
            out.append(.bullets(important.map(Self.describe)))
        }
        let changed = rows.filter { $0.important.isEmpty && $0.change != .same }
        // A row with no need either side ("not assessed then, Level 1 now") is counted, not listed.
        let others = changed.filter { r in
            (r.before.level ?? 0) >= 2 || (r.after.level ?? 0) >= 2 || r.reason != nil || r.catalogueChange != nil
        }
        if !others.isEmpty {
            out.append(.subheading("Other changes"))
            out.append(.bullets(others.map(Self.describe)))
        }
        if changed.count > others.count {
            out.append(.paragraph(Self.unlisted(changed.filter { r in !others.contains { $0.id == r.id } })))
        }
        if important.isEmpty && changed.isEmpty {
            out.append(.paragraph("No row changed" + (t.same > 0 ? ": \(t.same) row\(t.same == 1 ? " is" : "s are") the same." : ".")))
        }
        out += eventsInFull ? eventsAddedBlocks : briefEventsAddedBlocks
        if !toConfirm.isEmpty {
            out.append(.subheading("Carried forward, not yet confirmed (not counted)"))
            out.append(.bullets(toConfirm.map { "\($0.title): was \($0.before.label) on \(old.date)" }))
        }
        if !catalogueChanges.isEmpty {
            out.append(.subheading("Rows changed between catalogue versions \(old.catalogueVersion) and \(new.catalogueVersion)"))
            out.append(
                .bullets(
                    catalogueChanges.map { c in
                        switch c.kind {
                        case .added: "added: \(c.title)"
                        case .removed: "removed: \(c.title)"
                        case .reworded: "reworded: \(c.title)" + (c.oldTitle.map { " (was “\($0)”)" } ?? "")
                        }
                    }))
        }
        return out
    }

    /// The earlier assessment's day in words ("1 March 2026"), as the chronology words dates.
    var earlierDay: String { EventDate(old.date).map(\.words) ?? old.date }

    /// "Events added to the chronology since the assessment of 1 March 2026" (an event added may be dated earlier) and the events as the summary's chronology table, or a
    /// line saying none were: a reader of `compare` needs the dated record of what happened.
    var eventsAddedBlocks: [SummaryBlock] {
        let heading = SummaryBlock.subheading("Events added to the chronology since the assessment of \(earlierDay)")
        guard !eventsAdded.isEmpty else { return [heading, .paragraph("None: no event was added to the chronology.")] }
        return [heading, ReferralSummary.eventTable(eventsAdded)]
    }

    /// The same, short: the count, then each event's date and what happened.
    var briefEventsAddedBlocks: [SummaryBlock] {
        let n = eventsAdded.count
        let heading = SummaryBlock.subheading("Events added to the chronology since the assessment of \(earlierDay)")
        guard n > 0 else { return [heading, .paragraph("None: no event was added to the chronology.")] }
        return [
            heading, .paragraph("\(n) event\(n == 1 ? "" : "s") added to the chronology, in date order:"),
            .bullets(eventsAdded.map { "\($0.dateWords): \($0.what)" }),
        ]
    }

    /// "up 1, down 2, the same 5; 3 to confirm", leaving out the classes with none.
    static func countText(_ d: DomainCounts) -> String {
        var parts = Change.allCases.filter { d.count($0) > 0 }.map { "\($0.label) \(d.count($0))" }
        if parts.isEmpty { parts = ["no row answered either time"] }
        return parts.joined(separator: ", ") + (d.toConfirm > 0 ? "; \(d.toConfirm) to confirm" : "")
    }

    /// The rows changed without a need either time, which are counted but not listed: one is
    /// named; more are counted by what actually happened to them, never by an example that may
    /// fit none of them.
    static func unlisted(_ rows: [RowChange]) -> String {
        if rows.count == 1, let r = rows.first {
            return "1 more row changed without a need either time: \(r.before.label) → \(r.after.label): \(r.title) "
                + "(\(r.changeLabel)). Counted above."
        }
        var kinds: [String: Int] = [:]
        var order: [String] = []
        for r in rows {
            let kind = "\(r.before.label) then, \(r.after.label) now"
            if kinds[kind] == nil { order.append(kind) }
            kinds[kind, default: 0] += 1
        }
        let parts = order.map { "\(kinds[$0] ?? 0) \($0)" }
        return "\(rows.count) more rows changed without a need either time (" + parts.joined(separator: "; ")
            + "): counted above, not listed."
    }

    /// "Level 3 → Level 4: Title (up; now at Level 4; real change)".
    static func describe(_ r: RowChange) -> String {
        var notes = [r.changeLabel] + r.important
        if let reason = r.reason { notes.append(reason.label) }
        if let kind = r.catalogueChange { notes.append("row \(kind.rawValue) in the new catalogue version") }
        return "\(r.before.label) → \(r.after.label): \(r.title) (" + notes.joined(separator: "; ") + ")"
    }

    static func flagName(_ f: Proposal.FlagKind) -> String {
        switch f {
        case .immediateDanger: "immediate danger"
        case .toxicTrio: "toxic trio"
        case .combination: "combination of needs"
        case .incomplete: "incomplete"
        }
    }

    /// The comparison with every catalogue string cleaned for export.
    public var sanitised: AssessmentComparison {
        var c = self
        let line = ExportText.line
        func clean(_ r: RowChange) -> RowChange {
            var r = r
            r.id = line(r.id)
            r.domain = line(r.domain)
            r.title = line(r.title)
            return r
        }
        c.catalogueId = line(c.catalogueId)
        c.rows = c.rows.map(clean)
        c.toConfirm = c.toConfirm.map(clean)
        c.domains = c.domains.map { d in
            var d = d
            d.domain = line(d.domain)
            d.name = line(d.name)
            return d
        }
        c.eventsAdded = c.eventsAdded.map { e in
            var e = e
            e.date = line(e.date)
            e.dateWords = line(e.dateWords)
            e.what = line(e.what)
            e.source = line(e.source)
            e.rows = e.rows.map { .init(id: line($0.id), title: line($0.title)) }
            return e
        }
        c.catalogueChanges = c.catalogueChanges.map { k in
            var k = k
            k.id = line(k.id)
            k.title = line(k.title)
            k.oldTitle = k.oldTitle.map(line)
            return k
        }
        for r in [\AssessmentComparison.old, \AssessmentComparison.new] {
            c[keyPath: r].assessmentId = line(c[keyPath: r].assessmentId)
            c[keyPath: r].catalogueVersion = line(c[keyPath: r].catalogueVersion)
        }
        return c
    }
}

/// `staircase compare` in each format: the comparison's blocks under a title, or its JSON.
public enum ComparisonExporter {
    public static func render(format: ExportFormat, comparison raw: AssessmentComparison) -> String {
        let c = raw.sanitised
        let title = "What changed since last time"
        let blocks: [SummaryBlock] = [.title(title)] + c.bodyBlocks
        switch format {
        case .markdown: return MarkdownRenderer.render(blocks)
        case .text: return TextRenderer.render(blocks)
        case .html: return HTMLRenderer.page(title: title, blocks: blocks)
        case .json:
            do {
                return String(decoding: try JSONEncoder.stable.encode(c), as: UTF8.self) + "\n"
            } catch {
                return "{\"error\": \"the comparison could not be encoded\"}\n"
            }
        }
    }
}

extension HTMLRenderer {
    /// A self-contained page in the summary's style from any blocks: no script, nothing loaded.
    public static func page(title: String, blocks: [SummaryBlock]) -> String {
        document(title: escape(title), body: blocks.map(render).joined(separator: "\n") + "\n")
    }
}
