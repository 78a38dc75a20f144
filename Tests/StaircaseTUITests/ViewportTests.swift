import StaircaseCore
import Testing

@testable import StaircaseTUI

/// The viewport is the curses view's: scrolling and resizing change how the screen is shown,
/// never the state or what the screen model says; a pane starts at its top on another screen
/// or row; a page is measured in the terminal the screen is drawn in.
@Suite struct ViewportTests {
    /// The Durham review of a child with Level 4 answers: longer than 24 rows.
    static func review() throws -> WizardState {
        var s = try SnapshotTests.inProgress()
        Support.press(&s, [.char("4"), .tab, .tab, .tab, .tab, .tab])
        return s
    }

    @Test func scrollingTheReviewMovesTheViewNotTheState() throws {
        var s = try Self.review()
        #expect(s.screen == .review)
        let model = ScreenModel(s)
        var v = Support.screen
        let top = View.render(s, in: v)
        let effects = Support.press(&s, &v, [.char("j"), .pageDown])
        #expect(effects.isEmpty)
        #expect(v.scroll > 1)
        #expect(View.render(s, in: v) != top, "the review moved")
        #expect(ScreenModel(s) == model, "what the screen says is unchanged")
        #expect(Wizard.reduce(&s, .view(.page(1))).isEmpty)
        #expect(ScreenModel(s) == model, "the reducer leaves a view action alone")
        Support.press(&s, &v, Array(repeating: .pageDown, count: 40))
        let most = v.scroll
        Support.press(&s, &v, [.pageDown, .char("j")])
        #expect(v.scroll == most, "no further than where the last line shows")
        #expect(View.render(s, in: v).lines.contains { $0.contains("The referral still lacks") })
    }

    @Test func aPaneStartsAtItsTopOnAnotherRowOrScreen() throws {
        var s = try SnapshotTests.inProgress()
        var v = Support.screen
        // Somewhere in the first domain a row's descriptors do not fit their panel.
        for _ in 0..<30 where DomainView.panelMostScroll(s, View.layout(s, v).body) == 0 { Support.press(&s, &v, [.char("j")]) }
        #expect(DomainView.panelMostScroll(s, View.layout(s, v).body) > 0)
        Support.press(&s, &v, [.pageDown])
        #expect(v.panelScroll > 0)
        Support.press(&s, &v, [.char("j")])
        #expect(v.panelScroll == 0, "the next row's panel starts at its top")
        // And a row whose full text does not fit its screen.
        for _ in 0..<30 where DomainView.fullTextLineCount(s, width: View.layout(s, v).body.width - 2) <= View.layout(s, v).body.height {
            Support.press(&s, &v, [.char("j")])
        }
        Support.press(&s, &v, [.char("f"), .pageDown])
        #expect(v.scroll > 0)
        Support.press(&s, &v, [.char("f")])
        #expect(v.scroll == 0, "closing the full text leaves no scroll behind")
        var review = try Self.review()
        Support.press(&review, &v, [.pageDown])
        #expect(v.scroll > 0)
        Support.press(&review, &v, [.escape])
        #expect(v.scroll == 0)
    }

    @Test func aPageIsMeasuredInTheTerminalShown() throws {
        var s = try SnapshotTests.inProgress()
        Support.press(&s, [.char("?")])
        var small = Support.screen
        var large = Viewport(width: 120, height: 40)
        var t = s
        Support.press(&s, &small, [.pageDown])
        Support.press(&t, &large, [.pageDown])
        #expect(small.helpScroll == 24 - 6)
        // At 120×40 the help is nearly all shown: a page stops where its last line shows.
        #expect(large.helpScroll == min(40 - 6, HelpView.lines(t, width: 120 - 6).count - (40 - 4)))
        #expect(large.helpScroll > 0 && large.helpScroll != small.helpScroll)
        Support.press(&s, &small, [.escape, .char("?")])
        #expect(small.helpScroll == 0, "help opens at its top again")
    }

    @Test func theRunLoopOwnsTheViewportAndFollowsResizes() throws {
        let host = FakeHost()
        var runner = WizardRunner(
            state: Support.state(try Support.minimal()), backend: MemoryTerminal(keys: [.resize(width: 100, height: 30)]), host: host.host)
        _ = runner.run()
        #expect(runner.viewport.width == 100 && runner.viewport.height == 30)
        #expect(runner.backend.frames.last?.width == 100)
        #expect(runner.backend.frames.count == 2, "the first frame, then one at the new size")
    }
}
