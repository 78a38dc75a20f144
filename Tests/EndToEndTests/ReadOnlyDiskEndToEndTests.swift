import Foundation
import Testing

/// Issue 19, defect 10: on a read-only file system a saved case could not even be opened to read
/// ("cannot write …/ID.lock (read-o…"). It opens read-only, and says so. Needs root (a bind mount).
@Suite(.serialized) struct ReadOnlyDiskEndToEndTests {
    @Test(.enabled(if: getuid() == 0)) func aSavedCaseOnAReadOnlyDiskOpensReadOnlyAndSaysSo() throws {
        let t = try Tmux()
        let store = t.dataDirectory + "/staircase"
        try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        chmod(t.dataDirectory, 0o700)
        let path = store + "/2b6f0c1e-example-level3.json"
        try CommandLineTests.example("level3-several-areas").write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o600)
        // The passphrase set, and the example encrypted, while the disk can still be written.
        try Tmux.encryptStore(env: ["HOME": t.home, "XDG_DATA_HOME": t.dataDirectory])
        _ = try Tmux.run(["mount", "--bind", store, store])
        defer { _ = try? Tmux.run(["umount", "-l", store]) }
        _ = try Tmux.run(["mount", "-o", "remount,bind,ro", store])
        try t.start(env: ["XDG_STATE_HOME": t.home + "/state"], shell: true)
        try t.run("")
        try t.waitFor("Resume")
        try t.send("Down", "Enter")
        let screen = try t.waitFor("read-only disk")
        #expect(screen.contains("opened read-only"), "\(screen)")
        #expect(!screen.contains("cannot write"))
        try t.send("q")
        let after = try t.waitFor("EXIT=")
        // Never "Saved": closed as it was, or (when opening changed it) a recovery copy, said so.
        #expect(!after.contains("Saved:") && !after.contains("cannot write"), "\(after)")
    }
}
