import Foundation
import Testing

@testable import StaircaseCore

/// Two pieces of catalogue data: the words of a descriptor that speak of time (`timeWords`), and
/// the household questions of Durham's First Contact procedure (`householdQuestions`).
@Suite struct CatalogueTimeAndHouseholdTests {
    let c: Catalogue
    init() throws { c = try Fixtures.durham() }

    /// The JSON path of a row, as the validator names it.
    func path(of id: String, in c: Catalogue) throws -> String {
        for (d, domain) in c.domains.enumerated() {
            for (a, area) in domain.areas.enumerated() {
                if let r = area.indicators.firstIndex(where: { $0.id == id }) { return "domains[\(d)].areas[\(a)].indicators[\(r)]" }
            }
        }
        throw CatalogueError.empty(file: "no row \(id)")
    }

    /// The catalogue with one row changed.
    func editing(_ id: String, _ change: (inout Indicator) -> Void) -> Catalogue {
        var copy = c
        for d in copy.domains.indices {
            for a in copy.domains[d].areas.indices {
                for r in copy.domains[d].areas[a].indicators.indices where copy.domains[d].areas[a].indicators[r].id == id {
                    change(&copy.domains[d].areas[a].indicators[r])
                }
            }
        }
        return copy
    }

    // MARK: Time words

    @Test func everyMarkedWordOccursInItsDescriptor() throws {
        var marked = 0
        for (_, _, row) in c.allIndicators {
            for (key, words) in row.timeWords ?? [:] {
                let level = try #require(Int(key))
                let text = try #require(row.cell(level)?.text, "\(row.id) marks Level \(level), which has no descriptor")
                #expect(!words.isEmpty)
                for word in words {
                    #expect(text.contains(word), "\(row.id) Level \(level): \"\(word)\" is not in the text as written")
                    marked += 1
                }
            }
        }
        #expect(marked > 50)
    }

    @Test func levelOneIsNeverMarkedInDurham() {
        for (_, _, row) in c.allIndicators {
            #expect(!row.speaksOfTime(atLevel: 1), "\(row.id) marks Level 1")
            #expect(row.timeWords?.isEmpty != true, "\(row.id) has an empty timeWords: leave it out")
        }
    }

    @Test func runningAwaySpeaksOfTimeAtThreeAndFour() throws {
        let row = try #require(c.allIndicators.first { $0.indicator.id == "behaviour.running-away" }?.indicator)
        #expect(row.speaksOfTime(atLevel: 3))
        #expect(row.speaksOfTime(atLevel: 4))
        #expect(row.timeWords(atLevel: 3) == ["persistently"])
        #expect(row.timeWords(atLevel: 4) == ["persistently"])
        #expect(!row.speaksOfTime(atLevel: 1))
        #expect(row.timeWords(atLevel: 5).isEmpty)
    }

