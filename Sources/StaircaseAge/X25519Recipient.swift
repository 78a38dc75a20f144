import Crypto

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// An age X25519 recipient: a public key written `age1…`.
///
/// Encrypting to it needs only this public key, so a store can save without its passphrase.
public struct X25519Recipient: AgeRecipient, Hashable {
    static let stanzaType = "X25519"
    static let label = Array("age-encryption.org/v1/X25519".utf8)

    /// The 32-byte Curve25519 public key.
    public let publicKey: [UInt8]

    /// Parses `age1…` (lower case, Bech32, 32 bytes), as `age -r` takes it.
    public init(_ text: String) throws(AgeError) {
        guard let (hrp, data) = Bech32.decode(text) else { throw .invalidKey("the recipient is not valid Bech32") }
        guard hrp == "age" else { throw .invalidKey("a recipient starts with age1") }
        guard data.count == 32 else { throw .invalidKey("a recipient holds 32 bytes") }
        publicKey = data
    }

    init(publicKey: [UInt8]) { self.publicKey = publicKey }

    /// The `age1…` form.
    public var string: String { Bech32.encode(hrp: "age", data: publicKey) }

    public var mustBeAlone: Bool { false }

    /// The recipients of a list such as `/etc/staircase/recipients`: one `age1…` per line, `#`
    /// comments and blank lines skipped, as `age -R` reads it. An error names the bad line's number.
    /// Text that is a secret key (`AGE-SECRET-KEY-1…`) where a recipient was wanted: the usual
    /// mistake of handing over `key.txt`. Callers say so without repeating the key.
    public static func looksLikeSecretKey(_ text: String) -> Bool {
        text.drop(while: { $0 == " " || $0 == "\t" }).uppercased().hasPrefix("AGE-SECRET-KEY-")
    }

    /// What to do instead, for every place a recipient is read.
    public static let secretKeyAdvice =
        "that is a secret key (an identity), not a recipient — give its public key instead (`age-keygen -y key.txt` prints "
        + "the age1… line) and keep the secret key private"

    public static func list(from text: String) throws(AgeError) -> [X25519Recipient] {
        var recipients: [X25519Recipient] = []
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
            let trimmed = String(line.drop(while: blank).reversed().drop(while: blank).reversed())
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if looksLikeSecretKey(trimmed) { throw .invalidRecipients("line \(index + 1): \(secretKeyAdvice)") }
            do {
                recipients.append(try X25519Recipient(trimmed))
            } catch {
                throw .invalidKey("line \(index + 1) of the recipients list is not an age1… recipient")
            }
        }
        return recipients
    }

    /// `-> X25519 <ephemeral share>` and the file key sealed under a key shared with an ephemeral key pair.
    public func wrap(fileKey: [UInt8]) throws(AgeError) -> [AgeStanza] {
        do {
            let ephemeral = Curve25519.KeyAgreement.PrivateKey()
            let share = Array(ephemeral.publicKey.rawRepresentation)
            let shared = try ephemeral.sharedSecretFromKeyAgreement(with: .init(rawRepresentation: publicKey))
            guard !shared.withUnsafeBytes({ $0.allSatisfy { $0 == 0 } }) else {
                throw AgeError.invalidRecipients("the recipient is a low-order point")
            }
            let key = shared.hkdfDerivedSymmetricKey(
                using: SHA256.self, salt: share + publicKey, sharedInfo: Self.label, outputByteCount: 32)
            let box = try ChaChaPoly.seal(fileKey, using: key, nonce: ChaChaPoly.Nonce(data: [UInt8](repeating: 0, count: 12)))
            return [AgeStanza(type: Self.stanzaType, arguments: [AgeBase64.encode(share)], body: Array(box.ciphertext + box.tag))]
        } catch let error as AgeError {
            throw error
        } catch {
            throw .invalidRecipients("cannot agree a key with \(string)")
        }
    }
}
