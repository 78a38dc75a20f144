import Testing

@testable import StaircaseCore

/// The rule that decides a plain store and the idle lock from the settings files, the
/// environment and the flag: nothing loosens what the organisation's file sets.
@Suite struct LockdownTests {
    let sys = "/etc/staircase/config"

    func resolve(
        _ files: StaircaseSettings = StaircaseSettings(), flag: Bool = false, plain: String? = nil, idle: String? = nil
    ) throws -> Lockdown {
        try Lockdown.resolve(files: files, flag: flag, plainVariable: plain, idleVariable: idle, systemPath: sys)
    }

    @Test func byDefaultAStoreIsEncryptedAndLocksAfterTenMinutes() throws {
        let s = try resolve()
        #expect(!s.storeUnencrypted)
        #expect(s.idleLockSeconds == 600)
        #expect(s.warnings.isEmpty)
    }

    @Test func theFlagTheVariableOrAUsersFileKeepANewStorePlain() throws {
        #expect(try resolve(flag: true).storeUnencrypted)
        #expect(try resolve(plain: "1").storeUnencrypted)
        #expect(try resolve(plain: "YES").storeUnencrypted)
        #expect(try !resolve(plain: "0").storeUnencrypted)
        #expect(try !resolve(plain: "").storeUnencrypted)
        #expect(try resolve(StaircaseSettings(storeEncryption: false)).storeUnencrypted)
    }

    @Test func whereTheOrganisationRequiresEncryptionAskingForPlainIsRefused() throws {
        let required = StaircaseSettings(storeEncryption: true, encryptionRequired: true)
        #expect(throws: Lockdown.Refused(systemPath: sys)) { try resolve(required, flag: true) }
        #expect(throws: Lockdown.Refused(systemPath: sys)) { try resolve(required, plain: "1") }
        #expect(try !resolve(required).storeUnencrypted)
        #expect(Lockdown.Refused(systemPath: sys).description.contains("store-encryption = on in /etc/staircase/config"))
    }

    @Test func theVariableSetsTheIdleLockInMinutesSecondsOrOff() throws {
        #expect(try resolve(idle: "3").idleLockSeconds == 180)
        #expect(try resolve(idle: "30s").idleLockSeconds == 30)
        #expect(try resolve(idle: "2m").idleLockSeconds == 120)
        #expect(try resolve(idle: "1s").idleLockSeconds == Lockdown.shortestSeconds)
        #expect(try resolve(idle: "off").idleLockSeconds == nil)
        #expect(try resolve(idle: "0").idleLockSeconds == nil)
        let unreadable = try resolve(idle: "soon")
        #expect(unreadable.idleLockSeconds == 600, "an unreadable value keeps the lock, never turns it off")
        #expect(unreadable.warnings.first?.contains("cannot read soon") == true)
    }

    @Test func theVariableMayShortenButNotLoosenTheOrganisationsIdleLock() throws {
        let five = StaircaseSettings(idleLockSeconds: 300, idleLockSetByOrganisation: true)
        #expect(try resolve(five, idle: "1").idleLockSeconds == 60)
        let longer = try resolve(five, idle: "30")
        #expect(longer.idleLockSeconds == 300)
        #expect(longer.warnings.first?.contains("longer than your organisation's idle lock (5 minutes in /etc/staircase/config)") == true)
        #expect(try resolve(five, idle: "off").idleLockSeconds == 300, "off would loosen it")
        // Where only a user's file set it, the variable decides.
        let mine = StaircaseSettings(idleLockSeconds: 300)
        #expect(try resolve(mine, idle: "off").idleLockSeconds == nil)
    }

    @Test func theSettingsFilesMarkAnIdleLockTheOrganisationSet() {
        let set = StaircaseSettings.resolve(system: SettingsFile(idleLockMinutes: 5), systemPath: sys, user: nil, userPath: "u")
        #expect(set.idleLockSetByOrganisation && set.idleLockSeconds == 300)
        let unset = StaircaseSettings.resolve(system: nil, systemPath: sys, user: SettingsFile(idleLockMinutes: 5), userPath: "u")
        #expect(!unset.idleLockSetByOrganisation && unset.idleLockSeconds == 300)
    }
}
