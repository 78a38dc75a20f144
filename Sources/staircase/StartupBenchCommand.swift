import ArgumentParser
import StaircaseCore
import StaircaseStore
import StaircaseTUI

/// `staircase bench-startup` (hidden): the in-process part of start-up, phase by phase, so the
/// start-up figure of Scripts/bench-tui can be explained and improved. Prints medians.
struct StartupBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-startup", abstract: "Benchmark the phases of start-up.", shouldDisplay: false)

    @Option(help: "Repetitions of each phase.")
    var count = 50
    @Option(help: "Folder of saved assessments to list (default: the user's store).")
    var store: String?
    @OptionGroup var encryption: StoreEncryptionOptions

    func run() throws {
        try runReporting {
            var phases: [(String, [Duration])] = []
            func measure(_ name: String, _ body: () throws -> Void) rethrows {
                var times: [Duration] = []
                for _ in 0..<self.count { times.append(try ContinuousClock().measure(body)) }
                phases.append((name, times))
            }
            var catalogue: Catalogue!
            try measure("catalogue, compiled (what start-up uses)") { catalogue = try EmbeddedCatalogue.load() }
            measure("catalogue validate") { _ = CatalogueValidator.problems(in: catalogue) }
            let engine = ScoringEngine(catalogue: catalogue)
            var sessions = try openStore(store, unencrypted: encryption.storeUnencrypted)
            sessions.engine = engine
            var listed = 0
            // What the start screen waits for: the index (or a rebuild), labels, recovery copies.
            let host = WizardStoreHost(
                sessions: sessions, recovery: RecoveryStore(environment: Environment.values("XDG_STATE_HOME", "HOME")))
            measure("session list: resume items with labels") { listed = (try? host.resumeItems(engine: engine).get())?.count ?? 0 }
            let state = WizardState(catalogue: catalogue, today: Clock().today, now: Clock().timestamp())
            measure("first frame render (80x24)") { _ = View.render(state, in: Viewport(width: 80, height: 24)) }
            print("\(listed) saved assessments; milliseconds, median of \(self.count)")
            for (name, times) in phases {
                let ms = times.sorted()[times.count / 2].milliseconds
                print("  " + TextWrap.pad(name, width: 46) + " " + Agreement.fixed(ms, digits: 3))
            }
        }
    }
}

extension Duration {
    var milliseconds: Double { Double(components.seconds) * 1e3 + Double(components.attoseconds) / 1e15 }
}
