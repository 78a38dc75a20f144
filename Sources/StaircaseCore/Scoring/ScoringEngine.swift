/// Proposes a level and step from an assessment, by the rules the catalogue states.
///
/// Built once per catalogue: rows are flattened into arrays of small integers so that scoring
/// is a single pass over bytes (the benchmark scores millions per second); `propose` adds the
/// explanation on top of the same pass, so the two can never disagree.
public struct ScoringEngine: Sendable {
    public let catalogue: Catalogue
    let rowIDs: [String]
    let rowArea: [Int]
    let rowDomain: [Int]
    let rowStepFive: [Bool]
    /// Bit i set when the row carries the i-th toxic-trio component tag.
    let rowTrio: [UInt8]
    /// Each row, for the age filter (completeness leaves out unanswered rows for another age).
    let rows: [Indicator]
    let areaIDs: [String]
    let domainIDs: [String]
    let indexByID: [String: Int]
    let trioComponents: Int

    public init(catalogue: Catalogue) {
        self.catalogue = catalogue
        var ids: [String] = []
        var area: [Int] = []
        var domain: [Int] = []
        var stepFive: [Bool] = []
        var trio: [UInt8] = []
        var rows: [Indicator] = []
        var areaIDs: [String] = []
        let trioTags = catalogue.rules.toxicTrio.componentTags
        for (d, dom) in catalogue.domains.enumerated() {
            for a in dom.areas {
                areaIDs.append(a.id)
                for row in a.indicators {
                    ids.append(row.id)
                    area.append(areaIDs.count - 1)
                    domain.append(d)
                    stepFive.append(row.hasTag(catalogue.rules.stepFive.tag))
                    var bits: UInt8 = 0
                    for (i, t) in trioTags.enumerated() where i < 8 && row.hasTag(t) { bits |= 1 << UInt8(i) }
                    trio.append(bits)
                    rows.append(row)
                }
            }
        }
        rowIDs = ids
        rowArea = area
        rowDomain = domain
        rowStepFive = stepFive
        rowTrio = trio
        self.rows = rows
        self.areaIDs = areaIDs
        domainIDs = catalogue.domains.map(\.id)
        indexByID = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        trioComponents = min(8, trioTags.count)
    }

    /// Ratings per row in catalogue order: 0 not assessed, 1–4 a level, 5 not applicable.
    public typealias Dense = [UInt8]
    public static let notApplicableCode: UInt8 = 5

    /// A level on a row the catalogue gives for another age than the child's counts only once
    /// the practitioner confirms it applies (`Answer.confirmedForAge`); `outsideAge` names them.
    public func dense(_ assessment: Assessment) -> Dense {
        var out = Dense(repeating: 0, count: rowIDs.count)
        var stage: AgeStage??
        for (id, answer) in assessment.answers {
            guard let i = indexByID[id] else { continue }
            if let level = answer.rating.level, !answer.confirmedForAge {
                if stage == nil { stage = .some(Self.stage(of: assessment)) }
                if case .some(.some(let s)) = stage, !rows[i].applies(to: s) { continue }
                out[i] = UInt8(level)
                continue
            }
            out[i] = answer.rating.level.map(UInt8.init) ?? (answer.rating == .notApplicable ? Self.notApplicableCode : 0)
        }
        return out
    }

    /// The child's stage on the day of the assessment's last change (as `propose` reads it).
    static func stage(of a: Assessment) -> AgeStage? {
        ChildAge.stage(a.child, on: CalendarDate(a.updatedAt) ?? CalendarDate.unknownDay)
    }

    /// Rows rated 1–4 that the catalogue gives for another age and that are not confirmed: they
    /// do not count, and every view of the proposal names them.
    public func outsideAge(_ a: Assessment) -> [String] {
        let stage = Self.stage(of: a)
        guard stage != nil else { return [] }
        return rowIDs.indices.filter { i in
            guard let answer = a.answers[rowIDs[i]], answer.rating.level != nil, !answer.confirmedForAge else { return false }
            return !rows[i].applies(to: stage)
        }.map { rowIDs[$0] }
    }

    /// The facts besides the rows that the rules read.
    public struct Facts: Sendable, Equatable {
        public var immediateDanger: Bool
        public var practitionerStepFive: Bool
        public var tafExists: Bool
        public init(immediateDanger: Bool = false, practitionerStepFive: Bool = false, tafExists: Bool = false) {
            self.immediateDanger = immediateDanger
            self.practitionerStepFive = practitionerStepFive
            self.tafExists = tafExists
        }

        public init(_ a: Assessment) {
            self.init(
                immediateDanger: a.immediateDanger == .yes, practitionerStepFive: a.needsCannotBeMetAtHome,
                tafExists: a.leadProfessional.tafExists)
        }
    }

    /// Level, step and flags without the explanation: the allocation-free core of every proposal.
    public struct Outcome: Sendable, Equatable {
        public var level: Int  // 0 when nothing is assessed
        public var step: Int
        public var highest: Int
        public var combination: Bool
        public var toxicTrio: Bool
        public var stepFiveRow: Bool
        public var levelTwoOrMore: Int
    }

    public func outcome(_ ratings: Dense, _ facts: Facts) -> Outcome {
        let rule = catalogue.rules
        var highest = 0
        var twoPlus = 0
        var areasLow: UInt64 = 0
        var areasHigh: UInt64 = 0
        var extraAreas = Set<Int>()
        var domains: UInt64 = 0
        var stepFiveRow = false
        var trioSeen: UInt8 = 0
        let count = min(ratings.count, rowIDs.count)
        for i in 0..<count {
            let r = Int(ratings[i])
            guard r >= 1 && r <= 4 else { continue }
            if r > highest { highest = r }
            if r >= 2 {
                twoPlus += 1
                let a = rowArea[i]
                if a < 64 { areasLow |= 1 << UInt64(a) } else if a < 128 { areasHigh |= 1 << UInt64(a - 64) } else { extraAreas.insert(a) }
                domains |= 1 << UInt64(min(rowDomain[i], 63))
            }
            if r == 4 && rowStepFive[i] { stepFiveRow = true }
            if r >= rule.toxicTrio.minimumLevel { trioSeen |= rowTrio[i] }
        }
        let areaCount = areasLow.nonzeroBitCount + areasHigh.nonzeroBitCount + extraAreas.count
        let combination =
            twoPlus >= rule.combination.minimumRows && areaCount >= rule.combination.minimumAreas
            && domains.nonzeroBitCount >= rule.combination.minimumDomains
        var level = highest
        if combination && level < rule.combination.proposesLevel { level = rule.combination.proposesLevel }
        if facts.practitionerStepFive { level = 4 }
        let step: Int
        switch level {
        case 0: step = 0
        case 4: step = (stepFiveRow || facts.practitionerStepFive) ? 5 : 4
        default: step = level
        }
        let trio = trioComponents > 0 && trioSeen == UInt8(truncatingIfNeeded: (1 << trioComponents) - 1)
        return Outcome(
            level: level, step: step, highest: highest, combination: combination, toxicTrio: trio,
            stepFiveRow: stepFiveRow, levelTwoOrMore: twoPlus)
    }
}

/// Everything an engine holds is derived from its catalogue, so two engines are equal when their
/// catalogues are: what lets a whole wizard state be compared.
extension ScoringEngine: Equatable {
    public static func == (l: ScoringEngine, r: ScoringEngine) -> Bool { l.catalogue == r.catalogue }
}
