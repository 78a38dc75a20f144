import Foundation
import Testing

/// Issue 19, defect 12: a wizard whose terminal goes away must save and exit even when no
/// SIGHUP reaches it. Here the wizard runs in a session of its own (`setsid`), so closing the
/// terminal sends it no signal at all: only end of input tells it the terminal is gone.
@Suite(.serialized) struct TerminalGoneEndToEndTests {
    enum Screen: String, CaseIterable { case start, details, domain, review }

    @Test(arguments: Screen.allCases)
    func closingTheTerminalWithNoHangUpSignalSavesAndEnds(at screen: Screen) throws {
        let t = try Tmux()
        let pidFile = t.home + "/pid"
        // Plain store: the wizard runs with no controlling terminal (setsid), where an encrypted
        // store's passphrase cannot be asked; what is tested is a terminal gone without SIGHUP.
        try t.start(env: ["XDG_STATE_HOME": t.home + "/state"].merging(Tmux.plainStore) { $1 }, shell: true)
        try t.type("clear; setsid -w sh -c 'echo $$ > \(pidFile); exec \"\(Tmux.binary)\"'")
        try t.send("Enter")
        switch screen {
        case .start: try t.waitFor("New assessment")
        case .details:
            try t.waitFor("New assessment")
            try t.send("Enter")
            try t.waitFor("About the child")
        case .domain, .review:
            try t.reachFirstDomain(name: "Gone Terminal")
            try t.send("3")
            try t.waitFor("[3]")
            if screen == .review {
                for _ in 0..<6 { try t.send("Tab") }
                try t.waitFor("The engine proposes:")
            }
        }
        let pid = try #require(
            Int32((try String(contentsOfFile: pidFile, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, 0) == 0, "the wizard runs")
        _ = try Tmux.run(["tmux", "-L", t.socket, "kill-server"])
        var alive = true
        for _ in 0..<200 {
            alive = kill(pid, 0) == 0
            // A zombie has no /proc/PID/exe: it has ended.
            if !alive || !FileManager.default.fileExists(atPath: "/proc/\(pid)/exe") {
                alive = false
                break
            }
            usleep(50_000)
        }
        #expect(!alive, "the wizard outlived its terminal at the \(screen) screen")
        if alive { kill(pid, SIGKILL) }
        if screen == .domain || screen == .review {
            let store = t.dataDirectory + "/staircase"
            let files = try FileManager.default.contentsOfDirectory(atPath: store).filter { $0.hasSuffix(".json") }
            let text = try files.map { try String(contentsOfFile: store + "/" + $0, encoding: .utf8) }.joined()
            #expect(text.contains("\"rating\" : \"3\""), "the answer shown is saved")
        }
    }
}
