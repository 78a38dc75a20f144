import ArgumentParser
import StaircaseCore
import StaircaseStore

#if canImport(Glibc)
    import Glibc
#endif

extension SessionsCommand {
    /// `staircase sessions purge --older-than 90d [--dry-run]`: retention. Deletes every file of
    /// each assessment last changed before the period (saved file, index entry, lock file,
    /// recovery copies). What deletion does and does not guarantee is in the README.
    struct Purge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete saved assessments last changed longer ago than a retention period.")

        @Option(help: "The retention period: a number of days, written like 90d.")
        var olderThan: String
        @Flag(help: "List what would be deleted, and delete nothing.")
        var dryRun = false
        @Option(help: "Folder for saved assessments (default: $XDG_DATA_HOME/staircase or ~/.local/share/staircase).")
        var store: String?
        @OptionGroup var encryption: StoreEncryptionOptions

        func run() throws {
            try runReporting {
                guard let days = Self.days(olderThan) else {
                    throw Failure.usage("--older-than takes a number of days such as 90d, not \(SafeText.clean(olderThan))")
                }
                let sessions = try openStore(store, unencrypted: encryption.storeUnencrypted)
                let cutoff = Self.date(daysAgo: days, now: time(nil))
                let expired = sessions.expired(before: cutoff)
                if expired.isEmpty {
                    print("No saved assessment was last changed before \(cutoff).")
                    return
                }
                let recovery = RecoveryStore(environment: Environment.values("XDG_STATE_HOME", "HOME"))
                var failed = 0
                for s in expired {
                    if dryRun {
                        print("would delete \(s.id)  \(s.initials)  last changed \(s.lastChange)")
                        continue
                    }
                    do throws(StoreError) {
                        try sessions.purge(id: s.id, recovery: recovery)
                        print("deleted \(s.id)")
                    } catch {
                        failed += 1
                        FileHandleOutput.standardError(error.description)
                    }
                }
                if failed > 0 { throw Failure.io("\(failed) assessment(s) could not be deleted; see above") }
            }
        }

        /// "90d" or "90": days, 1 to 36500.
        static func days(_ text: String) -> Int? {
            let digits = text.hasSuffix("d") ? String(text.dropLast()) : text
            guard let n = Int(digits), (1...36_500).contains(n) else { return nil }
            return n
        }

        /// The UTC date `days` before `now`, as "YYYY-MM-DD".
        static func date(daysAgo days: Int, now: time_t) -> String {
            var t = now - time_t(days) * 86_400
            var tm = tm()
            gmtime_r(&t, &tm)
            func pad(_ n: Int32, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
            return "\(pad(tm.tm_year + 1900, 4))-\(pad(tm.tm_mon + 1, 2))-\(pad(tm.tm_mday, 2))"
        }
    }
}
