import Testing

@testable import StaircaseCore

/// The agreement statistics against the published worked examples named in issue 9.
@Suite struct TrainingStatisticsTests {
    func close(_ s: Statistic, _ expected: Double, _ tolerance: Double = 0.0005) -> Bool {
        guard let v = s.number else { return false }
        return abs(v - expected) < tolerance
    }

    /// Wikipedia's Fleiss' κ example: 10 subjects, 14 raters, 5 categories.
    @Test func fleissWikipediaExample() throws {
        let table = [
            [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
        ]
        let f = try Agreement.fleiss(counts: table).get()
        #expect(Agreement.fixed(f.observed, digits: 3) == "0.378")
        #expect(Agreement.fixed(f.expected, digits: 3) == "0.213")
        #expect(f.kappa.formatted() == "0.210")
    }

    /// Fleiss (1971): 30 patients, 6 psychiatrists, 5 diagnoses (raw data as in statsmodels' tests).
    static let diagnoses: [[Int]] = [
        [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
        [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
        [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
        [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
        [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
        [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
    ]

    @Test func fleiss1971Diagnoses() {
        let kappa = Agreement.fleissKappa(units: Self.diagnoses.map { $0.map(Optional.some) }, scale: [1, 2, 3, 4, 5])
        #expect(close(kappa, 0.4302, 0.00005))
    }

    /// Krippendorff's reliability data: 4 coders × 12 units with missing values.
    static let reliability: [[Int?]] = {
        let coders: [[Int?]] = [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3],
            [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nil],
        ]
        return (0..<12).map { u in coders.map { $0[u] } }
    }()

    @Test(arguments: [(Agreement.Metric.nominal, 0.743), (.ordinal, 0.815), (.interval, 0.849)])
    func krippendorffReliabilityData(metric: Agreement.Metric, expected: Double) {
        let alpha = Agreement.krippendorffAlpha(units: Self.reliability, scale: [1, 2, 3, 4, 5], metric: metric)
        #expect(alpha.formatted() == Agreement.fixed(expected, digits: 3))
    }

    @Test func cohenKappaSASExample() {
        let table = [[0, 4, 1], [0, 8, 0], [0, 1, 5]]
        #expect(close(Agreement.cohenKappa(table: table, weights: .unweighted), 0.4842, 0.00005))
        #expect(close(Agreement.cohenKappa(table: table, weights: .linear), 0.4701, 0.00005))
    }

    /// Unused categories are kept: a level nobody chose changes neither α nor Fleiss' κ, but the
    /// weighted κ's weights span the whole 1–4 scale.
    @Test func unusedCategoriesAreKept() {
        let units: [[Int?]] = [[1, 2, 2], [2, 2, 2], [1, 1, 2]]
        let a3 = Agreement.krippendorffAlpha(units: units, scale: [1, 2, 3], metric: .ordinal)
        let a4 = Agreement.krippendorffAlpha(units: units, scale: [1, 2, 3, 4], metric: .ordinal)
        #expect(a3 == a4)
        #expect(Agreement.fleissKappa(units: units, scale: [1, 2]) == Agreement.fleissKappa(units: units, scale: [1, 2, 3, 4]))
        let pairs = [(1, 1), (2, 2), (1, 2), (2, 1), (2, 2)]
        #expect(
            Agreement.cohenKappa(pairs: pairs, scale: [1, 2], weights: .linear)
                != Agreement.cohenKappa(pairs: pairs, scale: [1, 2, 3, 4], weights: .linear))
    }

    @Test func degenerateInputsAreNotDefinedNeverNaN() {
        let oneRater: [[Int?]] = [[3], [2], [4]]
        let same: [[Int?]] = [[2, 2, 2], [2, 2]]
        let none: [[Int?]] = []
        for units in [oneRater, same, none] {
            for metric in [Agreement.Metric.nominal, .ordinal, .interval] {
                let a = Agreement.krippendorffAlpha(units: units, scale: [1, 2, 3, 4], metric: metric)
                guard case .notDefined(let why) = a else {
                    Issue.record("α defined for \(units)")
                    continue
                }
                #expect(!why.isEmpty)
                #expect(a.formatted().hasPrefix("not defined, because "))
            }
            #expect(Agreement.fleissKappa(units: units, scale: [1, 2, 3, 4]).number == nil)
        }
        #expect(
            Agreement.krippendorffAlpha(units: oneRater, scale: [1, 2, 3, 4], metric: .ordinal).formatted().contains("two or more raters"))
        #expect(
            Agreement.krippendorffAlpha(units: same, scale: [1, 2, 3, 4], metric: .ordinal).formatted().contains("every rating is the same")
        )
        #expect(Agreement.cohenKappa(pairs: [], scale: [1, 2, 3, 4], weights: .linear).number == nil)
        #expect(Agreement.cohenKappa(pairs: [(2, 2), (2, 2)], scale: [1, 2, 3, 4], weights: .linear).number == nil)
        #expect(Agreement.pairwiseAgreement(units: oneRater).number == nil)
        #expect(Agreement.cohenKappa(table: [[0, 0], [0, 0]], weights: .unweighted).number == nil)
    }

    @Test func simpleAgreementAndBands() {
        #expect(Agreement.pairwiseAgreement(units: [[3, 3, 4]]) == .value(1.0 / 3.0))
        #expect(Agreement.pairwiseAgreement(units: [[3, 3, 4]], tolerance: 1) == .value(1))
        #expect(Agreement.band(-0.1) == "poor")
        #expect(Agreement.band(0.2) == "slight")
        #expect(Agreement.band(0.21) == "fair")
        #expect(Agreement.band(0.43) == "moderate")
        #expect(Agreement.band(0.743) == "substantial")
        #expect(Agreement.band(0.815) == "almost perfect")
        #expect(Agreement.fixed(-0.0001, digits: 3) == "0.000")
        #expect(Agreement.fixed(0.4302, digits: 3) == "0.430")
        #expect(Agreement.percent(.value(0.8333)) == "83%")
    }
}
