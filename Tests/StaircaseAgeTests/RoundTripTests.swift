import Foundation
import Testing

@testable import StaircaseAge

/// Encrypt then decrypt gives back the same bytes, for every recipient kind and chunk boundary.
@Suite struct RoundTripTests {
    /// Sizes around the 64 KiB STREAM chunk: empty, tiny, one byte short of, exactly, and past a chunk.
    static let sizes = [0, 1, 65_535, 65_536, 65_537, 131_072, 200_000]

    static func sample(_ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) } }

    @Test(arguments: sizes)
    func x25519RoundTrip(_ size: Int) throws {
        let identity = X25519Identity.generate()
        let plaintext = Self.sample(size)
        let file = try AgeFile.encrypt(plaintext, to: [identity.recipient])
        #expect(try AgeFile.decrypt(file, identities: [identity]) == plaintext)
        #expect(file.count > plaintext.count)
    }

    @Test func everyRecipientOfAFileCanDecryptIt() throws {
        let identities = (0..<3).map { _ in X25519Identity.generate() }
        let plaintext = Array("a child's name and notes".utf8)
        let file = try AgeFile.encrypt(plaintext, to: identities.map(\.recipient))
        for identity in identities { #expect(try AgeFile.decrypt(file, identities: [identity]) == plaintext) }
        let outsider = X25519Identity.generate()
        #expect(throws: AgeError.noMatchingIdentity) { try AgeFile.decrypt(file, identities: [outsider]) }
        #expect(try AgeFile.decrypt(file, identities: [outsider, identities[2]]) == plaintext)
    }

    @Test(arguments: [0, 1, 70_000])
    func passphraseRoundTrip(_ size: Int) throws {
        let plaintext = Self.sample(size)
        let file = try AgeFile.encrypt(plaintext, passphrase: "correct horse", workFactor: 10)
        #expect(String(decoding: file.prefix(60), as: UTF8.self).contains("-> scrypt "))
        #expect(try AgeFile.decrypt(file, passphrase: "correct horse") == plaintext)
    }

    @Test func twoEncryptionsOfTheSameTextDiffer() throws {
        let identity = X25519Identity.generate()
        let plaintext = Array("same".utf8)
        let first = try AgeFile.encrypt(plaintext, to: [identity.recipient])
        let second = try AgeFile.encrypt(plaintext, to: [identity.recipient])
        #expect(first != second)
        #expect(X25519Identity.generate().recipient != X25519Identity.generate().recipient)
    }

    @Test func headersRoundTripThroughTheirEncoding() throws {
        let identity = X25519Identity.generate()
        let file = try AgeFile.encrypt([1, 2, 3], to: [identity.recipient, X25519Identity.generate().recipient])
        let (header, offset) = try AgeHeader.parse(file)
        #expect(header.stanzas.count == 2)
        #expect(header.stanzas.allSatisfy { $0.type == "X25519" && $0.arguments.count == 1 && $0.body.count == 32 })
        #expect(header.encoded == Array(file[..<offset]))
        #expect(file.count - offset == 16 + 3 + 16)  // nonce, one chunk of 3 bytes, tag
    }

    @Test func aStanzaBodyThatFillsItsLastLineEndsWithAnEmptyLine() throws {
        // 48 bytes encode to exactly 64 columns, so the format needs an empty line to end the body.
        let stanza = AgeStanza(type: "grease", arguments: ["x"], body: [UInt8](repeating: 7, count: 48))
        #expect(stanza.encoded == Array(("-> grease x\n" + String(repeating: "BwcH", count: 16) + "\n\n").utf8))
        let text =
            "age-encryption.org/v1\n-> grease x\n" + String(repeating: "B", count: 64) + "\n\n--- "
            + String(repeating: "A", count: 43) + "\n"
        let (header, _) = try AgeHeader.parse(Array(text.utf8))
        #expect(header.stanzas[0].type == stanza.type)
        #expect(header.stanzas[0].body.count == 48)
        let missingEnd = text.replacingOccurrences(of: "\n\n---", with: "\n---")
        #expect(throws: AgeError.self) { try AgeHeader.parse(Array(missingEnd.utf8)) }
    }
}
