import Testing

@testable import StaircaseAge

/// Wrong keys, cut files and altered bytes give the typed error, never a crash and never plaintext.
@Suite struct FailureTests {
    static let canary = "CANARY-Ellie-Jones-2019"

    static func secretText(_ count: Int) -> [UInt8] {
        var text = Array(canary.utf8)
        while text.count < count { text += Array(" \(canary) \(text.count)".utf8) }
        return Array(text.prefix(count))
    }

    @Test func aWrongPassphraseIsReportedAsSuch() throws {
        let file = try AgeFile.encrypt(Self.secretText(100), passphrase: "right", workFactor: 10)
        #expect(throws: AgeError.wrongPassphrase) { try AgeFile.decrypt(file, passphrase: "wrong") }
        #expect(throws: AgeError.emptyPassphrase) { try AgeFile.decrypt(file, passphrase: "") }
        #expect(throws: AgeError.noMatchingIdentity) { try AgeFile.decrypt(file, identities: [X25519Identity.generate()]) }
    }

    @Test func aKeyFileDoesNotOpenWithAPassphrase() throws {
        let file = try AgeFile.encrypt(Self.secretText(10), to: [X25519Identity.generate().recipient])
        #expect(throws: AgeError.noMatchingIdentity) { try AgeFile.decrypt(file, passphrase: "anything") }
    }

    @Test func encryptionRefusesBadRecipientLists() throws {
        #expect(throws: AgeError.emptyPassphrase) { try AgeFile.encrypt([1], passphrase: "") }
        #expect(throws: AgeError.self) { try AgeFile.encrypt([1], to: []) }
        let scrypt = try ScryptRecipient(passphrase: "p", workFactor: 10)
        #expect(throws: AgeError.self) { try AgeFile.encrypt([1], to: [scrypt, X25519Identity.generate().recipient]) }
        #expect(throws: AgeError.self) { try ScryptRecipient(passphrase: "p", workFactor: 23) }
        #expect(throws: AgeError.self) { try ScryptRecipient(passphrase: "p", workFactor: 0) }
    }

    @Test func aWorkFactorAbove22IsRefusedBeforeAnyScryptWork() throws {
        let file = try AgeFile.encrypt([1, 2, 3], passphrase: "p", workFactor: 10)
        var text = file
        let header = try AgeHeader.parse(file).header
        let line = Array(" \(header.stanzas[0].arguments[0]) 10\n".utf8)
        let start = try #require((0...(text.count - line.count)).first { Array(text[$0..<($0 + line.count)]) == line })
        text.replaceSubrange(start..<(start + line.count), with: Array(" \(header.stanzas[0].arguments[0]) 30\n".utf8))
        #expect(throws: AgeError.workFactorTooHigh(30)) { try AgeFile.decrypt(text, passphrase: "p") }
        // A caller may lower the ceiling, never raise it.
        #expect(throws: AgeError.workFactorTooHigh(10)) {
            try AgeFile.decrypt(file, identities: [ScryptIdentity(passphrase: "p", maximumWorkFactor: 9)])
        }
        #expect(ScryptIdentity(passphrase: "p", maximumWorkFactor: 40).maximumWorkFactor == 22)
    }

    @Test func everyCutOfAFileGivesATypedErrorThatSaysWhere() throws {
        let identity = X25519Identity.generate()
        let plaintext = Self.secretText(2 * 65_536 + 100)
        let file = try AgeFile.encrypt(plaintext, to: [identity.recipient])
        let payload = try AgeHeader.parse(file).payloadOffset
        let chunk = 65_536 + 16
        var cuts = Array(0..<(payload + 20))
        cuts += [payload + 16 + chunk - 1, payload + 16 + chunk, payload + 16 + chunk + 1, payload + 16 + 2 * chunk, file.count - 1]
        for cut in cuts {
            do {
                _ = try AgeFile.decrypt(Array(file.prefix(cut)), identities: [identity])
                Issue.record("a file cut at \(cut) of \(file.count) bytes decrypted")
            } catch {
                #expect(!error.description.contains(Self.canary))
                switch cut {
                case ..<payload:
                    #expect(error.category == .headerFailure, "cut \(cut): \(error)")
                case ..<(payload + 16):
                    #expect(error == .truncated(inHeader: true), "cut \(cut): \(error)")
                case payload + 16, payload + 16 + chunk, payload + 16 + 2 * chunk:
                    if cut == payload + 16 {
                        #expect(error == .payloadFailure("there is no encrypted chunk"))
                    } else {
                        #expect(error == .truncated(inHeader: false), "cut \(cut): \(error)")
                    }
                default:
                    #expect(error.category == .payloadFailure, "cut \(cut): \(error)")
                }
            }
        }
    }

    @Test func everyAlteredHeaderByteAndSampledPayloadBytesAreCaught() throws {
        let identity = X25519Identity.generate()
        let plaintext = Self.secretText(70_000)
        let file = try AgeFile.encrypt(plaintext, to: [identity.recipient])
        let payload = try AgeHeader.parse(file).payloadOffset
        let positions = Array(0..<payload) + Array(stride(from: payload, to: file.count, by: 997)) + [file.count - 1]
        for position in positions {
            var altered = file
            altered[position] ^= 0x01
            do {
                _ = try AgeFile.decrypt(altered, identities: [identity])
                Issue.record("a file with byte \(position) altered decrypted")
            } catch {
                #expect(!error.description.contains(Self.canary))
                if position >= payload + 16 { #expect(error.category == .payloadFailure, "byte \(position): \(error)") }
                if position < payload {
                    #expect([.headerFailure, .hmacFailure, .noMatch].contains(error.category), "byte \(position): \(error)")
                }
            }
        }
        var macAltered = file
        macAltered[payload - 2] = macAltered[payload - 2] == UInt8(ascii: "A") ? UInt8(ascii: "Q") : UInt8(ascii: "A")
        #expect(throws: AgeError.hmacFailure) { try AgeFile.decrypt(macAltered, identities: [identity]) }
        #expect(throws: AgeError.self) { try AgeFile.decrypt(file + [0], identities: [identity]) }
    }

    @Test func notAnAgeFileIsAHeaderFailure() {
        for text in ["", "{\"id\": \"a-1\"}\n", "age-encryption.org/v2\n", "age-encryption.org/v1", "age-encryption.org/v1\r\n"] {
            #expect(throws: AgeError.self) { try AgeFile.decrypt(Array(text.utf8), passphrase: "p") }
            #expect((try? AgeHeader.parse(Array(text.utf8))) == nil)
        }
        #expect(throws: AgeError.headerFailure("the first line is not age-encryption.org/v1")) {
            try AgeHeader.parse(Array("{\"json\": true}".utf8))
        }
    }
}
