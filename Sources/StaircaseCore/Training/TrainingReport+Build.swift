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
    /// pack or version are refused (listed, never counted); copies of one response id count
    /// once, and of one participant's answers to a case the latest counts (see `merge`).
    public static func build(pack: TrainingPack, catalogue c: Catalogue, inputs: [Input], named: Bool) -> TrainingReport {
        var damaged: [FileProblem] = []
        var refused: [FileProblem] = []
        var read: [ReadResponse] = []
        let catalogueRows = c.allIndicators.map(\.indicator)
        let rows = Set(catalogueRows.map(\.id))
        for input in inputs {
            if let reason = input.unreadable {
                damaged.append(FileProblem(file: ExportText.line(input.name), reason: reason))
                continue
            }
            switch TrainingResponse.read(input.data, pack: pack, rows: rows, catalogue: c) {
            case .success(let r):
                guard let time = r.recordedTime else { continue }
                read.append(ReadResponse(file: input.name, response: r, time: time))
            case .failure(.damaged(let why)): damaged.append(FileProblem(file: ExportText.line(input.name), reason: why))
            case .failure(.otherPack(let why)): refused.append(FileProblem(file: ExportText.line(input.name), reason: why))
            }
        }
        let merged = merge(read)
        let keys = merged.aliases.keys.sorted()
        var label: [String: String] = [:]
        for (i, k) in keys.enumerated() { label[k] = named ? (merged.aliases[k] ?? k) : letters(i) }
        let key = participantKey
        let duplicates = merged.resent.map {
            Duplicate(participant: label[$0.key] ?? "?", caseID: $0.caseID, responses: $0.responses, keptRecordedAt: $0.kept)
        }.sorted { ($0.caseID, $0.participant) < ($1.caseID, $1.participant) }
        let copies = merged.copies.map { copy in
            var c = copy
            c.keptAlias = label[key(copy.keptAlias)] ?? "?"
            if !named { c.aliases = [] }
            return c
        }
        // Each response's label worked out once, and positions sorted rather than the responses
        // themselves: sorting must neither re-key aliases per comparison nor move large values.
        let counted = merged.counted
        let labels = counted.map { label[key($0.alias)] ?? "?" }
        let order = counted.indices.sorted {
            (labels[$0], counted[$0].caseID, counted[$0].id) < (labels[$1], counted[$1].caseID, counted[$1].id)
        }
        var byCase: [String: [TrainingResponse]] = [:]
        for i in order { byCase[counted[i].caseID, default: []].append(counted[i]) }

        let rowIndex = Dictionary(catalogueRows.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let tables = pack.cases.map { CaseTable($0, responses: byCase[$0.id] ?? [], rowIndex: rowIndex) }
        let rowAlphas = rowAlphaAcrossCases(tables: tables, catalogueRows: catalogueRows)
        let cases = pack.cases.enumerated().map { i, k in
            caseReport(
                k, number: i + 1, responses: byCase[k.id] ?? [], table: tables[i], label: { label[key($0.alias)] ?? "?" }, catalogue: c,
                catalogueRows: catalogueRows, rowAlphas: rowAlphas)
        }
        // Across the pack: each case is a unit, each participant a rater of its overall level
        // (nil where they did not answer it, so Fleiss's κ sees who is missing).
        let overallUnits: [[Int?]] = pack.cases.compactMap { k in
            guard let answers = byCase[k.id], !answers.isEmpty else { return nil }
            let level = Dictionary(answers.map { (key($0.alias), $0.decision.level) }, uniquingKeysWith: { a, _ in a })
            return keys.map { level[$0] }
        }
        return TrainingReport(
            pack: PackSummary(id: pack.id, version: pack.version, title: pack.title), named: named, participants: keys.count,
            responsesCounted: counted.count, casesAnswered: overallUnits.count,
            overall: AgreementSummary(
                alphaOrdinal: Agreement.krippendorffAlpha(units: overallUnits, scale: scale, metric: .ordinal),
                fleiss: Agreement.fleissOnCompleteUnits(units: overallUnits, scale: scale),
                exact: Agreement.pairwiseAgreement(units: overallUnits)),
            cases: debateOrder(cases), copies: copies, duplicates: duplicates, damaged: damaged.sorted { $0.file < $1.file },
            refused: refused.sorted { $0.file < $1.file })
    }

    /// Cases to debate first: the most pairs choosing different levels, then the fewest who
    /// matched the model, then the lowest α; cases nobody answered go last, in pack order.
    static func debateOrder(_ cases: [CaseReport]) -> [CaseReport] {
        func score(_ k: CaseReport) -> (Double, Double, Double) {
            (1 - (k.agreement.exact.number ?? 1), 1 - (k.withModelExact.number ?? 1), -(k.agreement.alphaOrdinal.number ?? 1))
        }
        return cases.sorted { a, b in
            if (a.participants == 0) != (b.participants == 0) { return b.participants == 0 }
            if a.participants == 0 { return a.number < b.number }
            let sa = score(a)
            let sb = score(b)
            return sa != sb ? sa > sb : a.number < b.number
        }
    }

    /// A, B, … Z, AA, AB, …
    static func letters(_ n: Int) -> String {
        let a = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return n < 26 ? String(a[n]) : letters(n / 26 - 1) + String(a[n % 26])
    }

    /// Each row's α with the cases that rate it as units (the model answer or a response).
    static func rowAlphaAcrossCases(tables: [CaseTable], catalogueRows: [Indicator]) -> [String: Statistic] {
        var units: [String: [[Int?]]] = [:]
        for table in tables {
            for (n, i) in table.rows.enumerated() { units[catalogueRows[i].id, default: []].append(table.levels(n)) }
        }
        return units.mapValues { cases in
            if cases.filter({ $0.compactMap { $0 }.count >= 2 }).count == 1 {
                return .notDefined("rated in one case only (by two or more participants), and α needs two or more cases to compare")
            }
            return Agreement.krippendorffAlpha(units: cases, scale: scale, metric: .ordinal)
        }
    }

    static func caseReport(
        _ k: TrainingCase, number: Int, responses: [TrainingResponse], table: CaseTable, label: (TrainingResponse) -> String,
        catalogue c: Catalogue, catalogueRows: [Indicator], rowAlphas: [String: Statistic]
    ) -> CaseReport {
        let m = k.modelAnswer
        let levels = (1...4).map { l in
            Bar(label: "Level \(l)", count: responses.filter { $0.decision.level == l }.count, model: l == m.level)
        }
        let steps = c.steps.map { s in
            Bar(label: "Step \(s.number)", count: responses.filter { $0.decision.step == s.number }.count, model: s.number == m.step)
        }
        let decisions = responses.map {
            Decision(participant: label($0), level: $0.decision.level, step: $0.decision.step, minutes: minutes($0.secondsTaken))
        }
        let indicators = table.rows.map { catalogueRows[$0] }
        var rows: [RowReport] = []
        var units: [[Int?]] = [responses.map { Optional($0.decision.level) }]
        for (n, row) in indicators.enumerated() {
            var values: [Int?] = []
            values.reserveCapacity(responses.count)
            var counts = [0, 0, 0, 0]
            var na = 0
            for rating in table.ratings[n] {
                let level = rating?.level
                values.append(level)
                if let level { counts[level - 1] += 1 }
                if rating == .notApplicable { na += 1 }
            }
            units.append(values)
            let rated = counts.reduce(0, +)
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
                    skipped: responses.count - rated - na, disagreement: disagreement,
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
            id: k.id, title: ExportText.line(k.title), number: number, participants: responses.count,
            model: LevelStep(level: m.level, step: m.step),
            levels: levels, steps: steps, decisions: decisions,
            agreement: AgreementSummary(
                alphaOrdinal: Agreement.krippendorffAlpha(units: units, scale: scale, metric: .ordinal),
                fleiss: Agreement.fleissOnCompleteUnits(units: units, scale: scale),
                exact: Agreement.pairwiseAgreement(units: [units[0]])),
            withModelExact: withModel.isEmpty ? .notDefined("nobody has answered this case") : Agreement.agreement(pairs: withModel),
            withModelWithinOne: withModel.isEmpty
                ? .notDefined("nobody has answered this case") : Agreement.agreement(pairs: withModel, tolerance: 1),
            rows: rows)
    }

    /// Whole minutes, to the nearest; cannot trap whatever the value (the reader has already
    /// refused times over 31 days, and this does not rely on it).
    static func minutes(_ seconds: Int) -> Int {
        seconds / 60 + (seconds % 60 >= 30 ? 1 : 0)
    }

    /// Highest level chosen minus lowest: breaks ties between equally disputed rows.
    static func spread(_ counts: [Int]) -> Int {
        let used = counts.indices.filter { counts[$0] > 0 }
        guard let lo = used.first, let hi = used.last else { return 0 }
        return hi - lo
    }
}
