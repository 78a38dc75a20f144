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
