import Foundation
import StaircaseCore
import Testing

@testable import StaircaseStore

#if canImport(Glibc)
    import Glibc
#endif

/// One open copy per assessment: a lock per assessment, read-only for a second window, no save
/// over a file changed elsewhere, and no delete while open.
@Suite struct OpenAssessmentsTests {
    @Test func aSecondWindowIsToldSinceWhenAndMayOnlyRead() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = SessionStore(directory: dir.path)
        try store.save(Sample.assessment())
        let first = OpenAssessments(store: store)
        _ = try first.open(id: "a1")
        let second = OpenAssessments(store: store)
        do {
            _ = try second.open(id: "a1")
            Issue.record("a second window opened the same assessment for editing")
        } catch {
            guard case .openElsewhere(let id, let since) = error else { throw error }
            #expect(id == "a1")
            let hhmm = try #require(since)
            #expect(hhmm.count == 5 && hhmm.dropFirst(2).first == ":")
            #expect(error.description.contains("open in another window (since \(hhmm))"))
        }
        var copy = try second.openReadOnly(id: "a1")
        copy.childsVoice = "changed in the second window"
        #expect(throws: StoreError.readOnly(id: "a1")) { try second.save(copy) }
        #expect(try store.load(id: "a1").childsVoice == "SECRET-VOICE")
        // Once the first window lets go, the second may edit.
        first.close()
        _ = try second.reload(id: "a1")
        try second.save(copy)
        #expect(try store.load(id: "a1").childsVoice == "changed in the second window")
    }

    @Test func twoWindowsNeverLoseAnAnswer() throws {
        // The issue's reproduction: both resume, both answer; before, the last writer won.
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = SessionStore(directory: dir.path)
        try store.save(Sample.assessment())
        let a = OpenAssessments(store: store), b = OpenAssessments(store: store)
        var mine = try a.open(id: "a1")
        var theirs = try b.openReadOnly(id: "a1")
        mine.answers["d.r2"] = .init(.level3)
        try a.save(mine)
        theirs.answers["d.r3"] = .init(.level4)
        #expect(throws: StoreError.readOnly(id: "a1")) { try b.save(theirs) }
        #expect(try store.load(id: "a1").answers["d.r2"]?.rating == .level3)
    }

    @Test func aSaveOverAFileChangedElsewhereIsRefused() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = SessionStore(directory: dir.path)
        try store.save(Sample.assessment())
        let open = OpenAssessments(store: store)
        var a = try open.open(id: "a1")
        // Someone replaces the file behind the lock (an editor, a restored backup).
        var other = Sample.assessment()
        other.childsVoice = "restored from backup"
        try store.save(other)
        a.childsVoice = "mine"
        #expect(throws: StoreError.changedOnDisk(id: "a1")) { try open.save(a) }
        #expect(try store.load(id: "a1").childsVoice == "restored from backup")
        // Reloading takes the file as it is now; the next save goes through.
        var reloaded = try open.reload(id: "a1")
        #expect(reloaded.childsVoice == "restored from backup")
        reloaded.childsVoice = "mine, after reload"
        try open.save(reloaded)
        #expect(try store.load(id: "a1").childsVoice == "mine, after reload")
    }

    @Test func aDeletedFileIsNotBroughtBackByAnOpenWindow() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = SessionStore(directory: dir.path)
        try store.save(Sample.assessment())
        let open = OpenAssessments(store: store)
        let a = try open.open(id: "a1")
        // Delete refuses while the wizard has it open.
        do {
            try store.delete(id: "a1")
            Issue.record("deleted an assessment that is open")
        } catch {
            guard case .openElsewhere = error else { throw error }
        }
        #expect(FileManager.default.fileExists(atPath: dir.sub("a1.json")))
        // Removed behind its back (rm): the open window's next save does not bring it back.
        unlink(dir.sub("a1.json"))
        #expect(throws: StoreError.changedOnDisk(id: "a1")) { try open.save(a) }
        #expect(!FileManager.default.fileExists(atPath: dir.sub("a1.json")))
        open.close()
        #expect(throws: StoreError.notFound(id: "a1", directory: dir.path)) { try store.delete(id: "a1") }
    }

    @Test func aNewAssessmentIsLockedFromItsFirstSave() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = SessionStore(directory: dir.path)
        let open = OpenAssessments(store: store)
        try open.save(Sample.assessment("fresh"))
        #expect(throws: StoreError.self) { try OpenAssessments(store: store).open(id: "fresh") }
        #expect(Sample.mode(dir.sub(".staircase")) == 0o700)
        #expect(Sample.mode(dir.sub(".staircase/fresh.lock")) == 0o600)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/flock")))
    func theLockGoesWithTheProcess() throws {
        // Another process holds the lock (util-linux flock(1) takes the same flock(2) lock) and is
        // killed with SIGKILL: the kernel releases it. (No fork: the test runner has threads.)
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = SessionStore(directory: dir.path)
        try store.save(Sample.assessment())
        _ = try AssessmentLock.acquire("a1", in: store)  // makes the lock file
        var pid: pid_t = 0
        let args: [String] = ["/usr/bin/flock", "-x", "-o", dir.sub(".staircase/a1.lock"), "sleep", "30"]
        let argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        #expect(posix_spawn(&pid, "/usr/bin/flock", nil, nil, argv, environ) == 0)
        defer { kill(pid, SIGKILL) }
        var held = false
        for _ in 0..<500 where !held {
            do {
                _ = try AssessmentLock.acquire("a1", in: store)
                usleep(10_000)
            } catch {
                held = true
            }
        }
        #expect(held)
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        // flock(1)'s child may hold an inherited copy of the descriptor for the moment before it
        // closes it (-o); the lock must be free within a second.
        var released = false
        for _ in 0..<100 where !released {
            released = (try? AssessmentLock.acquire("a1", in: store)) != nil
            if !released { usleep(10_000) }
        }
        #expect(released)
    }

    @Test func theTrainingStoreIsAFolderInsideWithTheSameRules() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let training = SessionStore(directory: dir.path).training
        #expect(training.directory == dir.sub("training"))
        let open = OpenAssessments(store: training)
        try open.save(Sample.assessment("t1"))
        #expect(Sample.mode(dir.sub("training")) == 0o700)
        #expect(throws: StoreError.self) { try OpenAssessments(store: training).open(id: "t1") }
        #expect(SessionStore(directory: dir.path).list().isEmpty, "training runs are not listed with real cases")
    }
}
