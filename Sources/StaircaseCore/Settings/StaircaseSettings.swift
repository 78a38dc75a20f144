/// The settings Staircase runs with, from the organisation's file and the user's own, merged by
/// one policy: the system file is IT's, and a user's file may make things stricter (a shorter
/// retention period, a shorter idle lock, encryption on) but never looser.
///
/// A looser user value is not an error that stops the wizard (IT may tighten its file after a
/// user wrote theirs): the organisation's value applies and `warnings` says so, naming both files.
public struct StaircaseSettings: Equatable, Sendable {
    /// Saved assessments last changed more than this many days ago are past the organisation's
    /// period (the start screen says how many; `sessions purge` uses it by default). Nil: no period.
    public var retentionDays: Int?
    /// Seconds without a key before the idle lock (default 10 minutes).
    public var idleLockSeconds: Int
    /// New stores are encrypted (default on, as issue 14 asks).
    public var storeEncryption: Bool
    /// The organisation's file says `store-encryption = on`: nothing (no user file, no
    /// `--store-unencrypted`) may turn encryption off.
    public var encryptionRequired: Bool
    /// The organisation's file sets `idle-lock-minutes`: the environment may shorten the lock
    /// but not lengthen it or turn it off.
    public var idleLockSetByOrganisation: Bool
    /// What the policy overrode in the user's file, one sentence each; for standard error.
    public var warnings: [String]
    /// Line mode starts in its brief wording: the user's choice, else the organisation's default.
    public var briefLineMode = false

    public static let defaultIdleLockMinutes = 10

    public init(
        retentionDays: Int? = nil, idleLockSeconds: Int = StaircaseSettings.defaultIdleLockMinutes * 60, storeEncryption: Bool = true,
        encryptionRequired: Bool = false, idleLockSetByOrganisation: Bool = false, warnings: [String] = []
    ) {
        self.retentionDays = retentionDays
        self.idleLockSeconds = idleLockSeconds
        self.storeEncryption = storeEncryption
        self.encryptionRequired = encryptionRequired
        self.idleLockSetByOrganisation = idleLockSetByOrganisation
        self.warnings = warnings
    }

    /// The defaults, then the system file, then what the user's file may change. The paths name
    /// the files in warnings only.
    public static func resolve(system: SettingsFile?, systemPath: String, user: SettingsFile?, userPath: String) -> StaircaseSettings {
        let sys = system ?? SettingsFile()
        let own = user ?? SettingsFile()
        var s = StaircaseSettings()
        func overruled(_ setting: String, _ applies: String) {
            s.warnings.append(
                "\(SafeText.clean(userPath)): \(setting) is looser than the organisation's setting in \(SafeText.clean(systemPath)); "
                    + "\(applies) applies — a personal settings file may only make things stricter")
        }

        s.retentionDays = sys.retentionDays
        if let mine = own.retentionDays {
            if let theirs = sys.retentionDays, mine > theirs {
                overruled("retention-days = \(mine)", "\(theirs) days")
            } else {
                s.retentionDays = mine
            }
        }

        var minutes = sys.idleLockMinutes ?? defaultIdleLockMinutes
        if let mine = own.idleLockMinutes {
            if let theirs = sys.idleLockMinutes, mine > theirs {
                overruled("idle-lock-minutes = \(mine)", "\(theirs) minutes")
            } else {
                minutes = mine
            }
        }
        s.idleLockSeconds = minutes * 60
        s.idleLockSetByOrganisation = sys.idleLockMinutes != nil

        s.encryptionRequired = sys.storeEncryption == true
        s.storeEncryption = sys.storeEncryption ?? true
        if let mine = own.storeEncryption {
            if !mine && s.encryptionRequired {
                overruled("store-encryption = off", "store-encryption = on")
            } else {
                s.storeEncryption = mine
            }
        }
        s.briefLineMode = own.briefLineMode ?? sys.briefLineMode ?? false
        return s
    }
}
