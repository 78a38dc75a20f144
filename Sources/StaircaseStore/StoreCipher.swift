import StaircaseAge

/// Encryption at rest for one store: what every saved file, the list index and recovery copy
/// pass through on their way to and from the disk, at the one durable writer.
///
/// Sealing needs only public keys (the store's own and the organisation's recovery recipients),
/// so a save costs one X25519 agreement per recipient and no scrypt. Opening needs the store's
/// identity, which exists only after the passphrase unlocked it; without it a file is `locked`.
public struct StoreCipher: Sendable {
    /// Every file is encrypted to all of these: the store's key first, then recovery recipients.
    public let recipients: [X25519Recipient]
    /// The unlocked store identity, or nil while the store is locked (saving still works).
    public let identity: X25519Identity?

    public init(recipients: [X25519Recipient], identity: X25519Identity?) {
        self.recipients = recipients
        self.identity = identity
    }

    /// The cipher for an unlocked store: its own key plus the organisation's recovery recipients.
    public init(store: StoreIdentity, recovery: [X25519Recipient]) {
        var all = [store.recipient]
        for r in recovery where !all.contains(r) { all.append(r) }
        self.init(recipients: all, identity: store.identity)
    }

    /// The bytes to put on disk for `plaintext`.
    func seal(_ plaintext: [UInt8], path: String) throws(StoreError) -> [UInt8] {
        do {
            return try AgeFile.encrypt(plaintext, to: recipients)
        } catch {
            throw .cannotEncrypt(path: path, reason: error.description)
        }
    }

    /// The plaintext of bytes read from disk. A plain (not yet migrated) file is returned as it is;
    /// an age file the store's key cannot open, or one altered or cut short, is `damaged`.
    func open(_ bytes: [UInt8], path: String) throws(StoreError) -> [UInt8] {
        guard AgeFile.looksEncrypted(bytes) else { return bytes }
        guard let identity else { throw .locked(path: path) }
        do {
            return try AgeFile.decrypt(bytes, identities: [identity])
        } catch {
            throw .damaged(path: path, reason: "cannot decrypt: \(error.description)")
        }
    }
}

extension SessionStore {
    /// `bytes` as they go to disk: sealed when the store is encrypted, else unchanged.
    func sealed(_ bytes: [UInt8], path: String) throws(StoreError) -> [UInt8] {
        guard let cipher else { return bytes }
        return try cipher.seal(bytes, path: path)
    }

    /// The plaintext of bytes read from disk. A plain store given an age file says it is locked.
    func opened(_ bytes: [UInt8], path: String) throws(StoreError) -> [UInt8] {
        if let cipher { return try cipher.open(bytes, path: path) }
        if AgeFile.looksEncrypted(bytes) { throw .locked(path: path) }
        return bytes
    }

    /// The plaintext of an assessment file named on the command line (`score`, `export`): an age
    /// file is opened with this store's unlocked identity; a plain file is returned as it is.
    public func decryptIfNeeded(_ bytes: [UInt8], path: String) throws(StoreError) -> [UInt8] {
        try opened(bytes, path: path)
    }

    /// True if `bytes` are an age file (an encrypted save), whatever store they came from.
    public static func isEncrypted(_ bytes: [UInt8]) -> Bool { AgeFile.looksEncrypted(bytes) }

    /// True when saves are encrypted.
    public var isEncrypted: Bool { cipher != nil }
}
