import Foundation
import StaircaseCore
import Testing

@testable import StaircaseTUI

/// The curses training screens as text snapshots (Snapshots/training-*.txt, re-recorded with
/// STAIRCASE_RECORD=1): the case list, the case, a domain with the narrative beside it at 120
/// columns, the narrative overlay at 80, and the feedback.
@Suite struct TrainingSnapshotTests {
    static func screens() throws -> [(String, WizardState)] {
        var out: [(String, WizardState)] = []
        var s = try TrainingRunTests.run()
        out.append(("training-choose", s))
        Support.press(&s, [.enter])
        out.append(("training-read", s))
        Support.press(&s, [.enter])
        Wizard.go(&s, .domain(0))
        out.append(("training-domain", s))
        var overlay = s
        Support.press(&overlay, [.char("v")])
        out.append(("training-narrative", overlay))
        let feedback = try TrainingRunTests.decided()
        out.append(("training-feedback", feedback))
        return out
    }

    @Test(arguments: ["80x24", "120x40"])
    func trainingScreensMatchSnapshots(size: String) throws {
        let parts = size.split(separator: "x").compactMap { Int($0) }
        for (name, state) in try Self.screens() {
            let rendered = View.render(state, in: Viewport(width: parts[0], height: parts[1]))
            #expect(rendered.lines.allSatisfy { DisplayWidth.of($0) <= parts[0] })
            #expect(rendered.lines[0].contains("TRAINING"), "\(name) at \(size) says TRAINING in its header")
            let golden = rendered.text + "\n--- styles ---\n" + Support.styles(rendered) + "\n"
            try Support.expectGolden(golden, "Snapshots/\(name)-\(size).txt", "\(name) at \(size)")
        }
    }
}

/// Issue 25: a case that carries a chronology shows it after the narrative, one dated line per
/// event in date order, in the overlay (80×24, scrolled to its end) and in line mode.
@Suite struct TrainingChronologyTests {
    /// Tyler's case (the fourth), opened and started, with the narrative laid over a domain.
    static func tylerOverlay() throws -> WizardState {
        var s = try TrainingRunTests.run()
        Support.press(&s, [.down, .down, .down, .enter])
        #expect(s.trainingRun?.trainingCase?.id == "tyler-level3")
        Support.press(&s, [.enter])
        Wizard.go(&s, .domain(0))
        Support.press(&s, [.char("v")])
        return s
    }

    /// Date order: the approximate September (second in the file) sorts at the start of its
    /// month, level with the month alone, and equal dates keep the file's order.
    static let lines = [
        "about September 2026 — Tyler starts cutting himself when things get bad ('for a few months', he says) (Tyler, to the PE teacher)",
        "September 2026 — Two boys in his year start posting photos of Tyler online with cruel comments (Head of year)",
        "November 2026 — A PE teacher sees fresh cuts on Tyler's forearm (PE teacher)",
        "November 2026 — His mother takes him to the GP the same week; the GP refers him to the children's mental health service (Mother; GP)",
    ]

    @Test func theOverlayEndsWithTheChronologyInDateOrder() throws {
        let s = try Self.tylerOverlay()
        #expect(s.overlay == .narrative)
        let model = ScreenModel(s)
        let chronology = try #require(model.blocks.last)
        #expect(chronology.heading == "Chronology")
        #expect(chronology.paragraphs == Self.lines)
        var v = Viewport(width: 80, height: 24)
        v.helpScroll = 1000
        let rendered = View.render(s, in: v)
        #expect(rendered.text.contains("Chronology") && rendered.text.contains("November 2026 — A PE teacher sees fresh cuts"))
        let golden = rendered.text + "\n--- styles ---\n" + Support.styles(rendered) + "\n"
        try Support.expectGolden(golden, "Snapshots/training-narrative-chronology-80x24.txt", "the chronology at 80x24")
    }

    @Test func aCaseWithoutAChronologyShowsNoHeading() throws {
        var s = try TrainingRunTests.run()
        Support.press(&s, [.enter, .enter])
        #expect(!ScreenModel.narrativeBlocks(try #require(s.trainingRun?.trainingCase)).contains { $0.heading == "Chronology" })
    }

    @Test func lineModePrintsTheChronologyAfterTheNarrative() throws {
        let state = try TrainingRunTests.run()
        // Case 4 (Tyler), start it, then v prints the narrative over the first details form.
        var runner = LineRunner(state: state, console: ScriptConsole(answers: ["4", "", "v", ""]), host: FakeHost().host)
        _ = runner.run()
        let flat = runner.console.output.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let heading = try #require(flat.range(of: "Chronology", options: .backwards))
        var from = heading.upperBound
        // Line mode prints plain ASCII: the dash is "-".
        for line in Self.lines.map(Glyphs.ascii) {
            #expect(line.contains(" 2026 - "))
            let at = try #require(flat.range(of: line, range: from..<flat.endIndex), "\(line)")
            from = at.upperBound
        }
    }
}
