import Foundation
import Testing

@testable import StaircaseCore

/// The report's statistics against the published implementations (statsmodels' `fleiss_kappa`,
/// the `krippendorff` package), through values Scripts/training-reference.py wrote into
/// Fixtures/training-agreement-reference.json, for rooms with and without skipped rows and
/// cases; and the linear α against the pairwise form it replaced.
@Suite struct TrainingReferenceTests {
    struct Room: Decodable {
        var name: String
        var units: [[Int?]]
        var fleissComplete: Double?
        var fleissUnitsUsed: Int
        var alphaOrdinal: Double?
        var exact: Double?
    }

    struct File: Decodable { var rooms: [Room] }

    static let rooms: [Room] = {
        let data = (try? Data(contentsOf: URL(fileURLWithPath: Fixtures.path("training-agreement-reference.json")))) ?? Data()
        return (try? JSONDecoder().decode(File.self, from: data).rooms) ?? []
    }()

    static let scale = [1, 2, 3, 4]

    func three(_ s: Statistic) -> String { s.number.map { Agreement.fixed($0, digits: 3) } ?? "not defined" }
    func three(_ d: Double?) -> String { d.map { Agreement.fixed($0, digits: 3) } ?? "not defined" }

    @Test func theFixtureHoldsRoomsWithAndWithoutSkips() {
        let names = Self.rooms.map(\.name)
        #expect(names.contains("issue-23-tiny"))
        #expect(names.contains { $0.hasPrefix("complete-") } && names.contains { $0.hasPrefix("skipped-rows-") })
        #expect(names.contains { $0.hasPrefix("skipped-cases-") })
    }

    @Test(arguments: rooms.map(\.name))
    func agreesWithStatsmodelsAndKrippendorff(room name: String) throws {
        let room = try #require(Self.rooms.first { $0.name == name })
        let f = Agreement.fleissOnCompleteUnits(units: room.units, scale: Self.scale)
        #expect(three(f.kappa) == three(room.fleissComplete), "Fleiss's κ, \(name)")
        #expect(f.unitsUsed == room.fleissUnitsUsed)
        #expect(f.unitsLeftOut == room.units.count - room.fleissUnitsUsed)
        let alpha = Agreement.krippendorffAlpha(units: room.units, scale: Self.scale, metric: .ordinal)
        #expect(three(alpha) == three(room.alphaOrdinal), "α, \(name)")
        #expect(three(Agreement.pairwiseAgreement(units: room.units)) == three(room.exact), "% exact, \(name)")
    }

    /// Issue 23's example: units [2,2,3], [1,1,2], [2,–,2]. The unequal-raters generalisation
    /// the report used to call "Fleiss' κ" gave 0.163; Fleiss on the two complete units −0.091.
    @Test func theIssuesTinyExampleIsFleissOnCompleteUnits() {
        let f = Agreement.fleissOnCompleteUnits(units: [[2, 2, 3], [1, 1, 2], [2, nil, 2]], scale: Self.scale)
        #expect(f.kappa.formatted() == "-0.091")
        #expect(Agreement.band(f.kappa) == "poor")
        #expect(f.unitsUsed == 2 && f.unitsLeftOut == 1)
    }

    @Test func fleissRefusesUnequalRatersRatherThanScoringThemDifferently() {
        #expect(throws: Agreement.NotDefined.self) { try Agreement.fleiss(counts: [[2, 1, 0, 0], [0, 2, 0, 0]]).get() }
    }

    /// Krippendorff's α as it was computed before issue 26: every ordered pair of coders.
    func pairwiseAlpha(units: [[Int?]], scale: [Int], metric: Agreement.Metric) -> Statistic {
        let k = scale.count
        let index = Agreement.categoryIndex(scale)
        var o = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        var pairable = 0
        for unit in units {
            let values = unit.compactMap { $0.flatMap { index[$0] } }
            let m = values.count
            guard m >= 2 else { continue }
            pairable += 1
            for a in 0..<m {
                for b in 0..<m where a != b { o[values[a]][values[b]] += 1 / Double(m - 1) }
            }
        }
        guard pairable > 1 else { return .notDefined("fewer than two pairable units") }
        return Agreement.alpha(coincidences: o, scale: scale, metric: metric)
    }

    func randomRoom(_ g: inout TrainingSimulation.Generator) -> [[Int?]] {
        let raters = 2 + Int(g.next(upperBound: UInt64(30)))
        let units = 2 + Int(g.next(upperBound: UInt64(40)))
        let skip = g.next(upperBound: UInt64(4))
        return (0..<units).map { _ in
            let centre = 1 + Int(g.next(upperBound: UInt64(4)))
            return (0..<raters).map { _ in
                if g.next(upperBound: UInt64(10)) < skip { return nil }
                return min(4, max(1, centre + Int(g.next(upperBound: UInt64(3))) - 1))
            }
        }
    }

    /// Issue 26 item 4: the coincidence-matrix α counted per value equals the pairwise one.
    @Test func linearAlphaEqualsThePairwiseFormOnRandomRooms() {
        var g = TrainingSimulation.Generator(seed: 26)
        for _ in 0..<300 {
            let units = randomRoom(&g)
            for metric in [Agreement.Metric.nominal, .ordinal, .interval] {
                let linear = Agreement.krippendorffAlpha(units: units, scale: Self.scale, metric: metric)
                let pairwise = pairwiseAlpha(units: units, scale: Self.scale, metric: metric)
                switch (linear, pairwise) {
                case (.value(let a), .value(let b)): #expect(abs(a - b) < 1e-9, "\(metric) \(units)")
                case (.notDefined, .notDefined): break
                default: Issue.record("\(metric): linear \(linear), pairwise \(pairwise) for \(units)")
                }
            }
        }
    }

    @Test func countedPairAgreementEqualsEveryPair() {
        var g = TrainingSimulation.Generator(seed: 9)
        for _ in 0..<200 {
            let units = randomRoom(&g)
            for tolerance in 0...2 {
                var agree = 0
                var pairs = 0
                for u in units {
                    let v = u.compactMap { $0 }
                    for a in v.indices { for b in v.indices where b > a { pairs += 1; if abs(v[a] - v[b]) <= tolerance { agree += 1 } } }
                }
                let expected: Statistic = pairs == 0 ? .notDefined("") : .value(Double(agree) / Double(pairs))
                #expect(Agreement.pairwiseAgreement(units: units, tolerance: tolerance).number == expected.number)
            }
        }
    }

    /// α of one unit is 0 whatever the ratings, so it is "not defined", never 0.000.
    @Test func alphaOfOneUnitIsNotDefined() {
        let a = Agreement.krippendorffAlpha(units: [[1, 2, 2, 4], [3], [nil, nil]], scale: Self.scale, metric: .ordinal)
        #expect(a.number == nil)
        #expect(a.formatted().contains("only one case or row"))
    }
}
