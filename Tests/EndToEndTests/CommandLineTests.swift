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

/// SIGPIPE: a reader that goes away (`| head`, `| true`) never kills a command mid-write; the
/// command says its output is incomplete and exits 74.
@Suite struct ClosedPipeTests {
    @Test(arguments: [["catalogue", "show"], ["export", "Data/examples/hostile.json", "--format", "html"]])
    func aClosedPipeIsAnIOErrorNotADeath(arguments: [String]) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path
        let args = arguments.map { $0.hasPrefix("Data/") ? root + "/" + $0 : $0 }.map { "'\($0)'" }.joined(separator: " ")
        // The reader exits at once; the status of staircase itself goes to stderr (fd 3 here).
        let script = "exec 3>&2; ('\(Tmux.binary)' \(args) 2>/dev/null; echo \"status=$?\" >&3) | true"
        let (_, output) = Tmux.spawn(["/bin/sh", "-c", script])
        #expect(output.contains("status=74"), "\(output)")
        #expect(!output.contains("status=141"))
    }
}
