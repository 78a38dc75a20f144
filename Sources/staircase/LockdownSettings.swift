import ArgumentParser
import StaircaseCore
import StaircaseStore
import Synchronization

/// This run's `Lockdown` (the rule is in StaircaseCore, `Lockdown.resolve`): the settings files,
/// the environment and the flag, read once so a warning is said once however many places ask.
enum LockdownSettings {
    private static let made = Mutex<[Bool: Lockdown]>([:])

    static func current(storeUnencryptedFlag: Bool = false) throws -> Lockdown {
        if let done = made.withLock({ $0[storeUnencryptedFlag] }) { return done }
        let files = try StaircaseSettings.forThisRun()
        let s: Lockdown
        do throws(Lockdown.Refused) {
            s = try Lockdown.resolve(
                files: files, flag: storeUnencryptedFlag,
                plainVariable: Environment.value(Lockdown.plainVariable), idleVariable: Environment.value(Lockdown.idleVariable),
                systemPath: SettingsFiles.systemPath)
        } catch {
            throw Failure.config(error.description)
        }
        for warning in s.warnings { FileHandleOutput.standardError("warning: " + warning) }
        made.withLock { $0[storeUnencryptedFlag] = s }
        return s
    }
}

/// `--store DIR`, for every command that works on the saved assessments (one help text).
struct StoreOptions: ParsableArguments {
    @Option(help: "Folder for saved assessments (default: $XDG_DATA_HOME/staircase or ~/.local/share/staircase).")
    var store: String?
}

/// `--store-unencrypted`, for every command that opens the store.
struct StoreEncryptionOptions: ParsableArguments {
    @Flag(help: "Keep a store that has no passphrase yet plain JSON: do not ask to set one (also STAIRCASE_STORE_UNENCRYPTED=1).")
    var storeUnencrypted = false
}
