import StaircaseStore
import Synchronization

/// Turns a store folder into a usable `SessionStore`: plain, or unlocked with its passphrase
/// (asked once per run, on the terminal) and sealed to the organisation's recovery recipients.
enum StoreUnlock {
    /// Set to 1 (or pass `--store-unencrypted`) to keep a plain store: see the README.
    static let plainVariable = "STAIRCASE_STORE_UNENCRYPTED"
    /// TEST ONLY: a lower scrypt work factor for new passphrases, so tests do not spend a second
    /// per unlock. Accepted only from 1 to 17; anything else is ignored and 18 is used.
    static let testWorkFactorVariable = "STAIRCASE_TEST_SCRYPT_LOGN"

    static var plainRequested: Bool { Environment.value(plainVariable).map { $0 == "1" || $0 == "yes" } ?? false }

    static var workFactor: Int {
        guard let raw = Environment.value(testWorkFactorVariable), let n = Int(raw), (1...17).contains(n) else { return 18 }
        return n
    }

    /// Stores already unlocked in this run, by folder: the passphrase is asked once per run even
    /// when a command opens the store twice (`export ID` reads the file, then earlier assessments).
    private static let unlocked = Mutex<[String: SessionStore]>([:])

    /// The store unlocked: asks until the passphrase is right (five tries), then migrates any
    /// plain file left from before encryption, each with a durable write.
    static func unlock(_ plain: SessionStore) throws -> SessionStore {
        if let done = unlocked.withLock({ $0[plain.directory] }) { return done }
        let keyring = StoreKeyring(store: plain)
        let recovery: RecoveryRecipients
        do throws(StoreError) {
            recovery = try StoreKeyring.recoveryRecipients(environment: Environment.values(StoreKeyring.recipientsVariable))
        } catch {
            throw Failure.io(error.description)
        }
        for _ in 0..<5 {
            guard let passphrase = try PassphrasePrompt.ask("Passphrase for the Staircase store: ") else { break }
            let store: SessionStore
            do throws(KeyringError) {
                store = try keyring.unlockedStore(passphrase: passphrase, recovery: recovery)
            } catch {
                if error == .wrongPassphrase { PassphrasePrompt.tell(error.description); continue }
                if case .store(let e) = error { throw Failure(e) }
                continue
            }
            try migrate(store)
            unlocked.withLock { $0[plain.directory] = store }
            return store
        }
        throw Failure.usage("the store stays locked — run staircase again and enter its passphrase")
    }

    static func migrate(_ store: SessionStore) throws {
        do throws(StoreError) {
            let done = try store.migrateToEncrypted()
            if !done.encrypted.isEmpty {
                FileHandleOutput.standardError("encrypted \(done.encrypted.count) saved assessment(s) left from before")
            }
            if !done.skipped.isEmpty {
                FileHandleOutput.standardError("\(done.skipped.count) assessment(s) open in another window stay plain until the next start")
            }
        } catch {
            throw Failure(error)
        }
    }
}
