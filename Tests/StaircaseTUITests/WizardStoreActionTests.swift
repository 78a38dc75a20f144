import StaircaseCore
import Testing

@testable import StaircaseTUI

/// The wizard's side of issue 11: reloading after a refused save, and the host's notices.
@Suite struct WizardStoreActionTests {
    let c: Catalogue
    init() throws { c = try Support.minimal() }

    @Test func ctrlRReloadsTheOpenAssessmentAndClearsUnsaved() throws {
        var s = Support.onFirstDomain(c)
        let id = try #require(s.assessment?.id)
        _ = Wizard.reduce(&s, .saveFailed(.io("changed elsewhere")))
        #expect(s.unsaved)
        #expect(KeyMap.action(for: .ctrl("r"), in: s) == .reload)
        #expect(Support.press(&s, [.ctrl("r")]) == [.load(id: id)])
        let onDisk = try #require(s.assessment)
        _ = Wizard.reduce(&s, .loaded(onDisk))
        #expect(!s.unsaved, "what was just read from disk has nothing unsaved")
        #expect(Support.press(&s, [.char("q")]) == [.quit])
    }

    @Test func ctrlRDoesNothingWithoutAnAssessmentOrWhileTyping() {
        let start = Support.state(c)
        #expect(KeyMap.action(for: .ctrl("r"), in: start) == nil)
        var s = Support.onFirstDomain(c)
        Support.press(&s, [.char("e")])
        #expect(KeyMap.action(for: .ctrl("r"), in: s) != .reload)
    }

    @Test func aNoticeFromTheHostIsShownAsAWarning() {
        var s = Support.onFirstDomain(c)
        _ = Wizard.reduce(&s, .notice("Open in another window (since 14:05 UTC): opened read-only here; changes are not saved."))
        #expect(s.message?.isError == true)
        #expect(View.render(s, in: Support.screen).text.contains("Open in another window (since 14:05 UTC)"))
    }
}
