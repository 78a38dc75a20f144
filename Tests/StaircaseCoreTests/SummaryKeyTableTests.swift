import Foundation
import Testing

@testable import StaircaseCore

/// The README's table of the summary's JSON keys names every top-level key the schema defines,
/// so a key such as `stillLacks` cannot be added without being explained.
@Suite struct SummaryKeyTableTests {
    /// `format` is explained in the paragraph above the table.
    @Test func theREADMEsKeyTableNamesEveryTopLevelKeyIncludingStillLacks() throws {
        let schema = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: Fixtures.projectFile("Data/summary.schema.json"))))
        let keys = try #require(((schema as? [String: Any])?["properties"] as? [String: Any])?.keys)
        #expect(keys.contains("stillLacks"))
        let readme = try String(contentsOfFile: Fixtures.projectFile("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "### The JSON format"))
        let end = try #require(readme.range(of: "### From code", range: start.upperBound..<readme.endIndex))
        let table = readme[start.upperBound..<end.lowerBound].split(separator: "\n").filter { $0.hasPrefix("| `") }.joined(separator: "\n")
        for key in keys.sorted() where key != "format" {
            #expect(table.contains("`\(key)`"), "the README's key table leaves out \(key)")
        }
    }
}
