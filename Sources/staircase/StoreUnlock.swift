import StaircaseStore
import Synchronization

/// Turns a store folder into a usable `SessionStore`: plain, or unlocked with its passphrase
/// (asked once per run, on the terminal) and sealed to the organisation's recovery recipients.
enum StoreUnlock {
    /// TEST ONLY, and only in a debug build: a lower scrypt work factor for new passphrases, so
    /// tests do not spend a second per unlock. Accepted only from 1 to 17. A release build (the
    /// package) ignores it, so no environment can weaken a practitioner's store (issue 19).
    static let testWorkFactorVariable = "STAIRCASE_TEST_SCRYPT_LOGN"

    static var workFactor: Int {
        #if DEBUG
            guard let raw = Environment.value(testWorkFactorVariable), let n = Int(raw), (1...17).contains(n) else { return 18 }
            return n
        #else
            return 18
        #endif
    }

    /// Stores already unlocked in this run, by folder: the passphrase is asked once per run even
    /// when a command opens the store twice (`export ID` reads the file, then earlier assessments).
    private static let unlocked = Mutex<[String: SessionStore]>([:])

    /// The store unlocked: asks until the passphrase is right (five tries), then migrates any
    /// plain file left from before encryption, each with a durable write.
    static func unlock(_ plain: SessionStore) throws -> SessionStore {
        if let done = unlocked.withLock({ $0[plain.directory] }) { return done }
        let keyring = StoreKeyring(store: plain)
        let recovery = try recoveryRecipients()
        // One exchange with echo off throughout: a passphrase retyped during the check is not shown.
        let opened = try PassphrasePrompt.conversation { () throws -> SessionStore? in
            for _ in 0..<5 {
                guard let passphrase = try PassphrasePrompt.ask("Passphrase for the Staircase store: ") else { break }
                if passphrase.isEmpty {
                    PassphrasePrompt.tell("Nothing was typed. Type the store's passphrase and press Enter (Ctrl-D to stop).")
                    continue
                }
                PassphrasePrompt.tell("Checking the passphrase...")
                do throws(KeyringError) {
                    return try keyring.unlockedStore(passphrase: passphrase, recovery: recovery)
                } catch {
                    if error == .wrongPassphrase { PassphrasePrompt.tell(error.description); continue }
                    if case .store(let e) = error { throw Failure(e) }
                    continue
                }
            }
            return nil
        }
        if let store = opened {
            try migrate(store)
            unlocked.withLock { $0[plain.directory] = store }
            return store
        }
        throw Failure.usage(
            "the store stays locked — run staircase again and enter its passphrase; if it is lost, only the organisation's "
                + "recovery key (if IT set one up) can open the saved assessments (ask IT: the admin guide, /usr/share/doc/staircase/admin.md, says how)"
        )
    }

    /// The organisation's recovery recipients (exit 74 when a named file cannot be read).
    static func recoveryRecipients() throws -> RecoveryRecipients {
        do throws(StoreError) {
            return try StoreKeyring.recoveryRecipients(environment: Environment.values(StoreKeyring.recipientsVariable))
        } catch {
            // A recipients file is configuration, as the settings files are: EX_CONFIG.
            throw Failure.config(error.description)
        }
    }

    /// The lines shown before the first passphrase is chosen: what it protects and who else can
    /// open the files. Plain words, no jargon; the recovery sentence is true for this machine.
    static func firstRunText(recoveryKeys: Int) -> [String] {
        [
            "Staircase encrypts saved assessments on this computer. Choose a passphrase:",
            "you will type it each time Staircase starts; without it no one can read them.",
            recoveryKeys > 0
                ? "Your organisation's recovery key (set up by IT) can also recover them."
                : "No recovery key is set up here: a lost passphrase cannot be recovered.",
        ]
    }

    /// Says both ways out when a store needs its first passphrase and there is no terminal.
    static let noTerminalForFirstRun =
        "this store has no passphrase yet and there is no terminal to set one on — run staircase once in a terminal to choose "
        + "a passphrase, or keep the store plain with --store-unencrypted or STAIRCASE_STORE_UNENCRYPTED=1 (see man staircase, or the practitioner's guide, /usr/share/doc/staircase/practitioner.md)"

    /// First use of a store without an identity: asks for a new passphrase (typed twice), makes
    /// the identity, and encrypts any plain file already saved (the resumable migration).
    static func firstRun(_ plain: SessionStore) throws -> SessionStore {
        // A folder that cannot be made or trusted is said before anyone invents and types a
        // passphrase, and before "no terminal": so is one that cannot take a file (read-only, immutable).
        do throws(StoreError) {
            try plain.checkWritable()
        } catch {
            throw Failure(error)
        }
        guard PassphrasePrompt.hasTerminal else { throw Failure.usage(noTerminalForFirstRun) }
        let recovery = try recoveryRecipients()
        for line in firstRunText(recoveryKeys: recovery.count) { PassphrasePrompt.tell(line) }
        let passphrase = try PassphrasePrompt.askNew(
            "passphrase", first: "Choose a passphrase (at least \(PassphrasePrompt.minimumLength) characters): ")
        PassphrasePrompt.tell("Making the store's key...")
        return try create(plain, passphrase: passphrase, recovery: recovery)
    }

    /// Makes the store identity with `passphrase`, unlocks it and migrates plain files.
    static func create(_ plain: SessionStore, passphrase: String, recovery: RecoveryRecipients) throws -> SessionStore {
        let keyring = StoreKeyring(store: plain)
        do throws(StoreError) {
            _ = try keyring.create(passphrase: passphrase, workFactor: workFactor)
        } catch {
            throw Failure(error)
        }
        let store: SessionStore
        do throws(KeyringError) {
            store = try keyring.unlockedStore(passphrase: passphrase, recovery: recovery)
        } catch {
            throw Failure.io(error.description)
        }
        try migrate(store)
        unlocked.withLock { $0[plain.directory] = store }
        return store
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
