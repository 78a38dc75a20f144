import Foundation
import StaircaseCore
import Testing

@testable import StaircaseStore

#if canImport(Glibc)
    import Glibc
#endif

/// The resume list: order, initials, progress, damaged files and leftover temporary files.
@Suite struct SessionListTests {
    @Test func aMissingOrEmptyFolderListsNothing() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        #expect(SessionStore(directory: dir.path).list().isEmpty)
        #expect(SessionStore(directory: dir.sub("never-made")).list().isEmpty)
    }

    @Test func listsNewestFirstWithInitialsOnly() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = SessionStore(directory: dir.path)
        try store.save(Sample.assessment("old", name: "Jane van Doe", updated: "2026-11-01T10:00:00Z"))
        var training = Sample.assessment("new", name: "Ali", updated: "2026-11-23T14:05:00Z")
        training.training = true
        try store.save(training)
        let list = store.list()
        #expect(list.map(\.id) == ["new", "old"])
        #expect(list.map(\.initials) == ["A.", "J.V.D."])
        #expect(list[0].training && !list[1].training)
        #expect(list[1].progress == .answered(1))
        #expect(list[1].proposedLevel == nil)
        #expect(list[0].displayLine == "A.  2026-11-23 14:05  1 answered  training")
        #expect(!list.map(\.displayLine).joined().contains("Jane"))
    }

    @Test func showsProgressAndProposalWithAMatchingCatalogue() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = SessionStore(directory: dir.path)
        try store.save(Sample.assessment())
        var other = Sample.assessment("other")
        other.catalogue.version = "2"
        try store.save(other)
        let list = store.list(engine: try Sample.engine())
        let mine = try #require(list.first { $0.id == "a1" })
        #expect(mine.progress == .rows(assessed: 1, applicable: 3))
        #expect(mine.proposedLevel == 2 && mine.proposedText == "Level 2")
        #expect(mine.displayLine == "J.V.D.  2026-11-23 14:05  1/3 rows  Level 2 (proposed)")
        #expect(!mine.decisionOutOfDate)
        let theirs = try #require(list.first { $0.id == "other" })
        #expect(theirs.progress == .answered(1) && theirs.proposedLevel == nil && theirs.proposedText == "-")
    }

    @Test func aCorruptFileIsListedAsDamaged() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = SessionStore(directory: dir.path)
        try store.save(Sample.assessment())
        Sample.write("{\"id\": \"broken\", \"child\": {\"name\": \"SECRET", to: dir.sub("broken.json"))
        Sample.write("{}", to: dir.sub("bad name.json"))
        mkdir(dir.sub("folder.json"), 0o700)
        symlink(dir.sub("a1.json"), dir.sub("link.json"))
        Sample.write("ignored", to: dir.sub("notes.txt"))
        let list = store.list()
        #expect(list.map(\.file) == ["a1.json", "bad name.json", "broken.json", "folder.json", "link.json"])
        #expect(list[0].damaged == nil)
        let broken = try #require(list.first { $0.file == "broken.json" })
        #expect(broken.damaged?.contains("malformed JSON") == true)
        #expect(list.dropFirst().allSatisfy { $0.damaged != nil })
        #expect(!list.map { $0.damaged ?? "" + $0.displayLine }.joined().contains("SECRET"))
    }

    @Test func ignoresFreshTemporaryFilesAndRemovesStaleOnes() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = SessionStore(directory: dir.path)
        try store.save(Sample.assessment())
        Sample.write("{", to: dir.sub(".a1.fresh.tmp"))
        Sample.write("{", to: dir.sub(".a1.stale.tmp"))
        var old = [timespec(tv_sec: time(nil) - 7200, tv_nsec: 0), timespec(tv_sec: time(nil) - 7200, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, dir.sub(".a1.stale.tmp"), &old, 0) == 0)
        #expect(store.list().map(\.id) == ["a1"])
        #expect(Sample.names(dir.path) == [".a1.fresh.tmp", "a1.json"])
    }

    @Test(arguments: [
        ("Jane van Doe", "J.V.D."), ("J.D.", "J.D."), ("Mary-Jane  smith", "M.J.S."), ("", ""), ("  ", ""),
        ("Zoë", "Z."), ("JANE DOE", "J.D."), ("\u{1B}[31mEve", "M."), ("a b c d e f g h", "A.B.C.D.E.F."),
    ])
    func initialsNeverSpellTheName(name: String, initials: String) {
        #expect(SessionSummary.initials(of: name) == initials)
    }
}

@Suite struct SessionLevelTextTests {
    @Test func theDecidedLevelOutranksTheProposal() {
        var s = SessionSummary(
            id: "a", file: "a.json", initials: "J.S.", lastChange: "", progress: .rows(assessed: 1, applicable: 2), proposedLevel: 2,
            proposedStep: 2)
        #expect(s.levelText == "Level 2 (proposed)")
        #expect(s.levelColumn == "2 proposed")
        s.decidedLevel = 4
        s.decidedStep = 4
        #expect(s.levelText == "Level 4 (decided)")
        #expect(s.levelColumn == "4 decided")
        s.decidedStep = 5
        #expect(s.levelText == "Level 4, step 5 (decided)")
        #expect(s.levelColumn == "4 step 5, decided")
        #expect(s.displayLine.hasSuffix("Level 4, step 5 (decided)"))
    }
}

/// A decision the answers have moved past is never listed as the settled level (practitioner
/// tryout: the start screen and `sessions list` showed "Level 4 (decided)" after the answers
/// had changed and the review asked for a new decision).
@Suite struct OutOfDateDecisionListTests {
    @Test func aDecisionMadeAgainstAnotherProposalIsListedAsOutOfDateFromTheFileAndTheIndex() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = SessionStore(directory: dir.path)
        let engine = try Sample.engine()
        var current = Sample.assessment("current")
        let proposal = engine.propose(current)
        current.decision = .init(
            level: 4, step: 4, reason: "Because.", decidedAt: "2026-11-23T14:05:00Z", proposedLevel: proposal.level,
            proposedStep: proposal.step)
        var moved = Sample.assessment("moved")
        moved.decision = .init(
            level: 4, step: 4, reason: "Because.", decidedAt: "2026-11-23T14:05:00Z", proposedLevel: 1, proposedStep: 1)
        try store.save(current)
        try store.save(moved)
        for pass in ["from the files", "from the index"] {
            let list = store.list(engine: engine)
            let a = try #require(list.first { $0.id == "moved" })
            let b = try #require(list.first { $0.id == "current" })
            #expect(a.decisionOutOfDate && !b.decisionOutOfDate, "\(pass)")
            #expect(a.displayLine.hasSuffix("Level 4 (decided, out of date)"), "\(pass)")
            #expect(b.displayLine.hasSuffix("Level 4 (decided)"), "\(pass)")
            #expect(a.noteColumn == "decision out of date" && b.noteColumn.isEmpty, "\(pass)")
        }
        #expect(try String(contentsOfFile: dir.sub(".staircase/index"), encoding: .utf8).hasPrefix("staircase-index 4 "))
    }
}
