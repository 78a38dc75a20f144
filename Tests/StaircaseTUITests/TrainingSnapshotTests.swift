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
