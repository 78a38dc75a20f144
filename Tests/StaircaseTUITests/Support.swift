import Foundation
import StaircaseCore
import Testing

@testable import StaircaseTUI

enum Support {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    static func minimal() throws -> Catalogue {
        // The core reads no files: the test reads the fixture and hands over its bytes.
        try CatalogueLoader.load(
            data: Data(contentsOf: testsDirectory.appendingPathComponent("../StaircaseCoreTests/Fixtures/minimal.json").standardized),
            file: "minimal.json")
    }

    static let today = CalendarDate(year: 2026, month: 11, day: 23) ?? CalendarDate.unknownDay

    /// Compares `text` with the golden file at `relative` (under this folder), or writes it when
    /// STAIRCASE_RECORD=1: the one way every snapshot and line-mode golden file is checked.
    static func expectGolden(
        _ text: String, _ relative: String, _ label: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let file = testsDirectory.appendingPathComponent(relative)
        if ProcessInfo.processInfo.environment["STAIRCASE_RECORD"] == "1" {
            try text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try? String(contentsOf: file, encoding: .utf8)
        guard expected != text else { return }
        Issue.record(
            "\(label) differs from \(relative); re-record with STAIRCASE_RECORD=1 if intended\n\(diff(expected ?? "", text))",
            sourceLocation: sourceLocation)
    }

    /// The lines that differ, numbered, as "-expected" and "+actual" (at most 40 lines).
    static func diff(_ expected: String, _ actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for i in 0..<max(a.count, b.count) where out.count < 40 {
            let x = i < a.count ? String(a[i]) : nil
            let y = i < b.count ? String(b[i]) : nil
            guard x != y else { continue }
            if let x { out.append("\(i + 1) -\(x)") }
            if let y { out.append("\(i + 1) +\(y)") }
        }
        return out.joined(separator: "\n")
    }

    /// A screen's styles, one letter a cell under its text: R reverse (the selection), A accent,
    /// W warning, D danger, G good (colours by role), B bold, m dim, u underline, . plain. A
    /// snapshot carries them, so losing the selection's reverse video fails a test.
    static func styles(_ b: ScreenBuffer) -> String {
        (0..<b.height).map { r in
            var line = ""
            for c in 0..<b.width where !b[r, c].continuation { line.append(code(b[r, c].style)) }
            while line.last == "." { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    static func code(_ s: Style) -> Character {
        if s.reverse { return "R" }
        switch s.role {
        case .accent: return "A"
        case .warning: return "W"
        case .danger: return "D"
        case .good: return "G"
        case .normal: break
        }
        if s.bold { return "B" }
        if s.dim { return "m" }
        if s.underline { return "u" }
        return "."
    }

    static func state(_ c: Catalogue) -> WizardState {
        WizardState(catalogue: c, today: today, now: "2026-11-23T10:00:00Z")
    }

    /// The smallest terminal the curses views draw in, as most tests render.
    static let screen = Viewport(width: 80, height: 24)

    /// Sends keys through the key map and reducer, as the run loop does; returns all effects.
    /// A key with no binding where it is pressed fails the test: a script that silently skips a
    /// key tests something other than what it says.
    @discardableResult
    static func press(_ s: inout WizardState, _ keys: [Key], unbound: Bool = false, sourceLocation: SourceLocation = #_sourceLocation)
        -> [Effect]
    {
        var effects: [Effect] = []
        for k in keys {
            guard let a = KeyMap.action(for: k, in: s) else {
                // `unbound: true` is for a test that presses a key to show it does nothing there.
                if !unbound { Issue.record("\(k) has no binding in \(KeyContext(s).name)", sourceLocation: sourceLocation) }
                continue
            }
            effects += Wizard.reduce(&s, a)
        }
        return effects
    }

    /// Sends keys as the curses run loop does: view actions (scrolling) to the viewport, every
    /// other action to the reducer, after which the viewport follows the state.
    @discardableResult
    static func press(
        _ s: inout WizardState, _ v: inout Viewport, _ keys: [Key], unbound: Bool = false, sourceLocation: SourceLocation = #_sourceLocation
    ) -> [Effect] {
        var effects: [Effect] = []
        v.follow(s)
        for k in keys {
            guard let a = KeyMap.action(for: k, in: s, viewport: v) else {
                // `unbound: true` is for a test that presses a key to show it does nothing there.
                if !unbound { Issue.record("\(k) has no binding in \(KeyContext(s, in: v).name)", sourceLocation: sourceLocation) }
                continue
            }
            if case .view(let change) = a {
                v.apply(change, to: s)
                continue
            }
            effects += Wizard.reduce(&s, a)
            v.follow(s)
        }
        return effects
    }

    static func type(_ text: String) -> [Key] { text.map { Key.char($0) } }

    /// PgDn through the five details forms to the immediate safety question.
    static let toDanger: [Key] = Array(repeating: .pageDown, count: FormPage.allCases.count)

    /// A state past the details and danger screens, on the first domain.
    static func onFirstDomain(_ c: Catalogue, name: String = "Jo Bloggs", dob: String = "2019-05-01") -> WizardState {
        var s = state(c)
        press(&s, [.enter])  // New assessment
        press(&s, [.enter] + type(name) + [.enter])
        press(&s, [.down, .enter] + type(dob) + [.enter])
        press(&s, toDanger)
        s.cursor = 1  // "No"
        press(&s, [.enter])
        return s
    }
}
