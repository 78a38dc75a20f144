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
