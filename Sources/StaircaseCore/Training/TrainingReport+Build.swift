#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension TrainingReport {
    /// One response file as the command line read it: its name (for the damaged list) and bytes.
    public struct Input: Sendable {
        public var name: String
        public var data: Data
        /// Set when the file could not be read at all: it is listed as damaged with this reason.
        public var unreadable: String?

        public init(name: String, data: Data) {
            self.name = name
            self.data = data
        }

        public init(name: String, unreadable reason: String) {
            self.name = name
            self.data = Data()
            self.unreadable = reason
        }
    }

    static let scale = [1, 2, 3, 4]

    /// Builds the report. Damaged files are listed and the rest counted; responses to another
    /// pack or version are refused (listed, never counted); when one alias answered a case more
    /// than once, the latest `recordedAt` counts and the report says so.
    public static func build(pack: TrainingPack, catalogue c: Catalogue, inputs: [Input], named: Bool) -> TrainingReport {
        var damaged: [FileProblem] = []
        var refused: [FileProblem] = []
        var read: [TrainingResponse] = []
        for input in inputs {
            if let reason = input.unreadable {
                damaged.append(FileProblem(file: ExportText.line(input.name), reason: reason))
                continue
            }
            switch TrainingResponse.read(input.data, pack: pack, catalogue: c) {
            case .success(let r): read.append(r)
            case .failure(.damaged(let why)): damaged.append(FileProblem(file: ExportText.line(input.name), reason: why))
            case .failure(.otherPack(let why)): refused.append(FileProblem(file: ExportText.line(input.name), reason: why))
            }
        }
        // Participants are the same person whatever the case or spacing of their alias.
        func key(_ alias: String) -> String { alias.trimmed.lowercased() }
        var shown: [String: String] = [:]
        for r in read where shown[key(r.alias)] == nil { shown[key(r.alias)] = ExportText.line(r.alias) }
        let keys = shown.keys.sorted()
        var label: [String: String] = [:]
        for (i, k) in keys.enumerated() { label[k] = named ? (shown[k] ?? k) : letters(i) }

        var latest: [String: TrainingResponse] = [:]
        var counts: [String: Int] = [:]
        for r in read {
            let k = key(r.alias) + "\u{0}" + r.caseID
            counts[k, default: 0] += 1
            if let kept = latest[k], kept.recordedAt > r.recordedAt { continue }
            latest[k] = r
        }
        var duplicates: [Duplicate] = []
        for (k, n) in counts where n > 1 {
            guard let r = latest[k] else { continue }
            duplicates.append(
                Duplicate(
                    participant: label[key(r.alias)] ?? "?", caseID: r.caseID, responses: n,
                    keptRecordedAt: ExportText.timestamp(r.recordedAt)))
        }
        duplicates.sort { ($0.caseID, $0.participant) < ($1.caseID, $1.participant) }
        let counted = latest.values.sorted { (label[key($0.alias)] ?? "", $0.caseID) < (label[key($1.alias)] ?? "", $1.caseID) }
        var byCase: [String: [TrainingResponse]] = [:]
        for r in counted { byCase[r.caseID, default: []].append(r) }

        let rowAlphas = rowAlphaAcrossCases(pack: pack, byCase: byCase)
        let cases = pack.cases.map { k in
            caseReport(k, responses: byCase[k.id] ?? [], label: { label[key($0.alias)] ?? "?" }, catalogue: c, rowAlphas: rowAlphas)
        }
        // Across the pack: each case is a unit, each participant a coder of its overall level.
        let overallUnits: [[Int?]] = pack.cases.map { k in (byCase[k.id] ?? []).map { Optional($0.decision.level) } }
        return TrainingReport(
            pack: PackSummary(id: pack.id, version: pack.version, title: pack.title), named: named,
            participants: Set(counted.map { key($0.alias) }).count,
            responsesCounted: counted.count,
            overall: AgreementSummary(
                alphaOrdinal: Agreement.krippendorffAlpha(units: overallUnits, scale: scale, metric: .ordinal),
                fleissKappa: Agreement.fleissKappa(units: overallUnits, scale: scale),
                exact: Agreement.pairwiseAgreement(units: overallUnits)),
            cases: cases, duplicates: duplicates, damaged: damaged.sorted { $0.file < $1.file },
            refused: refused.sorted { $0.file < $1.file })
    }

    /// A, B, … Z, AA, AB, …
    static func letters(_ n: Int) -> String {
        let a = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return n < 26 ? String(a[n]) : letters(n / 26 - 1) + String(a[n % 26])
    }

    static func rowAlphaAcrossCases(pack: TrainingPack, byCase: [String: [TrainingResponse]]) -> [String: Statistic] {
        var units: [String: [[Int?]]] = [:]
        for k in pack.cases {
            let responses = byCase[k.id] ?? []
            var rows = Set(k.modelAnswer.ratings.map(\.row))
            for r in responses { rows.formUnion(r.ratings.keys) }
            for row in rows { units[row, default: []].append(responses.map { $0.level(of: row) }) }
        }
        return units.mapValues { Agreement.krippendorffAlpha(units: $0, scale: scale, metric: .ordinal) }
    }

    static func caseReport(
        _ k: TrainingCase, responses: [TrainingResponse], label: (TrainingResponse) -> String, catalogue c: Catalogue,
        rowAlphas: [String: Statistic]
    ) -> CaseReport {
        let m = k.modelAnswer
        let levels = (1...4).map { l in
            Bar(label: "Level \(l)", count: responses.filter { $0.decision.level == l }.count, model: l == m.level)
        }
        let steps = c.steps.map { s in
            Bar(label: "Step \(s.number)", count: responses.filter { $0.decision.step == s.number }.count, model: s.number == m.step)
        }
        let decisions = responses.map {
            Decision(participant: label($0), level: $0.decision.level, step: $0.decision.step, minutes: ($0.secondsTaken + 30) / 60)
        }
        var rowIDs = Set(m.ratings.map(\.row))
        for r in responses { rowIDs.formUnion(r.ratings.keys) }
        let indicators = c.allIndicators.filter { rowIDs.contains($0.indicator.id) }.map(\.indicator)
        var rows: [RowReport] = []
        var units: [[Int?]] = [responses.map { Optional($0.decision.level) }]
        for row in indicators {
            let values = responses.map { $0.level(of: row.id) }
            units.append(values)
            let counts = (1...4).map { l in values.filter { $0 == l }.count }
            let na = responses.filter { $0.ratings[row.id] == .notApplicable }.count
            let modelLevel = m.level(of: row.id)
            var shownLevels = Set((1...4).filter { counts[$0 - 1] > 0 })
            if let modelLevel { shownLevels.insert(modelLevel) }
            let disagreement: Statistic =
                switch Agreement.pairwiseAgreement(units: [values]) {
                case .value(let v): .value(1 - v)
                case .notDefined(let why): .notDefined(why)
                }
            rows.append(
                RowReport(
                    row: row.id, title: ExportText.line(row.title), modelLevel: modelLevel, counts: counts, notApplicable: na,
                    skipped: responses.count - values.compactMap { $0 }.count - na, disagreement: disagreement,
                    alphaAcrossCases: rowAlphas[row.id] ?? .notDefined("no case rates this row"),
                    descriptors: shownLevels.sorted().compactMap { l in
                        row.levels[l]?.text.map { Descriptor(level: l, text: ExportText.line($0)) }
                    }))
        }
        let order = Dictionary(indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        rows.sort { a, b in
            let da = a.disagreement.number ?? -1
            let db = b.disagreement.number ?? -1
            if da != db { return da > db }
            let sa = spread(a.counts)
            let sb = spread(b.counts)
            if sa != sb { return sa > sb }
            return (order[a.row] ?? 0) < (order[b.row] ?? 0)
        }
        let withModel = responses.map { ($0.decision.level, m.level) }
        return CaseReport(
            id: k.id, title: ExportText.line(k.title), participants: responses.count, model: LevelStep(level: m.level, step: m.step),
            levels: levels, steps: steps, decisions: decisions,
            agreement: AgreementSummary(
                alphaOrdinal: Agreement.krippendorffAlpha(units: units, scale: scale, metric: .ordinal),
                fleissKappa: Agreement.fleissKappa(units: units, scale: scale),
                exact: Agreement.pairwiseAgreement(units: [units[0]])),
            withModelExact: withModel.isEmpty ? .notDefined("nobody has answered this case") : Agreement.agreement(pairs: withModel),
            withModelWithinOne: withModel.isEmpty
                ? .notDefined("nobody has answered this case") : Agreement.agreement(pairs: withModel, tolerance: 1),
            rows: rows)
    }

    /// Highest level chosen minus lowest: breaks ties between equally disputed rows.
    static func spread(_ counts: [Int]) -> Int {
        let used = counts.indices.filter { counts[$0] > 0 }
        guard let lo = used.first, let hi = used.last else { return 0 }
        return hi - lo
    }
}
