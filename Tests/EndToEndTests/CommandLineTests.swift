import Foundation
import Testing

/// The built binary's commands without a terminal: the catalogue they use and how they fail.
@Suite struct CommandLineTests {
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../StaircaseCoreTests/Fixtures/\(name)").standardized.path
    }

    @Test func validateWithoutAPathChecksTheBuiltInJSON() throws {
        let r = try Tmux.staircase(["catalogue", "validate"], env: ["STAIRCASE_CATALOGUE": ""])
        #expect(r.status == 0)
        #expect(r.output.contains("durham-levels-of-need 2026.1: valid"))
        #expect(r.output.contains("82 rows"))
    }

    @Test func validateHonoursTheEnvironmentVariable() throws {
        let r = try Tmux.staircase(["catalogue", "validate"], env: ["STAIRCASE_CATALOGUE": Self.fixture("minimal.json")])
        #expect(r.status == 0)
        #expect(r.output.contains("test-minimal 1: valid"))
    }

    @Test func aBrokenCatalogueFromTheEnvironmentNamesTheFileAndExits65() throws {
        let r = try Tmux.staircase(["catalogue", "validate"], env: ["STAIRCASE_CATALOGUE": Self.fixture("truncated.json")])
        #expect(r.status == 65)
        #expect(r.output.contains("truncated.json: line"))
        #expect(!r.output.contains("durham-levels-of-need"))
    }
}
