import Foundation
import Testing

/// The short run of `Scripts/torture` (one round of every loop): kill -9 during saves and
/// exports, every terminating signal, two windows on one assessment, read-only and full stores,
/// symlinked and foreign stores, and the core limit. The long run is the script itself.
@Suite(.serialized) struct TortureTests {
    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
                && FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")))
    func theShortFaultRunFindsNothing() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Scripts/torture")
            .standardized.path
        // Plain store: the harness reads, damages and compares saved files byte by byte itself.
        let plain = ProcessInfo.processInfo.environment.merging(Tmux.plainStore) { $1 }
        let (status, output) = Tmux.spawn(["/usr/bin/python3", script, "--count", "1", "--binary", Tmux.binary], environment: plain)
        let lines = output.split(separator: "\n").filter { $0.contains(" tried, ") || $0.contains(": skipped") }
        #expect(lines.count == 9, "every loop reports: \(output)")
        #expect(output.contains("survivors: 0 "), "no wizard outlives its terminal: \(output)")
        for line in lines where line.contains(" tried, ") {
            #expect(line.contains(" 0 failed"), "\(line)\n\(output)")
            #expect(!line.contains(" 0 tried"), "\(line)")
        }
        #expect(status == 0, "\(output)")
    }
}
