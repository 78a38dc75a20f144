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
    @OptionGroup var location: StoreOptions
    @Flag(help: "Mark new assessments as training runs, kept in the training store (training/ inside the store).")
    var training = false
    @Option(
        help: "Re-assess: start a new assessment of the same child from this saved id (or file), every answer carried forward to confirm.")
    var from: String?
    @OptionGroup var display: DisplayOptions
    @OptionGroup var encryption: StoreEncryptionOptions

    func run() throws {
        try WizardLaunch(
            catalogue: source.catalogue, store: location.store, training: training, plain: display.plain, brief: display.brief, from: from,
            unencrypted: encryption.storeUnencrypted
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
    @Flag(
        help: ArgumentHelp(
            "In line mode, brief wording: each row is its title, its four levels and a prompt naming it.",
            discussion: "t toggles it at any prompt; also brief-line-mode = on in the user's settings file."))
    var brief = false
}

/// The store's folder as a plain `SessionStore`, for commands that need only its path or its
/// keyring (`sessions encrypt`, finding a saved id's file).
func storeFolder(_ override: String?) throws -> SessionStore {
    do {
        let dir = try override ?? SessionStore.defaultDirectory(environment: Environment.values("XDG_DATA_HOME", "HOME"))
        return SessionStore(directory: dir)
    } catch {
        throw Failure.io("\(error)")
    }
}

/// Opens the session store, turning its errors into exit codes. A store with an identity is
/// unlocked with its passphrase, asked on the terminal, whatever the plain setting says (so
/// nothing plain is ever written into an encrypted store). A store without one stays plain
/// with `--store-unencrypted`, STAIRCASE_STORE_UNENCRYPTED=1 or `store-encryption = off` in a
/// settings file (`LockdownSettings`); otherwise
/// it is encrypted now, after a first-run passphrase, unless `create` is false (a command that
/// only reads it in passing), when it is read plain.
func openStore(_ override: String?, unencrypted: Bool = false, create: Bool = true) throws -> SessionStore {
    let plain = try storeFolder(override)
    // Refused now, not at the first save: an open parent, encrypted saves without their key.
    do throws(StoreError) {
        try plain.checkAtStart()
    } catch {
        throw Failure(error)
    }
    if StoreKeyring(store: plain).hasIdentity {
        if create, (try? LockdownSettings.current(storeUnencryptedFlag: unencrypted))?.storeUnencrypted == true {
            FileHandleOutput.standardError(
                "note: this store is already encrypted, so it is opened with its passphrase; the plain setting only keeps a new store plain"
            )
        }
        return try StoreUnlock.unlock(plain)
    }
    if try !create || LockdownSettings.current(storeUnencryptedFlag: unencrypted).storeUnencrypted { return plain }
    return try StoreUnlock.firstRun(plain)
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
