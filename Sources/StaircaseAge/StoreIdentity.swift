/// The store's X25519 key pair, kept as an age file encrypted with the practitioner's passphrase.
///
/// The file is exactly what `age -p` makes of an age identity file, so an administrator can
/// open it with `age -d` (or use it directly: `age -d -i store-identity.age`). Saving needs
/// only the public `recipient`, so the passphrase (and scrypt's second) is needed once per
/// session to unlock, never per save. The caller writes and reads the bytes; nothing here
/// touches the disk.
public struct StoreIdentity: Sendable {
    public let identity: X25519Identity

    /// The public key every store file is encrypted to.
    public var recipient: X25519Recipient { identity.recipient }

    /// A new identity from the system CSPRNG, and its passphrase-encrypted file.
    public static func create(
        passphrase: String, workFactor: Int = ScryptRecipient.defaultWorkFactor
    ) throws(AgeError) -> (identity: StoreIdentity, file: [UInt8]) {
        let store = StoreIdentity(identity: .generate())
        return (store, try store.encrypted(passphrase: passphrase, workFactor: workFactor))
    }

    /// The identity in `file`, or `wrongPassphrase` (try again), or a header/payload error (damaged file).
    public static func unlock(_ file: [UInt8], passphrase: String) throws(AgeError) -> StoreIdentity {
        var plaintext = try AgeFile.decrypt(file, passphrase: passphrase)
        defer { KeyMaterial.wipe(&plaintext) }
        return StoreIdentity(identity: try parse(plaintext))
    }

    /// The same identity under a new passphrase: files already saved stay readable, since the key pair does not change.
    public static func changePassphrase(
        _ file: [UInt8], from old: String, to new: String, workFactor: Int = ScryptRecipient.defaultWorkFactor
    ) throws(AgeError) -> [UInt8] {
        try unlock(file, passphrase: old).encrypted(passphrase: new, workFactor: workFactor)
    }

    /// This identity as an age identity file (`# public key:` comment and the secret key line), encrypted with `passphrase`.
    public func encrypted(passphrase: String, workFactor: Int = ScryptRecipient.defaultWorkFactor) throws(AgeError) -> [UInt8] {
        var plaintext = Array("# Staircase store identity\n# public key: \(recipient.string)\n\(identity.string)\n".utf8)
        defer { KeyMaterial.wipe(&plaintext) }
        return try AgeFile.encrypt(plaintext, passphrase: passphrase, workFactor: workFactor)
    }

    /// The one `AGE-SECRET-KEY-1…` line of an identity file; `#` comments and blank lines are skipped, as age does.
    static func parse(_ plaintext: [UInt8]) throws(AgeError) -> X25519Identity {
        var keys: [X25519Identity] = []
        for line in plaintext.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            if line.first == UInt8(ascii: "#") { continue }
            var text = String(decoding: line, as: UTF8.self)
            if text.hasSuffix("\r") { text.removeLast() }
            if text.isEmpty { continue }
            keys.append(try X25519Identity(text))
        }
        guard keys.count == 1, let key = keys.first else {
            throw .invalidKey("a store identity file holds exactly one AGE-SECRET-KEY-1 line")
        }
        return key
    }
}
