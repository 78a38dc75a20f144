import Foundation
import StaircaseAge
import StaircaseCore
import Testing

@testable import StaircaseStore

#if canImport(Glibc)
    import Glibc
#endif

/// The store encrypted at rest: round trips, locked reads, wrong passphrases, damaged files,
/// recovery recipients (with Debian's `age` when installed) and migration killed part-way.
/// scrypt runs at work factor 10 here (tests only), not the store's default 18.
///
/// Serialized, with the purge tests inside: the `age` test forks, and a forked child holds every
/// open lock file's description until it execs, so a lock test beside it could see "open elsewhere".
@Suite(.serialized) struct EncryptedStoreTests {
    static let fastScrypt = 10

    static func bytes(_ path: String) -> [UInt8] { (try? Array(Data(contentsOf: URL(fileURLWithPath: path)))) ?? [] }

    /// Runs `body` until `done` accepts its result, for up to a second. A child forked by another
    /// test in this process (tmux, age) holds our lock files' descriptions until it execs, so a
    /// lock let go here may still look held for a moment; a real failure still fails.
    static func afterForkedChildrenLetGo<T>(_ body: () throws -> T, until done: (T) -> Bool) rethrows -> T {
        var result = try body()
        for _ in 0..<50 where !done(result) {
            usleep(20_000)
            result = try body()
        }
        return result
    }

