/// Inter-rater agreement statistics for training workshops, each checked against published
/// worked examples (see Tests/StaircaseCoreTests/TrainingStatisticsTests.swift).
///
/// Categories are always given by the caller as the whole scale (on the Durham staircase,
/// levels 1–4) and are never inferred from the data, so an unused level is kept, not dropped.
/// For Fleiss's κ and Krippendorff's α an unused category changes nothing (it adds zero to
/// every sum); for weighted κ it does, because the weights span the whole scale, and a level
/// nobody chose is still a level a participant could have chosen.
public enum Agreement {
    // MARK: Fleiss' κ

    /// Fleiss's κ with the two quantities behind it, and which units it could use.
    public struct Fleiss: Equatable, Sendable {
        /// Mean observed agreement between pairs of raters on the same subject (P̄).
        public var observed: Double
        /// Agreement expected by chance from the category proportions (P̄e).
        public var expected: Double
        public var kappa: Statistic
    }

    /// Fleiss's κ (Fleiss 1971) from counts: `counts[subject][category]` raters chose that
    /// category. Fleiss's statistic needs the same number of raters on every subject (as
    /// statsmodels' `fleiss_kappa` and R's `irr::kappam.fleiss` do), so unequal totals are
    /// refused rather than quietly scored by a different, unequal-raters formula.
    public static func fleiss(counts: [[Int]]) -> Result<Fleiss, NotDefined> {
        guard let n = counts.first?.reduce(0, +) else { return .failure(NotDefined("no case or row was rated by every participant")) }
        guard counts.allSatisfy({ $0.reduce(0, +) == n }) else {
            return .failure(NotDefined("the cases or rows were rated by different numbers of participants"))
        }
        guard n >= 2 else { return .failure(NotDefined("fewer than two participants rated each case or row")) }
        let categories = counts.map(\.count).max() ?? 0
        var totals = [Double](repeating: 0, count: categories)
        var sumP = 0.0
        let raters = Double(n)
        for row in counts {
            let squares = row.reduce(0.0) { $0 + Double($1) * Double($1) }
            sumP += (squares - raters) / (raters * (raters - 1))
            for (j, c) in row.enumerated() { totals[j] += Double(c) }
        }
        let all = raters * Double(counts.count)
        let observed = sumP / Double(counts.count)
        let expected = totals.reduce(0.0) { $0 + ($1 / all) * ($1 / all) }
        let kappa: Statistic =
            expected >= 1 - 1e-12
            ? .notDefined("every rating is the same, so chance agreement is already complete")
            : .value((observed - expected) / (1 - expected))
        return .success(Fleiss(observed: observed, expected: expected, kappa: kappa))
    }

    /// Fleiss's κ over the complete units: `units[u]` holds every rater's value (nil = missing,
    /// or off the scale), and only units every rater rated count, as Fleiss defined it. The
    /// caller says how many were left out, so a κ over 3 of 40 rows is never read as the room's.
    public struct CompleteFleiss: Equatable, Sendable, Codable {
        public var kappa: Statistic
        /// Units every rater rated: the ones κ is over.
        public var unitsUsed: Int
        /// Units at least one rater skipped (or marked not applicable).
        public var unitsLeftOut: Int
    }

    public static func fleissOnCompleteUnits(units: [[Int?]], scale: [Int]) -> CompleteFleiss {
        let index = categoryIndex(scale)
        let complete = units.filter { u in !u.isEmpty && u.allSatisfy { $0.flatMap { index[$0] } != nil } }
        let kappa: Statistic =
            complete.isEmpty
            ? .notDefined("no case or row was rated by every participant")
            : {
                switch fleiss(counts: counts(units: complete, scale: scale)) {
                case .success(let f): f.kappa
                case .failure(let e): .notDefined(e.reason)
                }
            }()
        return CompleteFleiss(kappa: kappa, unitsUsed: complete.count, unitsLeftOut: units.count - complete.count)
    }

    /// Fleiss's κ from each rater's values per unit (nil = missing), over the complete units.
    public static func fleissKappa(units: [[Int?]], scale: [Int]) -> Statistic {
        fleissOnCompleteUnits(units: units, scale: scale).kappa
    }

    /// Per unit, how many raters chose each category of `scale`; values off the scale are ignored.
    public static func counts(units: [[Int?]], scale: [Int]) -> [[Int]] {
        let index = categoryIndex(scale)
        return units.map { unit in
            var row = [Int](repeating: 0, count: scale.count)
            for v in unit.compactMap({ $0 }) { if let i = index[v] { row[i] += 1 } }
            return row
        }
    }

    // MARK: Cohen's κ

    public enum Weights: String, Sendable, Codable {
        case unweighted, linear
    }

