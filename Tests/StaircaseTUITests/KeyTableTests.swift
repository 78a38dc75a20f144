import Foundation
import StaircaseCore
import Testing

@testable import StaircaseTUI

/// The one key table against what the wizard does: every footer entry works, every working key
/// is documented, the footer fits 80 columns, and the practitioner's guide's table is the table.
@Suite struct KeyTableTests {
    /// One state in each context, chosen so each key has something to act on.
    static func states() throws -> [(KeyContext, WizardState)] {
        var out: [(KeyContext, WizardState)] = []
        let start = try SnapshotTests.durhamState()
        out.append((.start, start))
        var details = start
        Support.press(
            &details,
            [.enter, .enter] + Support.type("Jamie Smith") + [.enter, .down, .enter] + Support.type("2016-04-12") + [.enter, .down])
        out.append((.details, details))
        var danger = details
        Support.press(&danger, Support.toDanger)
        out.append((.danger, danger))
        var domain = try SnapshotTests.inProgress()
        Support.press(&domain, [.up])
        out.append((.domain, domain))
        var full = domain
        Support.press(&full, [.char("f")])
        out.append((.fullText, full))
        var voice = domain
        Support.press(&voice, [.tab, .tab, .tab])
        out.append((.voice, voice))
        var household = voice
        Support.press(&household, [.tab, .char("y")])
        out.append((.household, household))
        var review = domain
        Support.press(&review, [.char("4"), .tab, .tab, .tab, .tab, .tab])
        out.append((.review, review))
        var decision = review
        Support.press(&decision, [.tab])
        out.append((.decision, decision))
        // A Level 4 decision asks for the categories of concern before it is recorded.
        var categories = decision
        Support.press(&categories, [.enter])
        out.append((.categories, categories))
        var export = categories
        Support.press(&export, [.char("1"), .enter])
        out.append((.export, export))
        var editing = domain
        Support.press(&editing, [.char("e")] + Support.type("two words here") + [.left, .left])
        out.append((.editing, editing))
        var filter = domain
        Support.press(&filter, [.char("/")] + Support.type("school") + [.left])
        out.append((.filter, filter))
        var help = domain
        Support.press(&help, [.char("?")])
        out.append((.help, help))
        var quit = domain
        _ = Wizard.reduce(&quit, .saveFailed(.io("disk full")))
        Support.press(&quit, [.char("q")])
        out.append((.confirmQuit, quit))
        var replace = export
        _ = Wizard.reduce(&replace, .exportFailed(.exists(path: "/tmp/x.md")))
        out.append((.confirmReplace, replace))
        // A recovery copy brought back after another window saved: the merge screen's first part.
        out.append((.merge, try SnapshotTests.merge(at: [])))
        // Too small is the viewport's, not the state's (see `viewport(_:)`).
        out.append((.tooSmall, start))
        // A participant's training run: the cases, a case, the feedback, the narrative over it.
        var choose = start
        choose.trainingRun = TrainingRun(
            pack: try EmbeddedTrainingPack.load(catalogue: start.catalogue), alias: "Owl", responsesFolder: "/tmp", asksFolder: true)
        choose.screen = .training(.choose)
        out.append((.trainingChoose, choose))
        var read = choose
        Support.press(&read, [.enter])
        out.append((.trainingRead, read))
        var feedback = read
        feedback.assessment?.answers["education.developmental-milestones"] = .init(.level2)
        Wizard.go(&feedback, .decision)
        Support.press(&feedback, [.enter])
        out.append((.feedback, feedback))
        var narrative = feedback
        Support.press(&narrative, [.char("v")])
        out.append((.narrative, narrative))
        // The idle lock, with something typed (encrypted store), and on a plain store.
        var locked = domain
        _ = Wizard.reduce(&locked, .idle(needsPassphrase: true))
        Support.press(&locked, Support.type("ab"))
        out.append((.locked, locked))
        var lockedKey = domain
        _ = Wizard.reduce(&lockedKey, .idle(needsPassphrase: false))
        out.append((.lockedKey, lockedKey))
        // The chronology with two events, the first open in its editor, and the editor's row picker.
        var chronology = domain
        Support.press(&chronology, [.char("c")] + Support.type("2026-06-14") + [.enter] + Support.type("Police attended"))
        Support.press(&chronology, [.enter, .enter, .enter, .char("h"), .char("a")] + Support.type("2026-07") + [.enter])
        Support.press(&chronology, Support.type("Missed school") + [.enter, .enter, .escape])
        out.append((.chronology, chronology))
        var event = chronology
        Support.press(&event, [.enter])
        out.append((.eventEditor, event))
        var rows = event
        Support.press(&rows, [.down, .down, .down, .enter])
        out.append((.eventRows, rows))
        return out
    }

