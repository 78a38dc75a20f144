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
    public static func list(from text: String) throws(AgeError) -> [X25519Recipient] {
        var recipients: [X25519Recipient] = []
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
            let trimmed = String(line.drop(while: blank).reversed().drop(while: blank).reversed())
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
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

/// An age X25519 identity: the private key written `AGE-SECRET-KEY-1…`.
public struct X25519Identity: AgeIdentity {
    let privateKey: Curve25519.KeyAgreement.PrivateKey

    /// A new key pair from the system CSPRNG.
    public static func generate() -> X25519Identity { X25519Identity(privateKey: .init()) }

    init(privateKey: Curve25519.KeyAgreement.PrivateKey) { self.privateKey = privateKey }

    /// Parses `AGE-SECRET-KEY-1…` (upper case, Bech32, 32 bytes), as age's identity files hold it.
    public init(_ text: String) throws(AgeError) {
        guard let decoded = Bech32.decode(text) else { throw .invalidKey("the identity is not valid Bech32") }
        var data = decoded.data
        defer { KeyMaterial.wipe(&data) }
        guard decoded.hrp == "AGE-SECRET-KEY-" else { throw .invalidKey("an identity starts with AGE-SECRET-KEY-1, in capitals") }
        guard data.count == 32, let key = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: data) else {
            throw .invalidKey("an identity holds 32 bytes")
        }
        privateKey = key
    }

    /// The recipient (public key) that files for this identity are encrypted to.
    public var recipient: X25519Recipient { X25519Recipient(publicKey: Array(privateKey.publicKey.rawRepresentation)) }

    /// The secret `AGE-SECRET-KEY-1…` form. A Swift String cannot be wiped: keep it short-lived.
    public var string: String {
        var raw = Array(privateKey.rawRepresentation)
        defer { KeyMaterial.wipe(&raw) }
        return Bech32.encode(hrp: "AGE-SECRET-KEY-", data: raw).uppercased()
    }

    public func unwrap(stanzas: [AgeStanza]) throws(AgeError) -> [UInt8]? {
        for stanza in stanzas where stanza.type == X25519Recipient.stanzaType {
            guard stanza.arguments.count == 1 else { throw .headerFailure("an X25519 stanza has exactly one argument") }
            guard let share = AgeBase64.decode(stanza.arguments[0].utf8), share.count == 32 else {
                throw .headerFailure("an X25519 share is canonical base64 of 32 bytes")
            }
            guard stanza.body.count == 32 else { throw .headerFailure("an X25519 stanza body is 32 bytes") }
            let shared: SharedSecret
            do {
                shared = try privateKey.sharedSecretFromKeyAgreement(with: .init(rawRepresentation: share))
            } catch {
                throw .headerFailure("an X25519 share is a low-order point")
            }
            guard !shared.withUnsafeBytes({ $0.allSatisfy { $0 == 0 } }) else {
                throw .headerFailure("an X25519 share is a low-order point")
            }
            let ownKey = Array(privateKey.publicKey.rawRepresentation)
            let key = shared.hkdfDerivedSymmetricKey(
                using: SHA256.self, salt: share + ownKey, sharedInfo: X25519Recipient.label, outputByteCount: 32)
            if let fileKey = AgeFile.openFileKey(stanza.body, key: key) { return fileKey }
        }
        return nil
    }
}
