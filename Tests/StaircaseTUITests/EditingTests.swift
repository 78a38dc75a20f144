import StaircaseCore
import Testing

@testable import StaircaseTUI

/// Readline keys in text fields, toggles, forms that stop at their ends, the export file
/// name, and the ASCII marks.
@Suite struct EditingTests {
    let c: Catalogue
    init() throws { c = try Support.minimal() }

    /// The name field open with `text` typed.
    func editing(_ text: String) -> WizardState {
        var s = Support.state(c)
        Support.press(&s, [.enter, .enter] + Support.type(text))
        return s
    }

    @Test func readlineKeysEditTheField() {
        var s = editing("Jo Anne Smith")
        Support.press(&s, [.ctrl("a"), .delete])
        #expect(s.editor?.text == "o Anne Smith")
        Support.press(&s, [.ctrl("e"), .ctrl("w")])
        #expect(s.editor?.text == "o Anne ")
        Support.press(&s, [.altLeft, .ctrl("k")])
        #expect(s.editor?.text == "o ")
        Support.press(&s, Support.type("Bea") + [.home, .altRight, .ctrl("u")])
        #expect(s.editor?.text == " Bea")
        Support.press(&s, [.end, .backspace, .enter])
        #expect(s.assessment?.child.name == "Be")
    }

    @Test func togglesChangeWithSpaceAndArrowsAndFormsStopAtTheirEnds() {
        var s = Support.state(c)
        Support.press(&s, [.enter, .up])
        #expect(s.cursor == 0, "↑ on the first field stays there")
        Support.press(&s, [.down, .down, .char(" ")])
        #expect(s.assessment?.child.unborn == true)
        #expect(Wizard.formRows(s)[s.cursor] == .field(.unborn), "the cursor stays on the toggle as the date fields swap")
        Support.press(&s, Array(repeating: .down, count: 20))
        #expect(Wizard.formRows(s)[s.cursor] == .next, "↓ stops at Continue")
        Support.press(&s, Array(repeating: .pageDown, count: 4))
        #expect(s.formPage == .consent && s.cursor == 0)
        Support.press(&s, [.right])
        #expect(s.assessment?.consent.status == .given)
        Support.press(&s, [.left, .left])
        #expect(s.assessment?.consent.status == .notSought)
    }

    @Test func theExportNameIsRelativeToTheFolderAndFollowsTheFormat() {
        var s = Support.onFirstDomain(c)
        s.exportDirectory = "/home/u/Documents"
        s.screen = .export
        #expect(s.resolvedExportPath == "/home/u/Documents/referral-JB-2026-11-23.md")
        Support.press(&s, [.char("e")])
        #expect(s.editor?.text == "referral-JB-2026-11-23.md", "the first e shows the name, not an empty field")
        Support.press(&s, [.ctrl("u")] + Support.type("case.md") + [.enter, .down, .down])
        #expect(s.resolvedExportPath == "/home/u/Documents/case.html")
        s.exportPath = "/tmp/elsewhere.notes"
        #expect(s.resolvedExportPath == "/tmp/elsewhere.notes.html")
    }

    @Test func asciiMarksAreDistinctAndKeepTheirMeaning() {
        let marks = ["[ ]", "[–]", "✎", "†", "▸", "◀", "…", "✗", "✓"].map(Glyphs.ascii)
        #expect(marks == ["[ ]", "[-]", "*", "+", ">", "<", "...", "!", "x"])
        #expect(Set(marks).count == marks.count)
        #expect(Glyphs.ascii("Child’s “voice” — 山") == "Child's \"voice\" - ??")
    }

    /// A document wrapped to 80 columns with "→" in it: in ASCII each arrow takes two, and the
    /// line is broken again at a space under its own indent, so nothing passes column 80.
    @Test func asciiDocumentsStayWithinEightyColumns() {
        let line = "  Parental drug and alcohol use: Level 2 → Level 3 (up; real change) → now at Level 3 →"
        #expect(DisplayWidth.of(line) <= 80 + 10)
        let fitted = Glyphs.asciiFitted(line + "\nshort line\n", width: 80)
        let lines = fitted.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.utf8.count <= 80 }, "\(lines)")
        #expect(lines.count == 4, "one line broken in two, the short line and the last newline kept: \(lines)")
        #expect(lines[1].hasPrefix("  ") && !lines[1].hasPrefix("   "), "the break goes on under the line's indent")
        #expect(fitted.replacingOccurrences(of: "\n  ", with: " ") == Glyphs.ascii(line) + "\nshort line\n")
        #expect(Glyphs.asciiFitted("short → line") == "short -> line")
        let word = String(repeating: "x", count: 90)
        #expect(Glyphs.asciiFitted(word) == word, "a word longer than the line is left whole")
    }

    @Test func cutTextEndsInOneEllipsisCellByDisplayWidth() {
        var b = ScreenBuffer(width: 10, height: 2)
        b.put("Parenting during pregnancy", row: 0, column: 0)
        #expect(b.lines[0] == "Parenting…")
        b.put("山田山田山田", row: 1, column: 0, limit: 6)
        #expect(b.lines[1] == "山田…")
        b.ascii = true
        b.put("Parenting during pregnancy", row: 0, column: 0)
        #expect(b.lines[0] == "Parenti...")
    }

    @Test func anAsciiScreenHasNothingButAscii() throws {
        var s = try SnapshotTests.inProgress()
        s.ascii = true
        for screen in [
            s,
            {
                var r = s; Support.press(&r, [.tab, .tab, .tab, .tab, .tab]); return r
            }(),
        ] {
            let text = View.render(screen, in: Support.screen).text
            #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "\(text)")
            #expect(View.render(screen, in: Support.screen).lines.allSatisfy { $0.count <= 80 })
        }
    }
}
