import ArgumentParser
import Foundation
import NcursesBackend
import StaircaseCore
import StaircaseStore
import StaircaseTUI

/// `staircase assess` (the default): the ncurses wizard, saving after every change.
struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess", abstract: "Run the wizard (the default command).")

    @OptionGroup var source: CatalogueOptions
    @Option(help: "Folder for saved assessments (default: $XDG_DATA_HOME/staircase or ~/.local/share/staircase).")
    var store: String?
    @Flag(help: "Mark new assessments as training runs.")
    var training = false

    func run() throws {
        try runReporting {
            let catalogue = try source.load()
            let sessions = try openStore(store)
            let clock = Clock()
            var state = WizardState(
                catalogue: catalogue, today: clock.today, now: clock.timestamp(), width: 80, height: 24,
                resumable: resumeItems(sessions, engine: ScoringEngine(catalogue: catalogue)))
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

/// Opens the session store, turning its errors into exit codes.
func openStore(_ override: String?) throws -> SessionStore {
    do {
        let dir = try override ?? SessionStore.defaultDirectory(environment: ProcessInfo.processInfo.environment)
        return SessionStore(directory: dir)
    } catch {
        throw Failure.io("\(error)")
    }
}

/// Today's date and timestamps in UTC, read once per use; only the executable reads the clock.
struct Clock {
    var today: CalendarDate { CalendarDate(timestamp()) ?? CalendarDate.unknownDay }

    func timestamp() -> String {
        var t = time(nil)
        var tm = tm()
        gmtime_r(&t, &tm)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(tm.tm_year + 1900)-\(two(tm.tm_mon + 1))-\(two(tm.tm_mday))T\(two(tm.tm_hour)):\(two(tm.tm_min)):\(two(tm.tm_sec))Z"
    }
}
