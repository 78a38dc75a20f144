import Foundation
import StaircaseCore
import Testing

@testable import StaircaseStore

/// Response files: private, named TRAINING with the random id, never written over, and readable
/// back by the report.
@Suite struct TrainingResponseWriterTests {
    func response(_ alias: String = "Owl") -> TrainingResponse {
        TrainingResponse(
            id: RandomID.make(prefix: TrainingResponse.idPrefix), alias: alias, pack: .init(id: "p", version: "1"), caseID: "c",
            ratings: ["d.r1": .level2], decision: .init(level: 2, step: 2, reason: "why"), secondsTaken: 60,
            recordedAt: "2026-11-26T10:00:00Z")
    }

    @Test func writesAPrivateTrainingFileThatReadsBack() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let r = response()
        let path = try TrainingResponseWriter.write(r, toFolder: dir.path + "/")
        #expect(path == dir.path + "/TRAINING-response-\(r.id).json")
        #expect(Sample.mode(path) == 0o600)
        let back = try JSONDecoder().decode(TrainingResponse.self, from: try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(back == r)
    }

    @Test func twoParticipantsInOneFolderNeverCollideAndNothingIsReplaced() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let a = response("Owl")
        let b = response("Fox")
        #expect(a.id != b.id)
        try TrainingResponseWriter.write(a, toFolder: dir.path)
        try TrainingResponseWriter.write(b, toFolder: dir.path)
        #expect(throws: SummaryWriteError.exists(path: dir.path + "/" + a.fileName)) {
            try TrainingResponseWriter.write(a, toFolder: dir.path)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(names == [a.fileName, b.fileName].sorted())
    }

    @Test func aMissingFolderIsAClearError() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        #expect(throws: SummaryWriteError.self) { try TrainingResponseWriter.write(response(), toFolder: dir.sub("no/such/folder")) }
    }
}
