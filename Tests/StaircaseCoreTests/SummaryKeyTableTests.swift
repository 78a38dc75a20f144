import Foundation
import Testing

@testable import StaircaseCore

/// The format guide's table of the summary's JSON keys (docs/format/summary.md) names every top-level key the schema defines,
/// so a key such as `stillLacks` cannot be added without being explained.
@Suite struct SummaryKeyTableTests {
    /// `format` is explained in the paragraph above the table.
    @Test func theFormatGuidesKeyTableNamesEveryTopLevelKeyIncludingStillLacks() throws {
        let schema = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: Fixtures.projectFile("Data/summary.schema.json"))))
        let keys = try #require(((schema as? [String: Any])?["properties"] as? [String: Any])?.keys)
        #expect(keys.contains("stillLacks"))
        let readme = try String(contentsOfFile: Fixtures.projectFile("docs/format/summary.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "## The JSON format"))
        let table = readme[start.upperBound...].split(separator: "\n").filter { $0.hasPrefix("| `") }.joined(separator: "\n")
        for key in keys.sorted() where key != "format" {
            #expect(table.contains("`\(key)`"), "the format guide's key table leaves out \(key)")
        }
    }
}
