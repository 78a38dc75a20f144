import Foundation
import Testing

@testable import StaircaseCore

/// Every format of a realistic Level 3 and Level 4 summary, compared byte for byte with the files
/// in Golden/ (STAIRCASE_RECORD=1 re-records), plus the content those files must carry.
@Suite struct ExportGoldenTests {
    static let cases: [(String, Bool)] = [("level3", false), ("level4", false), ("level4", true)]

    @Test(arguments: ExportFormat.allCases)
    func goldenFiles(format: ExportFormat) throws {
        for (name, redact) in Self.cases {
            let out = try ExportSupport.render(name, format, redact: redact)
            try ExportSupport.expectGolden(out, name + (redact ? "-redacted" : "") + "." + format.fileExtension)
        }
    }

    @Test func sameInputsGiveIdenticalBytes() throws {
        for format in ExportFormat.allCases {
            for (name, redact) in Self.cases {
                let first = try ExportSupport.render(name, format, redact: redact)
                let second = try ExportSupport.render(name, format, redact: redact)
                #expect(Data(first.utf8) == Data(second.utf8), "\(name) \(format) differs between runs")
            }
        }
    }

    @Test func levelThreeCarriesTheContentInOrder() throws {
        let md = try ExportSupport.render("level3", .markdown)
        let order = [
            "# Children's Services referral summary",
            "**Immediate danger:** no",
            "**Child:** Jamie Smith, 10 years (born 2016-04-12); now: At school",
            "**Decided:** Level 3, step 3: Targeted Response (as proposed)",
            "**Household:** lives with Dana Smith (mother), Rory Smith (brother)",
            "**Consent:** given; lawful basis public task",
            "**Referrer:** Alex Morgan, Designated Safeguarding Lead, Greenfield Primary School; 01388 000000, `alex.morgan@greenfield.example.sch.uk`",
            "**Still lacks:** nothing", "**Date:** 2026-11-20 10:45 +00:00 (decision)",
            "## Flags", "Combination of needs", "**Not yet assessed:** 1 of 6 rows for the child's age (Parenting 1)",
            "## Evidence: needs above Level 1 (descriptors are the document's wording)", "Level 3: Row one (Child)",
            "**Durham Level 3 descriptor:** “Row one: complex needs.”",
            "> Reading age is two years behind; attendance 84% this term.\\", "> Missed the last two hearing appointments.",
            "Level 2: Row three (Child)", "Level 2: Mental health (Parenting)", "Level 2: Housing (Family)",
            "## The child, family and agencies", "**Address:** 14 Example Terrace",
            "**Communication:** None known; first language English; no interpreter needed",
            "**What is working well:**", "close bond with his older brother",
            "**The child's wishes and feelings, in their words:**", "\"I like school when it's art.\"",
            "**Carer:** Dana Smith (mother): parental responsibility; lives with the child",
            "**Sibling:** Rory Smith (brother)", "**Team Around the Family:** none", "**Agency:** School nursing, Priya Shah",
            "## About this summary", "test-minimal 1; assessment golden-level3", "Single Assessment: <http://www.durham-lscb.org.uk/",
        ]
        var from = md.startIndex
        for piece in order {
            guard let r = md.range(of: piece, range: from..<md.endIndex) else {
                Issue.record("missing or out of order: \(piece)")
                continue
            }
            from = r.upperBound
        }
        #expect(!md.contains("IMMEDIATE DANGER"))
        #expect(!md.contains("Categories of concern"))
        #expect(!md.contains("Row two"), "a pre-birth row is not listed as missing for a ten-year-old")
        #expect(!md.contains("Proposed:"), "a decision that accepts the proposal does not repeat it")
        #expect(!md.contains("Income — Level"), "a Level 1 row is not listed among the needs")
        #expect(!md.contains("Domestic abuse"), "titles of rows not yet assessed are in the HTML and JSON only")
        #expect(!md.contains("Course of action") && !md.contains("must be undertaken"), "no action addressed to the referrer")
        #expect(try ExportSupport.render("level3", .html).contains("Domestic abuse"))
    }

