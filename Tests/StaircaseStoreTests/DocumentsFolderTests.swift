import Foundation
import StaircaseCore
import Testing

@testable import StaircaseStore

/// The folder for referral summaries: when it cannot be made, the error names its own fix.
@Suite struct DocumentsFolderTests {
    @Test func aFolderThatCannotBeCreatedNamesTheDocumentsFixNotTheStore() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        // A file where the folder should be: mkdir cannot make anything under it.
        _ = FileManager.default.createFile(atPath: dir.sub("Documents"), contents: Data())
        var caught: StoreError?
        do throws(StoreError) {
            try DocumentsFolder.ensure(dir.sub("Documents/staircase"))
        } catch {
            caught = error
        }
        let text = try #require(caught).description
        #expect(text.contains("XDG_DOCUMENTS_DIR"), "\(text)")
        #expect(text.contains("press e"), "\(text)")
        #expect(!text.contains("XDG_DATA_HOME") && !text.contains("--store"), "the store's fix does not apply here: \(text)")
    }
}