    /// The terminal each context's state is shown in: 70×20 is too small, the rest are 80×24.
    static func viewport(_ context: KeyContext) -> Viewport {
        context == .tooSmall ? Viewport(width: 70, height: 20) : Support.screen
    }

    /// A key does something when the screen or the effects change.
    static func doesSomething(_ key: Key, in s: WizardState, _ v: Viewport) -> Bool {
        guard let action = KeyMap.action(for: key, in: s, viewport: v) else { return false }
        var after = s
        var view = v
        var effects: [Effect] = []
        if case .view(let change) = action {
            view.apply(change, to: s)
        } else {
            effects = Wizard.reduce(&after, action)
        }
        return !effects.isEmpty || View.render(after, in: view) != View.render(s, in: v)
    }

    static let probes: [Key] = {
        var keys: [Key] = [
            .up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .enter, .tab, .backTab, .escape, .backspace, .delete, .altLeft,
            .altRight,
        ]
        keys += (0x20...0x7E).compactMap { Unicode.Scalar($0).map { Key.char(Character($0)) } }
        keys += "abcdefghijklmnopqrstuvwxyz".map { Key.ctrl($0) }
        return keys
    }()

    @Test func everyContextHasAState() throws {
        #expect(Set(try Self.states().map(\.0)) == Set(KeyContext.allCases))
        for (context, s) in try Self.states() { #expect(KeyContext(s, in: Self.viewport(context)) == context, "\(context)") }
    }

    @Test func everyFooterEntryDoesSomething() throws {
        for (context, s) in try Self.states() {
            let v = Self.viewport(context)
            for b in KeyTable.bindings(for: context) where b.priority != nil && KeyMap.holds(b.condition, in: s, v) {
                #expect(b.keys.contains { Self.doesSomething($0.key, in: s, v) }, "\(context): “\(b.footerText)” does nothing")
            }
        }
    }

    @Test func everyKeyThatDoesSomethingIsInTheFooterOrTheHelp() throws {
        for (context, s) in try Self.states() {
            let bound = KeyTable.bindings(for: context).flatMap { $0.keys.map(\.key) }
            let v = Self.viewport(context)
            let footer = KeyMap.footer(for: s, in: v, width: 400)
            var helpState = s
            helpState.overlay = nil
            let help = HelpView.lines(helpState, width: 400).map(\.0).joined(separator: "\n")
            for key in Self.probes where Self.doesSomething(key, in: s, v) {
                if bound.contains(key) {
                    let b = KeyTable.bindings(for: context).first { $0.action(for: key) != nil }
                    let shown = b.map { footer.contains($0.footerText) || help.contains($0.keyLabel + " ") } ?? false
                    #expect(
                        shown || context == .help || context == .confirmQuit || context == .confirmReplace,
                        "\(context): \(key) is in neither footer nor help")
                } else {
                    #expect(KeyTable.fallbackText(context) != nil, "\(context): \(key) does something but is not in the key table")
                }
            }
        }
    }

