import Foundation
import StaircaseCore
import Testing

@testable import StaircaseTUI

/// What a screen-reader user hears over a whole assessment in line mode: lines per rated row and
/// how many of them repeat an earlier line, in the default and the brief wording. The figures are
/// printed (docs/practitioner.md, Accessibility, gives them) and held to the targets.
@Suite struct LineWordsTests {
    struct Heard {
        var lines = 0
        var repeats = 0
        var rated = 0
        var perRow: Double { Double(lines) / Double(max(1, rated)) }
        var repeatShare: Double { Double(repeats) / Double(max(1, lines)) }
    }

    /// Rates every row of the three domains at Level 2, one answer per row, at a width where
    /// nothing wraps (a screen reader hears a line as it was written), and counts what was heard
    /// from the first row to the end of the third domain.
    static func wholeAssessment(brief: Bool, width: Int = 1000) throws -> Heard {
        let c = try EmbeddedCatalogue.load()
        let s = Support.onFirstDomain(c, dob: "2016-03-01")
        let rows = (0..<3).reduce(0) { $0 + s.visibleRows(domain: $1).count }
        var runner = LineRunner(
            state: s, console: ScriptConsole(width: width, answers: Array(repeating: "2", count: rows) + ["q"]), host: FakeHost().host)
        runner.brief = brief
        _ = runner.run()
        var heard = Heard()
        var seen = Set<String>()
        for line in runner.console.output.map({ $0.trimmingCharacters(in: .whitespaces) }) where !line.isEmpty {
            if line.hasPrefix("Staircase: The referral in your words") { break }
            heard.lines += 1
            if !seen.insert(line).inserted { heard.repeats += 1 }
        }
        if ProcessInfo.processInfo.environment["STAIRCASE_SHOW_HEARD"] == (brief ? "brief" : "default") {
            print(runner.console.output.prefix(80).joined(separator: "\n"))
        }
        heard.rated = runner.state.assessment?.answers.values.filter { $0.rating == .level2 }.count ?? 0
        return heard
    }

    @Test func aWholeAssessmentCostsFewLinesPerRatedRow() throws {
        let normal = try Self.wholeAssessment(brief: false)
        let brief = try Self.wholeAssessment(brief: true)
        // As a braille display of 80 cells shows them: every wrapped line counted (printed, not held to a target).
        for (name, h) in [
            ("default", try Self.wholeAssessment(brief: false, width: 80)), ("brief", try Self.wholeAssessment(brief: true, width: 80)),
        ] {
            print("line mode, \(name), wrapped at 80: \(Agreement.fixed(h.perRow, digits: 1)) lines per rated row")
        }
        for (name, h) in [("default", normal), ("brief", brief)] {
            print(
                "line mode, \(name): \(h.lines) lines for \(h.rated) rated rows = \(Agreement.fixed(h.perRow, digits: 1)) per row; "
                    + "\(Agreement.fixed(h.repeatShare * 100, digits: 1)) % repeats")
        }
        #expect(normal.rated == brief.rated && normal.rated > 60)
        #expect(normal.perRow <= 12, "default: \(normal.perRow) lines per rated row")
        #expect(brief.perRow <= 6, "brief: \(brief.perRow) lines per rated row")
        #expect(normal.repeatShare <= 0.10 && brief.repeatShare <= 0.10)
    }
}
