import Foundation
import StaircaseCore
import Testing

@testable import StaircaseStore

#if canImport(Glibc)
    import Glibc
#endif

/// The training store is a folder inside the real one, kept apart both ways: a training run is
/// never listed among real assessments, and a real assessment never appears in training.
@Suite struct TrainingStoreTests {
    @Test func theTrainingStoreIsAFolderInsideTheStore() {
        #expect(SessionStore(directory: "/data/staircase/").training.directory == "/data/staircase/training")
    }

    @Test func trainingAndRealAssessmentsAreKeptApartBothWays() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let real = SessionStore(directory: dir.sub("staircase"))
        var child = Sample.assessment("a-real", name: "Jane van Doe")
        child.training = false
        var run = Sample.assessment("a-train", name: "Ruby Hale")
        run.training = true
        try real.save(child)
        try real.training.save(run)

        #expect(real.list().map(\.id) == ["a-real"], "a training run is never listed among real assessments")
        #expect(real.training.list().map(\.id) == ["a-train"], "a real assessment is never listed in training")
        #expect(throws: StoreError.self) { try real.load(id: "a-train") }
        #expect(throws: StoreError.self) { try real.training.load(id: "a-real") }
        #expect(try real.training.load(id: "a-train").training)

        var st = stat()
        stat(real.training.directory, &st)
        #expect(st.st_mode & 0o777 == 0o700, "the training folder is private like the store")
        stat(real.training.directory + "/a-train.json", &st)
        #expect(st.st_mode & 0o777 == 0o600)
    }
}
