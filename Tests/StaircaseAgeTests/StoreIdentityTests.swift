import StaircaseAge
import Testing

/// The store identity: an X25519 key pair kept as a passphrase-encrypted age identity file.
@Suite struct StoreIdentityTests {
    @Test func createUnlockAndEncryptToTheStore() throws {
        let (store, file) = try StoreIdentity.create(passphrase: "pass word", workFactor: 10)
        let unlocked = try StoreIdentity.unlock(file, passphrase: "pass word")
        #expect(unlocked.recipient == store.recipient)
        let saved = try AgeFile.encrypt(Array("assessment".utf8), to: [store.recipient])
        #expect(try AgeFile.decrypt(saved, identities: [unlocked.identity]) == Array("assessment".utf8))
        #expect(!String(decoding: file, as: UTF8.self).contains("AGE-SECRET-KEY"))
        #expect(!String(decoding: file, as: UTF8.self).contains(store.recipient.string))
    }

    @Test func aWrongPassphraseGetsAnotherTry() throws {
        let (_, file) = try StoreIdentity.create(passphrase: "right", workFactor: 10)
        #expect(throws: AgeError.wrongPassphrase) { try StoreIdentity.unlock(file, passphrase: "Right") }
        _ = try StoreIdentity.unlock(file, passphrase: "right")
    }

    @Test func changingThePassphraseKeepsTheKeysSoOldFilesStillOpen() throws {
        let (store, file) = try StoreIdentity.create(passphrase: "old", workFactor: 10)
        let saved = try AgeFile.encrypt(Array("before".utf8), to: [store.recipient])
        let changed = try StoreIdentity.changePassphrase(file, from: "old", to: "new", workFactor: 10)
        #expect(throws: AgeError.wrongPassphrase) { try StoreIdentity.unlock(changed, passphrase: "old") }
        let unlocked = try StoreIdentity.unlock(changed, passphrase: "new")
        #expect(unlocked.recipient == store.recipient)
        #expect(try AgeFile.decrypt(saved, identities: [unlocked.identity]) == Array("before".utf8))
        #expect(throws: AgeError.wrongPassphrase) { try StoreIdentity.changePassphrase(file, from: "wrong", to: "x", workFactor: 10) }
    }

    @Test func aDamagedIdentityFileIsAClearError() throws {
        let (_, file) = try StoreIdentity.create(passphrase: "p", workFactor: 10)
        #expect(throws: AgeError.self) { try StoreIdentity.unlock(Array(file.prefix(file.count - 10)), passphrase: "p") }
        #expect(throws: AgeError.truncated(inHeader: true)) { try StoreIdentity.unlock(Array(file.prefix(40)), passphrase: "p") }
        var altered = file
        altered[altered.count - 5] ^= 0xFF
        #expect(throws: AgeError.self) { try StoreIdentity.unlock(altered, passphrase: "p") }
        let notAnIdentity = try AgeFile.encrypt(Array("hello\n".utf8), passphrase: "p", workFactor: 10)
        #expect(throws: AgeError.self) { try StoreIdentity.unlock(notAnIdentity, passphrase: "p") }
        let twoKeys = X25519Identity.generate().string + "\n" + X25519Identity.generate().string + "\n"
        #expect(throws: AgeError.self) {
            try StoreIdentity.unlock(try AgeFile.encrypt(Array(twoKeys.utf8), passphrase: "p", workFactor: 10), passphrase: "p")
        }
    }

    /// The one test at the default work factor: it proves files for people get logN 18, as age does.
    @Test func theDefaultWorkFactorIs18() throws {
        #expect(ScryptRecipient.defaultWorkFactor == 18)
        let (store, file) = try StoreIdentity.create(passphrase: "default")
        let stanza = try #require(try AgeHeader.parse(file).header.stanzas.first)
        #expect(stanza.type == "scrypt")
        #expect(stanza.arguments.last == "18")
        #expect(try StoreIdentity.unlock(file, passphrase: "default").recipient == store.recipient)
    }
}
