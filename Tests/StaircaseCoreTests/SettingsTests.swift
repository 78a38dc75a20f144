import Foundation
import Testing

@testable import StaircaseCore

/// The settings file's format and the policy that merges the organisation's file with a user's.
@Suite struct SettingsTests {
    static let example = """
        # Staircase settings (IT)
        retention-days = 90
        idle-lock-minutes = 5   # a shared office
          store-encryption=on

        """

    @Test func theDocumentedExampleParses() throws {
        let f = try SettingsFile.parse(Self.example, file: "/etc/staircase/config")
        #expect(f == SettingsFile(retentionDays: 90, idleLockMinutes: 5, storeEncryption: true))
        #expect(try SettingsFile.parse("", file: "x") == SettingsFile())
        #expect(try SettingsFile.parse("retention-days = 30d\nstore-encryption = OFF", file: "x").retentionDays == 30)
        #expect(try SettingsFile.parse("store-encryption = off", file: "x").storeEncryption == false)
        #expect(try SettingsFile.parse("store-encryption = yes", file: "x").storeEncryption == true, "as the variables accept")
        #expect(try SettingsFile.parse("idle-lock-minutes = 5m", file: "x").idleLockMinutes == 5, "as STAIRCASE_IDLE_LOCK accepts")
    }

    /// The admin guide's example is a valid file that says what the guide says it does.
    @Test func theAdminGuideExampleParses() throws {
        let readme = try String(contentsOfFile: Fixtures.projectFile("docs/admin.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Settings file").dropFirst().first)
        let block = try #require(section.components(separatedBy: "```ini\n").dropFirst().first?.components(separatedBy: "```").first)
        let f = try SettingsFile.parse(block, file: "docs/admin.md")
        #expect(f == SettingsFile(retentionDays: 90, idleLockMinutes: 5, storeEncryption: true))
    }

    /// The example IT copies to /etc/staircase/config (shipped in the .deb) is valid and says the defaults.
    @Test func theShippedExampleParses() throws {
        let text = try String(contentsOfFile: Fixtures.projectFile("Data/etc/config"), encoding: .utf8)
        let f = try SettingsFile.parse(text, file: "Data/etc/config")
        #expect(f == SettingsFile(retentionDays: 90, idleLockMinutes: 10, storeEncryption: true))
    }

    /// Each bad line is refused with the file, its line number and the fix.
    @Test(arguments: [
        ("# ok\nretention-day = 90", 2, "unknown key retention-day — did you mean retention-days?"),
        ("retention-days = 90\nretention-days = 30", 2, "retention-days is given twice — keep one line for it"),
        ("retention-days = ninety", 1, "retention-days is not a number of days — give a whole number from 1 to 36500, such as 90"),
        ("retention-days = 0", 1, "retention-days = 0 is out of range — give a whole number from 1 to 36500"),
        ("idle-lock-minutes = 0", 1, "idle-lock-minutes = 0 is out of range"),
        ("idle-lock-minutes = soon", 1, "idle-lock-minutes is not a number of minutes"),
        ("idle-lock-minutes = 481", 1, "from 1 to 480"),
        ("store-encryption = maybe", 1, "write `store-encryption = on` or `store-encryption = off`"),
        ("\n\nretention-days 90", 3, "not a setting — write it as `key = value`"),
        (
            "Jane Doe lives at 4 Elm Row = yes", 1,
            "unknown key (not shown) — the keys are retention-days, idle-lock-minutes, store-encryption"
        ),
    ])
    func aBadLineNamesTheFileTheLineAndTheFix(text: String, line: Int, says: String) {
        #expect(throws: SettingsError.self) { try SettingsFile.parse(text, file: "/home/you/.config/staircase/config") }
        do {
            _ = try SettingsFile.parse(text, file: "/home/you/.config/staircase/config")
        } catch {
            #expect(error.line == line)
            #expect(error.description.hasPrefix("/home/you/.config/staircase/config, line \(line): "))
            #expect(error.description.contains(says), "\(error.description)")
            #expect(!error.description.contains("Jane"), "a line's content is never quoted")
        }
    }

    @Test func withNoFilesTheDefaultsApply() {
        let s = StaircaseSettings.resolve(system: nil, systemPath: "/etc/staircase/config", user: nil, userPath: "u")
        #expect(s == StaircaseSettings(retentionDays: nil, idleLockSeconds: 600, storeEncryption: true, encryptionRequired: false))
    }

