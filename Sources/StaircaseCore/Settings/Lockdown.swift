/// What a run does about a locked-down machine: whether a store without a passphrase stays
/// plain, and how long the wizard waits before it locks. One rule makes it from the settings
/// files, the environment and the flag: the flag, then the environment, then the files, except
/// that nothing loosens what the organisation's file sets. Pure, so every case is tested; the
/// executable only reads the inputs.
public struct Lockdown: Equatable, Sendable {
    /// A store without an identity stays plain and no passphrase is asked for. A store that
    /// already has one is always unlocked.
    public var storeUnencrypted = false
    /// Seconds without a key press before the wizard locks; nil never locks (`off`).
    public var idleLockSeconds: Int? = StaircaseSettings.defaultIdleLockMinutes * 60
    /// What the rule overruled, one sentence each, for standard error.
    public var warnings: [String] = []

    public static let plainVariable = "STAIRCASE_STORE_UNENCRYPTED"
    public static let idleVariable = "STAIRCASE_IDLE_LOCK"
    /// The shortest idle lock the variable may set (tests use seconds).
    public static let shortestSeconds = 5

    /// Asking for a plain store where the organisation requires encryption.
    public struct Refused: Error, Equatable, Sendable, CustomStringConvertible {
        public var systemPath: String
        public var description: String {
            "your organisation requires saved assessments to be encrypted (store-encryption = on in \(systemPath)), so "
                + "--store-unencrypted and \(Lockdown.plainVariable) cannot turn it off; remove them and set a passphrase when asked"
        }
    }

    public init() {}

    /// The flag wins over the variable, and either over `store-encryption` in a user's file; where
    /// the organisation's file says `store-encryption = on`, asking for a plain store is refused.
    /// Where it sets `idle-lock-minutes`, STAIRCASE_IDLE_LOCK may shorten the lock but not
    /// lengthen it or turn it off. A variable that cannot be read keeps the files' value rather
    /// than turning the lock off.
    public static func resolve(
        files: StaircaseSettings, flag: Bool, plainVariable: String?, idleVariable: String?, systemPath: String
    ) throws(Refused) -> Lockdown {
        var s = Lockdown()
        let asked = flag || plain(plainVariable)
        if asked && files.encryptionRequired { throw Refused(systemPath: systemPath) }
        s.storeUnencrypted = asked || !files.storeEncryption
        s.idleLockSeconds = files.idleLockSeconds
        guard let raw = idleVariable, !raw.isEmpty else { return s }
        guard let seconds = idleSeconds(raw) else {
            s.warnings.append(
                "\(Self.idleVariable): cannot read \(SafeText.clean(raw)) "
                    + "(give minutes such as 10, or 30s, or off); the idle lock stays at \(files.idleLockSeconds / 60) minutes")
            return s
        }
        let wanted = seconds == 0 ? nil : seconds
        if !files.idleLockSetByOrganisation || (wanted.map { $0 < files.idleLockSeconds } ?? false) {
            s.idleLockSeconds = wanted
        } else {
            s.warnings.append(
                "\(Self.idleVariable)=\(SafeText.clean(raw)) is longer than your organisation's idle lock "
                    + "(\(files.idleLockSeconds / 60) minutes in \(systemPath)); its time applies")
        }
        return s
    }

    /// STAIRCASE_STORE_UNENCRYPTED's values that mean yes.
    public static func plain(_ raw: String?) -> Bool {
        guard let raw else { return false }
        return ["1", "yes", "true"].contains(raw.lowercased())
    }

    /// `10` (minutes), `30s` (seconds, for tests), `5m`, or `off`/`0` (never, returned as 0).
    /// The shortest lock is 5 seconds. Nil when the value is not one of these.
    public static func idleSeconds(_ raw: String) -> Int? {
        let text = raw.lowercased()
        if text == "off" || text == "0" || text == "0s" || text == "0m" { return 0 }
        let (digits, unit) = text.hasSuffix("s") ? (text.dropLast(), 1) : text.hasSuffix("m") ? (text.dropLast(), 60) : (text[...], 60)
        guard let n = Int(digits), n > 0, n <= 24 * 60 * 60 else { return nil }
        return max(shortestSeconds, n * unit)
    }
}
