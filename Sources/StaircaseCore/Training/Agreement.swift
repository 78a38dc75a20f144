/// A statistic that is either a number or the reason it cannot be computed: degenerate data
/// (one rater, every rating the same, nothing to pair) gives a sentence, never NaN.
public enum Statistic: Equatable, Sendable, Codable {
    case value(Double)
    case notDefined(String)

    public var number: Double? {
        if case .value(let v) = self { return v }
        return nil
    }

    /// "0.815", or "not defined, because …".
    public func formatted(digits: Int = 3) -> String {
        switch self {
        case .value(let v): Agreement.fixed(v, digits: digits)
        case .notDefined(let why): "not defined, because \(why)"
        }
    }

    enum CodingKeys: String, CodingKey { case value, notDefined }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let v = try c.decodeIfPresent(Double.self, forKey: .value) {
            self = .value(v)
        } else {
            self = .notDefined(try c.decode(String.self, forKey: .notDefined))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .value(let v): try c.encode((v * 10_000).rounded() / 10_000, forKey: .value)
        case .notDefined(let why): try c.encode(why, forKey: .notDefined)
        }
    }
}

/// Inter-rater agreement statistics for training workshops, each checked against published
/// worked examples (see Tests/StaircaseCoreTests/TrainingStatisticsTests.swift).
///
/// Categories are always given by the caller as the whole scale (on the Durham staircase,
/// levels 1–4) and are never inferred from the data, so an unused level is kept, not dropped.
/// For Fleiss' κ and Krippendorff's α an unused category changes nothing (it adds zero to
/// every sum); for weighted κ it does, because the weights span the whole scale, and a level
/// nobody chose is still a level a participant could have chosen.
public enum Agreement {
    // MARK: Fleiss' κ

    /// Fleiss' κ with the two quantities behind it.
    public struct Fleiss: Equatable, Sendable {
        /// Mean observed agreement between pairs of raters on the same subject (P̄).
        public var observed: Double
        /// Agreement expected by chance from the category proportions (P̄e).
        public var expected: Double
        public var kappa: Statistic
    }

    /// Fleiss' κ (Fleiss 1971) from counts: `counts[subject][category]` raters chose that
    /// category. Subjects with fewer than two raters are left out; subjects may have different
    /// numbers of raters (each subject's agreement is over its own pairs), which reduces to
    /// Fleiss' formula when every subject has the same number.
    public static func fleiss(counts: [[Int]]) -> Result<Fleiss, NotDefined> {
        let rated = counts.filter { $0.reduce(0, +) >= 2 }
        guard !rated.isEmpty else { return .failure(NotDefined("no case or row has two or more raters")) }
        let categories = rated.map(\.count).max() ?? 0
        var totals = [Double](repeating: 0, count: categories)
        var all = 0.0
        var sumP = 0.0
        for row in rated {
            let n = Double(row.reduce(0, +))
            let squares = row.reduce(0.0) { $0 + Double($1) * Double($1) }
            sumP += (squares - n) / (n * (n - 1))
            for (j, c) in row.enumerated() { totals[j] += Double(c) }
            all += n
        }
        let observed = sumP / Double(rated.count)
        let expected = totals.reduce(0.0) { $0 + ($1 / all) * ($1 / all) }
        let kappa: Statistic =
            expected >= 1 - 1e-12
            ? .notDefined("every rating is the same, so chance agreement is already complete")
            : .value((observed - expected) / (1 - expected))
        return .success(Fleiss(observed: observed, expected: expected, kappa: kappa))
    }

    /// Fleiss' κ from each rater's values per unit (nil = missing), on the given scale.
    public static func fleissKappa(units: [[Int?]], scale: [Int]) -> Statistic {
        switch fleiss(counts: counts(units: units, scale: scale)) {
        case .success(let f): f.kappa
        case .failure(let e): .notDefined(e.reason)
        }
    }

    /// Per unit, how many raters chose each category of `scale`; values off the scale are ignored.
    public static func counts(units: [[Int?]], scale: [Int]) -> [[Int]] {
        let index = Dictionary(scale.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return units.map { unit in
            var row = [Int](repeating: 0, count: scale.count)
            for v in unit.compactMap({ $0 }) { if let i = index[v] { row[i] += 1 } }
            return row
        }
    }

    // MARK: Krippendorff's α

    public enum Metric: String, Sendable, Codable {
        case nominal, ordinal, interval
    }

    /// Krippendorff's α (Krippendorff 2011, "Computing Krippendorff's alpha-reliability"):
    /// `units[u]` holds each coder's value for unit u, nil where the coder gave none. Units with
    /// fewer than two values cannot be paired and are left out, which is why α copes with
    /// participants who skip rows. `scale` lists the categories in order (needed by the ordinal
    /// metric, whose distances depend on how many values fall between two ranks).
    public static func krippendorffAlpha(units: [[Int?]], scale: [Int], metric: Metric) -> Statistic {
        let k = scale.count
        let index = Dictionary(scale.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var o = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for unit in units {
            let values = unit.compactMap { $0.flatMap { index[$0] } }
            let m = values.count
            guard m >= 2 else { continue }
            for a in 0..<m {
                for b in 0..<m where a != b {
                    o[values[a]][values[b]] += 1 / Double(m - 1)
                }
            }
        }
        let n = o.map { $0.reduce(0, +) }
        let total = n.reduce(0, +)
        guard total > 0 else { return .notDefined("no case or row has values from two or more raters to compare") }
        func delta(_ c: Int, _ d: Int) -> Double {
            switch metric {
            case .nominal: return c == d ? 0 : 1
            case .interval:
                let diff = Double(scale[c] - scale[d])
                return diff * diff
            case .ordinal:
                let lo = min(c, d)
                let hi = max(c, d)
                var between = 0.0
                for g in lo...hi { between += n[g] }
                let x = between - (n[c] + n[d]) / 2
                return x * x
            }
        }
        var observed = 0.0
        var expected = 0.0
        for c in 0..<k {
            for d in 0..<k where c != d {
                let dd = delta(c, d)
                observed += o[c][d] * dd
                expected += n[c] * n[d] * dd
            }
        }
        guard expected > 0 else { return .notDefined("every rating is the same, so there is no variation to measure agreement against") }
        return .value(1 - (total - 1) * observed / expected)
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
    public static func pairwiseAgreement(units: [[Int?]], tolerance: Int = 0) -> Statistic {
        var agree = 0
        var pairs = 0
        for unit in units {
            let v = unit.compactMap { $0 }
            guard v.count >= 2 else { continue }
            for a in 0..<v.count {
                for b in (a + 1)..<v.count {
                    pairs += 1
                    if abs(v[a] - v[b]) <= tolerance { agree += 1 }
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
