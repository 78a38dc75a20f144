import Crypto

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

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
