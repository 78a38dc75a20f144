import ArgumentParser
import StaircaseCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `staircase-dev bench-score`: scores generated assessments and prints throughput and peak
/// memory. Run it through Scripts/bench-score, which builds in release mode first.
struct BenchScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-score", abstract: "Benchmark the scoring engine.")

    @Option(help: "How many assessments to score.")
    var count = 2_000_000

    func run() throws {
        do {
            let catalogue = try EmbeddedCatalogue.load()
            let engine = ScoringEngine(catalogue: catalogue)
            let ids = catalogue.allIndicators.map(\.indicator.id)
            var rng = UInt64(0x5EED)
            func next() -> UInt64 {
                rng = rng &* 6364136223846793005 &+ 1442695040888963407
                return rng >> 33
            }
            // 1,024 distinct generated assessments, reused round-robin.
            let pool: [Assessment] = (0..<1024).map { n in
                var a = Assessment(
                    id: "b\(n)", createdAt: "2026-11-23T10:00:00Z", catalogue: .init(id: catalogue.id, version: catalogue.version))
                for id in ids where next() % 3 != 0 {
                    a.answers[id] = .init(Rating(level: Int(next() % 4) + 1) ?? .level1)
                }
                a.leadProfessional.tafExists = next() % 2 == 0
                return a
            }
            let dense = pool.map(engine.dense)
            let facts = pool.map(ScoringEngine.Facts.init)

            var checksum = 0
            let clock = ContinuousClock()
            let fastStart = clock.now
            for i in 0..<count {
                let o = engine.outcome(dense[i & 1023], facts[i & 1023])
                checksum &+= o.level &+ o.step
            }
            let fastSeconds = (clock.now - fastStart).seconds

            let fullCount = max(1, count / 50)
            let fullStart = clock.now
            for i in 0..<fullCount {
                checksum &+= engine.propose(pool[i & 1023]).level ?? 0
            }
            let fullSeconds = (clock.now - fullStart).seconds

            print("catalogue: \(catalogue.id) \(catalogue.version), \(ids.count) rows")
            print(
                "level+step+flags: \(count) assessments in \(Agreement.fixed(fastSeconds, digits: 3)) s = \(Agreement.fixed(Double(count) / fastSeconds, digits: 0)) assessments/s (one core)"
            )
            print(
                "full proposal with reasons and course of action: \(fullCount) in \(Agreement.fixed(fullSeconds, digits: 3)) s = \(Agreement.fixed(Double(fullCount) / fullSeconds, digits: 0)) assessments/s"
            )
            print("peak memory (VmHWM): \(PeakMemory.read())")
            print("checksum: \(checksum)")
        } catch {
            throw DevToolError(String(describing: error))
        }
    }
}

enum PeakMemory {
    static func read() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "unknown" }
        return status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }.map {
            String($0.dropFirst(6).drop { $0 == " " || $0 == "\t" })
        } ?? "unknown"
    }
}
