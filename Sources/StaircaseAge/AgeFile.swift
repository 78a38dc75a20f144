import Crypto

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Whole age v1 files, bytes in and bytes out: no file I/O, so the store decides where bytes go.
///
/// A random 16-byte file key is wrapped once per recipient; the header is MACed with a key
/// derived from it; the payload is STREAM-encrypted with another. Files interoperate with
/// `age` and `rage` (binary format; ASCII armor is not produced or read).
public enum AgeFile {
    static let fileKeySize = 16

    /// Encrypts `plaintext` to every recipient (any of them can decrypt).
    public static func encrypt(_ plaintext: [UInt8], to recipients: [any AgeRecipient]) throws(AgeError) -> [UInt8] {
        guard !recipients.isEmpty else { throw .invalidRecipients("no recipient given") }
        if recipients.count > 1 && recipients.contains(where: { $0.mustBeAlone }) {
            throw .invalidRecipients("a passphrase cannot be combined with other recipients in one age file")
        }
        var fileKeyBytes = KeyMaterial.random(count: fileKeySize)
        defer { KeyMaterial.wipe(&fileKeyBytes) }
        var stanzas: [AgeStanza] = []
        for recipient in recipients { stanzas += try recipient.wrap(fileKey: fileKeyBytes) }
        let fileKey = SymmetricKey(data: fileKeyBytes)
        let header = AgeHeader.make(stanzas: stanzas, fileKey: fileKey)
        return header.encoded + (try AgeStream.seal(plaintext, fileKey: fileKey))
    }

    /// Encrypts `plaintext` with a passphrase, as `age -p` does.
    public static func encrypt(
        _ plaintext: [UInt8], passphrase: String, workFactor: Int = ScryptRecipient.defaultWorkFactor
    ) throws(AgeError) -> [UInt8] {
        try encrypt(plaintext, to: [ScryptRecipient(passphrase: passphrase, workFactor: workFactor)])
    }

    /// Decrypts `file` with the first identity that opens one of its stanzas.
    ///
    /// Errors, in the order they are found: `headerFailure`/`truncated` (malformed header),
    /// `wrongPassphrase`/`noMatchingIdentity`, `hmacFailure` (header altered), then
    /// `payloadFailure`/`truncated` (content altered or cut). None contains plaintext.
    public static func decrypt(_ file: [UInt8], identities: [any AgeIdentity]) throws(AgeError) -> [UInt8] {
        let (header, payloadOffset) = try AgeHeader.parse(file)
        if header.stanzas.count > 1 && header.stanzas.contains(where: { $0.type == ScryptRecipient.stanzaType }) {
            throw .headerFailure("an scrypt stanza must be the only one in its header")
        }
        // One owner for the file key bytes, so the wipe below reaches the only copy we hold.
        var fileKeyBytes: [UInt8] = []
        defer { KeyMaterial.wipe(&fileKeyBytes) }
        for identity in identities {
            if let fileKey = try identity.unwrap(stanzas: header.stanzas) {
                fileKeyBytes = fileKey
                break
            }
        }
        guard fileKeyBytes.count == fileKeySize else { throw .noMatchingIdentity }
        let fileKey = SymmetricKey(data: fileKeyBytes)
        try header.verifyMAC(fileKey: fileKey)
        return try AgeStream.open(file, from: payloadOffset, fileKey: fileKey)
    }

    /// Decrypts a passphrase-encrypted file, refusing scrypt work factors above 22.
    public static func decrypt(_ file: [UInt8], passphrase: String) throws(AgeError) -> [UInt8] {
        try decrypt(file, identities: [ScryptIdentity(passphrase: passphrase)])
    }

    /// Opens a wrapped file key (16-byte key + 16-byte tag, zero nonce), or nil if it does not authenticate.
    static func openFileKey(_ body: [UInt8], key: SymmetricKey) -> [UInt8]? {
        guard body.count == fileKeySize + 16 else { return nil }
        do {
            let box = try ChaChaPoly.SealedBox(
                nonce: ChaChaPoly.Nonce(data: [UInt8](repeating: 0, count: 12)), ciphertext: body[..<fileKeySize], tag: body[fileKeySize...]
            )
            var opened = try ChaChaPoly.open(box, using: key)
            defer { opened.resetBytes(in: opened.startIndex..<opened.endIndex) }
            return Array(opened)
        } catch {
            return nil
        }
    }

    /// True if `bytes` start like an age v1 file: how a reader tells an encrypted save from a plain one.
    /// On bytes, not any collection: a generic `starts(with:)` across modules had the runtime look
    /// up its associated types at every start (a tenth of the CPU before the first frame, issue 26).
    public static func looksEncrypted(_ bytes: [UInt8]) -> Bool {
        let intro = introBytes
        guard bytes.count >= intro.count else { return false }
        for i in intro.indices where bytes[i] != intro[i] { return false }
        return true
    }

    /// "age-encryption.org/v1\n", the first line of every age v1 file.
    static let introBytes: [UInt8] = Array((AgeHeader.versionLine + "\n").utf8)
}
