extension Agreement {
    // MARK: Krippendorff's α

    public enum Metric: String, Sendable, Codable {
        case nominal, ordinal, interval
    }

    /// Krippendorff's α (Krippendorff 2011, "Computing Krippendorff's alpha-reliability"):
    /// `units[u]` holds each coder's value for unit u, nil where the coder gave none. Units with
    /// fewer than two values cannot be paired and are left out, which is why α copes with
    /// participants who skip rows. `scale` lists the categories in order (needed by the ordinal
    /// metric, whose distances depend on how many values fall between two ranks).
    ///
    /// Built from the coincidence matrix by counting values per unit (o_ck gains
    /// n_uc·(n_uk − [c = k]) / (m_u − 1)), not by visiting every pair of coders, so the cost is
    /// linear in the ratings: a county-wide room of thousands of participants stays fast.
    /// α needs at least two pairable units: with one, α is 0 whatever the ratings (the unit is
    /// its own chance baseline), so it is reported as not defined rather than as 0.
    public static func krippendorffAlpha(units: [[Int?]], scale: [Int], metric: Metric) -> Statistic {
        let k = scale.count
        let index = categoryIndex(scale)
        var o = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        var perUnit = [Int](repeating: 0, count: k)
        var pairable = 0
        for unit in units {
            for c in 0..<k { perUnit[c] = 0 }
            var m = 0
            for v in unit {
                guard let v, let i = index[v] else { continue }
                perUnit[i] += 1
                m += 1
            }
            guard m >= 2 else { continue }
            pairable += 1
            let w = 1 / Double(m - 1)
            for c in 0..<k where perUnit[c] > 0 {
                let nc = Double(perUnit[c])
                for d in 0..<k where perUnit[d] > 0 {
                    o[c][d] += nc * (Double(perUnit[d]) - (c == d ? 1 : 0)) * w
                }
            }
        }
        guard pairable > 0 else { return .notDefined("no case or row has values from two or more raters to compare") }
        guard pairable > 1 else { return .notDefined("only one case or row has values from two or more raters to compare") }
        return alpha(coincidences: o, scale: scale, metric: metric)
    }

    /// α from a coincidence matrix `o[c][d]`: 1 − (n − 1)·Σ o·δ² / Σ n_c·n_d·δ².
    static func alpha(coincidences o: [[Double]], scale: [Int], metric: Metric) -> Statistic {
        let k = scale.count
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

    /// Scale value → its position, the first position winning when a value repeats.
    static func categoryIndex(_ scale: [Int]) -> [Int: Int] {
        Dictionary(scale.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }
}