    @Test func levelFourLeadsWithDangerAndNamesTheOverride() throws {
        let s = try ExportSupport.summary("level4")
        #expect(s.proposed?.step == 4)
        #expect(s.decided?.step == 5)
        #expect(s.differsFromProposal)
        #expect(s.courseOfAction?.level == 4 && s.courseOfAction?.basis == .decided)
        #expect(s.flags.map(\.kind) == [.immediateDanger, .combination, .toxicTrio])
        #expect(s.concernCategories.map(\.name) == ["Physical abuse", "Neglect"])
        #expect(s.immediateDanger.advice.map(\.phone) == ["999", "03000 26 79 79"])
        #expect(s.domains.first?.notAssessed.map(\.id) == ["a1.r2"], "pre-birth rows count for a baby")

        let text = try ExportSupport.render("level4", .text)
        let lines = text.split(separator: "\n").map(String.init)
        let danger = try #require(lines.firstIndex(of: "IMMEDIATE DANGER"))
        #expect(danger < 4, "the danger notice is at the top")
        #expect(text.contains("Police or ambulance: 999"))
        #expect(text.contains("First Contact: 03000 26 79 79"))
        #expect(text.contains("Why decided differently:"))
        #expect(text.contains("Police protection is being sought."))
        #expect(text.contains("Categories of concern"))
        #expect(text.contains("Toxic trio:"))
    }

    @Test func courseOfActionFollowsTheDecidedLevel() throws {
        let c = try ExportSupport.catalogue()
        var a = try ExportSupport.assessment("level3", catalogue: c)
        a.decision = Assessment.Decision(level: 2, step: 2, reason: "Mother has asked for help herself.", decidedAt: "2026-11-20T11:00:00Z")
        let s = ReferralSummary.build(catalogue: c, assessment: a, proposal: ScoringEngine(catalogue: c).propose(a), redact: false)
        #expect(s.courseOfAction?.level == 2)
        #expect(s.courseOfAction?.steps.first?.furtherAssessment.hasPrefix("If a number of issues") == true)
        #expect(s.differsFromProposal)
        #expect(s.dateTime == "2026-11-20T11:00:00Z")

        a.decision = nil
        let undecided = ReferralSummary.build(catalogue: c, assessment: a, proposal: ScoringEngine(catalogue: c).propose(a), redact: false)
        #expect(undecided.courseOfAction?.basis == .proposed)
        #expect(undecided.dateSource == .lastChange && undecided.dateTime == "2026-11-20T10:45:00+00:00")
        #expect(MarkdownRenderer.render(undecided).contains("**Decided:** not yet decided"))
    }

    @Test func textLinesFitEightyColumns() throws {
        for name in ["level3", "level4", "hostile"] {
            let text = try ExportSupport.render(name, .text)
            for line in text.split(separator: "\n") {
                #expect(DisplayWidth.of(line) <= 80, "\(name): \(line.prefix(40))… is wider than 80 columns")
            }
        }
    }

    @Test func trainingRunsSaySoAtTheTop() throws {
        let c = try ExportSupport.catalogue()
        var a = try ExportSupport.assessment("level3", catalogue: c)
        a.training = true
        for format in [ExportFormat.markdown, .text, .html] {
            let out = ReferralExporter.render(format: format, catalogue: c, assessment: a, redact: false)
            let notice = try #require(out.range(of: "TRAINING RUN"), "\(format)")
            let child = try #require(out.range(of: "The child"), "\(format)")
            #expect(notice.lowerBound < child.lowerBound, "\(format): the notice comes before the case details")
        }
        let json = try JSONValue.parse(ReferralExporter.render(format: .json, catalogue: c, assessment: a, redact: false))
        #expect(json["training"] == .bool(true))
    }
}
