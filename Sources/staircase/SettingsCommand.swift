import ArgumentParser
import StaircaseAge
import StaircaseCore
import StaircaseStore

#if canImport(Glibc)
    import Glibc
#endif

/// `staircase settings [--check FILE]`: what this run's settings are and which files gave them,
/// or a draft of the organisation's file checked before IT installs it (docs/admin.md, "Settings file").
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Show the settings in force, or check a draft of /etc/staircase/config or recipients before installing it.")

    @Option(help: "A draft settings file to check as the organisation's (exit 0 valid, 78 not).")
    var check: String?
    @Option(help: "A draft recovery-recipients file to check before it becomes /etc/staircase/recipients (exit 0 valid, 78 not).")
    var checkRecipients: String?

    func run() throws {
        try runReporting {
            if let checkRecipients {
                let found: [X25519Recipient]
                do throws(StoreError) {
                    found = try StoreKeyring.recipients(in: checkRecipients, required: true)
                } catch {
                    throw Failure.config(error.description)
                }
                // A draft with no key would install as "nothing can be recovered": not valid.
                guard !found.isEmpty else {
                    throw Failure.config(
                        "\(SafeText.clean(checkRecipients)): lists no recipient, so nothing could be recovered — add the age1… line "
                            + "that age-keygen printed for the organisation's recovery key")
                }
                try FileHandleOutput.deliver(
                    "\(SafeText.clean(checkRecipients)): valid: \(found.count) recovery recipient\(found.count == 1 ? "" : "s")\n"
                        + found.map { "  \($0.string)\n" }.joined()
                        + "Install it so every user can read it: sudo install -D -m 644 \(SafeText.clean(checkRecipients)) "
                        + "\(StoreKeyring.systemRecipientsPath)\n")
                return
            }
            if let check {
                let file: SettingsFile
                do throws(SettingsError) {
                    file = try SettingsFiles.check(check)
                } catch {
                    throw Failure.config(error.description)
                }
                try FileHandleOutput.deliver(
                    "\(SafeText.clean(check)): valid\n" + Self.lines(file).joined()
                        + "Install it so every user can read it: sudo install -D -m 644 \(SafeText.clean(check)) "
                        + "\(SettingsFiles.systemPath)\n")
                return
            }
            let settings = try StaircaseSettings.forThisRun()
            let lockdown = try LockdownSettings.current()
            let user = SettingsFiles.userPath(environment: Environment.values("XDG_CONFIG_HOME", "HOME")) ?? "(no home folder)"
            var out = "Settings in force:\n"
            out += "  retention-days     \(settings.retentionDays.map(String.init) ?? "none")\n"
            out += "  idle-lock-minutes  \(Self.idle(lockdown.idleLockSeconds))\n"
            out += "  store-encryption   \(lockdown.storeUnencrypted ? "off (a new store stays plain)" : "on")"
            out += settings.encryptionRequired ? ", required by the organisation\n" : "\n"
            out += "  brief-line-mode    \(settings.briefLineMode ? "on" : "off")\n"
            out += "Read from:\n"
            for path in [SettingsFiles.systemPath, user] {
                out += "  \(SafeText.clean(path)) (\(Self.exists(path) ? "present" : "not present"))\n"
            }
            // The recovery recipients as the store reads them: a file that would stop the wizard stops this too.
            // A bad recipients file is shown in its place, after everything else, then exit 78.
            var recovery: RecoveryRecipients?
            var problem: String?
            do throws(StoreError) {
                recovery = try StoreKeyring.recoveryRecipients(environment: Environment.values(StoreKeyring.recipientsVariable))
            } catch {
                problem = error.description
            }
            var sources = [StoreKeyring.systemRecipientsPath + (Self.exists(StoreKeyring.systemRecipientsPath) ? "" : " (not present)")]
            if let named = Environment.value(StoreKeyring.recipientsVariable), !named.isEmpty {
                sources.append(SafeText.clean(named) + " (\(StoreKeyring.recipientsVariable))")
            }
            if let recovery {
                out += "Recovery recipients: \(recovery.count)"
                out += recovery.count == 0 ? ", so a lost passphrase cannot be recovered\n" : "\n"
            } else {
                out += "Recovery recipients: cannot be read, and the wizard will not start until this is fixed\n"
            }
            out += sources.map { "  \($0)\n" }.joined()
            for (name, value) in [
                (Lockdown.idleVariable, Environment.value(Lockdown.idleVariable)),
                (Lockdown.plainVariable, Environment.value(Lockdown.plainVariable)),
            ] {
                if let value, !value.isEmpty { out += "Set for this run: \(name)=\(SafeText.clean(value))\n" }
            }
            try FileHandleOutput.deliver(out)
            if let problem { throw Failure.config(problem) }
        }
    }

    static func lines(_ f: SettingsFile) -> [String] {
        [
            "  retention-days     \(f.retentionDays.map(String.init) ?? "(not set)")\n",
            "  idle-lock-minutes  \(f.idleLockMinutes.map(String.init) ?? "(not set: 10)")\n",
            "  store-encryption   \(f.storeEncryption.map { $0 ? "on (required for every user)" : "off (users may keep a plain store)" } ?? "(not set: on)")\n",
            "  brief-line-mode    \(f.briefLineMode.map { $0 ? "on (a default; users may turn it off)" : "off" } ?? "(not set: off)")\n",
        ]
    }

    static func idle(_ seconds: Int?) -> String {
        guard let seconds else { return "off" }
        return seconds % 60 == 0 ? "\(seconds / 60)" : "\(seconds) seconds"
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }
}
