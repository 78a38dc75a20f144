import Testing

@testable import StaircaseCore

/// What a referral still lacks: one pure list behind the review, the export screen and the summary.
@Suite struct ReferralGapsTests {
    static func blank() -> Assessment {
        Assessment(id: "a-1", createdAt: "2026-11-23T10:00:00Z", catalogue: .init(id: "x", version: "1"))
    }

    @Test func aBlankRecordListsWhatADutyWorkerNeeds() {
        let gaps = ReferralGaps.of(Self.blank())
        for expected in [
            "the child’s name is not recorded", "where the child is now is not recorded", "no phone number for the referrer",
            "no parent or carer is recorded", "the lawful basis for sharing is not recorded",
            "whether the family was told of the referral is not recorded",
        ] {
            #expect(gaps.contains(expected), "\(expected)")
        }
    }

    @Test func aCompleteRecordLacksNothing() {
        var a = Self.blank()
        a.child.name = "Jo"
        a.child.dateOfBirth = "2019-01-01"
        a.child.whereNow = "at school"
        a.child.address = "1 High Street"
        a.child.interpreterNeeded = .no
        a.carers = [.init(name: "Sam", relationship: "mother", parentalResponsibility: .yes)]
        a.referrer.name = "Alex"
        a.referrer.agency = "Health"
        a.referrer.phone = "0191 000 0000"
        a.referrer.email = "alex@example.org"
        a.consent.status = .given
        a.sharing.lawfulBasis = .publicTask
        a.sharing.familyTold = .yes
        #expect(ReferralGaps.of(a) == [])
    }

    @Test func reasonsAreAskedForWhenTheAnswerNeedsOne() {
        var a = Self.blank()
        a.consent.status = .notSought
        a.sharing.lawfulBasis = .other
        a.sharing.familyTold = .no
        a.carers = [.init(relationship: "father", parentalResponsibility: .notKnown)]
        a.leadProfessional.tafExists = true
        let gaps = ReferralGaps.of(a)
        #expect(gaps.contains("no reason is recorded for not seeking the family’s agreement"))
        #expect(gaps.contains("the lawful basis for sharing is “other” but not described"))
        #expect(gaps.contains("no reason is recorded for not telling the family"))
        #expect(gaps.contains("who holds parental responsibility is not recorded"))
        #expect(gaps.contains("parent or carer 1 has no name"))
        #expect(gaps.contains("a Team Around the Family exists but its Lead Professional is not named"))
    }

    @Test func theSummaryCarriesTheSameList() throws {
        let a = Self.blank()
        let c = try Fixtures.minimal()
        let summary = ReferralSummary.build(catalogue: c, assessment: a, proposal: ScoringEngine(catalogue: c).propose(a), redact: false)
        #expect(summary.stillLacks == ReferralGaps.of(a))
    }
}
