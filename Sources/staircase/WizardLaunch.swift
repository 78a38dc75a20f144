import NcursesBackend
import StaircaseCore
import StaircaseStore
import StaircaseTUI

#if canImport(Glibc)
import Glibc
#endif

/// Everything `staircase` needs to run the wizard, as plain values. `AssessCommand` fills it
/// from the command line; `Staircase.main` fills it with defaults when there are no arguments,
/// skipping the argument parser, whose reflection costs milliseconds of a cold start.
struct WizardLaunch {
    var catalogue: String?
    var store: String?
    var training = false

    func run() throws {
        try runReporting {
            let catalogue = try CatalogueOptions.load(path: catalogue)
            let sessions = try openStore(store)
            let clock = Clock()
            var state = WizardState(catalogue: catalogue, today: clock.today, now: clock.timestamp(), width: 80, height: 24)
            state.resumable = resumeItems(sessions, engine: state.engine)
            state.training = training
            state.exportDirectory = SummaryExport.defaultDirectory()
            let host = WizardHost(
                save: { a in
                    do {
                        try sessions.save(a)
                        return nil
                    } catch {
                        return "\(error)"
                    }
                },
                load: { id in
                    do {
                        return .success(try sessions.load(id: id))
                    } catch {
                        return .failure(WizardHostError("\(error)"))
                    }
                },
                export: { format, path, a in
                    SummaryExport.write(format: format, path: path, assessment: a, catalogue: catalogue)
                },
                now: { clock.timestamp() })
            let noColor = Environment.value("NO_COLOR").map { !$0.isEmpty } ?? false
            let terminal: NcursesTerminal
            do throws(NcursesTerminal.StartError) {
                terminal = try NcursesTerminal.start(noColor: noColor)
            } catch {
                throw Failure.usage(error.description)
            }
            var runner = WizardRunner(state: state, backend: terminal, host: host)
            let signal = runner.run()
            terminal.stop()
            if let a = runner.state.assessment {
                print("Saved: \(a.id) in \(sessions.directory)")
            }
            if signal != 0 { Glibc.exit(128 + signal) }
        }
    }

    func resumeItems(_ store: SessionStore, engine: ScoringEngine) -> [ResumeItem] {
        store.list(engine: engine).compactMap { s in
            guard s.damaged == nil else { return nil }
            return ResumeItem(id: s.id, label: s.displayLine)
        }
    }
}
