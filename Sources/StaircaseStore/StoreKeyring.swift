import StaircaseAge

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The store's identity file and the organisation's recovery recipients: everything needed to
/// turn a passphrase into a `StoreCipher`.
///
/// The identity lives in the store as `store-identity.age`, an age file made with the
/// passphrase (scrypt), so `age -d -i store-identity.age file.json` opens any saved file.
/// It is written with the store's one durable writer.
public struct StoreKeyring: Sendable {
    public let store: SessionStore

    /// The identity file's name in the store folder; not `.json`, so never listed as an assessment.
    public static let identityFileName = "store-identity.age"
    /// The organisation's recovery recipients: one `age1…` per line, `#` comments allowed.
    public static let systemRecipientsPath = "/etc/staircase/recipients"
    /// Names a further recipients file (same format), for a user or a test.
    public static let recipientsVariable = "STAIRCASE_RECIPIENTS"

    public init(store: SessionStore) { self.store = store }

    public var identityPath: String { SessionStore.join(store.directory, Self.identityFileName) }

    /// True once a store identity exists (the passphrase has been set).
    public var hasIdentity: Bool { (try? POSIX.status(identityPath)).map(POSIX.isRegular) ?? false }

    /// Makes a new identity wrapped with `passphrase` and writes it durably. Refused if one exists:
    /// replacing it would make every file saved so far unreadable without the recovery key.
    public func create(passphrase: String, workFactor: Int = ScryptRecipient.defaultWorkFactor) throws(StoreError) -> StoreIdentity {
        if hasIdentity { throw .identity(path: identityPath, reason: "a store identity already exists — unlock it instead") }
        return try writeNewIdentity(passphrase: passphrase, workFactor: workFactor)
    }

    /// A new key pair wrapped with `passphrase`, written durably as the store's identity file.
    func writeNewIdentity(passphrase: String, workFactor: Int) throws(StoreError) -> StoreIdentity {
        let made: (identity: StoreIdentity, file: [UInt8])
        do {
            made = try StoreIdentity.create(passphrase: passphrase, workFactor: workFactor)
        } catch {
            throw .identity(path: identityPath, reason: "cannot create the store identity (\(error.description))")
        }
        try store.ensureDirectory()
        _ = try store.writeDurably(made.file, to: identityPath, temporaryFor: "store-identity")
        return made.identity
    }

    /// The unlocked identity; `wrongPassphrase` for the caller to ask again.
    public func unlock(passphrase: String) throws(KeyringError) -> StoreIdentity {
        let file = try readIdentityFile()
        do {
            return try StoreIdentity.unlock(file, passphrase: passphrase)
        } catch {
            if error == .wrongPassphrase { throw .wrongPassphrase }
            throw .store(.identity(path: identityPath, reason: "the store identity file is damaged (\(error.description))"))
        }
    }

    /// The store unlocked with `passphrase`, sealing to its own key and to `recovery`.
    public func unlockedStore(passphrase: String, recovery: RecoveryRecipients) throws(KeyringError) -> SessionStore {
        var unlocked = store
        unlocked.cipher = StoreCipher(store: try unlock(passphrase: passphrase), recovery: recovery.recipients)
        return unlocked
    }

    /// Re-wraps the identity under a new passphrase; saved files stay readable, the key pair is the same.
    public func changePassphrase(from old: String, to new: String, workFactor: Int = ScryptRecipient.defaultWorkFactor)
        throws(KeyringError)
    {
        let unlocked = try unlock(passphrase: old)
        let file: [UInt8]
        do {
            file = try unlocked.encrypted(passphrase: new, workFactor: workFactor)
        } catch {
            throw .store(.identity(path: identityPath, reason: "cannot encrypt the identity (\(error.description))"))
        }
        do {
            _ = try store.writeDurably(file, to: identityPath, temporaryFor: "store-identity")
        } catch {
            throw .store(error)
        }
    }

    func readIdentityFile() throws(KeyringError) -> [UInt8] {
        do {
            return try SessionStore.readFile(identityPath).0
        } catch {
            if error.code == ENOENT {
                throw .store(.identity(path: identityPath, reason: "no store identity yet — set a passphrase first"))
            }
            throw .store(.unreadable(path: identityPath, reason: error))
        }
    }

    /// Recovery recipients from `/etc/staircase/recipients` and the file `STAIRCASE_RECIPIENTS`
    /// names. A missing system file is no recipients; a named file that is missing or malformed
    /// is an error, so a typo never silently drops the organisation's recovery key.
    public static func recoveryRecipients(
        environment: [String: String], systemPath: String = systemRecipientsPath
    ) throws(StoreError) -> RecoveryRecipients {
        RecoveryRecipients(recipients: try recoveryList(environment: environment, systemPath: systemPath))
    }

    static func recoveryList(environment: [String: String], systemPath: String) throws(StoreError) -> [X25519Recipient] {
        var all: [X25519Recipient] = []
        for r in try recipients(in: systemPath, required: false) where !all.contains(r) { all.append(r) }
        if let named = environment[recipientsVariable], !named.isEmpty {
            for r in try recipients(in: named, required: true) where !all.contains(r) { all.append(r) }
        }
        return all
    }

    /// The recipients one file lists (`staircase settings --check-recipients` reads a draft
    /// this way). A missing file is none, unless `required`.
    public static func recipients(in path: String, required: Bool) throws(StoreError) -> [X25519Recipient] {
        let bytes: [UInt8]
        do {
            bytes = try AssessmentFile.read(path, limit: 1 << 20)
        } catch {
            if case .unreadable(_, let reason) = error, reason.code == ENOENT, !required { return [] }
            throw .identity(path: path, reason: "cannot read the recovery recipients (\(error.description))")
        }
        do {
            return try X25519Recipient.list(from: String(decoding: bytes, as: UTF8.self))
        } catch {
            if case .invalidRecipients(let why) = error { throw .identity(path: path, reason: why) }
            throw .identity(path: path, reason: "not a list of age1… recipients, one a line (\(error.description))")
        }
    }
}

/// The organisation's recovery recipients, as read from its files (opaque outside the store).
public struct RecoveryRecipients: Sendable, Equatable {
    public let recipients: [X25519Recipient]
    public var count: Int { recipients.count }
}

/// Unlocking: a wrong passphrase (ask again) or a store problem (stop and say what to do).
public enum KeyringError: Error, Equatable, Sendable, CustomStringConvertible {
    case wrongPassphrase
    case store(StoreError)

    public var description: String {
        switch self {
        case .wrongPassphrase: "that passphrase does not unlock this store; try again"
        case .store(let e): e.description
        }
    }
}