    static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard haystack.count >= n.count else { return false }
        return (0...(haystack.count - n.count)).contains { haystack[$0..<($0 + n.count)].elementsEqual(n) }
    }

    /// A store with a new identity and `recovery` recipients, unlocked.
    static func encryptedStore(_ dir: TempDirectory, recovery: [X25519Recipient] = []) throws -> SessionStore {
        let plain = SessionStore(directory: dir.sub("store"))
        let identity = try StoreKeyring(store: plain).create(passphrase: "correct horse", workFactor: fastScrypt)
        return SessionStore(directory: plain.directory, cipher: StoreCipher(store: identity, recovery: recovery))
    }

    @Test func roundTripLeavesOnlyAgeFilesWithNoCaseText() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = try Self.encryptedStore(dir)
        let a = Sample.assessment()
        try store.save(a)
        #expect(try store.load(id: "a1") == a)
        #expect(store.list().map(\.id) == ["a1"])
        #expect(Sample.names(store.directory) == ["a1.json", StoreKeyring.identityFileName])
        #expect(Sample.mode(store.directory + "/a1.json") == 0o600)
        let index = SessionIndex.path(store)
        for path in [store.directory + "/a1.json", index, store.directory + "/" + StoreKeyring.identityFileName] {
            let onDisk = Self.bytes(path)
            #expect(AgeFile.looksEncrypted(onDisk), "\(path) is not an age file")
            for canary in ["Jane", "SECRET-NOTE", "SECRET-VOICE", "AGE-SECRET-KEY"] { #expect(!Self.contains(onDisk, canary)) }
        }
        // A second listing reads the sealed index back rather than rebuilding it.
        #expect(store.list().map(\.id) == ["a1"])
    }

    @Test func savingNeedsOnlyThePublicKeyAndReadingNeedsTheUnlock() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let unlocked = try Self.encryptedStore(dir)
        let cipher = try #require(unlocked.cipher)
        let locked = SessionStore(directory: unlocked.directory, cipher: StoreCipher(recipients: cipher.recipients, identity: nil))
        try locked.save(Sample.assessment())
        #expect(throws: StoreError.locked(path: locked.directory + "/a1.json")) { try locked.load(id: "a1") }
        #expect(throws: StoreError.locked(path: locked.directory + "/a1.json")) {
            try SessionStore(directory: locked.directory).load(id: "a1")
        }
        #expect(try unlocked.load(id: "a1") == Sample.assessment())
        let error = StoreError.locked(path: "x").description
        #expect(error.contains("passphrase"))
    }

    @Test func wrongPassphraseSaysSoAndAChangedOneKeepsFilesReadable() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = try Self.encryptedStore(dir)
        try store.save(Sample.assessment())
        let keyring = StoreKeyring(store: store)
        #expect(throws: KeyringError.wrongPassphrase) { try keyring.unlock(passphrase: "wrong") }
        #expect(KeyringError.wrongPassphrase.description.contains("try again"))
        #expect(throws: StoreError.self) { try keyring.create(passphrase: "again", workFactor: Self.fastScrypt) }

        try keyring.changePassphrase(from: "correct horse", to: "battery staple", workFactor: Self.fastScrypt)
        #expect(throws: KeyringError.wrongPassphrase) { try keyring.unlock(passphrase: "correct horse") }
        let identity = try keyring.unlock(passphrase: "battery staple")
        let reopened = SessionStore(directory: store.directory, cipher: StoreCipher(store: identity, recovery: []))
        #expect(try reopened.load(id: "a1") == Sample.assessment())
        #expect(Sample.mode(keyring.identityPath) == 0o600)
    }

    @Test func truncatedAndTamperedFilesAreDamagedAndTheOthersStillListed() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = try Self.encryptedStore(dir)
        for id in ["good", "cut", "flipped"] { try store.save(Sample.assessment(id)) }
        let cut = store.directory + "/cut.json"
        let flipped = store.directory + "/flipped.json"
        var bytes = Self.bytes(cut)
        try Data(bytes.prefix(bytes.count - 20)).write(to: URL(fileURLWithPath: cut))
        bytes = Self.bytes(flipped)
        bytes[bytes.count - 30] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: flipped))

        for path in [cut, flipped] {
            do {
                _ = try store.load(id: path == cut ? "cut" : "flipped")
                Issue.record("a damaged file loaded")
            } catch {
                guard case .damaged(_, let reason) = error else { Issue.record("\(error)"); continue }
                #expect(reason.hasPrefix("cannot decrypt"))
            }
        }
        let listed = store.list()
        #expect(listed.first { $0.id == "good" }?.damaged == nil)
        #expect(listed.filter { $0.damaged != nil }.map(\.id).sorted() == ["cut", "flipped"])
    }

    @Test func recoveryRecipientsOpenEveryFileAndAreReadFromTheConfiguredFiles() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let organisation = X25519Identity.generate()
        let system = dir.sub("recipients")
        Sample.write("# IT's recovery key\n\(organisation.recipient.string)\n", to: system)
        let extra = X25519Identity.generate()
        let named = dir.sub("mine")
        Sample.write(extra.recipient.string + "\n", to: named)
        let recovery = try StoreKeyring.recoveryRecipients(environment: [StoreKeyring.recipientsVariable: named], systemPath: system)
            .recipients
        #expect(recovery == [organisation.recipient, extra.recipient])
        #expect(try StoreKeyring.recoveryRecipients(environment: [:], systemPath: dir.sub("absent")).count == 0)
        #expect(throws: StoreError.self) {
            try StoreKeyring.recoveryRecipients(environment: [StoreKeyring.recipientsVariable: dir.sub("typo")], systemPath: system)
        }
        // The shipped example (comments only) is a valid file, and stays valid with a key added.
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Data/etc/recipients")
            .standardized.path
        #expect(try StoreKeyring.recoveryRecipients(environment: [:], systemPath: example).count == 0)
        let exampleText = try String(contentsOfFile: example, encoding: .utf8)
        Sample.write(exampleText + organisation.recipient.string + "\n", to: named)
        #expect(try StoreKeyring.recoveryRecipients(environment: [:], systemPath: named).recipients == [organisation.recipient])
        // IT's secret key where its public key belongs: said, and never repeated.
        let secretKey = X25519Identity.generate().string
        Sample.write("# recovery\n" + secretKey + "\n", to: named)
        do {
            _ = try StoreKeyring.recoveryRecipients(environment: [StoreKeyring.recipientsVariable: named], systemPath: system)
            Issue.record("a secret key was taken as a recipient")
        } catch {
            #expect(error.description.contains("line 2: that is a secret key"), "\(error.description)")
            #expect(!error.description.contains(secretKey.dropFirst(15).prefix(20)))
        }
        Sample.write("age1notarecipient\n", to: named)
        #expect(throws: StoreError.self) {
            try StoreKeyring.recoveryRecipients(environment: [StoreKeyring.recipientsVariable: named], systemPath: system)
        }

        let store = try Self.encryptedStore(dir, recovery: [organisation.recipient])
        try store.save(Sample.assessment())
        let file = Self.bytes(store.directory + "/a1.json")
        let plain = try AgeFile.decrypt(file, identities: [organisation])
        #expect(Self.contains(plain, "SECRET-NOTE"))

        // Recovery copies are sealed the same way.
        var copies = RecoveryStore(folders: [dir.sub("recovery")])
        copies.cipher = store.cipher
        let copy = try copies.write(Sample.assessment("r1"), base: .absent).get()
        #expect(AgeFile.looksEncrypted(Self.bytes(copy)))
        #expect(try copies.load(id: "r1").assessment == Sample.assessment("r1"))
    }

    @Test(.enabled(if: AgeToolCheck.installed)) func debiansAgeDecryptsWithTheRecoveryIdentity() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let organisation = X25519Identity.generate()
        let key = dir.sub("org.key")
        Sample.write(organisation.string + "\n", to: key)
        chmod(key, 0o600)
        let store = try Self.encryptedStore(dir, recovery: [organisation.recipient])
        try store.save(Sample.assessment())
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(AgeToolCheck.path))
        process.arguments = ["-d", "-i", key, store.directory + "/a1.json"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let decoded = try AssessmentLoader.decode(data: data, file: "a1.json")
        #expect(decoded == Sample.assessment())
    }

    @Test func migrationKilledPartWayIsResumedAndLeavesNoPlainFile() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let plain = SessionStore(directory: dir.sub("store"))
        let ids = ["m1", "m2", "m3"]
        for id in ids { try plain.save(Sample.assessment(id)) }
        _ = plain.list()  // a plain index, as an existing store has
        Sample.write("{ not json", to: plain.directory + "/broken.json")
        let identity = try StoreKeyring(store: plain).create(passphrase: "p", workFactor: Self.fastScrypt)
        let store = SessionStore(directory: plain.directory, cipher: StoreCipher(store: identity, recovery: []))

        // "Killed" after one file: every file is whole, either plain or sealed.
        let first = try store.migrateToEncrypted(limit: 1)
        #expect(first.encrypted == ["broken"])
        #expect(store.plainFiles().count == 3)
        #expect(!AgeFile.looksEncrypted(Self.bytes(plain.directory + "/m1.json")))
        for id in ids { #expect(try store.load(id: id) == Sample.assessment(id)) }

        // Another wizard holding m2 open: skipped this time, taken by the next run.
        let open = OpenAssessments(store: store)
        _ = try open.open(id: "m2")
        let second = try store.migrateToEncrypted()
        #expect(second.encrypted == ["m1", "m3"] && second.skipped == ["m2"])
        open.close()
        let third = try Self.afterForkedChildrenLetGo {
            try store.migrateToEncrypted()
        } until: {
            $0.skipped.isEmpty
        }
        #expect(third.encrypted == ["m2"])
        #expect(store.plainFiles().isEmpty)
        for id in ids { #expect(try store.load(id: id) == Sample.assessment(id)) }
        let listed = store.list()
        #expect(listed.filter { $0.damaged == nil }.map(\.id).sorted() == ids)
        #expect(listed.first { $0.id == "broken" }?.damaged != nil)
        #expect(AgeFile.looksEncrypted(Self.bytes(SessionIndex.path(store))))
        #expect(try store.migrateToEncrypted() == SessionStore.Migration())
    }
}

