import StaircaseAge
import Testing

/// Every C2SP/CCTV age test vector in `shared/age-testkit` gives its expected outcome.
///
/// Skip list (features Staircase does not implement): ASCII-armored files (`armored: yes`, the
/// 33 `armor_*` vectors) and hybrid post-quantum ML-KEM-768 + X25519 recipients (the `hybrid*`
/// vectors whose only identity is `AGE-SECRET-KEY-PQ-1…`). `hybrid_x25519_arg`, whose malformed
/// stanza is an X25519 one, is run.
@Suite struct VectorTests {
    static let vectors: [TestVector] = (try? TestVector.all()) ?? []

    static func skipReason(_ vector: TestVector) -> String? {
        if vector.armored { return "ASCII armor" }
        let onlyHybrid =
            !vector.identities.isEmpty && vector.passphrase == nil
            && vector.identities.allSatisfy { $0.hasPrefix("AGE-SECRET-KEY-PQ-1") }
        return onlyHybrid ? "hybrid ML-KEM recipient" : nil
    }

    @Test func theVectorsAreThereAndTheSkipListIsOnlyArmorAndHybrid() {
        #expect(Self.vectors.count == 143, "expected the 143 C2SP age vectors in \(TestVector.directory.path)")
        let skipped = Self.vectors.filter { Self.skipReason($0) != nil }.map(\.name)
        #expect(skipped.allSatisfy { $0.hasPrefix("armor_") || $0.hasPrefix("hybrid") })
        #expect(skipped.count == 33 + 17)
        #expect(Self.vectors.count - skipped.count == 93)
    }

    @Test(arguments: vectors.filter { skipReason($0) == nil }.map(\.name))
    func vectorGivesItsExpectedOutcome(_ name: String) throws {
        let vector = try #require(Self.vectors.first { $0.name == name })
        var identities: [any AgeIdentity] = try vector.identities.filter { $0.hasPrefix("AGE-SECRET-KEY-1") }.map { try X25519Identity($0) }
        if let passphrase = vector.passphrase { identities.append(ScryptIdentity(passphrase: passphrase)) }
        do {
            let plaintext = try AgeFile.decrypt(vector.file, identities: identities)
            #expect(vector.expect == "success", "\(name) decrypted but expects \(vector.expect)")
            #expect(sha256Hex(plaintext) == vector.payloadSHA256, "\(name): wrong plaintext")
        } catch {
            #expect(error.category.rawValue == vector.expect, "\(name): \(error)")
        }
    }

    @Test func theParserNeverTrapsOnAnyPrefixOfAVector() {
        // Every truncation of every header must give a typed error, never a crash.
        for vector in Self.vectors.prefix(40) where !vector.armored {
            for length in stride(from: 0, through: min(vector.file.count, 400), by: 1) {
                _ = try? AgeHeader.parse(Array(vector.file.prefix(length)))
            }
        }
        #expect(throws: AgeError.truncated(inHeader: true)) { try AgeHeader.parse(Array("age-encryption.org/v1\n-> X".utf8)) }
    }
}
