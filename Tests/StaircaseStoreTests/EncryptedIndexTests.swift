import Foundation
import StaircaseAge
import StaircaseCore
import Testing

@testable import StaircaseStore

extension EncryptedStoreTests {
    /// The sealed list index of an encrypted store (issue 26): a list, the migration check on
    /// unlock and a child's earlier assessments read the index, not every saved file; a change
    /// made behind the store's back is still noticed. Inside the serialized suite, as its locks are.
    @Suite struct IndexTests {
        /// An unlocked encrypted store with `ids` saved and listed once with its engine (the index
        /// made), and an observer of every saved file it reads from then on.
        static func filled(_ dir: TempDirectory, _ ids: [String], child: (String) -> String? = { _ in nil }) throws -> (
            SessionStore, ReadObserver
        ) {
            var store = try EncryptedStoreTests.encryptedStore(dir)
            store.engine = try Sample.engine()
            for id in ids {
                var a = Sample.assessment(id)
                a.childKey = child(id)
                try store.save(a)
            }
            _ = try store.listing(engine: store.engine)
            let observer = ReadObserver()
            store.readObserver = observer
            return (store, observer)
        }

        static func names(_ observer: ReadObserver) -> [String] {
            observer.read.map { String($0.split(separator: "/").last ?? "") }
        }

        /// Writes `bytes` as a saved file without the store knowing, as a copy or a restore would.
        static func plant(_ bytes: [UInt8], as id: String, in store: SessionStore) throws {
            let path = store.directory + "/" + id + ".json"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            chmod(path, 0o600)
        }

        @Test func aFreshSealedIndexIsListedWithoutReadingAnySavedFile() throws {
            let dir = try TempDirectory()
            defer { dir.remove() }
            let (store, observer) = try Self.filled(dir, ["a1", "a2", "a3"])
            let listed = try store.listing(engine: store.engine)
            #expect(listed.map(\.id).sorted() == ["a1", "a2", "a3"])
            #expect(listed.allSatisfy { $0.progress.isRows && $0.proposedLevel != nil }, "scored with the engine")
            #expect(store.list().count == 3)
            #expect(Self.names(observer) == [], "the list came from the index")
            let index = EncryptedStoreTests.bytes(SessionIndex.path(store))
            #expect(AgeFile.looksEncrypted(index), "the index is sealed like every other file")
            #expect(!EncryptedStoreTests.contains(index, "J.V.D."))
        }

        @Test func aListWithoutAnEngineKeepsTheIndexScored() throws {
            let dir = try TempDirectory()
            defer { dir.remove() }
            let (store, observer) = try Self.filled(dir, ["a1", "a2"])
            let unscored = store.list()
            #expect(unscored.allSatisfy { $0.proposedLevel == nil && $0.progress == .answered(1) }, "no engine, no proposal shown")
            #expect(try #require(SessionIndex.read(store)).entries.values.allSatisfy(\.scored), "still scored on disk")
            #expect(try store.listing(engine: store.engine).allSatisfy { $0.progress.isRows })
            #expect(Self.names(observer) == [], "neither list re-read a file")
        }

        @Test func aFileChangedBehindTheStoresBackIsNoticed() throws {
            let dir = try TempDirectory()
            defer { dir.remove() }
            let (store, observer) = try Self.filled(dir, ["a1", "a2"])
            try Self.plant(try store.sealed(SessionStore.encode(Sample.assessment("a3")), path: "a3"), as: "a3", in: store)
            #expect(try store.listing(engine: store.engine).map(\.id).sorted() == ["a1", "a2", "a3"])
            #expect(Self.names(observer).contains("a3.json"), "the stale index was rebuilt from the files")
            unlink(store.directory + "/a1.json")
            #expect(store.list().map(\.id).sorted() == ["a2", "a3"])
        }

        @Test func aChildsEarlierAssessmentsAreFoundFromTheIndex() throws {
            let dir = try TempDirectory()
            defer { dir.remove() }
            let ids = ["a1", "a2", "a3", "a4", "a5"]
            let (store, observer) = try Self.filled(dir, ids) { $0 == "a1" || $0 == "a4" ? "c-one" : "c-two" }
            #expect(store.assessments(childKey: "c-one").map(\.id).sorted() == ["a1", "a4"])
            #expect(Self.names(observer).sorted() == ["a1.json", "a4.json"], "only that child's files were read")
            #expect(store.assessments(childKey: "c-none").isEmpty)
        }

        @Test func unlockingWithNothingPlainReadsNoSavedFile() throws {
            let dir = try TempDirectory()
            defer { dir.remove() }
            let (store, observer) = try Self.filled(dir, ["a1", "a2"])
            #expect(try store.migrateToEncrypted() == SessionStore.Migration())
            #expect(Self.names(observer) == [], "a fresh sealed index says every file is sealed")

            // A plain file the index lists (it was listed before it could be sealed): only it is read.
            try Self.plant(try SessionStore.encode(Sample.assessment("p1")), as: "p1", in: store)
            _ = store.list()
            let before = observer.read.count
            #expect(try store.migrateToEncrypted().encrypted == ["p1"])
            #expect(Set(Self.names(observer).dropFirst(before)) == ["p1.json"])
            #expect(AgeFile.looksEncrypted(EncryptedStoreTests.bytes(store.directory + "/p1.json")))

            // One copied in after the index was made: the folder's time says so, and it is sealed too.
            try Self.plant(try SessionStore.encode(Sample.assessment("p2")), as: "p2", in: store)
            #expect(try store.migrateToEncrypted().encrypted == ["p2"])
            #expect(store.plainFiles().isEmpty)
        }

        @Test func aLockedStoreListsButDoesNotRecordItsFilesAsDamaged() throws {
            let dir = try TempDirectory()
            defer { dir.remove() }
            let (store, _) = try Self.filled(dir, ["a1"])
            try Self.plant(try store.sealed(SessionStore.encode(Sample.assessment("a2")), path: "a2"), as: "a2", in: store)
            let cipher = try #require(store.cipher)
            let locked = SessionStore(directory: store.directory, cipher: StoreCipher(recipients: cipher.recipients, identity: nil))
            #expect(locked.list().allSatisfy { $0.damaged != nil })
            #expect(store.list().allSatisfy { $0.damaged == nil }, "the unlocked store still reads both")
        }
    }
}