    /// Cohen's κ for two raters from a square table `table[i][j]` (rater one chose category i,
    /// rater two category j). Linear weights count a disagreement of d categories on a k-point
    /// scale as d / (k − 1) of a full disagreement.
    public static func cohenKappa(table: [[Int]], weights: Weights) -> Statistic {
        let k = table.count
        guard k >= 2, table.allSatisfy({ $0.count == k }) else { return .notDefined("the table is not square with two or more categories") }
        let total = Double(table.reduce(0) { $0 + $1.reduce(0, +) })
        guard total > 0 else { return .notDefined("no item was rated by both") }
        let rows = table.map { Double($0.reduce(0, +)) }
        let cols = (0..<k).map { j in Double(table.reduce(0) { $0 + $1[j] }) }
        var observed = 0.0
        var expected = 0.0
        for i in 0..<k {
            for j in 0..<k where i != j {
                let w = weights == .linear ? Double(abs(i - j)) / Double(k - 1) : 1
                observed += w * Double(table[i][j]) / total
                expected += w * rows[i] * cols[j] / (total * total)
            }
        }
        guard expected > 0 else { return .notDefined("both used a single, identical category, so chance agreement is already complete") }
        return .value(1 - observed / expected)
    }

    /// Cohen's κ between two lists of paired values on `scale` (pairs with a nil are left out).
    public static func cohenKappa(pairs: [(Int, Int)], scale: [Int], weights: Weights) -> Statistic {
        guard !pairs.isEmpty else { return .notDefined("there are no rows that both rated") }
        if pairs.count < 2 { return .notDefined("only one row was rated by both, too few to compare with chance") }
        let index = Dictionary(scale.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var table = [[Int]](repeating: [Int](repeating: 0, count: scale.count), count: scale.count)
        for (a, b) in pairs {
            guard let i = index[a], let j = index[b] else { continue }
            table[i][j] += 1
        }
        return cohenKappa(table: table, weights: weights)
    }

    // MARK: Simple agreement

    /// Share of pairs of values within each unit that agree exactly (or within `tolerance`
    /// levels), over all units: for one unit it is the share of participants' pairs who agree.
    /// Counted per value, not per pair, so it is linear in the ratings.
    public static func pairwiseAgreement(units: [[Int?]], tolerance: Int = 0) -> Statistic {
        var agree = 0
        var pairs = 0
        for unit in units {
            var tally: [Int: Int] = [:]
            var m = 0
            for v in unit {
                guard let v else { continue }
                tally[v, default: 0] += 1
                m += 1
            }
            guard m >= 2 else { continue }
            pairs += m * (m - 1) / 2
            let values = tally.keys.sorted()
            for (i, v) in values.enumerated() {
                let n = tally[v] ?? 0
                agree += n * (n - 1) / 2
                for w in values[(i + 1)...] {
                    let (gap, overflow) = w.subtractingReportingOverflow(v)
                    guard !overflow, gap <= tolerance else { break }
                    agree += n * (tally[w] ?? 0)
                }
            }
        }
        guard pairs > 0 else { return .notDefined("fewer than two participants gave a value") }
        return .value(Double(agree) / Double(pairs))
    }

    /// Share of pairs (a, b) that agree exactly, or within `tolerance`.
    public static func agreement(pairs: [(Int, Int)], tolerance: Int = 0) -> Statistic {
        guard !pairs.isEmpty else { return .notDefined("there is nothing to compare") }
        return .value(Double(pairs.filter { abs($0.0 - $0.1) <= tolerance }.count) / Double(pairs.count))
    }

    // MARK: Wording

    /// Landis & Koch (1977) band for a κ or α: poor (< 0), slight (0–0.20), fair (0.21–0.40),
    /// moderate (0.41–0.60), substantial (0.61–0.80), almost perfect (0.81–1).
    public static func band(_ value: Double) -> String {
        let v = (value * 100).rounded() / 100
        switch v {
        case ..<0: return "poor"
        case ...0.20: return "slight"
        case ...0.40: return "fair"
        case ...0.60: return "moderate"
        case ...0.80: return "substantial"
        default: return "almost perfect"
        }
    }

    /// The band word, or nothing when the statistic is not defined.
    public static func band(_ s: Statistic) -> String? { s.number.map(band) }

    /// A fixed-point decimal without Foundation's locale-dependent formatting: "0.815", "-0.100".
    public static func fixed(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "not a number" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        var frac = String(Int(scaled) - whole * Int(scale))
        while frac.count < digits { frac = "0" + frac }
        let sign = value < 0 && scaled != 0 ? "-" : ""
        return digits == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(frac)"
    }

    /// "83%" from a share between 0 and 1.
    public static func percent(_ s: Statistic) -> String {
        switch s {
        case .value(let v): fixed(v * 100, digits: 0) + "%"
        case .notDefined(let why): "not defined, because \(why)"
        }
    }

    /// Why a statistic could not be computed.
    public struct NotDefined: Error, Equatable, Sendable {
        public var reason: String
        public init(_ reason: String) { self.reason = reason }
    }
}
