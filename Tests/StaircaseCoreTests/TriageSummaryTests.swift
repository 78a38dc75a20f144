import Foundation
import Testing

@testable import StaircaseCore

/// The summary as First Contact reads it, on the Durham examples: short, triage-first, the same
/// order in every format, names redacted everywhere, addresses whole and never live links.
@Suite struct TriageSummaryTests {
    static let examples = ["level3-several-areas", "level4-immediate-danger", "hostile"]

    static func example(_ name: String) throws -> (Catalogue, Assessment) {
        let c = try Fixtures.durham()
        return (c, try AssessmentLoader.load(path: Fixtures.projectFile("Data/examples/\(name).json"), catalogue: c))
    }

    static func render(_ name: String, _ format: ExportFormat, redact: Bool = false) throws -> String {
        let (c, a) = try example(name)
        return ReferralExporter.render(format: format, catalogue: c, assessment: a, redact: redact)
    }

    @Test func levelThreeTextFitsAndLeadsWithTriage() throws {
        let lines = try Self.render("level3-several-areas", .text).split(separator: "\n", omittingEmptySubsequences: false)
        // 110 and the final newline: issue 25 added the worry, the request, the household
        // questions and a chronology of five events (22 lines as a table).
        #expect(lines.count <= 111, "\(lines.count) lines")
        let top = lines.prefix(25).joined(separator: "\n")
        #expect(top.contains("Immediate danger: no"))
        #expect(top.contains("Child: J. S., 10 years (born 2016-04-12); now: At school"))
        #expect(top.contains("Decided: Level 3, step 3"))
        #expect(top.contains("Referrer: Alex Morgan, Designated Safeguarding Lead"))
        #expect(top.contains("What we are worried about: J. has been tearful"))
        #expect(top.contains("Help asked for: early help"))
        #expect(top.contains("Household difficulties: domestic abuse no;"))
        #expect(lines.prefix(35).joined().contains("Combination of needs"), "the flags follow the first screen")
    }

    @Test func levelFourLeadsWithDangerThenCategoriesBeforeFlagsAndEvidence() throws {
        let text = try Self.render("level4-immediate-danger", .text)
        let lines = text.split(separator: "\n").map(String.init)
        let danger = try #require(lines.firstIndex(of: "IMMEDIATE DANGER"))
        let child = try #require(lines.firstIndex { $0.hasPrefix("Child: Kai Brown") })
        let decided = try #require(lines.firstIndex { $0.hasPrefix("Decided: Level 4, step 5") })
        let categories = try #require(lines.firstIndex { $0.hasPrefix("Categories of concern: Physical abuse; Neglect") })
        let flags = try #require(lines.firstIndex { $0.hasPrefix("== Flags") })
        let evidence = try #require(lines.firstIndex { $0.hasPrefix("== Evidence") })
        #expect(danger < 4 && danger < child && child < decided && decided < categories && categories < flags && flags < evidence)
        #expect(child < 25 && decided < 25 && categories < 25)
    }