    @Test func agreementAndNotAlwaysAreNotMarked() throws {
        for (_, _, row) in c.allIndicators {
            for level in 1...4 {
                let words = row.timeWords(atLevel: level).map { $0.lowercased() }
                #expect(
                    !words.contains { $0.contains("consistent with") || $0.contains("always") || $0 == "inconsistent" },
                    "\(row.id) \(level)")
            }
        }
        let injuries = try #require(c.allIndicators.first { $0.indicator.id == "abuse-and-neglect.injuries" }?.indicator)
        #expect(injuries.timeWords(atLevel: 2) == ["occasional"])
    }

    @Test func aRowWithoutTimeWordsSpeaksOfNoTime() throws {
        let row = try #require(c.allIndicators.first { $0.indicator.id == "education.developmental-milestones" }?.indicator)
        #expect(row.timeWords == nil)
        #expect((1...4).allSatisfy { !row.speaksOfTime(atLevel: $0) })
    }

    @Test func theValidatorRefusesAWordNotInTheText() throws {
        let broken = editing("behaviour.running-away") { $0.timeWords = ["3": ["persistently", "fortnightly"]] }
        let at = try path(of: "behaviour.running-away", in: broken)
        let problems = CatalogueValidator.problems(in: broken)
        #expect(problems.count == 1)
        #expect(problems.first?.path == "\(at).timeWords.3[1]")
        #expect(problems.first?.message.contains("\"fortnightly\" is not in the Level 3 descriptor") == true)
        #expect(problems.first?.fix.contains("copy the word exactly") == true)
    }

    @Test func theValidatorMatchesWordsWhateverTheirCase() {
        let edited = editing("behaviour.running-away") { $0.timeWords = ["3": ["PERSISTENTLY"]] }
        #expect(CatalogueValidator.problems(in: edited).isEmpty)
    }

    @Test func theValidatorRefusesAMarkOnANotApplicableCell() throws {
        // Protection from harm keeps the document's "Not Applicable" cells.
        let row = try #require(c.allIndicators.first { !$0.indicator.levels.all.allSatisfy(\.isApplicable) }?.indicator)
        let level = try #require((1...4).first { row.cell($0)?.isApplicable == false })
        let broken = editing(row.id) { $0.timeWords = [String(level): ["often"]] }
        let problems = CatalogueValidator.problems(in: broken)
        #expect(problems.map(\.path) == ["\(try path(of: row.id, in: broken)).timeWords.\(level)"])
        #expect(problems.first?.message.contains("Level \(level) is not applicable") == true)
        #expect(problems.first?.fix == "remove the Level \(level) entry")
    }

    @Test func theValidatorRefusesALevelThatIsNotOneToFourAndAnEmptyList() throws {
        let broken = editing("behaviour.running-away") { $0.timeWords = ["5": ["persistently"], "3": []] }
        let at = try path(of: "behaviour.running-away", in: broken)
        #expect(CatalogueValidator.problems(in: broken).map(\.path) == ["\(at).timeWords.3", "\(at).timeWords.5"])
    }

    @Test func aLoadedFileWithAWrongWordIsRefusedByPath() throws {
        let json = try String(contentsOfFile: Fixtures.projectFile("Data/durham.json"), encoding: .utf8)
        let edited = json.replacingOccurrences(of: "\"persistently\"\n", with: "\"persistantly\"\n")
        #expect(edited != json)
        do {
            _ = try CatalogueLoader.load(data: Data(edited.utf8), file: "durham.json")
            Issue.record("a misspelt time word was accepted")
        } catch {
            #expect(error.lines.contains { $0.contains(".timeWords.3[0]: \"persistantly\" is not in the Level 3 descriptor") })
        }
    }

    @Test func theTimeWordsDocumentListsExactlyTheMarkedRows() throws {
        let doc = try String(contentsOfFile: Fixtures.projectFile("docs/format/time-words.md"), encoding: .utf8)
        let listed = doc.split(separator: "\n").filter { $0.hasPrefix("- ") }.map(String.init)
        let expected = c.allIndicators.compactMap { _, _, row -> String? in
            let levels = (1...4).filter { row.speaksOfTime(atLevel: $0) }
            guard !levels.isEmpty else { return nil }
            let words = levels.map { l in "\(l): " + row.timeWords(atLevel: l).map { "“\($0)”" }.joined(separator: ", ") }
            return "- \(row.title) (\(levels.map(String.init).joined(separator: ", "))) — " + words.joined(separator: "; ")
        }
        #expect(listed == expected, "regenerate docs/format/time-words.md from Data/durham.json")
    }

    /// The README lists the marked rows with their levels (issue 25: "list them in the README").
    @Test func theReadmeListsEveryMarkedRowWithItsLevels() throws {
        let readme = try String(contentsOfFile: Fixtures.projectFile("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "with the levels marked:\n\n"))
        let end = try #require(readme.range(of: "\n\nThe words, row by row", range: start.upperBound..<readme.endIndex))
        let listed = readme[start.upperBound..<end.lowerBound].replacingOccurrences(of: "\n", with: " ")
        let expected = c.allIndicators.compactMap { _, _, row -> String? in
            let levels = (1...4).filter { row.speaksOfTime(atLevel: $0) }
            return levels.isEmpty ? nil : "\(row.title) (\(levels.map(String.init).joined(separator: ", ")))"
        }
        #expect(listed == expected.joined(separator: "; ") + ".", "regenerate the README's list from Data/durham.json")
    }

    // MARK: Household questions

    @Test func durhamHasTheFourFirstContactQuestions() {
        #expect(c.householdQuestions.map(\.id) == ["domestic-abuse", "mental-illness", "substance-misuse", "learning-difficulties"])
        for q in c.householdQuestions {
            #expect(!c.rows(for: q).isEmpty, "\(q.id) links no rows")
            #expect(q.question.contains(q.topic))
        }
    }

    @Test func theMentalIllnessQuestionLinksTheMentalHealthRows() throws {
        let q = try #require(c.householdQuestions.first { $0.id == "mental-illness" })
        let tagged = c.allIndicators.map(\.indicator).filter { $0.hasTag("toxic-trio-mental-health") }.map(\.id)
        #expect(tagged.count >= 2)
        #expect(c.rows(for: q) == tagged)
    }

    @Test func rowsByTagAndByIdComeInDocumentOrderOnce() throws {
        let learning = try #require(c.householdQuestions.first { $0.id == "learning-difficulties" })
        #expect(c.rows(for: learning) == ["family-health.parental-learning-disability"])
        let substance = try #require(c.householdQuestions.first { $0.id == "substance-misuse" })
        #expect(
            c.rows(for: substance) == ["family-health.parental-drug-and-alcohol-use", "family-health.household-drug-and-alcohol-misuse"])
        // A row named by id and by tag is listed once, where it stands in the document.
        var both = substance
        both.rows = ["family-health.household-drug-and-alcohol-misuse", "family-health.parental-drug-and-alcohol-use"]
        #expect(c.rows(for: both) == c.rows(for: substance))
    }

    @Test func aCatalogueWithoutHouseholdQuestionsHasNone() throws {
        let text = try String(contentsOfFile: Fixtures.path("minimal.json"), encoding: .utf8)
        var tree = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(tree["householdQuestions"] != nil)
        tree["householdQuestions"] = nil
        let data = try JSONSerialization.data(withJSONObject: tree)
        #expect(try CatalogueLoader.load(data: data, file: "minimal.json").householdQuestions.isEmpty)
    }

    @Test func theValidatorRefusesBrokenQuestionsByPath() {
        var broken = c
        broken.householdQuestions[1].tags = ["toxic-trio-mental-heath"]
        broken.householdQuestions[2].rows = ["family-health.no-such-row"]
        broken.householdQuestions[3].rows = []
        broken.householdQuestions[0].id = "mental-illness"
        let problems = CatalogueValidator.problems(in: broken)
        #expect(
            problems.map(\.path) == [
                "householdQuestions", "householdQuestions[1].tags[0]", "householdQuestions[2].rows[0]", "householdQuestions[3]",
            ])
        #expect(problems[0].message == "duplicate id \"mental-illness\"")
        #expect(problems[1].message == "unknown tag \"toxic-trio-mental-heath\"")
        #expect(problems[1].fix == "declare it under \"tags\" or use one that is")
        #expect(problems[2].message == "unknown row \"family-health.no-such-row\"")
        #expect(problems[3].message == "the question links no rows")
        #expect(problems[3].fix == "give the tags or the row ids its answer bears on")
    }

    @Test func anUnknownKeyInAQuestionIsRefusedByPath() throws {
        let json = try String(contentsOfFile: Fixtures.projectFile("Data/durham.json"), encoding: .utf8)
        let edited = json.replacingOccurrences(
            of: "\"topic\": \"mental illness\",", with: "\"topic\": \"mental illness\", \"answer\": true,")
        #expect(edited != json)
        do {
            _ = try CatalogueLoader.load(data: Data(edited.utf8), file: "durham.json")
            Issue.record("an unknown key was accepted")
        } catch {
            // A key like no known one is named by where it is, never quoted.
            #expect(error.lines.contains { $0.contains("householdQuestions[1]: unknown key (not shown") && $0.contains("question, rows") })
        }
    }
}