    @Test func aUserMayMakeThingsStricter() {
        let s = StaircaseSettings.resolve(
            system: SettingsFile(retentionDays: 90, idleLockMinutes: 10, storeEncryption: false), systemPath: "sys",
            user: SettingsFile(retentionDays: 30, idleLockMinutes: 2, storeEncryption: true), userPath: "mine")
        #expect(s.retentionDays == 30)
        #expect(s.idleLockSeconds == 120)
        #expect(s.storeEncryption)
        #expect(!s.encryptionRequired)
        #expect(s.warnings.isEmpty)
    }

    @Test func aUserMayNotMakeThingsLooserAndIsToldSo() {
        let s = StaircaseSettings.resolve(
            system: SettingsFile(retentionDays: 90, idleLockMinutes: 5, storeEncryption: true), systemPath: "/etc/staircase/config",
            user: SettingsFile(retentionDays: 365, idleLockMinutes: 60, storeEncryption: false),
            userPath: "/home/you/.config/staircase/config")
        #expect(s.retentionDays == 90)
        #expect(s.idleLockSeconds == 300)
        #expect(s.storeEncryption)
        #expect(s.encryptionRequired)
        #expect(s.warnings.count == 3)
        #expect(s.warnings.allSatisfy { $0.contains("/home/you/.config/staircase/config") && $0.contains("/etc/staircase/config") })
        #expect(s.warnings[0].contains("retention-days = 365") && s.warnings[0].contains("90 days applies"))
    }

    /// Where the organisation says nothing, the user's file decides; encryption may be turned
    /// off only when the organisation has not said `on`.
    @Test func whereTheOrganisationIsSilentTheUserDecides() {
        let s = StaircaseSettings.resolve(
            system: nil, systemPath: "sys", user: SettingsFile(retentionDays: 400, idleLockMinutes: 30, storeEncryption: false),
            userPath: "mine")
        #expect(s.retentionDays == 400)
        #expect(s.idleLockSeconds == 1800)
        #expect(!s.storeEncryption)
        #expect(s.warnings.isEmpty)
        let off = StaircaseSettings.resolve(
            system: SettingsFile(storeEncryption: false), systemPath: "sys", user: nil, userPath: "mine")
        #expect(!off.storeEncryption && !off.encryptionRequired)
    }

    @Test func retentionCountsByDate() throws {
        let today = try #require(CalendarDate("2026-11-26"))
        #expect(Retention.cutoff(days: 90, today: today).description == "2026-08-28")
        #expect(Retention.cutoff(days: 365, today: try #require(CalendarDate("2024-03-01"))).description == "2023-03-02")
        #expect(today.adding(days: 36).description == "2027-01-01")
        let cutoff = Retention.cutoff(days: 90, today: today)
        #expect(Retention.isPast(lastChange: "2026-08-27T23:59:00+01:00", cutoff: cutoff))
        #expect(!Retention.isPast(lastChange: "2026-08-28T00:00:00Z", cutoff: cutoff))
        #expect(!Retention.isPast(lastChange: "", cutoff: cutoff), "no date: never past")
        #expect(Retention.purgeCommand(days: 90) == "staircase sessions purge --older-than 90d")
    }

    /// Adding days and counting them agree across month ends, leap days and centuries.
    @Test func addingDaysAndCountingThemAgree() throws {
        let start = try #require(CalendarDate("1999-12-31"))
        for n in stride(from: -30_000, through: 30_000, by: 37) {
            let moved = start.adding(days: n)
            #expect(start.days(until: moved) == n, "\(n) days from \(start) is \(moved)")
        }
        #expect(try #require(CalendarDate("2024-02-28")).adding(days: 1).description == "2024-02-29")
        #expect(try #require(CalendarDate("2100-02-28")).adding(days: 1).description == "2100-03-01")
    }

    /// Line mode's brief wording is a person's preference: the user's file decides, else the organisation's default.
    @Test func briefLineModeIsTheUsersChoice() throws {
        #expect(try SettingsFile.parse("brief-line-mode = on", file: "x").briefLineMode == true)
        #expect(throws: SettingsError.self) { try SettingsFile.parse("brief-line-mode = maybe", file: "x") }
        let org = SettingsFile(briefLineMode: true)
        #expect(StaircaseSettings.resolve(system: org, systemPath: "s", user: nil, userPath: "u").briefLineMode)
        let mine = SettingsFile(briefLineMode: false)
        let s = StaircaseSettings.resolve(system: org, systemPath: "s", user: mine, userPath: "u")
        #expect(!s.briefLineMode && s.warnings.isEmpty, "no warning: it is not a policy")
    }
}
