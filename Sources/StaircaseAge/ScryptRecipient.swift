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

/// A passphrase that opens an scrypt stanza.
public struct ScryptIdentity: AgeIdentity {
    /// age refuses work factors above 22 (4 GiB, many seconds): a hostile file must not make us try.
    public static let maximumWorkFactor = 22

    let passphrase: [UInt8]
    public let maximumWorkFactor: Int

    public init(passphrase: String, maximumWorkFactor: Int = ScryptIdentity.maximumWorkFactor) {
        self.passphrase = Array(passphrase.utf8)
        self.maximumWorkFactor = min(maximumWorkFactor, Self.maximumWorkFactor)
    }

    public func unwrap(stanzas: [AgeStanza]) throws(AgeError) -> [UInt8]? {
        for stanza in stanzas where stanza.type == ScryptRecipient.stanzaType {
            guard stanza.arguments.count == 2 else { throw .headerFailure("an scrypt stanza has exactly two arguments") }
            guard let salt = AgeBase64.decode(stanza.arguments[0].utf8), salt.count == 16 else {
                throw .headerFailure("an scrypt salt is canonical base64 of 16 bytes")
            }
            let workFactor = try Self.parseWorkFactor(stanza.arguments[1])
            guard workFactor <= maximumWorkFactor else { throw .workFactorTooHigh(workFactor) }
            guard stanza.body.count == 32 else { throw .headerFailure("an scrypt stanza body is 32 bytes") }
            let key = try ScryptRecipient.deriveKey(passphrase: passphrase, salt: salt, workFactor: workFactor)
            guard let fileKey = AgeFile.openFileKey(stanza.body, key: key) else { throw .wrongPassphrase }
            return fileKey
        }
        return nil
    }

    /// A decimal without sign or leading zero, at least 1, as the format spells it.
    static func parseWorkFactor(_ text: String) throws(AgeError) -> Int {
        let digits = Array(text.utf8)
        let isDecimal = digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard isDecimal, (1...4).contains(digits.count), digits[0] != UInt8(ascii: "0") else {
            throw .headerFailure("an scrypt work factor is a decimal from 1 to \(maximumWorkFactor), without sign or leading zero")
        }
        return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }
}
