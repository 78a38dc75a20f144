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
    /// `--brief`: line mode's brief wording from the start.
    var brief = false
    /// `assess --from ID`: start by re-assessing this saved assessment's child.
    var from: String?
    /// `staircase train`: the pack, the participant's alias and the responses folder.
    var train: TrainOptions?
    /// `--store-unencrypted`: a store without a passphrase stays plain (see `LockdownSettings`).
    var unencrypted = false
    /// The settings files' values (docs/admin.md, "Settings file"); nil: `run` reads them.
    var settings: StaircaseSettings?

    func run() throws {
        try runReporting {
            let settings = try self.settings ?? StaircaseSettings.forThisRun()
            let catalogue = try CatalogueOptions.load(path: catalogue)
            let clock = Clock()
            var state = WizardState(catalogue: catalogue, today: clock.today, now: clock.timestamp())
            // A training run never asks for a passphrase, first or not: its store is plain and
            // nothing of the real store is read (see docs/admin.md, "Plain stores"), so a participant who has forgotten
            // theirs can still take part.
            let trainingRun = training || train != nil
            let lineMode = plain || StandardConsole.wanted(environment: Environment.values("TERM", "STAIRCASE_ACCESSIBLE", "ACCESSIBLE"))
            if !lineMode {
                do throws(NcursesTerminal.StartError) {
                    try NcursesTerminal.checkType()
                } catch {
                    throw Failure.usage(error.description)
                }
            }
            var real = trainingRun ? try storeFolder(store) : try openStore(store, unencrypted: unencrypted)
            real.engine = state.engine
            try checkTrusted(real)
            // Training runs live in their own store inside the real one, never beside real assessments
            // (plain: they hold only the pack's fictional children).
            var sessions = trainingRun ? real.training : real
            sessions.engine = state.engine
            if sessions.directory != real.directory { try checkTrusted(sessions) }
            // Made and saved before the terminal starts, so an error is plain text with its exit code.
            if from != nil && (isatty(0) == 0 || isatty(1) == 0) {
                // Checked before anything is saved, so a script never leaves a half-made re-assessment.
                throw Failure.usage(
                    "standard input and output must be a terminal for the wizard; `staircase assess --from` opens it on the new assessment")
            }
            let reassessment = try from.map {
                try ReassessFrom.start(from: $0, catalogue: catalogue, store: sessions, now: clock.timestamp())
            }
            state.training = training || train != nil
            state.retentionDays = settings.retentionDays
            let folder: String
            do throws(StoreError) {
                folder = try DocumentsFolder.path(environment: Environment.values("XDG_DOCUMENTS_DIR", "HOME"))
            } catch {
                throw Failure.io(error.description)
            }
            // A killed export's temporary file (a plain referral) goes before any new one is written.
            SummaryFileWriter.removeOrphans(in: folder)
            state.exportDirectory = folder
            if let train { try train.prepare(&state, catalogue: catalogue, documents: folder) }
            var recovery = RecoveryStore(environment: Environment.values("XDG_STATE_HOME", "HOME"))
            recovery.cipher = sessions.cipher  // recovery copies are sealed like the store
            let store = WizardStoreHost(sessions: sessions, recovery: recovery)
            var host = WizardHost(
                save: store.save, load: store.load,
                list: { [engine = state.engine] in store.resumeItems(engine: engine) },
                export: { format, path, a, replace in
                    SummaryExport.write(
                        format: format, path: path, assessment: a, catalogue: catalogue, folder: folder, replace: replace, store: sessions)
                },
                now: { clock.timestamp() },
                reassess: { id in
                    // The same path as `assess --from`: checked, made by `Reassessment.start`, saved,
                    // then opened through the store host so it holds its lock like any other.
                    do {
                        let made = try ReassessFrom.start(from: id, catalogue: catalogue, store: sessions, now: clock.timestamp())
                        return store.load(made.id)
                    } catch {
                        return .failure(.damaged(String(describing: error)))
                    }
                },
                findEarlier: { a in
                    guard let key = a.childKey else { return [] }
                    return ChildRecords.assessments(childKey: key, in: sessions).filter { $0.id != a.id }
                })
            host.afterLoad = store.takeNotice
            host.bringBack = store.bringBack
            host.saveMerged = { merged, copy in store.saveMerged(merged, copyID: copy) }
            host.canSave = { !store.open.isReadOnly($0) }
            try lockWhenIdle(&host, store: real)
            // What the settings rule overruled was said on stderr, which curses covers at once:
            // the start screen says it too.
            let warnings = settings.warnings + (try LockdownSettings.current(storeUnencryptedFlag: unencrypted)).warnings
            if !warnings.isEmpty { state.message = Message("Settings: " + warnings.joined(separator: " "), error: true) }
            host.writeResponse = { response, dir in TrainOptions.write(response, folder: dir, documents: folder) }
            if let reassessment {
                // Opened as Resume opens a saved assessment (with its lock), then told what was carried forward.
                let opened = store.load(reassessment.id)
                _ = host.perform(Wizard.reduce(&state, .reassessed(opened)), on: &state)
            }
            if lineMode {
                var runner = LineRunner(state: state, console: StandardConsole(), host: host)
                runner.brief = brief || settings.briefLineMode
                let signal = runner.run()
                finish(store, runner.state, signal: signal, width: runner.console.width)
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
            finish(store, runner.state, signal: signal)
        }
    }

    /// The idle lock: the time from `LockdownSettings`, and for an encrypted store the check of
    /// the passphrase (its identity unwrapped again, scrypt and all); a plain store unlocks with a key.
    func lockWhenIdle(_ host: inout WizardHost, store: SessionStore) throws {
        let settings = try LockdownSettings.current(storeUnencryptedFlag: unencrypted)
        host.idleLock = settings.idleLockSeconds.map { .seconds($0) }
        guard store.isEncrypted else { return }
        let keyring = StoreKeyring(store: store)
        host.unlock = { typed in (try? keyring.unlock(passphrase: typed)) != nil }
    }

    /// Says where the assessment is — "Saved" only when the last change is on disk, otherwise
    /// where the recovery copy went — and exits with the honest status: 74 when work was not
    /// saved, 128 + the signal when one ended the wizard. The words are wrapped to the terminal
    /// (line mode's width, or the terminal curses left) and in ASCII under `LANG=C`.
    func finish(_ store: WizardStoreHost, _ state: WizardState, signal: Int32, width: Int? = nil) {
        let exit = store.finish(state)
        let columns = width ?? FileHandleOutput.terminalWidth(1)
        // Line mode (`width` given) promises ASCII only, whatever the locale.
        FileHandleOutput.standardOutput(ConsoleText.fit(exit.message, unicode: width == nil && FileHandleOutput.unicode, width: columns))
        if exit.status != 0 { Glibc.exit(exit.status) }
        if signal != 0 { Glibc.exit(128 + signal) }
    }

    /// An existing store must be a trusted folder before anything in it is read (a missing one is
    /// created, and checked, at the first save). A folder of ours that cannot be made 0700 (a
    /// read-only disk) is let through: saving there fails, and the wizard says so and keeps a
    /// recovery copy, rather than refusing to open what was saved.
    func checkTrusted(_ sessions: SessionStore) throws {
        var st = stat()
        guard lstat(sessions.directory, &st) == 0 else { return }
        do throws(StoreError) {
            try TrustedFolder.check(sessions.directory)
        } catch {
            if case .cannotSecureDirectory = error { return }
            throw Failure.io(error.description)
        }
    }
}

extension FileHandleOutput {
    /// The command's whole output, written with write(2) and checked: SIGPIPE is ignored, so a
    /// reader that went away (`| head`) makes this fail with exit 74 instead of killing the
    /// command halfway or pretending the output was delivered.
    /// A command's whole output. At a terminal whose locale is not UTF-8 (`LANG=C`) its marks
    /// and curly quotes are written in ASCII, which that terminal can show; to a file or a pipe
    /// it is written as it is, UTF-8, because there it is data.
    static func deliver(_ text: String) throws {
        let shown = !unicode && isatty(1) != 0 ? Glyphs.asciiFitted(text) : text
        let failed = writeAll(Array(shown.utf8), to: 1)
        guard failed == 0 else {
            let reason = failed == EPIPE ? "the reader closed it" : String(cString: strerror(failed))
            throw Failure.io("cannot write to standard output (\(reason)); the output is incomplete")
        }
    }

    static func standardOutput(_ text: String) {
        guard !text.isEmpty else { return }
        writeLine(text, to: 1)
    }
}
