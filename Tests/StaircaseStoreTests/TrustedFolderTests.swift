import Foundation
import StaircaseCore
import Testing

@testable import StaircaseStore

#if canImport(Glibc)
    import Glibc
#endif

/// Store, training and recovery folders: real directories of ours, never links; old files tightened.
@Suite struct TrustedFolderTests {
    @Test func aSymlinkedStoreIsRefusedAndItsTargetUntouched() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        mkdir(dir.sub("shared"), 0o777)
        chmod(dir.sub("shared"), 0o1777)
        symlink(dir.sub("shared"), dir.sub("store"))
        let store = SessionStore(directory: dir.sub("store"))
        #expect(throws: StoreError.untrustedFolder(path: dir.sub("store"), problem: .symbolicLink)) { try store.save(Sample.assessment()) }
        #expect(throws: StoreError.self) { try store.listing() }
        #expect(Sample.mode(dir.sub("shared")) == 0o1777, "the link's target was not chmodded")
        #expect(Sample.names(dir.sub("shared")).isEmpty)
        let message = StoreError.untrustedFolder(path: dir.sub("store"), problem: .symbolicLink).description
        #expect(message.contains("symbolic link") && message.contains("mkdir -m 700"))
    }

    @Test func aFolderOthersCanChangeIsRefused() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        mkdir(dir.sub("open"), 0o777)
        chmod(dir.sub("open"), 0o777)
        let store = SessionStore(directory: dir.sub("open/staircase"))
        #expect(throws: StoreError.untrustedFolder(path: dir.sub("open"), problem: .openParent)) { try store.save(Sample.assessment()) }
        #expect(StoreError.untrustedFolder(path: "/x", problem: .openParent).description.contains("chmod go-w"))
        // A sticky shared folder such as /tmp is fine: others cannot rename what is ours in it.
        chmod(dir.sub("open"), 0o1777)
        try store.save(Sample.assessment())
    }

    @Test(.enabled(if: geteuid() == 0, "needs root to give a folder to another user"))
    func aFolderOfAnotherUserIsRefusedEvenForRoot() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        mkdir(dir.sub("theirs"), 0o755)
        chown(dir.sub("theirs"), 65534, 65534)
        let store = SessionStore(directory: dir.sub("theirs"))
        #expect(throws: StoreError.untrustedFolder(path: dir.sub("theirs"), problem: .foreignOwner(uid: 65534))) {
            try store.save(Sample.assessment())
        }
        #expect(Sample.mode(dir.sub("theirs")) == 0o755, "not chmodded")
    }

    @Test func aForeignOwnerIsNamedWithAFix() {
        let message = StoreError.untrustedFolder(path: "/srv/x", problem: .foreignOwner(uid: 1234)).description
        #expect(message.contains("belongs to user 1234") && message.contains("--store"))
    }

    @Test func anOldReadableFileIsMadePrivateWhenRead() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = SessionStore(directory: dir.path)
        try store.save(Sample.assessment())
        chmod(dir.sub("a1.json"), 0o644)
        _ = try store.load(id: "a1")
        #expect(Sample.mode(dir.sub("a1.json")) == 0o600)
    }

    @Test func aFileOverTheLimitIsRefusedBeforeReading() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = SessionStore(directory: dir.path)
        try store.save(Sample.assessment())
        truncate(dir.sub("a1.json"), off_t(SessionStore.maximumFileSize + 1))
        #expect(throws: StoreError.tooLarge(path: dir.sub("a1.json"), limit: SessionStore.maximumFileSize)) { try store.load(id: "a1") }
        #expect(throws: AssessmentFile.ReadError.tooLarge(name: dir.sub("a1.json"), limit: SessionStore.maximumFileSize)) {
            try AssessmentFile.read(dir.sub("a1.json"))
        }
    }
}