    @Test func everyFormatKeepsTheSameOrder() throws {
        for name in Self.examples {
            let md = try Self.render(name, .markdown).split(separator: "\n").filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3)) }
            let txt = try Self.render(name, .text).split(separator: "\n").filter { $0.hasPrefix("== ") }.map { line in
                String(line.dropFirst(3).reversed().drop { $0 == "=" || $0 == " " }.reversed())
            }
            let html = try Self.render(name, .html).split(separator: "\n").filter { $0.hasPrefix("<h2>") }.map {
                String($0.dropFirst(4).dropLast(5))
            }
            let plain = md.map { $0.replacingOccurrences(of: "\\", with: "") }
            #expect(plain == txt, "\(name): Markdown and text headings differ")
            // The HTML adds the appendix of rows not yet assessed, last.
            let shared = html.map { $0.replacingOccurrences(of: "&#39;", with: "'") }.filter { $0 != "Appendix: rows not yet assessed" }
            #expect(shared == txt, "\(name): HTML and text headings differ")
            #expect(txt.first == "Flags" && txt.last == "About this summary" || name == "hostile")
        }
    }

    @Test func dangerIsAlwaysStatedAndNotKnownIsNotNo() throws {
        var (c, a) = try Self.example("level3-several-areas")
        a.immediateDanger = .notKnown
        for format in [ExportFormat.text, .markdown, .html] {
            let out = ReferralExporter.render(format: format, catalogue: c, assessment: a, redact: false)
            #expect(out.contains("IMMEDIATE DANGER: NOT KNOWN"), "\(format)")
            #expect(out.contains("Find out now"), "\(format)")
            #expect(out.contains("First Contact: 03000 26 79 79"), "\(format): who to call")
        }
        a.immediateDanger = .no
        let no = ReferralExporter.render(format: .text, catalogue: c, assessment: a, redact: false)
        #expect(no.contains("Immediate danger: no") && !no.contains("IMMEDIATE DANGER"))
    }

    @Test func markdownDangerNoticeIsNotAQuote() throws {
        let md = try Self.render("level4-immediate-danger", .markdown)
        let lines = md.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: "**⚠ IMMEDIATE DANGER**"))
        #expect(lines[start - 2] == "***", "framed by a thematic break")
        for line in lines[start..<(start + 8)] { #expect(!line.hasPrefix(">"), "\(line)") }
        #expect(md.contains("\n> "), "evidence is still quoted")
    }

    @Test func descriptorsAreLabelledAsTheDocumentsWording() throws {
        let text = try Self.render("level3-several-areas", .text)
        #expect(text.contains("descriptors are the document's wording"))
        #expect(text.contains("  Durham Level 3 descriptor: “The child is becoming involved"))
        #expect(!text.contains("\nDescriptor:"))
        let json = try Self.render("level3-several-areas", .json)
        #expect(json.contains("\"shortName\" : \"Durham\""))
    }

    @Test func notAssessedRowsAreCountsWithTitlesInTheAppendix() throws {
        let text = try Self.render("level4-immediate-danger", .text)
        #expect(text.contains("Not yet assessed: 72 of 77 rows for the child's age"))
        #expect(
            !text.contains("Appendix: rows not yet assessed") && !text.contains("Developmental milestones"), "titles in HTML and JSON only")
        let html = try Self.render("level4-immediate-danger", .html)
        #expect(html.contains("<h2>Appendix: rows not yet assessed</h2>") && html.contains("Developmental milestones"))
        // A four-year-old: rows for older children are neither counted nor listed.
        #expect(!html.contains("Education, employment or training"))
        #expect(!html.contains("Sexual activity"))
        #expect(!html.contains("Support for success in employment"))
    }

    @Test func aLongAddressIsNeverBrokenInPlainText() throws {
        let text = try Self.render("level3-several-areas", .text)
        let url = "https://www.example.org/money-advice/durham/a-very-long-path/that-should-never-be-broken-across-lines?ref=school"
        #expect(text.split(separator: "\n").contains { $0.hasSuffix(url) && $0.hasPrefix("  | https://") })
        for name in Self.examples {
            for line in try Self.render(name, .text).split(separator: "\n") where DisplayWidth.of(line) > 80 {
                let words = line.split(separator: " ").filter { $0 != "|" }
                #expect(
                    words.count == 1 && TextRenderer.isLink(words[0]),
                    "\(name): only a lone address may pass 80 columns: \(line.prefix(40))")
            }
        }
    }

    @Test func leadingSpacesAreTreatedAlikeInEveryFormat() throws {
        var (c, a) = try Self.example("level3-several-areas")
        a.answers["education.academic-progress"]?.note = "   indented line\n\tand a tab\n  - not a list"
        let json = ReferralExporter.render(format: .json, catalogue: c, assessment: a, redact: false)
        #expect(json.contains("\"indented line\\nand a tab\\n- not a list\""))
        let text = ReferralExporter.render(format: .text, catalogue: c, assessment: a, redact: false)
        #expect(text.contains("  | indented line\n  | and a tab\n  | - not a list"))
        let md = ReferralExporter.render(format: .markdown, catalogue: c, assessment: a, redact: false)
        #expect(md.contains("> indented line\\\n> and a tab\\\n> \\- not a list"))
        let html = ReferralExporter.render(format: .html, catalogue: c, assessment: a, redact: false)
        #expect(html.contains("<blockquote>indented line\nand a tab\n- not a list</blockquote>"))
    }

    @Test func printStylesheetSetsA4AndKeepsLabelsWithTheirText() throws {
        let html = try Self.render("level3-several-areas", .html)
        #expect(html.contains("@page { size: A4; margin: 20mm 18mm 20mm 18mm; }"))
        #expect(html.contains("h1, h2, h3, .label, dt, .alert-title { break-after: avoid; page-break-after: avoid; }"))
        #expect(html.contains("orphans: 3; widows: 3;"))
    }

    @Test func levelFourWithoutCategoriesWarns() throws {
        var (c, a) = try Self.example("level4-immediate-danger")
        a.concernCategories = []
        let s = ReferralSummary.build(catalogue: c, assessment: a, proposal: ScoringEngine(catalogue: c).propose(a), redact: false)
        #expect(s.warnings.count == 1)
        let text = TextRenderer.render(s)
        #expect(text.contains("WARNING") && text.contains("no category of concern is chosen"))
    }

    @Test func timesShowTheirOffset() throws {
        var (c, a) = try Self.example("level3-several-areas")
        a.decision?.decidedAt = "2026-07-01T10:45:00+01:00"
        let text = ReferralExporter.render(format: .text, catalogue: c, assessment: a, redact: false)
        #expect(text.contains("Date: 2026-07-01 10:45 +01:00 (decision)"))
    }

    /// Every name the record knows, and each word of it, as the redaction test looks for them.
    static func names(in a: Assessment) -> [String] {
        let all =
            [a.child.name, a.referrer.name, a.leadProfessional.name] + a.carers.map(\.name) + a.household.map(\.name)
            + a.agencies.map(\.worker)
        var out: [String] = []
        for name in all {
            let personal = Redactor.personalPart(name)
            out.append(personal)
            out += personal.split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "-" }).map(String.init)
        }
        // Initials ("J. S.") are what a redacted summary shows; every other name must go.
        return out.filter { $0.split(separator: " ").contains { $0.filter(\.isLetter).count >= 2 } }
    }

    static func containsWord(_ text: String, _ word: String) -> Bool {
        let hay = Array(text.lowercased())
        let needle = Array(word.lowercased())
        guard !needle.isEmpty, hay.count >= needle.count else { return false }
        for i in 0...(hay.count - needle.count) where hay[i..<(i + needle.count)].elementsEqual(needle) {
            let before = i == 0 ? " " : hay[i - 1]
            let after = i + needle.count == hay.count ? " " : hay[i + needle.count]
            if !(before.isLetter || before.isNumber) && !(after.isLetter || after.isNumber) { return true }
        }
        return false
    }

    @Test func aRedactedSummaryContainsNoneOfTheRecordsNames() throws {
        var checked = 0
        for name in ["level3-several-areas", "level4-immediate-danger"] {
            let (_, a) = try Self.example(name)
            let names = Self.names(in: a)
            #expect(names.contains("Dana") || names.contains("Megan"), "the example names carers")
            for format in ExportFormat.allCases {
                let out = try Self.render(name, format, redact: true)
                for n in names {
                    #expect(!Self.containsWord(out, n), "\(name) \(format) still contains \(n)")
                    checked += 1
                }
            }
        }
        let c = try Fixtures.minimal()
        for name in ["level3", "level4"] {
            let a = try ExportSupport.assessment(name, catalogue: c)
            for format in ExportFormat.allCases {
                let out = ReferralExporter.render(format: format, catalogue: c, assessment: a, redact: true)
                for n in Self.names(in: a) {
                    #expect(!Self.containsWord(out, n), "golden \(name) \(format) still contains \(n)")
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
    }

    @Test func theRedactionBannerSaysWhatWasReplacedAndWhatToCheck() throws {
        let text = try Self.render("level4-immediate-danger", .markdown, redact: true)
        #expect(text.contains("REDACTED"))
        #expect(
            text.contains(
                "the child, parents and carers, household members and siblings, the referrer, the Lead Professional and agency workers"))
        #expect(text.contains("check them by hand"))
        #expect(text.contains("\\[child\\]"), "a first name inside free text is replaced")
        let json = try Self.render("level4-immediate-danger", .json, redact: true)
        #expect(json.contains("\"agencyWorker\""))
    }

    @Test func redactorMatchesWholeWordsOnly() {
        var a = Assessment(id: "a", createdAt: "2026-11-20T10:00:00Z", catalogue: .init(id: "x", version: "1"))
        a.child.name = "Jamie Smith"
        a.carers = [.init(name: "Mrs Ann Smith")]
        let r = Redactor(a)
        #expect(
            r.apply("JAMIE told Ann; Jamie's mum (Mrs Smith) is Annabel's friend.")
                == "[child] told [carer]; [child]'s mum (Mrs [child]) is Annabel's friend.")
        #expect(r.kinds == [.child, .carer])
    }

    @Test func aRoleInANameFieldIsReplacedAsAPhraseNotWordByWord() {
        var a = Assessment(id: "a", createdAt: "2026-11-20T10:00:00Z", catalogue: .init(id: "x", version: "1"))
        a.referrer.name = "Class Teacher"
        a.carers = [.init(name: "Jane Head")]
        let r = Redactor(a)
        #expect(
            r.apply("The class teacher told another teacher; Mrs Head agreed with the Class Teacher.")
                == "The [referrer] told another teacher; Mrs [carer] agreed with the [referrer].",
            "a role's words stay ordinary words; a surname that is also a role word is still a name")
    }

    @Test func typedAddressesAreNeverLiveLinksInGitHubMarkdown() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("staircase-gfm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let c = try Fixtures.durham()
        let allowed = Set(c.services.compactMap(\.url))
        var files: [String] = []
        for name in Self.examples {
            for redact in [false, true] {
                let path = dir.appendingPathComponent("\(name)-\(redact).md").path
                try Data(try Self.render(name, .markdown, redact: redact).utf8).write(to: URL(fileURLWithPath: path))
                files.append(path)
            }
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Fixtures.projectFile("Scripts/render-gfm.py")] + files
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let problem = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Issue.record("this test renders with cmark-gfm: pip install cmarkgfm (\(String(decoding: problem, as: UTF8.self).suffix(200)))")
            return
        }
        let rows = String(decoding: data, as: UTF8.self).split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(rows.filter { $0.last == "(rendered)" }.count == files.count, "every file was rendered")
        let hrefs = rows.filter { $0.count == 2 && $0[1] != "(rendered)" }.map { $0[1].replacingOccurrences(of: "&amp;", with: "&") }
        #expect(!hrefs.isEmpty, "the catalogue's own service links are live")
        for href in hrefs { #expect(allowed.contains(href), "a live link that is not the catalogue's: \(href)") }
    }
}

