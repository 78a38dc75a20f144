import Foundation
import Testing

@testable import StaircaseCore

/// What a First Contact duty worker reads first: every item of the first screen within the first
/// 25 lines of the text summary (after the immediate-danger notice, when there is one), at every level; evidence highest level first; the line targets
/// for the Level 4 example and a fuller Level 3 case; the same order in Markdown and HTML.
@Suite struct TriageFirstTests {
    static func fuller() throws -> (Catalogue, Assessment) {
        let c = try Fixtures.durham()
        let path = Fixtures.testsDirectory.appendingPathComponent("Fixtures/level3-fuller-case.json").path
        return (c, try AssessmentLoader.load(path: path, catalogue: c))
    }

    static func text(_ c: Catalogue, _ a: Assessment, _ format: ExportFormat = .text) -> String {
        ReferralExporter.render(format: format, catalogue: c, assessment: a, redact: false)
    }

    /// The labels of the first screen that this record must show.
    static func items(_ s: ReferralSummary) -> [String] {
        var out = [s.immediateDanger.status == .no ? "Immediate danger: no" : "IMMEDIATE DANGER", "Child: ", "Decided: "]
        if s.decided == nil || s.differsFromProposal { out.append("Proposed: ") }
        if s.decided != nil && s.differsFromProposal { out.append("Why decided differently: ") }
        if (s.decided ?? s.proposed)?.level == 4 { out.append("Categories of concern: ") }
        out.insert("What we are worried about: ", at: 2)
        out += ["Help asked for: ", "Household: "]
        if !s.householdDifficulties.isEmpty { out.append("Household difficulties: ") }
        return out + ["Consent: ", "Referrer: ", "Still lacks: "]
    }

    @Test func theFirst25LinesHoldEveryTriageItemAtEveryLevel() throws {
        let (c, fuller) = try Self.fuller()
        let level3 = try TriageSummaryTests.example("level3-several-areas").1
        let level4 = try TriageSummaryTests.example("level4-immediate-danger").1
        var cases: [(String, Assessment)] = [("fuller", fuller), ("level3", level3), ("level4", level4)]
        for (level, step) in [(1, 1), (2, 2), (3, 3), (4, 5)] {
            for (name, base) in [("fuller", fuller), ("level4", level4)] {
                var a = base
                a.decision?.level = level
                a.decision?.step = step
                a.decision?.reason =
                    "A reason long enough to wrap: " + String(repeating: "the practitioner explains the decision at length. ", count: 8)
                cases.append(("\(name) decided Level \(level)", a))
            }
        }
        for (name, a) in cases {
            let summary = ReferralSummary.build(
                catalogue: c, assessment: a, proposal: ScoringEngine(catalogue: c).propose(a), redact: false)
            // The immediate-danger notice is not counted: it says to act now and whom to call,
            // and the 25 lines of the first screen follow it.
            let all = TextRenderer.render(summary).split(separator: "\n", omittingEmptySubsequences: false)
            let bars = all.indices.filter { all[$0].hasPrefix("!!!!!!!!") }
            let notice = summary.immediateDanger.status == .no || bars.count < 2 ? 0 : bars[1] - bars[0] + 2
            let top = all.prefix(25 + notice)
            for item in Self.items(summary) {
                #expect(top.contains { $0.hasPrefix(item) }, "\(name): \(item) is not in the first 25 lines")
            }
            #expect(top.contains { $0.hasPrefix("First Contact: ") } || a.immediateDanger == .no, "\(name): whom to call now")
        }
    }

    @Test func theLineTargetsHold() throws {
        let (c, fuller) = try Self.fuller()
        let level4 = try TriageSummaryTests.example("level4-immediate-danger").1
        let fullerLines = Self.text(c, fuller).split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let level4Lines = Self.text(c, level4).split(separator: "\n", omittingEmptySubsequences: false).count - 1
        // Issue 25 added the worry, the request and the household questions to the first screen
        // and the chronology (Level 4: two events, and each evidence row names its events) to the body.
        #expect(fullerLines <= 105, "the fuller Level 3 case has \(fullerLines) lines")
        #expect(level4Lines <= 130, "the Level 4 example has \(level4Lines) lines")
    }

