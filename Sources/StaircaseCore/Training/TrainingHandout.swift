/// A case for paper: the narrative participants read, and (for the facilitator only) the model
/// answer sheet. Built as the referral summary's blocks so the same sanitising and escaping
/// renderers lay it out as Markdown or HTML.
public enum TrainingHandout {
    public enum Format: String, CaseIterable, Sendable { case md, html }

    public static func render(pack: TrainingPack, case k: TrainingCase, catalogue c: Catalogue, answers: Bool, format: Format) -> String {
        let blocks = answers ? answerBlocks(pack: pack, case: k, catalogue: c) : narrativeBlocks(pack: pack, case: k)
        switch format {
        case .md: return MarkdownRenderer.render(blocks)
        case .html: return html(title: (answers ? "model answer: " : "case: ") + k.title, blocks: blocks)
        }
    }

    /// A self-contained page in the referral summary's style: no script, nothing loaded.
    static func html(title: String, blocks: [SummaryBlock]) -> String {
        HTMLRenderer.document(
            title: "TRAINING " + HTMLRenderer.escape(title), body: blocks.map { HTMLRenderer.render($0) }.joined(separator: "\n") + "\n")
    }

    static func narrativeBlocks(pack: TrainingPack, case k: TrainingCase) -> [SummaryBlock] {
        var b: [SummaryBlock] = [
            .title("TRAINING CASE: " + k.title),
            .alert(
                title: "Fictional case for training",
                lines: ["Every name and event here is made up. Do not enter real information about a child."]),
            .fields([
                SummaryBlock.Field("Child", k.child.name), SummaryBlock.Field("Age", k.child.ageText),
                SummaryBlock.Field("Case", k.id), SummaryBlock.Field("Pack", "\(pack.title) (\(pack.id) version \(pack.version))"),
                SummaryBlock.Field("Immediate danger", k.facts.immediateDanger.rawValue),
                SummaryBlock.Field("Team Around the Family", k.facts.tafExists ? "yes, with a Lead Professional" : "none"),
            ]),
        ]
        for s in k.narrative.sections {
            b.append(.heading(s.title))
            if s.paragraphs.isEmpty {
                b.append(.paragraph(k.child.isUnborn ? "The child is not yet born." : "Not recorded."))
            }
            for p in s.paragraphs { b.append(.paragraph(p)) }
        }
        // Without the rows: which rows an event is evidence for is the participant's judgement.
        let events = k.events
        if !events.isEmpty {
            b.append(.heading("Chronology"))
            b.append(
                .table(.init(headers: ["Date", "What happened", "Source"], rows: events.map { [$0.date.words, $0.what, $0.source] })))
        }
        b.append(.heading("Your task"))
        b.append(
            .paragraph(
                "Rate each row the narrative gives evidence for, leave the rest unassessed, then decide the level and step and give your reason."
            ))
        return b
    }

    static func answerBlocks(pack: TrainingPack, case k: TrainingCase, catalogue c: Catalogue) -> [SummaryBlock] {
        let m = k.modelAnswer
        let titles = c.indicatorTitles
        var rows: [String: Indicator] = [:]
        for e in c.allIndicators { rows[e.indicator.id] = e.indicator }
        var b: [SummaryBlock] = [
            .title("MODEL ANSWER (facilitator only): " + k.title),
            .alert(
                title: "Keep until everyone has decided", lines: ["This sheet gives the authors' answer. Hand it out only at the debrief."]),
            .fields([
                SummaryBlock.Field("Case", "\(k.id): \(k.child.name), \(k.child.ageText)"),
                SummaryBlock.Field("Level", "Level \(m.level): " + (c.level(m.level)?.name ?? "")),
                SummaryBlock.Field("Step", "Step \(m.step): " + (c.step(m.step)?.name ?? "")),
            ]),
            .heading("Rows the narrative gives evidence for"),
            .bullets(
                m.ratings.map { r in
                    "\(titles[r.row] ?? r.row) [\(r.row)]: Level \(r.level) — " + (rows[r.row]?.levels[r.level]?.text ?? "")
                }),
            .heading("Why: the key rows"),
        ]
        for r in m.rationale {
            b.append(.subheading("\(titles[r.row] ?? r.row), Level \(m.level(of: r.row) ?? 0)"))
            b.append(.userText(label: "The descriptor says", text: r.quote))
            b.append(.paragraph(r.why))
        }
        if let d = m.engineDifference {
            b.append(.heading("Where the authors differ from the engine"))
            b.append(.paragraph(d))
        }
        b.append(.heading("Discussion points"))
        b.append(.bullets(m.discussionPoints))
        b.append(.heading("Facilitator notes for the pack"))
        b.append(.bullets(pack.facilitatorNotes))
        return b
    }
}