extension TriageSummaryTests {
    /// A note on a row at Level 1 (a strength seen) or not applicable (why it does not apply) is
    /// evidence too: every format carries it, labelled with the row and its answer, and redacted.
    @Test func notesOnLevelOneAndNotApplicableRowsReachEveryFormat() throws {
        var (c, a) = try Self.example("level3-several-areas")
        let rows = c.allIndicators.map(\.indicator.id).filter { a.rating(of: $0) == .notAssessed }
        try #require(rows.count >= 2)
        a.answers[rows[0]] = Assessment.Answer(.level1, note: "Reads every night with her dad")
        a.answers[rows[1]] = Assessment.Answer(.notApplicable, note: "No siblings in the household")
        for format in [ExportFormat.text, .markdown, .html, .json] {
            let out = ReferralExporter.render(format: format, catalogue: c, assessment: a, redact: false)
            #expect(out.contains("Reads every night with her dad"), "\(format)")
            #expect(out.contains("No siblings in the household"), "\(format)")
            if format != .json { #expect(out.contains("Other evidence notes"), "\(format)") }
        }
        let summary = ReferralSummary.build(catalogue: c, assessment: a, proposal: ScoringEngine(catalogue: c).propose(a), redact: false)
        let noted = summary.domains.flatMap(\.otherNotes)
        #expect(noted.map(\.answer).sorted() == ["Level 1", "not applicable"])
    }

    /// A row judged not applicable without a note is a judgement, not a gap: every format names
    /// it, apart from the rows never looked at (a tryout could not tell the two apart).
    @Test func rowsJudgedNotApplicableAreNamedInEveryFormat() throws {
        var (c, a) = try Self.example("level3-several-areas")
        let row = try #require(c.allIndicators.first { a.rating(of: $0.indicator.id) == .notAssessed })
        a.answers[row.indicator.id] = Assessment.Answer(.notApplicable)
        for format in [ExportFormat.text, .markdown, .html] {
            let out = ReferralExporter.render(format: format, catalogue: c, assessment: a, redact: false)
            let words = out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(words.contains("Judged not applicable"), "\(format)")
            #expect(words.contains(row.indicator.title.split(separator: " ").prefix(3).joined(separator: " ")), "\(format)")
        }
        let summary = ReferralSummary.build(catalogue: c, assessment: a, proposal: ScoringEngine(catalogue: c).propose(a), redact: false)
        #expect(summary.domains.flatMap(\.notApplicable).map(\.id).contains(row.indicator.id))
        #expect(!summary.domains.flatMap(\.notAssessed).map(\.id).contains(row.indicator.id))
    }
}
