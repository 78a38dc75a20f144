import StaircaseCore
import StaircaseStore
import Synchronization

extension StaircaseSettings {
    private static let loaded = Mutex<StaircaseSettings?>(nil)

    /// The settings for this run, read once from `/etc/staircase/config` and the user's file
    /// (see docs/admin.md, "Settings file"). What the policy overruled is said once on standard error;
    /// a file that is malformed, unsafe or unreadable stops the command with exit 78 (EX_CONFIG).
    static func forThisRun() throws -> StaircaseSettings {
        if let done = loaded.withLock({ $0 }) { return done }
        let settings: StaircaseSettings
        do throws(SettingsError) {
            settings = try SettingsFiles.load(environment: Environment.values("XDG_CONFIG_HOME", "HOME"))
        } catch {
            throw Failure.config(error.description)
        }
        for warning in settings.warnings { FileHandleOutput.standardError("warning: " + warning) }
        loaded.withLock { $0 = settings }
        return settings
    }
}
