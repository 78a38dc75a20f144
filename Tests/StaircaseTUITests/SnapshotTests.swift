import Foundation
import StaircaseCore
import Testing

@testable import StaircaseTUI

/// Every screen rendered from the real Durham catalogue at 80×24 and 120×40, compared with text
/// golden files in Snapshots/. Set STAIRCASE_RECORD=1 to re-record after an intended change.
@Suite struct SnapshotTests {
    static let sizes = [(80, 24), (120, 40)]

    static func durhamState() throws -> WizardState {
        let c = try EmbeddedCatalogue.load()
        var s = WizardState(catalogue: c, today: Support.today, now: "2026-11-23T10:00:00Z")
        s.resumable = [ResumeItem(id: "a-1", label: "J. S. · changed 2026-11-20 10:45 · 13 of 80 rows · Level 3")]
        return s
    }

    /// A ten-year-old with a few answers, on the first domain.
    static func inProgress() throws -> WizardState {
        var s = try durhamState()
        Support.press(
            &s, [.enter, .enter] + Support.type("Jamie Smith") + [.enter, .down, .enter] + Support.type("2016-04-12") + [.enter])
        Support.press(&s, Support.toDanger + [.up, .enter])
        // k then j: back on the third row by moving, so e writes the note of the row shown, not
        // of the row just rated ("rate, then e" is ShownIsRecordedTests').
        Support.press(
            &s,
            [.char("1"), .char("2"), .char("k"), .char("j"), .char("e")] + Support.type("Reading age two years behind") + [
                .enter, .char("3"),
            ])
        return s
    }

    static func screens() throws -> [(String, WizardState)] {
        var out: [(String, WizardState)] = []
        out.append(("start", try durhamState()))
        var retention = try durhamState()
        retention.retentionDays = 90
        retention.resumable = [
            ResumeItem(id: "a-1", label: "J.S.  2026-11-20 10:45  13/80 rows  Level 3", lastChange: "2026-11-20T10:45:00Z"),
            ResumeItem(id: "a-2", label: "K.L.  2026-07-01 09:00  40/80 rows  Level 2", lastChange: "2026-07-01T09:00:00+01:00"),
            ResumeItem(id: "a-3", label: "M.P.  2026-05-12 14:30  80/80 rows  Level 4 (decided)", lastChange: "2026-05-12T14:30:00Z"),
        ]
        out.append(("start-retention", retention))
        var details = try durhamState()
        Support.press(
            &details, [.enter, .enter] + Support.type("Jamie Smith") + [.enter, .down, .enter] + Support.type("2016-04-12") + [.enter])
        out.append(("details", details))
        out += forms(details)
        var danger = details
        Support.press(&danger, Support.toDanger + [.up, .up, .enter])
        out.append(("danger-yes", danger))
        let domain = try inProgress()
        out.append(("domain", domain))
        var expanded = domain
        Support.press(&expanded, [.up, .char("f")])
        out.append(("domain-expanded", expanded))
        var filtered = domain
        Support.press(&filtered, [.char("/")] + Support.type("bully") + [.enter])
        out.append(("domain-filtered", filtered))
        var voice = domain
        Support.press(&voice, [.tab, .tab, .tab, .enter] + Support.type("Bruises seen twice at school; she says she fell") + [.enter])
        Support.press(&voice, [.down, .enter] + Support.type("Close to her brother") + [.enter])
        // Down past the domains and advice to early help, ticked.
        Support.press(&voice, Array(repeating: .down, count: voice.catalogue.domains.count + 2) + [.enter])
        out.append(("voice", voice))
        var household = voice
        Support.press(&household, [.tab, .char("y"), .enter] + Support.type("Police called in October") + [.enter])
        Support.press(&household, [.down, .char("n"), .down, .down, .char("k")])
        out.append(("household", household))
        var review = household
        Support.press(&review, [.tab])
        out.append(("review", review))
        var mismatch = voice
        // Advice instead of early help, on a Level 3 proposal: the decision says it is worth a second look.
        Support.press(&mismatch, [.char(" "), .up, .char(" "), .tab, .tab, .tab])
        out.append(("decision-mismatch", mismatch))
        var decision = review
        Support.press(&decision, [.tab, .char("4"), .char("s")])
        out.append(("decision-override", decision))
        var categories = decision
        Support.press(&categories, [.char("r")] + Support.type("Police protection sought") + [.enter, .enter, .char("1"), .char("4")])
        out.append(("decision-categories", categories))
        var help = domain
        Support.press(&help, [.char("?")])
        out.append(("help", help))
        out.append(("merge", try merge()))
        out += chronology(domain)
        return out
    }

    /// The chronology (issue 25): a row with events (its panel says their span), the list with
    /// the selected event in full, and the event editor opened from a row with a refused date.
    static func chronology(_ domain: WizardState) -> [(String, WizardState)] {
        let t = Support.type
        var s = domain
        let events: [(String, String, String)] = [
            ("2026-06-14", "Told her teacher there was no food at home over the weekend", "Class teacher"),
            ("about 2026-09", "Seen by the school nurse for a cut that had not been cleaned or dressed", "School nurse"),
            ("2026-11-02", "Missed four days of school; mother said she was ill but no one saw her", "Attendance officer"),
        ]
        for (date, what, source) in events {
            Support.press(&s, [.char("c")] + t(date) + [.enter] + t(what) + [.enter] + t(source) + [.enter, .enter])
        }
        var out: [(String, WizardState)] = [("domain-events", s)]
        var list = s
        Support.press(&list, [.char("h"), .char("j")])
        out.append(("chronology", list))
        var editor = s
        Support.press(&editor, [.char("j"), .char("c")] + t("2026-13-01") + [.enter])
        out.append(("event-editor", editor))
        return out
    }