    @Test func evidenceRowsAreOrderedByLevelHighestFirstThenByDomain() throws {
        let (c, a) = try Self.fuller()
        let lines = Self.text(c, a).split(separator: "\n").map(String.init)
        let rows = lines.filter { $0.hasPrefix("Level ") && $0.contains(" (") }
        let levels = rows.compactMap { Int(String($0.dropFirst(6).prefix(1))) }
        #expect(levels.count >= 6 && levels == levels.sorted(by: >), "\(levels)")
        #expect(rows.first == "Level 3: Emotional wellbeing (Child’s developmental needs)")
        #expect(
            rows[1] == "Level 3: Family financial resources (Family and environmental factors)",
            "a Level 3 row of a later domain comes before every Level 2 row")
        let domainOrder = c.domains.map(\.name)
        let level2Domains = rows.filter { $0.hasPrefix("Level 2") }.compactMap { row in domainOrder.firstIndex { row.hasSuffix("(\($0))") }
        }
        #expect(level2Domains == level2Domains.sorted())
    }

    @Test func descriptorsAreQuotedOnceOnOneLineInPlainTextAndWholeElsewhere() throws {
        let (c, a) = try Self.fuller()
        let lines = Self.text(c, a).split(separator: "\n").map(String.init)
        let descriptors = lines.filter { $0.hasPrefix("  Durham Level ") }
        #expect(descriptors.count == lines.filter { $0.hasPrefix("Level ") && $0.contains(" (") }.count)
        for (i, d) in descriptors.enumerated() {
            let next = try #require(lines.firstIndex(of: d)).advanced(by: 1)
            #expect(lines[next].hasPrefix("  |") || lines[next].hasPrefix("Level "), "descriptor \(i) takes one line: \(d)")
        }
        #expect(Self.text(c, a, .markdown).contains("and exploitative relationships with peers or adults.”"), "Markdown quotes it whole")
        #expect(
            lines.contains("Combination of needs: 8 rows at Level 2 or above across 7 areas (threshold 4")
                && !lines.contains { $0.contains("Remember that") })
    }

    @Test func markdownAndHTMLPutTheFirstScreenInTheSameOrderAsText() throws {
        let (c, a) = try Self.fuller()
        let labels = [
            "Immediate danger", "Child", "What we are worried about", "Decided", "Help asked for", "Household", "Household difficulties",
            "Consent", "Referrer", "Still lacks", "Date",
        ]
        let md = Self.text(c, a, .markdown)
        let html = Self.text(c, a, .html)
        func positions(_ doc: String, _ form: (String) -> String) -> [Int] {
            labels.map { doc.range(of: form($0)).map { doc.distance(from: doc.startIndex, to: $0.lowerBound) } ?? -1 }
        }
        let inMarkdown = positions(md) { "**\($0):**" }
        let inHTML = positions(html) { "<dt>\($0)</dt>" }
        #expect(!inMarkdown.contains(-1) && inMarkdown == inMarkdown.sorted(), "\(inMarkdown)")
        #expect(!inHTML.contains(-1) && inHTML == inHTML.sorted(), "\(inHTML)")
        #expect(inHTML.last ?? .max < html.range(of: "<h2>Flags</h2>").map { html.distance(from: html.startIndex, to: $0.lowerBound) } ?? 0)
        #expect(html.contains("<h2>Appendix: rows not yet assessed</h2>") && !md.contains("Appendix: rows not yet assessed"))
    }

    @Test func theReadersSummaryHasNoActionAddressedToTheReferrer() throws {
        let (c, a) = try Self.fuller()
        for format in [ExportFormat.text, .markdown, .html] {
            let out = Self.text(c, a, format)
            #expect(!out.contains("Action:") && !out.contains("must be undertaken") && !out.contains("If not already done"), "\(format)")
        }
    }

    @Test func consentRefusedWithAReasonIsHeadedAsARefusal() throws {
        let (c, a) = try Self.fuller()
        let text = Self.text(c, a)
        #expect(text.contains("Consent: refused;"))
        #expect(text.contains("Why the family refused:\n  | Mother agreed to school support"))
        #expect(!text.contains("Why agreement was not sought"))
    }

    @Test func communicationNeedsEndingInAFullStopJoinWithoutAStrayFullStop() throws {
        let (c, a) = try Self.fuller()
        let text = Self.text(c, a)
        #expect(text.contains("Communication: Speaks some English; first language Polish;"))
        #expect(!text.contains(".;"))
    }
}
