import StaircaseAge
import Testing

/// Files cross both ways between Staircase and Debian's `age` (1.1.1), the tool an administrator
/// uses to recover a file. `.ci/run` installs `age`; without it these tests fail and say so.
@Suite(.serialized) struct InteropTests {
    static let plaintext = RoundTripTests.sample(150_000) + Array("\nCANARY end".utf8)

    @Test func theAgeToolIsInstalled() {
        #expect(AgeTool.installed, "install Debian's age: apt-get install -y age (.ci/run does this)")
    }

    @Test(.enabled(if: AgeTool.installed), arguments: [0, 1, 65_536, 150_011])
    func aFileStaircaseWritesDecryptsWithAgeAndAnIdentityFile(_ size: Int) throws {
        let tool = try AgeTool()
        let identity = X25519Identity.generate()
        try tool.write("identity.txt", Array("# test\n\(identity.string)\n".utf8))
        let plaintext = Array(Self.plaintext.prefix(size))
        try tool.write("file.age", try AgeFile.encrypt(plaintext, to: [identity.recipient, X25519Identity.generate().recipient]))
        // To stdout: age creates no -o file for an empty plaintext.
        #expect(try tool.run("age", ["-d", "-i", "identity.txt", "file.age"]) == plaintext)
    }

    @Test(.enabled(if: AgeTool.installed))
    func ageKeygenAgreesOnTheRecipientOfAStaircaseIdentity() throws {
        let tool = try AgeTool()
        let identity = X25519Identity.generate()
        try tool.write("identity.txt", Array("\(identity.string)\n".utf8))
        let printed = String(decoding: try tool.run("age-keygen", ["-y", "identity.txt"]), as: UTF8.self)
        #expect(printed == identity.recipient.string + "\n")
    }

    @Test(.enabled(if: AgeTool.installed))
    func aFileStaircaseWritesDecryptsWithAgeAndThePassphraseWrappedStoreIdentity() throws {
        let tool = try AgeTool()
        let (store, identityFile) = try StoreIdentity.create(passphrase: "store pass", workFactor: 12)
        try tool.write("store-identity.age", identityFile)
        try tool.write("file.age", try AgeFile.encrypt(Self.plaintext, to: [store.recipient]))
        try tool.runOnTerminal(["-d", "-i", "store-identity.age", "-o", "out", "file.age"], passphrases: ["store pass"])
        #expect(try tool.read("out") == Self.plaintext)
        // And the identity file itself is an ordinary `age -p` file.
        try tool.runOnTerminal(["-d", "-o", "identity.txt", "store-identity.age"], passphrases: ["store pass"])
        let text = String(decoding: try tool.read("identity.txt"), as: UTF8.self)
        #expect(text.contains(store.identity.string))
    }

    @Test(.enabled(if: AgeTool.installed))
    func aPassphraseFileStaircaseWritesDecryptsWithAge() throws {
        let tool = try AgeTool()
        try tool.write("file.age", try AgeFile.encrypt(Self.plaintext, passphrase: "a passphrase", workFactor: 12))
        try tool.runOnTerminal(["-d", "-o", "out", "file.age"], passphrases: ["a passphrase"])
        #expect(try tool.read("out") == Self.plaintext)
    }

    @Test(.enabled(if: AgeTool.installed))
    func aFileAgeWritesToAStaircaseRecipientDecryptsInStaircase() throws {
        let tool = try AgeTool()
        let identity = X25519Identity.generate()
        let other = X25519Identity.generate()
        try tool.write("plain", Self.plaintext)
        try tool.run("age", ["-r", other.recipient.string, "-r", identity.recipient.string, "-o", "file.age", "plain"])
        let file = try tool.read("file.age")
        #expect(try AgeFile.decrypt(file, identities: [identity]) == Self.plaintext)
        #expect(throws: AgeError.noMatchingIdentity) { try AgeFile.decrypt(file, identities: [X25519Identity.generate()]) }
    }

    @Test(.enabled(if: AgeTool.installed))
    func aKeyMadeByAgeKeygenDecryptsAgeFilesInStaircase() throws {
        let tool = try AgeTool()
        try tool.run("age-keygen", ["-o", "key.txt"])
        let keyLine = try #require(
            String(decoding: try tool.read("key.txt"), as: UTF8.self).split(separator: "\n").first { $0.hasPrefix("AGE-SECRET-KEY-1") })
        let identity = try X25519Identity(String(keyLine))
        try tool.write("plain", Self.plaintext)
        try tool.run("age", ["-e", "-i", "key.txt", "-o", "file.age", "plain"])
        #expect(try AgeFile.decrypt(try tool.read("file.age"), identities: [identity]) == Self.plaintext)
        // Staircase's recipient string for it is the one age-keygen printed.
        #expect(try String(decoding: tool.read("key.txt"), as: UTF8.self).contains("public key: \(identity.recipient.string)"))
    }

    @Test(.enabled(if: AgeTool.installed))
    func aPassphraseFileAgeWritesDecryptsInStaircase() throws {
        // age -p uses its default work factor (18): this is also the slowest test here.
        let tool = try AgeTool()
        try tool.write("plain", Self.plaintext)
        try tool.runOnTerminal(["-p", "-o", "file.age", "plain"], passphrases: ["typed twice", "typed twice"])
        let file = try tool.read("file.age")
        #expect(try AgeFile.decrypt(file, passphrase: "typed twice") == Self.plaintext)
    }

    @Test(.enabled(if: AgeTool.installed))
    func ageRefusesAStaircaseFileThatWasTamperedWith() throws {
        // The reverse check: our MAC and STREAM are real, so age itself notices the change.
        let tool = try AgeTool()
        let identity = X25519Identity.generate()
        try tool.write("identity.txt", Array("\(identity.string)\n".utf8))
        var file = try AgeFile.encrypt(Self.plaintext, to: [identity.recipient])
        file[file.count - 100] ^= 1
        try tool.write("file.age", file)
        #expect(throws: AgeTool.ToolFailure.self) { try tool.run("age", ["-d", "-i", "identity.txt", "-o", "out", "file.age"]) }
    }
}
