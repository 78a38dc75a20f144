import ArgumentParser
import NcursesBackend
import StaircaseCore
import StaircaseStore
import StaircaseTUI

#if canImport(Glibc)
    import Glibc
#endif

/// `staircase assess` (the default): the ncurses wizard, saving after every change.
struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess", abstract: "Run the wizard (the default command).")

    @OptionGroup var source: CatalogueOptions
    @Option(help: "Folder for saved assessments (default: $XDG_DATA_HOME/staircase or ~/.local/share/staircase).")
    var store: String?
    @Flag(help: "Mark new assessments as training runs, kept in the training store (training/ inside the store).")
    var training = false
    @Option(
        help: "Re-assess: start a new assessment of the same child from this saved id (or file), every answer carried forward to confirm.")
    var from: String?
    @OptionGroup var display: DisplayOptions
    @Flag(help: "Keep the store plain JSON: do not ask for its passphrase (also STAIRCASE_STORE_UNENCRYPTED=1).")
    var storeUnencrypted = false

    func run() throws {
        try WizardLaunch(
            catalogue: source.catalogue, store: store, training: training, plain: display.plain, from: from, unencrypted: storeUnencrypted
        ).run()
    }
}

/// How the wizard is shown, shared by every command that runs it (`assess` and `train`).
struct DisplayOptions: ParsableArguments {
    @Flag(
        help: ArgumentHelp(
            "Line mode for screen readers, braille displays and scripts: numbered prompts, plain ASCII, no redraws.",
            discussion: "Also on when TERM=dumb, when STAIRCASE_ACCESSIBLE or ACCESSIBLE is set, or when input or output is not a terminal."
        ))
    var plain = false
}

/// Opens the session store, turning its errors into exit codes. A store with an identity
/// (`sessions encrypt` made one) is unlocked with its passphrase, asked on the terminal; with
/// `unencrypted` (`--store-unencrypted` or STAIRCASE_STORE_UNENCRYPTED=1) it is opened plain.
func openStore(_ override: String?, unencrypted: Bool = false) throws -> SessionStore {
    let plain: SessionStore
    do {
        let dir = try override ?? SessionStore.defaultDirectory(environment: Environment.values("XDG_DATA_HOME", "HOME"))
        plain = SessionStore(directory: dir)
    } catch {
        throw Failure.io("\(error)")
    }
    if unencrypted || StoreUnlock.plainRequested || !StoreKeyring(store: plain).hasIdentity { return plain }
    return try StoreUnlock.unlock(plain)
}

/// Today's date and timestamps in local time with the offset from UTC ("2026-07-01T10:45:00+01:00"),
/// read once per use; only the executable reads the clock. The offset travels with each time, so
/// the saved file and every export give the same bytes whichever time zone reads them.
struct Clock {
    var today: CalendarDate { CalendarDate(timestamp()) ?? CalendarDate.unknownDay }

    func timestamp() -> String {
        var t = time(nil)
        var tm = tm()
        localtime_r(&t, &tm)
        return Self.format(tm, offsetSeconds: Int(tm.tm_gmtoff))
    }

    static func format(_ tm: tm, offsetSeconds: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let minutes = abs(offsetSeconds) / 60
        let offset = (offsetSeconds < 0 ? "-" : "+") + two(minutes / 60) + ":" + two(minutes % 60)
        return
            "\(tm.tm_year + 1900)-\(two(Int(tm.tm_mon) + 1))-\(two(Int(tm.tm_mday)))T\(two(Int(tm.tm_hour))):\(two(Int(tm.tm_min))):\(two(Int(tm.tm_sec)))"
            + offset
    }
}
