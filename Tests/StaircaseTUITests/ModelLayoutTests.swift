import StaircaseCore
import Testing

@testable import StaircaseTUI

/// The curses review, domain screen and details forms say what their screen model says: each
/// is laid out from `ScreenModel`, so the words on screen are the words line mode prints.
@Suite struct ModelLayoutTests {
    static func words(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    /// The whole of a scrolling pane, read by the layout's own line function.
    static func shown(_ lines: [(String, Style)]) -> String { words(lines.map(\.0).joined(separator: "\n")) }

    @Test func theReviewSaysEveryBlockOfItsModel() throws {
        var s = try SnapshotTests.inProgress()
        Support.press(&s, [.char("4"), .tab, .tab, .tab, .tab, .tab])
        let m = ScreenModel.review(s)
        let review = Self.shown(ReviewView.lines(s, width: 78))
        #expect(m.blocks.count > 4)
        for block in m.blocks {
            if let heading = block.heading { #expect(review.contains(Self.words(heading)), "\(heading)") }
            for p in block.paragraphs { #expect(review.contains(Self.words(p)), "\(p)") }
        }
        // At Level 4 the categories of concern are the model's numbered choices.
        #expect(s.proposal?.level == 4)
        for c in m.choices where c.shown { #expect(review.contains("\(c.key). \(c.label)")) }
        #expect(review.contains("Step 4 · Level 4"), "the staircase is drawn under the proposal")
    }

    @Test func theDomainStatusIsCountedOnceAndSaidByBothRenderers() throws {
        var s = try SnapshotTests.inProgress()
        Support.press(&s, [.char("/")] + Support.type("school") + [.enter])
        let m = ScreenModel(s)
        let tally = try #require(m.tally)
        #expect(tally.filter == "school")
        #expect(tally.rows == s.visibleRows(domain: 0).count)
        let screen = View.render(s, in: Support.screen).lines
        // Below the message (here two lines: the filter kept the selected row, and says so).
        #expect(screen.dropFirst().prefix(4).contains { $0.trimmed == tally.line }, "the curses status line is the tally's")
        let line = LineRenderer.render(m, width: 80).joined(separator: "\n")
        for sentence in tally.sentences { #expect(Self.words(line).contains(Self.words(Glyphs.ascii(sentence)))) }
    }

    /// Tryout: after `a`, pre-birth rows headed a ten-year-old's list and the status line did
    /// not say why. Both renderers say the rows for other ages are shown, and how to hide them.
    @Test func rowsShownForOtherAgesAreSaidInTheStatus() throws {
        var s = try SnapshotTests.inProgress()
        let hidden = try #require(ScreenModel(s).tally).hidden
        #expect(hidden > 0)
        Support.press(&s, [.char("a")])
        let tally = try #require(ScreenModel(s).tally)
        #expect(tally.hidden == 0 && tally.otherAges == hidden)
        #expect(tally.line.contains("\(hidden) for other ages shown (a hides)"))
        #expect(tally.sentences.contains("Showing " + Plural.rows(hidden) + " for other ages (a hides them)."))
        Support.press(&s, [.char("a")])
        #expect(ScreenModel(s).tally?.otherAges == 0)
    }

    @Test func thePanelAndTheFullTextAreTheModelsDescriptors() throws {
        var s = try SnapshotTests.inProgress()
        Support.press(&s, [.up])
        let m = ScreenModel(s)
        let descriptors = try #require(m.blocks.first { $0.kind == .descriptor })
        let panel = Self.words(DomainView.panelLines(m, width: 200).map(\.text).joined(separator: "\n"))
        for (i, p) in descriptors.paragraphs.enumerated() { #expect(panel.contains(Self.words(String(p.dropFirst("\(i + 1). ".count))))) }
        #expect(panel.contains("(your answer)"), "the chosen level is said in words, not only highlighted")
        Support.press(&s, [.char("f")])
        let full = ScreenModel(s)
        let text = Self.shown(DomainView.fullTextLines(full, width: 78))
        for block in full.blocks {
            for p in block.paragraphs { #expect(text.contains(Self.words(p)), "\(p)") }
        }
    }

    @Test func theDetailsFormsShowTheModelsFieldsAndChoices() throws {
        var s = try SnapshotTests.durhamState()
        Support.press(&s, [.enter, .enter] + Support.type("Jamie Smith") + [.enter, .pageDown])
        let m = ScreenModel(s)
        let screen = View.render(s, in: Viewport(width: 120, height: 40)).text
        #expect(screen.contains(m.title))
        for f in m.fields { #expect(screen.contains(f.label) && screen.contains(f.value), "\(f.label)") }
        for c in m.choices where c.shown { #expect(screen.contains(c.label), "\(c.label)") }
    }
}
