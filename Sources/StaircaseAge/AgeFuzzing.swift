/// Entry points for a libFuzzer harness: any bytes in, a typed error or a result out, never a trap.
///
/// A harness calls these from `LLVMFuzzerTestOneInput` (see docs/format/encryption.md).
/// `decrypt` caps scrypt at work factor 4 so a fuzzer spends its time in the parsers, not in scrypt.
public enum AgeFuzzing {
    /// A fixed identity, so inputs built from files encrypted to it reach the MAC and STREAM code.
    public static let identity: X25519Identity = {
        // 32 fixed bytes: a test key, never used for real data.
        (try? X25519Identity(Bech32.encode(hrp: "AGE-SECRET-KEY-", data: Array(1...32)).uppercased())) ?? .generate()
    }()

    /// Parses a header: the number of stanzas, or -1 for a typed error.
    public static func parseHeader(_ bytes: [UInt8]) -> Int {
        (try? AgeHeader.parse(bytes))?.header.stanzas.count ?? -1
    }

    /// Decrypts with `identity` and the passphrase "fuzz": the plaintext's length, or -1 for a typed error.
    public static func decrypt(_ bytes: [UInt8]) -> Int {
        let identities: [any AgeIdentity] = [identity, ScryptIdentity(passphrase: "fuzz", maximumWorkFactor: 4)]
        return (try? AgeFile.decrypt(bytes, identities: identities))?.count ?? -1
    }
}
