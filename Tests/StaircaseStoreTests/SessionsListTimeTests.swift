import Foundation
import Testing

@testable import StaircaseStore

/// `sessions list` shows the last change as recorded (the local time where it was saved, without
/// its offset), and the practitioner's guide says so rather than calling it UTC.
@Suite struct SessionsListTimeTests {
    @Test func sessionsListShowsTheRecordedLocalTimeAsTheGuideSays() throws {
        let s = SessionSummary(
            id: "a", file: "a.json", initials: "J.S.", lastChange: "2026-11-23T14:05:00+01:00", progress: .rows(assessed: 1, applicable: 2),
            proposedLevel: 2, proposedStep: 2)
        #expect(s.lastChangeText == "2026-11-23 14:05", "the recorded local time, not converted to UTC")
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("docs/practitioner.md"), encoding: .utf8)
        let paragraph = try #require(readme.range(of: "`sessions list` (also plain `staircase sessions`) shows newest first"))
        let text = readme[paragraph.lowerBound...].prefix(600)
        #expect(!text.contains("(UTC)"), "the guide must not call the recorded local time UTC")
        #expect(text.contains("`2026-11-23T14:05:00+01:00` shows `2026-11-23 14:05`"))
    }
}
