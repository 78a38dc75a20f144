import Testing

@testable import StaircaseAge

/// Keys are written the age way (Bech32) and base64 is strict, as age requires.
@Suite struct EncodingTests {
    // The identity of the C2SP vectors and the recipient `age-keygen -y` prints for it.
    static let vectorIdentity = "AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0"

    @Test func identitiesAndRecipientsRoundTripThroughTheirText() throws {
        let identity = X25519Identity.generate()
        #expect(identity.string.hasPrefix("AGE-SECRET-KEY-1"))
        #expect(identity.string.count == 74)
        #expect(identity.recipient.string.hasPrefix("age1"))
        #expect(identity.recipient.string.count == 62)
        #expect(try X25519Identity(identity.string).recipient == identity.recipient)
        #expect(try X25519Recipient(identity.recipient.string) == identity.recipient)
    }

    @Test func malformedKeysAreRefused() throws {
        let recipient = X25519Identity.generate().recipient.string
        let identity = Self.vectorIdentity
        let bad = [
            "", "age1", recipient.uppercased(), String(recipient.dropLast()) + (recipient.last == "q" ? "p" : "q"),
            "age2" + recipient.dropFirst(4), identity.lowercased(), identity,
            "AGE-SECRET-KEY-1" + String(identity.dropFirst(16).dropLast(7)),
            "Age1" + recipient.dropFirst(4),
        ]
        for text in bad { #expect(throws: AgeError.self) { try X25519Recipient(text) } }
        #expect(throws: AgeError.self) { try X25519Identity(identity.lowercased()) }
        #expect(throws: AgeError.self) { try X25519Identity(recipient) }
        #expect(throws: AgeError.self) { try X25519Identity(String(identity.dropLast()) + "Q") }
        _ = try X25519Identity(identity)
    }

    @Test func bech32MatchesTheBIP173Vectors() throws {
        for valid in ["A12UEL5L", "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs", "?1ezyfcl"]
        {
            #expect(Bech32.decode(valid) != nil, "\(valid)")
        }
        for invalid in ["A1G7SGD8", "10a06t8", "1qzzfhee", "a12UEL5L", "x1b4n0q5v", "li1dgmt3"] {
            #expect(Bech32.decode(invalid) == nil, "\(invalid)")
        }
        let data: [UInt8] = Array(0..<32)
        let text = Bech32.encode(hrp: "age", data: data)
        #expect(Bech32.decode(text)?.data == data)
    }

    @Test func base64IsUnpaddedAndCanonical() {
        for count in 0..<10 {
            let bytes = (0..<count).map { UInt8($0 * 37 & 0xFF) }
            let text = AgeBase64.encode(bytes)
            #expect(!text.contains("="))
            #expect(AgeBase64.decode(Array(text.utf8)) == bytes)
        }
        #expect(AgeBase64.decode(Array("AA==".utf8)) == nil)  // padding
        #expect(AgeBase64.decode(Array("AB".utf8)) == nil)  // non-zero trailing bits
        #expect(AgeBase64.decode(Array("AAA".utf8)) == [0, 0])
        #expect(AgeBase64.decode(Array("AAAAA".utf8)) == nil)  // impossible length
        #expect(AgeBase64.decode(Array("AA\nA".utf8)) == nil)
        #expect(AgeBase64.decode(Array("-_AA".utf8)) == nil)  // URL alphabet
    }
}

/// Helpers the store integration will use: telling age files from plain ones, and recipient lists.
@Suite struct StoreHelperTests {
    @Test func anAgeFileIsToldFromPlainJSON() throws {
        let file = try AgeFile.encrypt([1], to: [X25519Identity.generate().recipient])
        #expect(AgeFile.looksEncrypted(file))
        #expect(!AgeFile.looksEncrypted(Array("{\"id\": \"a-1\"}".utf8)))
        #expect(!AgeFile.looksEncrypted(Array("age-encryption.org/v1".utf8)))
    }

    @Test func aRecipientsListSkipsCommentsAndNamesABadLine() throws {
        let one = X25519Identity.generate().recipient
        let two = X25519Identity.generate().recipient
        let text = "# organisation recovery keys\n\n\(one.string)\n  \(two.string)\t\r\n"
        #expect(try X25519Recipient.list(from: text) == [one, two])
        #expect(try X25519Recipient.list(from: "") == [])
        #expect(throws: AgeError.invalidKey("line 3 of the recipients list is not an age1… recipient")) {
            try X25519Recipient.list(from: "\(one.string)\n# ok\nage1notakey\n")
        }
    }
}
