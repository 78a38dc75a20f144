import Foundation
import StaircaseCore
import Testing

@testable import StaircaseStore

#if canImport(Glibc)
    import Glibc
#endif

/// Recovery copies when the store cannot take a save, and the list index.
@Suite struct RecoveryAndIndexTests {
    @Test func aRecoveryCopyGoesToTheFirstFolderThatTakesIt() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        // The first candidate cannot be made (a file is in the way, which stops root too); the second takes the copy.
        Sample.write("x", to: dir.sub("readonly"))
        let recovery = RecoveryStore(folders: [dir.sub("readonly/recovery"), dir.sub("fallback")])
        let result = recovery.write(Sample.assessment(), base: .absent)
        #expect(result == .success(dir.sub("fallback/a1.json")))
        #expect(Sample.mode(dir.sub("fallback")) == 0o700 && Sample.mode(dir.sub("fallback/a1.json")) == 0o600)
        let found = recovery.list()
        #expect(found.map(\.summary.id) == ["a1"])
        #expect(try recovery.load(id: "a1").assessment == Sample.assessment())
    }

    /// Issue 19, defect 1: a copy says which version of the store file it was made from, so a
    /// later save there is noticed before the copy could replace it.
    @Test func aRecoveryCopyRecordsTheStoreVersionItWasMadeFrom() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = SessionStore(directory: dir.sub("store"))
        let window = OpenAssessments(store: store)
        try store.save(Sample.assessment())
        _ = try window.openReadOnly(id: "a1")
        let base = window.version(of: "a1")
        #expect(base == (try store.version(of: "a1")) && base != .absent)
        let recovery = RecoveryStore(folders: [dir.sub("recovery")])
        _ = try recovery.write(Sample.assessment(), base: base).get()
        #expect(try recovery.load(id: "a1").base == base)
        var newer = Sample.assessment()
        newer.child.name = "Changed Elsewhere"
        try store.save(newer)
        #expect(try store.version(of: "a1") != base, "another window's save is a new version")
        #expect(try store.version(of: "none") == .absent)
        SessionStore(directory: dir.sub("recovery")).deleteRecoveryCopy(id: "a1")
        #expect(!FileManager.default.fileExists(atPath: dir.sub("recovery/a1.base")))
    }

    @Test func whenNothingCanBeWrittenItSaysSo() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        Sample.write("x", to: dir.sub("readonly"))
        symlink(dir.path, dir.sub("link"))
        let recovery = RecoveryStore(folders: [dir.sub("readonly/a"), dir.sub("link")])
        guard case .failure(let why) = recovery.write(Sample.assessment(), base: .absent) else {
            Issue.record("wrote into a read-only folder")
            return
        }
        #expect(why.reasons.count == 2)
        #expect(!why.description.contains("SECRET"))
    }

    @Test func recoveryFoldersFollowTheEnvironment() {
        let xdg = RecoveryStore(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"], uid: 1000)
        #expect(xdg.folders == ["/s/staircase/recovery", "/tmp/staircase-1000"])
        let home = RecoveryStore(environment: ["HOME": "/h"], uid: 7)
        #expect(home.folders == ["/h/.local/state/staircase/recovery", "/tmp/staircase-7"])
    }

    @Test func theIndexIsKeptCurrentBySavesAndDeletes() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let engine = try Sample.engine()
        let store = SessionStore(directory: dir.path, engine: engine)
        try store.save(Sample.assessment("a1"))
        _ = try store.listing(engine: engine)  // builds the index
        let before = try #require(SessionIndex.read(store))
        try store.save(Sample.assessment("a2", updated: "2026-11-24T09:00:00Z"))
        let after = try #require(SessionIndex.read(store))
        #expect(after.stamp == SessionIndex.Stamp.of(dir.path), "the save left the index true")
        #expect(Set(after.entries.keys) == ["a1.json", "a2.json"] && before.entries.count == 1)
        try store.delete(id: "a1")
        #expect(try #require(SessionIndex.read(store)).entries.keys.sorted() == ["a2.json"])
        #expect(!FileManager.default.fileExists(atPath: dir.sub(".staircase/a1.lock")))
        #expect(try store.listing(engine: engine).map(\.id) == ["a2"])
        // The index holds initials, never a name or a note.
        let text = try String(contentsOfFile: SessionIndex.path(store), encoding: .utf8)
        #expect(!text.contains("Jane") && !text.contains("SECRET"))
    }

    @Test func aStaleOrDamagedIndexIsRebuiltAndLosesNoFile() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = SessionStore(directory: dir.path)
        try store.save(Sample.assessment("a1"))
        _ = try store.listing()
        // A file copied in by hand: the folder's time changes, so the index is stale.
        try FileManager.default.copyItem(atPath: dir.sub("a1.json"), toPath: dir.sub("copy.json"))
        #expect(Set(try store.listing().map(\.id)) == ["a1", "copy"])
        // A damaged index: rebuilt, nothing lost, nothing removed.
        for junk in ["", "staircase-index 1 x y\n", "staircase-index 1 1 1\nnot\ta\tline\n", String(repeating: "\u{0}", count: 100)] {
            Sample.write(junk, to: SessionIndex.path(store))
            let ids = Set(try store.listing().map(\.id))
            #expect(ids.contains("a1") && FileManager.default.fileExists(atPath: dir.sub("a1.json")))
        }
    }

    @Test func anIndexLineRoundTrips() throws {
        var a = Sample.assessment("x1", name: "Tab\tName")
        a.training = true
        a.updatedAt = "2026-11-23T14:05:00Z\t\n"
        a.childKey = "c-x1"
        let entry = SessionIndex.Entry.make(file: "x1.json", assessment: a, engine: try Sample.engine(), sealed: true)
        let index = SessionIndex(
            stamp: .init(seconds: 5, nanoseconds: 6),
            entries: ["x1.json": entry, "bad.json": .damaged(file: "bad.json", id: "bad", reason: "r", sealed: false)])
        let decoded = try #require(SessionIndex.decode(index.encoded()))
        #expect(decoded.stamp == index.stamp)
        #expect(decoded.entries["x1.json"]?.summary.proposedLevel == 2)
        #expect(decoded.entries["x1.json"]?.summary.training == true)
        #expect(decoded.entries["bad.json"]?.summary.damaged == "r")
        #expect(decoded.entries["x1.json"]?.childKey == "c-x1" && decoded.entries["x1.json"]?.sealed == true)
    }
}
