import StaircaseCore
import Testing

/// The household check: a "yes" whose linked rows are not all rated is flagged, naming them.
@Suite struct HouseholdCheckTests {
    let questions = [
        HouseholdCheck.Question(id: "domestic-abuse", topic: "domestic abuse", rows: ["da1", "da2", "da3", "da4"]),
        HouseholdCheck.Question(id: "learning-difficulties", topic: "learning difficulties", rows: ["ld"]),
        HouseholdCheck.Question(id: "mental-illness", topic: "mental illness", rows: ["mi"]),
    ]
    let titles = ["da1": "Victim", "da2": "Violence between adults", "da3": "Impact on child", "da4": "Clare’s Law", "ld": "Parental LD"]

    func assessment() -> Assessment {
        Assessment(id: "a", createdAt: "2026-11-23T10:00:00Z", catalogue: .init(id: "c", version: "1"))
    }

    @Test func onlyAYesWithUnratedRowsIsFlagged() {
        var a = assessment()
        #expect(HouseholdCheck.flags(a, questions: questions, titles: titles).isEmpty, "nothing answered, nothing flagged")
        a.householdDifficulties["domestic-abuse"] = .init(.no)
        a.householdDifficulties["learning-difficulties"] = .init(.notKnown)
        #expect(HouseholdCheck.flags(a, questions: questions, titles: titles).isEmpty, "no and not known are not flagged")
        a.householdDifficulties["domestic-abuse"] = .init(.yes, note: "police called")
        a.answers["da1"] = .init(.level3)
        let flags = HouseholdCheck.flags(a, questions: questions, titles: titles)
        #expect(flags.map(\.questionID) == ["domestic-abuse"])
        #expect(
            flags.first?.text
                == "You know of domestic abuse in the household; 3 of its 4 rows are not rated: Violence between adults; Impact on child; Clare’s Law."
        )
        a.answers["da2"] = .init(.level2)
        a.answers["da3"] = .init(.level1)
        #expect(
            HouseholdCheck.flags(a, questions: questions, titles: titles).first?.text
                == "You know of domestic abuse in the household; 1 of its 4 rows is not rated: Clare’s Law.")
    }

    @Test func allUnratedOneRowAndAllRatedAreWordedOrLeftOut() {
        var a = assessment()
        a.householdDifficulties["domestic-abuse"] = .init(.yes)
        a.householdDifficulties["learning-difficulties"] = .init(.yes)
        a.householdDifficulties["mental-illness"] = .init(.yes)
        a.answers["mi"] = .init(.notApplicable)
        let flags = HouseholdCheck.flags(a, questions: questions, titles: titles)
        #expect(flags.map(\.questionID) == ["domestic-abuse", "learning-difficulties"], "a rated row (n/a too) is not flagged")
        #expect(flags[0].text.hasPrefix("You know of domestic abuse in the household; none of its 4 rows is rated: Victim; "))
        #expect(flags[1].text == "You know of learning difficulties in the household; its one row is not rated: Parental LD.")
        for id in ["da1", "da2", "da3", "da4"] { a.answers[id] = .init(.level2) }
        #expect(HouseholdCheck.flags(a, questions: questions, titles: titles).map(\.questionID) == ["learning-difficulties"])
    }

    @Test func aQuestionWithNoRowsIsNeverFlaggedAndAnUnknownRowIsNamedByItsID() {
        var a = assessment()
        a.householdDifficulties["x"] = .init(.yes)
        a.householdDifficulties["y"] = .init(.yes)
        let qs = [HouseholdCheck.Question(id: "x", topic: "x", rows: []), HouseholdCheck.Question(id: "y", topic: "y", rows: ["gone"])]
        let flags = HouseholdCheck.flags(a, questions: qs, titles: [:])
        #expect(flags.map(\.unrated) == [["gone"]])
    }
}

/// Tryout finding: a "yes" to mental illness for a 10-year-old asked for the baby-only row
/// "Parent coping emotionally after birth", which the domain screens hide at that age.
@Suite struct HouseholdCheckAgeTests {
    @Test func rowsForAnotherAgeAreLeftOutUnlessAnswered() throws {
        let c = try EmbeddedCatalogue.load()
        let question = try #require(c.householdQuestions.first { $0.id == "mental-illness" })
        var a = Assessment(id: "a", createdAt: "2026-12-07T10:00:00Z", catalogue: .init(id: c.id, version: c.version))
        a.child.dateOfBirth = "2016-04-12"
        a.householdDifficulties["mental-illness"] = .init(.yes)
        let today = try #require(CalendarDate("2026-12-07"))
        let all = c.rows(for: question)
        let forChild = HouseholdCheck.rows(question, c, for: a, on: today)
        let stage = ChildAge.stage(a.child, on: today)
        let hidden = all.filter { id in c.allIndicators.first { $0.indicator.id == id }?.indicator.applies(to: stage) == false }
        try #require(!hidden.isEmpty, "the Durham mental-illness rows include one for infancy only")
        #expect(forChild == all.filter { !hidden.contains($0) })
        let flag = try #require(HouseholdCheck.flags(a, catalogue: c).first)
        for id in hidden { #expect(!flag.text.contains(c.indicatorTitles[id] ?? id)) }

        a.answers[hidden[0]] = .init(.level2, confirmedForAge: true)
        #expect(HouseholdCheck.rows(question, c, for: a, on: today).contains(hidden[0]), "answered, it counts again")
        a.child.dateOfBirth = nil
        #expect(HouseholdCheck.rows(question, c, for: a, on: today) == all, "with no age known every row applies")
    }
}
