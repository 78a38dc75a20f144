import Crypto
import CryptoExtras

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A passphrase recipient: `-> scrypt <salt> <logN>`, as `age -p` writes it.
///
/// The file key is sealed under scrypt(passphrase, "age-encryption.org/v1/scrypt" ‖ salt,
/// N = 2^logN, r = 8, p = 1). The format requires an scrypt stanza to be the only one in its header.
public struct ScryptRecipient: AgeRecipient {
    static let stanzaType = "scrypt"
    static let saltLabel = Array("age-encryption.org/v1/scrypt".utf8)
    /// age's default: N = 2^18 with r = 8 needs 256 MiB (128 · r · N bytes), which is what makes guessing slow.
    public static let defaultWorkFactor = 18

    let passphrase: [UInt8]
    /// log2 of scrypt's N. Tests lower it to stay fast; files for people use the default.
    public let workFactor: Int

    public init(passphrase: String, workFactor: Int = defaultWorkFactor) throws(AgeError) {
        guard !passphrase.isEmpty else { throw .emptyPassphrase }
        guard (1...ScryptIdentity.maximumWorkFactor).contains(workFactor) else {
            throw .invalidRecipients("the scrypt work factor must be between 1 and \(ScryptIdentity.maximumWorkFactor)")
        }
        self.passphrase = Array(passphrase.utf8)
        self.workFactor = workFactor
    }

    public var mustBeAlone: Bool { true }

    public func wrap(fileKey: [UInt8]) throws(AgeError) -> [AgeStanza] {
        let salt = KeyMaterial.random(count: 16)
        let key = try Self.deriveKey(passphrase: passphrase, salt: salt, workFactor: workFactor)
        do {
            let box = try ChaChaPoly.seal(fileKey, using: key, nonce: ChaChaPoly.Nonce(data: [UInt8](repeating: 0, count: 12)))
            return [
                AgeStanza(
                    type: Self.stanzaType, arguments: [AgeBase64.encode(salt), String(workFactor)], body: Array(box.ciphertext + box.tag))
            ]
        } catch {
            throw .cryptoFailure("ChaCha20-Poly1305 sealing failed")
        }
    }

    static func deriveKey(passphrase: [UInt8], salt: [UInt8], workFactor: Int) throws(AgeError) -> SymmetricKey {
        guard !passphrase.isEmpty else { throw .emptyPassphrase }
        do {
            return try KDF.Scrypt.deriveKey(
                from: passphrase, salt: saltLabel + salt, outputByteCount: 32, rounds: 1 << workFactor, blockSize: 8, parallelism: 1)
        } catch {
            throw .cryptoFailure("scrypt failed (not enough memory for work factor \(workFactor)?)")
        }
    }
}
