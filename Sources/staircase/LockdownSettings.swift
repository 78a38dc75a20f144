import ArgumentParser
import StaircaseCore
import StaircaseStore
import Synchronization

/// The settings of issue 14 that a user or an organisation may change: whether a new store stays
/// plain, and how long the wizard waits before it locks. Made once a run from the settings files
/// (`StaircaseSettings`, README "Settings file"), the environment and the flag, by one rule: the
/// flag, then the environment, then the files, except that nothing loosens what the
/// organisation's file sets.
struct LockdownSettings: Equatable {
    /// `--store-unencrypted`, STAIRCASE_STORE_UNENCRYPTED=1 or `store-encryption = off`: a store
    /// without an identity stays plain and no passphrase is asked for. A store that already has
    /// one is always unlocked.
    var storeUnencrypted = false
    /// Seconds without a key press before the wizard locks; nil never locks (`off`).
    var idleLockSeconds: Int? = LockdownSettings.defaultIdleSeconds

    static let plainVariable = "STAIRCASE_STORE_UNENCRYPTED"
    static let idleVariable = "STAIRCASE_IDLE_LOCK"
    static let defaultIdleSeconds = StaircaseSettings.defaultIdleLockMinutes * 60

    private static let made = Mutex<[Bool: LockdownSettings]>([:])

    /// This run's settings, made once (so a warning is said once, however many places ask).
    static func current(storeUnencryptedFlag: Bool = false) throws -> LockdownSettings {
        if let done = made.withLock({ $0[storeUnencryptedFlag] }) { return done }
        let s = try resolve(
            files: StaircaseSettings.forThisRun(), flag: storeUnencryptedFlag, plainVariable: Environment.value(plainVariable),
            idleVariable: Environment.value(idleVariable))
        made.withLock { $0[storeUnencryptedFlag] = s }
        return s
    }

    /// The rule, apart from where its inputs come from. The flag wins over the variable, and
    /// either over `store-encryption` in a user's file; but where the organisation's file says
    /// `store-encryption = on`, asking for a plain store is refused (exit 78), and where it sets
    /// `idle-lock-minutes`, STAIRCASE_IDLE_LOCK may shorten the lock, never lengthen it or turn it
    /// off. A variable that cannot be read keeps the files' value rather than turning the lock off.
    static func resolve(files: StaircaseSettings, flag: Bool, plainVariable: String?, idleVariable: String?) throws -> LockdownSettings {
        var s = LockdownSettings()
        let asked = flag || plain(plainVariable)
        if asked && files.encryptionRequired {
            throw Failure.config(
                "your organisation requires saved assessments to be encrypted (store-encryption = on in "
                    + "\(SettingsFiles.systemPath)), so --store-unencrypted and \(Self.plainVariable) cannot turn it off; "
                    + "remove them and set a passphrase when asked")
        }
        s.storeUnencrypted = asked || !files.storeEncryption
        s.idleLockSeconds = files.idleLockSeconds
        if let raw = idleVariable, !raw.isEmpty, let seconds = idleSeconds(raw) {
            let wanted = seconds == 0 ? nil : seconds
            if !files.idleLockSetByOrganisation || (wanted.map { $0 < files.idleLockSeconds } ?? false) {
                s.idleLockSeconds = wanted
            } else {
                FileHandleOutput.standardError(
                    "warning: \(Self.idleVariable)=\(SafeText.clean(raw)) is longer than your organisation's idle lock "
                        + "(\(files.idleLockSeconds / 60) minutes in \(SettingsFiles.systemPath)); its time applies")
            }
        }
        return s
    }

    static func plain(_ raw: String?) -> Bool {
        guard let raw else { return false }
        return ["1", "yes", "true"].contains(raw.lowercased())
    }

    /// `10` (minutes), `30s` (seconds, for tests), `5m`, or `off`/`0` (never). The shortest lock
    /// is 5 seconds; 0 means never. Nil when the value is not one of these.
    static func idleSeconds(_ raw: String) -> Int? {
        let text = raw.lowercased()
        if text == "off" || text == "0" || text == "0s" || text == "0m" { return 0 }
        let (digits, unit) = text.hasSuffix("s") ? (text.dropLast(), 1) : text.hasSuffix("m") ? (text.dropLast(), 60) : (text[...], 60)
        guard let n = Int(digits), n > 0, n <= 24 * 60 * 60 else { return nil }
        return max(5, n * unit)
    }
}

/// `--store-unencrypted`, for every command that opens the store.
struct StoreEncryptionOptions: ParsableArguments {
    @Flag(help: "Keep a store that has no passphrase yet plain JSON: do not ask to set one (also STAIRCASE_STORE_UNENCRYPTED=1).")
    var storeUnencrypted = false
}
