import ArgumentParser
import StaircaseCore
import StaircaseStore

extension SessionsCommand {
    /// `staircase sessions encrypt`: sets the store's passphrase (making its identity) and
    /// encrypts every saved assessment, one durable write each; safe to run again if stopped.
    struct Encrypt: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a passphrase for the store and encrypt every saved assessment (age format).")

        @OptionGroup var location: StoreOptions

        func run() throws {
            try runReporting {
                let plain = try storeFolder(location.store)
                let keyring = StoreKeyring(store: plain)
                if keyring.hasIdentity {
                    // Already encrypted: unlocking finishes any migration a killed run left.
                    _ = try StoreUnlock.unlock(plain)
                    FileHandleOutput.say("the store in \(SafeText.clean(plain.directory)) is encrypted")
                    return
                }
                let passphrase = try PassphrasePrompt.askNew("passphrase for the Staircase store")
                _ = try StoreUnlock.create(plain, passphrase: passphrase, recovery: try StoreUnlock.recoveryRecipients())
                FileHandleOutput.say("the store in \(SafeText.clean(plain.directory)) is encrypted; keep the passphrase safe")
            }
        }
    }

    /// `staircase sessions passphrase`: changes the passphrase; saved files stay as they are.
    struct Passphrase: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change the store's passphrase.")

        @OptionGroup var location: StoreOptions

        func run() throws {
            try runReporting {
                let plain = try storeFolder(location.store)
                let keyring = StoreKeyring(store: plain)
                guard keyring.hasIdentity else {
                    throw Failure.usage("the store has no passphrase yet — run `staircase sessions encrypt` to set one")
                }
                for _ in 0..<5 {
                    guard let old = try PassphrasePrompt.ask("Current passphrase: ") else { break }
                    do throws(KeyringError) {
                        _ = try keyring.unlock(passphrase: old)
                    } catch {
                        if error == .wrongPassphrase { PassphrasePrompt.tell(error.description); continue }
                        throw Failure.io(error.description)
                    }
                    let new = try PassphrasePrompt.askNew("passphrase")
                    do throws(KeyringError) {
                        try keyring.changePassphrase(from: old, to: new, workFactor: StoreUnlock.workFactor)
                    } catch {
                        throw Failure.io(error.description)
                    }
                    FileHandleOutput.say("passphrase changed")
                    return
                }
                throw Failure.usage("the passphrase was not changed")
            }
        }
    }
}