    /// A recovery copy brought back after another window saved: the merge screen on its second part.
    static func merge(at keys: [Key] = [.down, .char("c")]) throws -> WizardState {
        var s = try durhamState()
        let (saved, copy) = try MergeScreenTests.pair(s.catalogue)
        _ = Wizard.reduce(&s, .broughtBack(.success(.changed(saved: saved, copy: copy, copyID: "recovery/a-1"))))
        Support.press(&s, keys)
        return s
    }

    /// Each of the details forms filled in by keys, as a practitioner would: a carer open, the
    /// family list, agencies, the referrer, consent and sharing, and a family list too long to fit.
    static func forms(_ details: WizardState) -> [(String, WizardState)] {
        let t = Support.type
        var out: [(String, WizardState)] = []
        var s = details
        Support.press(&s, [.pageDown, .enter, .enter] + t("Sam Smith") + [.enter, .down, .enter] + t("mother") + [.enter])
        Support.press(&s, [.down, .char(" "), .down, .char(" "), .down, .enter] + t("07700 900123") + [.enter])
        out.append(("details-carer", s))
        Support.press(&s, [.escape, .down, .down, .enter, .enter] + t("Lee Smith") + [.enter, .down, .enter] + t("brother") + [.enter])
        Support.press(&s, [.down, .char(" "), .escape])
        out.append(("details-family", s))
        var long = s
        long.assessment?.household += (1...14).map { Assessment.HouseholdMember(name: "Cousin \($0)", relationship: "cousin") }
        Support.press(&long, Array(repeating: .down, count: 16))
        out.append(("details-family-scrolled", long))
        Support.press(
            &s, [.pageDown, .char(" "), .down, .enter] + t("Pat Jones") + [.enter, .down, .enter, .enter] + t("Riverside Primary School"))
        Support.press(&s, [.enter, .down, .enter] + t("Ms Khan") + [.enter, .down, .enter] + t("01234 567890") + [.enter])
        Support.press(&s, [.down, .enter] + t("Class teacher; sees her daily") + [.enter, .escape])
        out.append(("details-agencies", s))
        Support.press(&s, [.pageDown, .enter] + t("Alex Green") + [.enter, .down, .enter] + t("Durham Health Visiting") + [.enter])
        Support.press(&s, [.down, .enter] + t("Health visitor") + [.enter, .down, .enter] + t("0191 000 0000") + [.enter])
        out.append(("details-referrer", s))
        Support.press(&s, [.pageDown, .char(" "), .down, .char(" "), .down, .char(" "), .char(" "), .down, .enter])
        Support.press(&s, t("Family could not be reached today") + [.enter])
        out.append(("details-consent", s))
        return out
    }

    @Test(arguments: sizes.map { "\($0.0)x\($0.1)" })
    func screensMatchSnapshots(size: String) throws {
        let parts = size.split(separator: "x").compactMap { Int($0) }
        for (name, state) in try Self.screens() {
            let rendered = View.render(state, in: Viewport(width: parts[0], height: parts[1]))
            #expect(rendered.lines.allSatisfy { DisplayWidth.of($0) <= parts[0] })
            let golden = rendered.text + "\n--- styles ---\n" + Support.styles(rendered) + "\n"
            try Support.expectGolden(golden, "Snapshots/\(name)-\(size).txt", "\(name) at \(size)")
        }
    }

    @Test func theSelectedRowIsDrawnInReverseVideoAndTheGoldenSaysSo() throws {
        let s = try Self.inProgress()
        let rendered = View.render(s, in: Support.screen)
        let title = try #require(s.selectedRowID(domain: 0)).isEmpty ? "" : s.rowTitle(s.selectedRowID(domain: 0) ?? "")
        let row = try #require(rendered.lines.firstIndex { $0.contains(title) })
        let styles = Support.styles(rendered).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(styles[row].contains("R"), "the selection bar is reverse video")
        var plain = rendered
        plain.fill(row: row, from: 0, to: plain.width, style: .plain)
        #expect(Support.styles(plain) != Support.styles(rendered), "a lost highlight changes the golden")
    }

    @Test(arguments: [Overlay.confirmReplace, .confirmQuit])
    func aDialogClearsTheRowsItStandsOnEdgeToEdge(overlay: Overlay) throws {
        var s = try Self.inProgress()
        s.overlay = overlay
        s.replacePath = "/home/someone/Documents/referral-MT-2026-12-07.txt"
        let b = View.render(s, in: Support.screen)
        let top = try #require(b.lines.firstIndex { $0.contains("┌") })
        let bottom = try #require(b.lines.firstIndex { $0.contains("└") })
        for line in b.lines[top...bottom] {
            let left = line.prefix { $0 != "┌" && $0 != "│" && $0 != "└" }
            #expect(left.allSatisfy { $0 == " " }, "the screen behind shows beside the dialog: \(line)")
        }
    }

    @Test func wideAndCombiningNamesKeepColumnsAligned() throws {
        var s = try Self.inProgress()
        s.assessment?.child.name = "Zoë 山田"
        let b = View.render(s, in: Support.screen)
        #expect(b.lines[0].hasSuffix("Z. 山. · 10 years"))
        #expect(b.lines.allSatisfy { DisplayWidth.of($0) <= 80 })
    }
}
