import Foundation
import Testing

@testable import StaircaseCore

/// The referrer's own answers in the summary (issue 25): the worry, the request and the four
/// household questions on the first screen; what is working well per domain; the chronology as a
/// table in every format; a household "yes" whose rows are unrated among the flags.
@Suite struct SummaryReferralTests {
    static func level3() throws -> (Catalogue, Assessment) { try TriageSummaryTests.example("level3-several-areas") }

    static func summary(_ c: Catalogue, _ a: Assessment, redact: Bool = false) -> ReferralSummary {
        ReferralSummary.build(catalogue: c, assessment: a, proposal: ScoringEngine(catalogue: c).propose(a), redact: redact)
    }

    /// The first `count` lines as one string, wrapping undone (continuation indents dropped).
    static func top(_ text: String, _ count: Int = 25) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).prefix(count)
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    @Test(arguments: [ExportFormat.text, .markdown])
    func theWorryTheRequestAndTheFourAnswersAreInTheFirst25Lines(format: ExportFormat) throws {
        let (c, a) = try Self.level3()
        let top = Self.top(ReferralExporter.render(format: format, catalogue: c, assessment: a, redact: false))
        let unstarred = top.replacingOccurrences(of: "**", with: "")
        #expect(unstarred.contains("What we are worried about: " + a.worry), "\(format): the worry whole")
        #expect(
            unstarred.contains(
                "Help asked for: early help — A Team Around the Family: debt advice for mum and someone in school for J. to talk"),
            "\(format): the request in words")
        #expect(
            unstarred.contains(
                "Household difficulties: domestic abuse no; mental illness not known; substance misuse no; learning difficulties no"),
            "\(format): the four answers on one line")
    }

    @Test func aQuestionWithNoAnswerIsNotAskedAndAYesWithUnratedRowsIsFlagged() throws {
        var (c, a) = try Self.level3()
        a.householdDifficulties["learning-difficulties"] = nil
        a.householdDifficulties["domestic-abuse"] = .init(.yes, note: "Police called in October.")
        let question = try #require(c.householdQuestions.first { $0.id == "domestic-abuse" })
        let rows = c.rows(for: question)
        try #require(rows.count >= 2)
        a.answers[rows[0]] = .init(.level2)
        let blank = rows.filter { a.rating(of: $0) == .notAssessed }
        try #require(!blank.isEmpty)
        let s = Self.summary(c, a)
        let unrated = HouseholdCheck.flags(a, catalogue: c)
        #expect(unrated.map(\.questionID) == ["domestic-abuse"])
        #expect(unrated.first?.unrated == blank.map { c.indicatorTitles[$0] ?? $0 }, "rated rows are not listed")
        #expect(s.householdDifficulties.map(\.answer) == [.yes, .notKnown, .no, .notAsked])
        let text = TextRenderer.render(s)
        #expect(Self.top(text).contains("learning difficulties not asked"))
        let flags = try #require(text.range(of: "== Flags"))
        let evidence = try #require(text.range(of: "== Evidence"))
        let flagText = Self.top(String(text[flags.upperBound..<evidence.lowerBound]), 100)
        #expect(flagText.contains("Household: domestic abuse: yes, but its rows are not yet rated: "))
        #expect(flagText.contains(try #require(unrated.first?.unrated.last)))
        #expect(text.contains("Household difficulties: domestic abuse (yes):\n  | Police called in October."))
        // Rated, the flag goes.
        for id in rows { a.answers[id] = .init(.level1) }
        #expect(!TextRenderer.render(Self.summary(c, a)).contains("Household: domestic abuse: yes"))
    }

    @Test func whatIsWorkingWellReplacesStrengthsOverallAndPerDomain() throws {
        let (c, a) = try Self.level3()
        let s = Self.summary(c, a)
        #expect(s.workingWell.domains.map(\.id) == ["child-development", "family-environment"])
        for format in [ExportFormat.text, .markdown, .html] {
            let out = ReferralExporter.render(format: format, catalogue: c, assessment: a, redact: false)
            #expect(!out.contains("Strengths and protective factors"), "\(format)")
            #expect(out.contains("What is working well: Family and environmental factors"), "\(format)")
            #expect(out.contains("keeps every appointment"), "\(format)")
        }
    }

    @Test func aRequestOutsideTheLevelIsWorthASecondLook() throws {
        var (c, a) = try Self.level3()
        a.request.kinds = [.strategyDiscussion]
        let s = Self.summary(c, a)
        #expect(s.request.outsideLevel)
        #expect(Self.top(TextRenderer.render(s)).contains("(not what Level 3 usually leads to: worth a second look)"))
        a.request.kinds = [.earlyHelp, .strategyDiscussion]
        #expect(!Self.summary(c, a).request.outsideLevel, "one kind that fits is enough")
    }

    @Test func theChronologyIsATableInDateOrderInEveryFormat() throws {
        var (c, a) = try Self.level3()
        a.chronology.reverse()
        let s = Self.summary(c, a)
        #expect(s.chronology.map(\.date) == ["2026-03", "2026-05-12", "about 2026-06-20", "2026-09-15", "2026-11-06"])
        #expect(s.chronology[1].rows.map(\.title) == ["Emotional wellbeing", "Bereavement"])

        let lines = TextRenderer.render(s).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("Date ") && $0.contains("What happened") })
        let what = try #require(lines[header].range(of: "What happened")).lowerBound.utf16Offset(in: lines[header])
        let body = lines[(header + 2)...].prefix { !$0.isEmpty }
        let dated = body.filter { !$0.hasPrefix(" ") }
        #expect(dated.map { String($0.prefix(what)).trimmingCharacters(in: .whitespaces) } == s.chronology.map(\.dateWords))
        for line in body {
            #expect(DisplayWidth.of(line) <= 80)
            #expect(line.count <= what || line.dropFirst(what - 2).hasPrefix("  "), "columns aligned: \(line)")
        }

        let md = MarkdownRenderer.render(s)
        #expect(md.contains("| Date | What happened | Source | Rows |\n|---|---|---|---|\n| March 2026 | Mother's partner left"))
        let html = HTMLRenderer.render(s)
        #expect(html.contains("<table class=\"chronology\">\n<thead><tr><th scope=\"col\">Date</th>"))
        #expect(html.components(separatedBy: "<tr>").count - 1 == 6)
        #expect(html.contains("tr { break-inside: avoid; page-break-inside: avoid; }"))
    }

    @Test func aRedactedChronologyKeepsTheMonthNotTheDay() throws {
        var (c, a) = try Self.level3()
        a.chronology[1].what = "Seen by Dana Smith on 12 May 2026 (07700 900123)."
        let s = Self.summary(c, a, redact: true)
        #expect(s.chronology.map(\.dateWords) == ["March 2026", "May 2026", "about June 2026", "September 2026", "November 2026"])
        #expect(s.chronology[1].what == "Seen by [carer] on [date] [phone].")
    }

    @Test func userTextCannotBreakTheMarkdownTable() throws {
        let table = SummaryBlock.Table(
            headers: ["Date", "What happened", "Source", "Rows"],
            rows: [["1 May 2026", "a | b\n| c | d |", "**bold** <b>x</b> `code`", "see http://a.example/x|y"]])
        let md = MarkdownRenderer.render(.table(table))
        let lines = md.split(separator: "\n")
        #expect(lines.count == 3, "one header, one rule, one row: \(md)")
        // Every `|` typed is escaped, so each line has exactly five cell borders.
        for line in lines.dropFirst(2) {
            let borders = zip(line, line.dropFirst()).filter { $0.1 == "|" && $0.0 != "\\" }.count + (line.first == "|" ? 1 : 0)
            #expect(borders == 5, "\(line)")
        }
    }

    /// Tryout finding: an evidence row's heading with its events wrapped to column 0, where it
    /// read as the start of another row. Its continuation is indented now.
    @Test func anEvidenceRowWithItsEventsWrapsIndented() throws {
        let (c, a) = try Self.level3()
        let lines = TextRenderer.render(Self.summary(c, a)).split(separator: "\n", omittingEmptySubsequences: false)
        let i = try #require(lines.firstIndex { $0.hasPrefix("Level 3: Emotional wellbeing") })
        #expect(lines[i].count + lines[i + 1].count > 80, "the heading is long enough to wrap: \(lines[i])")
        #expect(lines[i + 1].hasPrefix("    ") && lines[i + 1].contains("November 2026"), "\(lines[i + 1])")
    }

    /// Tryout finding: "not known" whether the family was told printed "Why the family was not
    /// told: (none recorded)", as if they had not been told.
    @Test func notKnownWhetherTheFamilyWasToldIsNotWordedAsNotTold() throws {
        var (c, a) = try Self.level3()
        a.consent.status = .notYetAsked
        a.sharing.notToldReason = ""
        a.sharing.familyTold = .notKnown
        #expect(!TextRenderer.render(Self.summary(c, a)).contains("Why the family was not told"))
        a.sharing.familyTold = .no
        #expect(TextRenderer.render(Self.summary(c, a)).contains("Why the family was not told: (none recorded)"))
        a.sharing.familyTold = .notKnown
        a.sharing.notToldReason = "Mother not reachable yet."
        #expect(TextRenderer.render(Self.summary(c, a)).contains("Why the family was not told"))
    }
}
