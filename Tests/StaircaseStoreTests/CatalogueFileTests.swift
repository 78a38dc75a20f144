import Foundation
import StaircaseCore
import Testing

@testable import StaircaseStore

/// Reading a catalogue file moved out of the core (issue 19): the store reads it, refusing it
/// from its size, and the core decodes the bytes.
@Suite struct CatalogueFileTests {
    @Test func aMissingFileOrAFolderSaysWhich() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        #expect(throws: CatalogueError.unreadable(file: "no-such-file.json", reason: "no such file")) {
            try CatalogueFile.load(path: dir.sub("no-such-file.json"))
        }
        try FileManager.default.createDirectory(atPath: dir.sub("folder.json"), withIntermediateDirectories: false)
        #expect(throws: CatalogueError.unreadable(file: "folder.json", reason: "it is a folder")) {
            try CatalogueFile.load(path: dir.sub("folder.json"))
        }
    }

    @Test func anOversizedFileIsRefusedFromItsSize() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = dir.sub("huge.json")
        FileManager.default.createFile(atPath: path, contents: nil)
        truncate(path, off_t(CatalogueLoader.maximumBytes + 1))
        #expect(
            throws: CatalogueError.tooLarge(file: "huge.json", bytes: CatalogueLoader.maximumBytes + 1, limit: CatalogueLoader.maximumBytes)
        ) {
            try CatalogueFile.load(path: path)
        }
    }
}
