import ArgumentParser
import StaircaseAge
import StaircaseCore
import StaircaseStore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension SessionsCommand {
    /// `staircase sessions recover --identity FILE`: a forgotten passphrase, with the
    /// organisation's recovery key. Run as the practitioner, on their machine: every saved file
    /// is opened in memory with the recovery identity and sealed again under a new passphrase,
    /// so no plain copy is ever written, and nothing changes when the key opens nothing.
    struct Recover: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "After a forgotten passphrase: open every saved assessment with IT's recovery key and seal it under a new one.",
            discussion: """
                Run it as the practitioner whose passphrase is lost, with the organisation's recovery \
                identity (the file age-keygen wrote) on removable media; the practitioner then chooses \
                a new passphrase. Files the key cannot open are left as they are and listed.
                """)

        @OptionGroup var location: StoreOptions
        @Option(help: "The organisation's recovery identity file (AGE-SECRET-KEY-1..., as age-keygen writes it).")
        var identity: String

        func run() throws {
            try runReporting {
                let key = try Self.readIdentity(identity)
                let plain = try storeFolder(location.store)
                let keyring = StoreKeyring(store: plain)
                let check: SessionStore.Resealing
                do throws(StoreError) {
                    try TrustedFolder.ensure(plain.directory)
                    check = try plain.reseal(openingWith: key, dryRun: true)
                } catch {
                    throw Failure(error)
                }
                guard !check.recovered.isEmpty else {
                    throw Failure.data(
                        check.unreadable.isEmpty
                            ? "there are no saved assessments in \(SafeText.clean(plain.directory)) to recover"
                            : "this recovery key opens none of the \(check.unreadable.count) saved assessment(s) in "
                                + "\(SafeText.clean(plain.directory)) — check it is the organisation's key, and that they were saved after IT set it up"
                    )
                }
                FileHandleOutput.say(
                    "the recovery key opens \(check.recovered.count) saved assessment(s)"
                        + (check.unreadable.isEmpty ? "" : "; \(check.unreadable.count) it cannot open will stay as they are"))
                let passphrase = try PassphrasePrompt.askNew("passphrase for the Staircase store")
                let recovery = try StoreUnlock.recoveryRecipients().recipients
                PassphrasePrompt.tell("Making the store's new key...")
                let done: SessionStore.Resealing
                do throws(StoreError) {
                    let made = try keyring.replace(passphrase: passphrase, workFactor: StoreUnlock.workFactor)
                    var store = plain
                    store.cipher = StoreCipher(store: made, recovery: recovery)
                    done = try store.reseal(openingWith: key)
                } catch {
                    throw Failure(error)
                }
                FileHandleOutput.say(
                    "recovered \(done.recovered.count) saved assessment(s) under the new passphrase"
                        + (done.unreadable.isEmpty ? "" : "; not recovered: " + done.unreadable.joined(separator: ", ")))
            }
        }

        /// The X25519 identity in an age identity file; never echoed (it is a secret key).
        static func readIdentity(_ path: String) throws -> X25519Identity {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw Failure.missingInput("\(SafeText.clean(path)): cannot read the recovery identity file — check the path")
            }
            let lines = text.split(whereSeparator: \.isNewline).map { String($0.drop { $0 == " " || $0 == "\t" }) }
            guard let line = lines.first(where: { $0.hasPrefix("AGE-SECRET-KEY-1") }), let key = try? X25519Identity(line) else {
                throw Failure.data(
                    "\(SafeText.clean(path)): holds no age identity (an AGE-SECRET-KEY-1... line) — give the file age-keygen wrote, not the recipients file"
                )
            }
            return key
        }
    }
}

extension SessionsCommand {
    /// `staircase sessions reseal`: after IT adds a recovery recipient, seals every file saved
    /// before it to the recipients in force now, so the new recovery key opens them too.
    struct Reseal: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Seal every saved assessment again to the recovery recipients in force now (after IT adds one).")

        @OptionGroup var location: StoreOptions

        func run() throws {
            try runReporting {
                let store = try StoreUnlock.unlock(try storeFolder(location.store))
                guard let own = store.cipher?.identity else {
                    throw Failure.usage("the store is not encrypted — run `staircase sessions encrypt` first")
                }
                let done: SessionStore.Resealing
                do throws(StoreError) {
                    done = try store.reseal(openingWith: own)
                } catch {
                    throw Failure(error)
                }
                let to = (store.cipher?.recipients.count ?? 1) - 1
                FileHandleOutput.say(
                    "sealed \(done.recovered.count) saved assessment(s) again, to this store's key and \(to) recovery recipient(s)"
                        + (done.unreadable.isEmpty ? "" : "; could not open: " + done.unreadable.joined(separator: ", ")))
            }
        }
    }
}
