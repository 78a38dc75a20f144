/// A made-up workshop: every participant answers every case, near the model answer with a
/// seeded amount of disagreement and some rows skipped. For the report's benchmark and tests;
/// the same seed always gives the same responses, ids included.
public enum TrainingSimulation {
    /// A small, fast, seedable generator (SplitMix64), so generated workshops repeat exactly.
    public struct Generator: RandomNumberGenerator, Sendable {
        var state: UInt64
        public init(seed: UInt64) { state = seed }
        public mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    public static func responses(pack: TrainingPack, catalogue c: Catalogue, participants: Int, seed: UInt64) -> [TrainingResponse] {
        var g = Generator(seed: seed)
        var out: [TrainingResponse] = []
        let rows = Dictionary(c.allIndicators.map { ($0.indicator.id, $0.indicator) }, uniquingKeysWith: { a, _ in a })
        func nudge(_ level: Int) -> Int {
            switch g.next(upperBound: UInt64(10)) {
            case 0: return max(1, level - 1)
            case 1: return min(4, level + 1)
            default: return level
            }
        }
        for p in 0..<participants {
            let alias = "participant-\(p + 1)"
            for (n, k) in pack.cases.enumerated() {
                var ratings: [String: Rating] = [:]
                for r in k.modelAnswer.ratings where g.next(upperBound: UInt64(8)) != 0 {
                    var level = nudge(r.level)
                    if rows[r.row]?.levels[level]?.isApplicable != true { level = r.level }
                    ratings[r.row] = Rating(level: level)
                }
                var level = nudge(k.modelAnswer.level)
                var step = level == k.modelAnswer.level ? k.modelAnswer.step : (c.steps.first { $0.level == level }?.number ?? level)
                if c.step(step)?.level != level {
                    level = k.modelAnswer.level
                    step = k.modelAnswer.step
                }
                let minute = 10 + n * 15 + Int(g.next(upperBound: UInt64(10)))
                out.append(
                    TrainingResponse(
                        id: RandomID.make(prefix: TrainingResponse.idPrefix, using: &g), alias: alias,
                        pack: .init(id: pack.id, version: pack.version), caseID: k.id, ratings: ratings,
                        decision: .init(level: level, step: step, reason: "Simulated decision."),
                        secondsTaken: 300 + Int(g.next(upperBound: UInt64(900))),
                        recordedAt: "2026-11-26T\(10 + minute / 60):\(pad(minute % 60)):00Z"))
            }
        }
        return out
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
