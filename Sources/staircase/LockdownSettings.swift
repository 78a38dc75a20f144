import ArgumentParser

/// The settings of issue 14 that a user or an organisation may change: whether a new store stays
/// plain, and how long the wizard waits before it locks. Read here once, from the command line
/// and the environment, so a configuration file can feed the same struct later.
struct LockdownSettings: Equatable {
    /// `--store-unencrypted` or STAIRCASE_STORE_UNENCRYPTED=1: a store without an identity stays
    /// plain and no passphrase is asked for. A store that already has one is always unlocked.
    var storeUnencrypted = false
    /// Seconds without a key press before the wizard locks; nil never locks (`off`).
    var idleLockSeconds: Int? = LockdownSettings.defaultIdleSeconds

    static let plainVariable = "STAIRCASE_STORE_UNENCRYPTED"
    static let idleVariable = "STAIRCASE_IDLE_LOCK"
    static let defaultIdleSeconds = 10 * 60

    /// The flag wins over the environment: `--store-unencrypted` keeps the store plain whatever
    /// STAIRCASE_STORE_UNENCRYPTED says; without it, the variable set to 1 or yes does.
    static func current(storeUnencryptedFlag: Bool = false) -> LockdownSettings {
        var s = LockdownSettings()
        s.storeUnencrypted = storeUnencryptedFlag || plain(Environment.value(plainVariable))
        if let raw = Environment.value(idleVariable), !raw.isEmpty {
            // A value that cannot be read keeps the default rather than turning the lock off.
            if let seconds = idleSeconds(raw) { s.idleLockSeconds = seconds == 0 ? nil : seconds }
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