    /// `KeyContexts` gives each context one bit of a 64-bit word, and the per-context lists
    /// are the bindings whose set holds that context, each context its own bit.
    @Test func everyContextHasItsOwnBit() {
        #expect(KeyContext.allCases.count <= 64)
        for c in KeyContext.allCases {
            let one: KeyContexts = [c]
            #expect(KeyContext.allCases.filter(one.contains) == [c], "\(c)")
            #expect(KeyTable.bindings(for: c).map(\.help) == KeyTable.bindings.filter { $0.contexts.contains(c) }.map(\.help))
        }
        #expect(KeyContexts(KeyContext.allCases).isSuperset(of: KeyTable.screens))
        #expect(!KeyTable.text.isSuperset(of: [.domain]))
    }

    @Test func noKeyIsBoundTwiceInOneContext() {
        for context in KeyContext.allCases {
            var seen: [Key] = []
            for b in KeyTable.bindings(for: context) {
                for (key, _) in b.keys {
                    #expect(!seen.contains(key), "\(context): \(key) is bound twice; the second binding would never run")
                    seen.append(key)
                }
            }
        }
    }

    @Test func footerFitsEightyColumnsInWholeEntriesAndKeepsHelp() throws {
        for (context, s) in try Self.states() {
            let footer = KeyMap.footer(for: s, in: Self.viewport(context))
            #expect(DisplayWidth.of(footer) <= 78, "\(context): \(footer)")
            let whole = Set(KeyMap.footerEntries(for: s, in: Self.viewport(context)).map(\.text))
            for piece in footer.components(separatedBy: " · ") { #expect(whole.contains(piece), "\(context): “\(piece)” is cut") }
            if KeyTable.bindings(for: context).contains(where: { $0.keyLabel == "?" }) {
                #expect(footer.hasSuffix("? help"), "\(context): \(footer)")
            }
        }
    }

    @Test func theDangerScreenSaysTabAndTheFooterHasIt() throws {
        var s = try Self.states().first { $0.0 == .danger }!.1
        s.cursor = 0
        Support.press(&s, [.enter])
        let screen = View.render(s, in: Support.screen).text
        #expect(screen.contains("Press Tab to continue"))
        #expect(screen.split(separator: "\n").last?.contains("Tab next") == true)
    }

    @Test func fullTextOffersPgDnOnlyWhenThereIsMore() throws {
        let s = try Self.states().first { $0.0 == .fullText }!.1
        #expect(!KeyMap.footer(for: s, in: Viewport(width: 200, height: 80)).contains("PgUp/PgDn"))
        let body = View.layout(s, Support.screen).body
        let more = DomainView.fullTextLineCount(s, width: body.width - 2) > body.height
        #expect(more, "the full text of a Durham row does not fit 80×24")
        #expect(KeyMap.footer(for: s, in: Support.screen).contains("PgUp/PgDn more"))
    }

    /// The practitioner's guide (docs/practitioner.md, shipped in the .deb) carries the key table.
    @Test func guideKeyTableIsTheKeyTable() throws {
        let guide = Support.testsDirectory.appendingPathComponent("../../docs/practitioner.md").standardized
        let readme = try String(contentsOf: guide, encoding: .utf8)
        let begin = "<!-- keys:begin (written from KeyTable.markdown(); KeyTableTests checks it) -->\n"
        let end = "<!-- keys:end -->"
        guard let a = readme.range(of: begin), let b = readme.range(of: end, range: a.upperBound..<readme.endIndex) else {
            Issue.record("docs/practitioner.md has no key table markers")
            return
        }
        let table = String(readme[a.upperBound..<b.lowerBound])
        if ProcessInfo.processInfo.environment["STAIRCASE_RECORD"] == "1" {
            let updated = String(readme[..<a.upperBound]) + KeyTable.markdown() + String(readme[b.lowerBound...])
            try updated.write(to: guide, atomically: true, encoding: .utf8)
            return
        }
        #expect(table == KeyTable.markdown(), "the guide's key table differs; replace it with:\n\(KeyTable.markdown())")
    }
}
