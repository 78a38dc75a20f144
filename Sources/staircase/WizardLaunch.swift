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
            let clock = Clock()
            var state = WizardState(catalogue: catalogue, today: clock.today, now: clock.timestamp(), width: 80, height: 24)
            var sessions = try openStore(store)
            sessions.engine = state.engine
            try checkTrusted(sessions)
            let host = WizardStoreHost(sessions: sessions, recovery: RecoveryStore(environment: Environment.values("XDG_STATE_HOME", "HOME")))
            state.resumable = host.resumeItems(engine: state.engine)
            state.training = training
            state.exportDirectory = SummaryExport.defaultDirectory()
            var wizardHost = WizardHost(
                save: host.save, load: host.load,
                export: { format, path, a in
                    SummaryExport.write(format: format, path: path, assessment: a, catalogue: catalogue)
                },
                now: { clock.timestamp() })
            wizardHost.afterLoad = host.takeNotice
            let noColor = Environment.value("NO_COLOR").map { !$0.isEmpty } ?? false
            let terminal: NcursesTerminal
            do throws(NcursesTerminal.StartError) {
                terminal = try NcursesTerminal.start(noColor: noColor)
            } catch {
                throw Failure.usage(error.description)
            }
            var runner = WizardRunner(state: state, backend: terminal, host: wizardHost)
            let signal = runner.run()
            terminal.stop()
            let exit = host.finish(runner.state)
            FileHandleOutput.standardOutput(exit.message)
            if exit.status != 0 { Glibc.exit(exit.status) }
            if signal != 0 { Glibc.exit(128 + signal) }
        }
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
    static func deliver(_ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(1, $0.baseAddress.map { $0 + offset }, bytes.count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                let reason = errno == EPIPE ? "the reader closed it" : String(cString: strerror(errno))
                throw Failure.io("cannot write to standard output (\(reason)); the output is incomplete")
            }
            offset += n
        }
    }

    static func standardOutput(_ text: String) {
        guard !text.isEmpty else { return }
        let line = text.hasSuffix("\n") ? text : text + "\n"
        _ = line.utf8CString.withUnsafeBufferPointer { buf in
            write(1, buf.baseAddress, buf.count - 1)
        }
    }
}
