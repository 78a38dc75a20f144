/// What a participant sees once they have decided: their answer beside the model's, and where
/// and why they differ. Pure, so the feedback screen only lays it out.
public struct TrainingFeedback: Sendable, Equatable {
    public var caseID: String
    public var theirs: LevelStep
    public var model: LevelStep
    /// Rows both rated with different levels, in catalogue order.
    public var differences: [RowDifference]
    /// Rows the model rates that the participant left unassessed.
    public var unassessed: [ModelRow]
    /// Rows the model rates at a level that the participant marked not applicable: a
    /// difference of judgement (the row does apply), not a gap, so it is said apart.
    public var notApplicable: [ModelRow]
    /// Over the model's rows that the participant rated. (No κ here: over a dozen rows against
    /// one model answer it swings to 0 or below on a single difference, which a participant
    /// cannot read; the facilitator's report carries the agreement statistics.)
    public var exact: Statistic
    public var withinOne: Statistic

    public struct LevelStep: Sendable, Equatable {
        public var level: Int
        public var step: Int
        public var stepName: String
    }

    public struct RowDifference: Sendable, Equatable {
        public var row: String
        public var title: String
        public var theirLevel: Int
        public var theirDescriptor: String
        public var modelLevel: Int
        public var modelDescriptor: String
        /// The authors' reasoning for this row, when they wrote one.
        public var rationale: String?
    }

    public struct ModelRow: Sendable, Equatable {
        public var row: String
        public var title: String
        public var modelLevel: Int
        public var modelDescriptor: String
        public var rationale: String?
    }

    public var decisionMatches: Bool { theirs.level == model.level && theirs.step == model.step }

    /// The feedback for one response to one case.
    public static func make(response: TrainingResponse, case k: TrainingCase, catalogue c: Catalogue) -> TrainingFeedback {
        var rows: [String: Indicator] = [:]
        var order: [String: Int] = [:]
        for (i, e) in c.allIndicators.enumerated() {
            rows[e.indicator.id] = e.indicator
            order[e.indicator.id] = i
        }
        func descriptor(_ row: String, _ level: Int) -> String { rows[row]?.levels[level]?.text ?? "(no descriptor at this level)" }
        let m = k.modelAnswer
        var differences: [RowDifference] = []
        var unassessed: [ModelRow] = []
        var notApplicable: [ModelRow] = []
        var pairs: [(Int, Int)] = []
        for r in m.ratings.sorted(by: { (order[$0.row] ?? 0) < (order[$1.row] ?? 0) }) {
            let title = rows[r.row]?.title ?? r.row
            let why = m.rationale(for: r.row)?.why
            guard let theirs = response.level(of: r.row) else {
                let row = ModelRow(
                    row: r.row, title: title, modelLevel: r.level, modelDescriptor: descriptor(r.row, r.level), rationale: why)
                if response.ratings[r.row] == .notApplicable { notApplicable.append(row) } else { unassessed.append(row) }
                continue
            }
            pairs.append((theirs, r.level))
            if theirs != r.level {
                differences.append(
                    RowDifference(
                        row: r.row, title: title, theirLevel: theirs, theirDescriptor: descriptor(r.row, theirs), modelLevel: r.level,
                        modelDescriptor: descriptor(r.row, r.level), rationale: why))
            }
        }
        func ls(_ level: Int, _ step: Int) -> LevelStep { LevelStep(level: level, step: step, stepName: c.step(step)?.name ?? "") }
        return TrainingFeedback(
            caseID: k.id, theirs: ls(response.decision.level, response.decision.step), model: ls(m.level, m.step),
            differences: differences, unassessed: unassessed, notApplicable: notApplicable,
            exact: Agreement.agreement(pairs: pairs), withinOne: Agreement.agreement(pairs: pairs, tolerance: 1))
    }
}
