import Foundation
import Testing

@testable import StaircaseCore

/// `--redact`: initials for names, an age band for the date of birth, no referrer contact, the
/// notes kept, and the summary says so.
@Suite struct ExportRedactionTests {
    @Test func initials() {
        #expect(ExportText.initials("Jamie Smith") == "J. S.")
        #expect(ExportText.initials("  siân   o'neill-jones ") == "S. O.")
        #expect(ExportText.initials("Łukasz") == "Ł.")
        #expect(ExportText.initials("") == "")
        #expect(ExportText.initials("Jamie <script>") == "J. S.", "only letters become initials")
        #expect(ExportText.initials("\u{1B}[31m") == "M.", "an escape sequence is cleaned before initials are taken")
    }

    @Test(arguments: [
        ("2026-11-20", false, "under 1"), ("2025-11-21", false, "under 1"), ("2025-11-20", false, "1–4"),
        ("2021-11-21", false, "1–4"), ("2021-11-20", false, "5–10"), ("2015-11-21", false, "5–10"),
        ("2015-11-20", false, "11–15"), ("2010-11-20", false, "16–19"), ("2006-11-21", false, "16–19"),
        ("2006-11-20", false, "20 or over"), ("", true, "unborn"),
    ])
    func ageBands(dob: String, unborn: Bool, band: String) {
        var child = Assessment.Child()
        child.dateOfBirth = dob.isEmpty ? nil : dob
        child.unborn = unborn
        #expect(ExportText.ageBand(child, on: CalendarDate(year: 2026, month: 11, day: 20) ?? .unknownDay) == band)
    }

    @Test(arguments: ExportFormat.allCases)
    func redactedOutputHoldsNoIdentifyingDetail(format: ExportFormat) throws {
        let out = try ExportSupport.render("level3", format, redact: true)
        // The child's first name in the strengths note stays: free text is kept as written.
        for secret in ["Jamie Smith", "Smith", "2016-04-12", "10 years", "Alex", "Morgan", "alex.morgan@"] {
            #expect(!out.contains(secret), "\(format) still shows \(secret)")
        }
        #expect(out.contains("J. S.") && out.contains("A. M."))
        #expect(out.contains("5–10"))
        #expect(out.contains("REDACTED") || format == .json)
        #expect(out.contains("Reading age is two years behind"), "notes are kept")
        #expect(out.contains("Greenfield Primary School"), "the agency is kept")
    }

    @Test func redactedModel() throws {
        let s = try ExportSupport.summary("level4", redact: true)
        #expect(s.redacted)
        #expect(s.child.name == "K. B.")
        #expect(s.child.dateOfBirth == nil && s.child.age == nil && s.child.ageBand == "under 1")
        #expect(s.referrer.name == "S. P." && s.referrer.contact == nil)
        #expect(s.domains.flatMap(\.rows).allSatisfy { !$0.note.isEmpty })
    }

    @Test func unbornChildIsBandedUnbornWithoutTheExpectedDate() throws {
        let c = try ExportSupport.catalogue()
        var a = try ExportSupport.assessment("level4", catalogue: c)
        a.child = Assessment.Child()
        a.child.name = "Baby Brown"
        a.child.unborn = true
        a.child.expectedDate = "2027-01-10"
        let plain = ReferralSummary.build(catalogue: c, assessment: a, proposal: ScoringEngine(catalogue: c).propose(a), redact: false)
        #expect(plain.child.expectedDate == "2027-01-10" && plain.child.age == "unborn (due 2027-01-10)")
        #expect(MarkdownRenderer.render(plain).contains("**Child:** Baby Brown, unborn, expected 2027-01-10"))
        let redacted = ReferralExporter.render(format: .markdown, catalogue: c, assessment: a, redact: true)
        #expect(redacted.contains("**Child:** B. B., age band unborn"))
        #expect(!redacted.contains("2027-01-10"))
    }
}
