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
    /// `--plain`: line mode, for screen readers, braille displays and scripts.
    var plain = false
    /// `assess --from ID`: start by re-assessing this saved assessment's child.
    var from: String?

    func run() throws {
        try runReporting {
            let catalogue = try CatalogueOptions.load(path: catalogue)
            let sessions = try openStore(store)
            let clock = Clock()
            // Made and saved before the terminal starts, so an error is plain text with its exit code.
            if from != nil && (isatty(0) == 0 || isatty(1) == 0) {
                // Checked before anything is saved, so a script never leaves a half-made re-assessment.
                throw Failure.usage("standard input and output must be a terminal for the wizard; `staircase assess --from` opens it on the new assessment")
            }
            let reassessment = try from.map { try ReassessFrom.start(from: $0, catalogue: catalogue, store: sessions, now: clock.timestamp()) }
            var state = WizardState(catalogue: catalogue, today: clock.today, now: clock.timestamp(), width: 80, height: 24)
            state.training = training
            let folder: String
            do throws(StoreError) {
                folder = try DocumentsFolder.path(environment: Environment.values("XDG_DOCUMENTS_DIR", "HOME"))
            } catch {
                throw Failure.io(error.description)
            }
            state.exportDirectory = folder
            let host = WizardHost(
                save: { a in
                    do throws(StoreError) {
                        try sessions.save(a)
                        return .success(())
                    } catch {
                        return .failure(HostError(error))
                    }
                },
                load: { id in
                    do throws(StoreError) {
                        return .success(try sessions.load(id: id))
                    } catch {
                        return .failure(HostError(error))
                    }
                },
                list: { [engine = state.engine] in resumeItems(sessions, engine: engine) },
                export: { format, path, a, replace in
                    SummaryExport.write(
                        format: format, path: path, assessment: a, catalogue: catalogue, folder: folder, replace: replace, store: sessions)
                },
                now: { clock.timestamp() },
                reassess: { id in
                    // The same path as `assess --from`: checked, made by `Reassessment.start`, saved.
                    do {
                        return .success(try ReassessFrom.start(from: id, catalogue: catalogue, store: sessions, now: clock.timestamp()))
                    } catch {
                        return .failure(.damaged(String(describing: error)))
                    }
                },
                findEarlier: { a in
                    guard let key = a.childKey else { return [] }
                    return ChildRecords.assessments(childKey: key, in: sessions).filter { $0.id != a.id }
                })
            if let reassessment {
                // Opened as Resume opens a saved assessment, then told what was carried forward.
                _ = host.perform(Wizard.reduce(&state, .reassessed(.success(reassessment))), on: &state)
            }
            if plain || StandardConsole.wanted(environment: Environment.values("TERM", "STAIRCASE_ACCESSIBLE", "ACCESSIBLE")) {
                var runner = LineRunner(state: state, console: StandardConsole(), host: host)
                let signal = runner.run()
                report(runner.state, sessions, width: runner.console.width)
                if signal != 0 { Glibc.exit(128 + signal) }
                return
            }
            let noColor = Environment.value("NO_COLOR").map { !$0.isEmpty } ?? false
            let terminal: NcursesTerminal
            do throws(NcursesTerminal.StartError) {
                terminal = try NcursesTerminal.start(noColor: noColor)
            } catch {
                throw Failure.usage(error.description)
            }
            state.ascii = !terminal.unicode
            var runner = WizardRunner(state: state, backend: terminal, host: host)
            let signal = runner.run()
            terminal.stop()
            report(runner.state, sessions)
            if signal != 0 { Glibc.exit(128 + signal) }
        }
    }

    /// Says where the assessment is, and "Saved" only when the last change was saved.
    /// In line mode (`width` given) the words are wrapped to the terminal like every other line.
    func report(_ state: WizardState, _ sessions: SessionStore, width: Int? = nil) {
        guard let a = state.assessment else { return }
        let text = state.unsaved
            ? "Not saved: the last change to \(a.id) could not be written to \(sessions.directory); earlier changes are in the file."
            : "Saved: \(a.id) in \(sessions.directory)"
        print(width.map { TextWrap.lines(text, width: $0).joined(separator: "\n") } ?? text)
    }

    /// The resume list: good files with their label, damaged ones with their reason; an
    /// unreadable folder is an error the start screen shows, never an empty list.
    func resumeItems(_ store: SessionStore, engine: ScoringEngine) -> Result<[ResumeItem], HostError> {
        do throws(StoreError) {
            return .success(try store.listing(engine: engine).map { s in
                ResumeItem(id: s.id, label: s.damaged == nil ? s.displayLine : s.file, damaged: s.damaged)
            })
        } catch {
            return .failure(HostError(error))
        }
    }
}