enum AgeToolCheck {
    static var path: String? { ["/usr/bin/age", "/usr/local/bin/age"].first { FileManager.default.isExecutableFile(atPath: $0) } }
    static var installed: Bool { path != nil }
}

extension EncryptedStoreTests {
    /// Retention: what is past the period, and deleting every file of an assessment.
    @Suite struct PurgeTests {
        @Test func expiredListsOnlyOlderReadableAssessments() throws {
            let dir = try TempDirectory()
            defer { dir.remove() }
            let store = SessionStore(directory: dir.sub("store"))
            try store.save(Sample.assessment("old", updated: "2026-01-05T10:00:00Z"))
            try store.save(Sample.assessment("new", updated: "2026-11-20T10:00:00+01:00"))
            Sample.write("{ broken", to: store.directory + "/broken.json")
            #expect(store.expired(before: try #require(CalendarDate("2026-08-28"))).map(\.id) == ["old"])
            #expect(store.expired(before: try #require(CalendarDate("2026-01-05"))).isEmpty)
        }

        @Test func purgeRemovesTheFileItsIndexEntryLockAndRecoveryCopies() throws {
            let dir = try TempDirectory()
            defer { dir.remove() }
            let store = SessionStore(directory: dir.sub("store"))
            let recovery = RecoveryStore(folders: [dir.sub("recovery")])
            try store.save(Sample.assessment("old"))
            try store.save(Sample.assessment("keep"))
            _ = try recovery.write(Sample.assessment("old"), base: .absent).get()
            let open = OpenAssessments(store: store)
            _ = try open.open(id: "old")
            #expect(throws: StoreError.self) { try store.purge(id: "old", recovery: recovery) }
            open.close()
            try EncryptedStoreTests.afterForkedChildrenLetGo {
                Result { () throws(StoreError) in try store.purge(id: "old", recovery: recovery) }
            } until: {
                if case .failure(.openElsewhere) = $0 { false } else { true }
            }.get()
            #expect(Sample.names(store.directory) == ["keep.json"])
            #expect(Sample.names(dir.sub("recovery")).isEmpty)
            let meta = (try? FileManager.default.contentsOfDirectory(atPath: store.directory + "/.staircase")) ?? []
            #expect(!meta.contains("old.lock"))
            #expect(store.list().map(\.id) == ["keep"])
            let index = String(decoding: EncryptedStoreTests.bytes(SessionIndex.path(store)), as: UTF8.self)
            #expect(!index.contains("old.json"))
        }
    }
}
