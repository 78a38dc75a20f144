import ArgumentParser
import StaircaseCore
import StaircaseStore

#if canImport(Glibc)
    import Glibc
#endif

extension SessionsCommand {
    /// `staircase sessions purge [--older-than 90d] [--exported] [--dry-run]`: retention. Deletes
    /// every file of each assessment last changed before the period (saved file, index entry, lock
    /// file, recovery copies); without `--older-than`, the period is the settings file's
    /// `retention-days`. What deletion does and does not guarantee is in docs/admin.md.
    struct Purge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete saved assessments last changed longer ago than a retention period.")

        @Option(help: "The retention period: a number of days, written like 90d (default: retention-days in the settings file).")
        var olderThan: String?
        @Flag(help: "Only assessments whose full summary has been exported (by the wizard, or `staircase export ID --output`).")
        var exported = false
        @Flag(help: "List what would be deleted, and delete nothing.")
        var dryRun = false
        @OptionGroup var location: StoreOptions
        @OptionGroup var encryption: StoreEncryptionOptions

        func run() throws {
            try runReporting {
                let days = try period()
                let sessions = try openStore(location.store, unencrypted: encryption.storeUnencrypted)
                let cutoff = Retention.cutoff(days: days, today: Clock().today)
                let expired = sessions.expired(before: cutoff, exportedOnly: exported)
                if expired.isEmpty {
                    FileHandleOutput.say(
                        "No saved assessment \(exported ? "with an exported summary " : "")was last changed before \(cutoff).")
                    return
                }
                let recovery = RecoveryStore(environment: Environment.values("XDG_STATE_HOME", "HOME"))
                var failed = 0
                for s in expired {
                    if dryRun {
                        FileHandleOutput.say("would delete \(s.id)  \(s.initials)  last changed \(s.lastChange)")
                        continue
                    }
                    do throws(StoreError) {
                        try sessions.purge(id: s.id, recovery: recovery)
                        FileHandleOutput.say("deleted \(s.id)")
                    } catch {
                        failed += 1
                        FileHandleOutput.standardError(error.description)
                    }
                }
                if failed > 0 { throw Failure.io("\(failed) assessment(s) could not be deleted; see above") }
            }
        }

        /// The period in days: `--older-than`, else the settings' `retention-days`, else a usage error.
        func period() throws -> Int {
            if let olderThan {
                guard let n = Self.days(olderThan) else {
                    throw Failure.usage("--older-than takes a number of days such as 90d, not \(SafeText.clean(olderThan))")
                }
                return n
            }
            guard let n = try StaircaseSettings.forThisRun().retentionDays else {
                throw Failure.usage(
                    "give the period with --older-than 90d, or set retention-days in the settings file (see staircase help settings, or the admin guide, /usr/share/doc/staircase/admin.md)"
                )
            }
            return n
        }

        /// "90d" or "90": days, 1 to 36500.
        static func days(_ text: String) -> Int? {
            let digits = text.hasSuffix("d") ? String(text.dropLast()) : text
            guard let n = Int(digits), SettingsFile.retentionRange.contains(n) else { return nil }
            return n
        }
    }
}
