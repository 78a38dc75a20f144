import ArgumentParser
import StaircaseCore

#if canImport(Glibc)
    import Glibc
#endif
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `staircase-dev bench-report`: builds and renders the facilitator's report over a
/// simulated workshop, from the response files' bytes, and prints the time per report. Run it
/// through Scripts/bench-report, which builds in release mode first.
struct BenchReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-report", abstract: "Benchmark the training report.")

    @Option(help: "Participants, each answering every case.")
    var participants = 60
    @Option(help: "Cases of the built-in pack to answer (at most 12).")
    var cases = 10
    @Option(help: "How many times to build the report.")
    var repeats = 20

    func run() throws {
        do {
            let catalogue = try EmbeddedCatalogue.load()
            let full = try EmbeddedTrainingPack.load(catalogue: catalogue)
            var pack = full
            pack.cases = Array(full.cases.prefix(max(1, cases)))
            let responses = TrainingSimulation.responses(pack: pack, catalogue: catalogue, participants: participants, seed: 9)
            let inputs = try responses.map { TrainingReport.Input(name: $0.fileName, data: Data(try $0.encoded())) }
            // Wall time and this process's CPU time: on a shared machine the wall time carries the
            // other processes' load, and the CPU time is the report's own cost.
            var best = (wall: Double.infinity, cpu: Double.infinity)
            var total = 0.0
            var bytes = 0
            var textBest = Double.infinity
            for _ in 0..<repeats {
                let start = (ContinuousClock.now, Self.cpuMilliseconds())
                let report = TrainingReport.build(pack: pack, catalogue: catalogue, inputs: inputs, named: false)
                let built = Self.cpuMilliseconds()
                for f in TrainingReportFormat.allCases {
                    let before = Self.cpuMilliseconds()
                    bytes &+= f.render(report).utf8.count
                    if f == .txt { textBest = min(textBest, built - start.1 + Self.cpuMilliseconds() - before) }
                }
                let d = ContinuousClock.now - start.0
                let ms = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
                best = (min(best.wall, ms), min(best.cpu, Self.cpuMilliseconds() - start.1))
                total += ms
            }
            print(
                "report over \(participants) participants × \(pack.cases.count) cases (\(inputs.count) response files, decoded, built and rendered in all 4 formats)"
            )
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            print(
                "best \(Agreement.fixed(best.wall, digits: 1)) ms wall (\(Agreement.fixed(best.cpu, digits: 1)) ms CPU), mean \(Agreement.fixed(total / Double(repeats), digits: 1)) ms wall over \(repeats) runs (\(bytes / repeats) bytes of output per run); peak memory \(usage.ru_maxrss / 1024) MB"
            )
            print(
                "as `training report` runs it (decode, build, the default txt format only): best \(Agreement.fixed(textBest, digits: 1)) ms CPU"
            )
        } catch {
            throw DevToolError(String(describing: error))
        }
    }

    /// This process's CPU time so far, user and system.
    static func cpuMilliseconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1e6
    }
}
