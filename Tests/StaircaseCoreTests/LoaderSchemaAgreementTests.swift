import Foundation
import Testing

@testable import StaircaseCore

/// What the program refuses, the schema refuses, and the other way round; and each refusal says
/// what is wrong with the value it names.
@Suite struct LoaderSchemaAgreementTests {
    static func withResume(_ screen: String) -> String {
        RecordV2Tests.minimalV2.replacingOccurrences(
            of: "\"answers\": {}", with: "\"answers\": {}, \"resumeAt\": {\"screen\": \"\(screen)\", \"cursor\": 0}")
    }

    @Test func aResumeScreenLongerThanTheSchemasFortyCharactersIsRefused() {
        #expect(RecordV2Tests.error(Self.withResume(String(repeating: "d", count: 40))) == nil)
        #expect(
            RecordV2Tests.error(Self.withResume(String(repeating: "d", count: 41)))?.contains("resumeAt.screen: longer than 40 characters")
                == true)
    }

    @Test func aLeapSecondOrAnImpossibleTimeIsNotATimestamp() {
        #expect(CalendarDate.isTimestamp("2026-11-21T23:59:59Z"))
        #expect(CalendarDate.isTimestamp("2026-11-21T23:59:59+01:00"))
        for bad in [
            "2026-11-21T23:59:60Z", "2026-11-21T24:00:00Z", "2026-11-21T12:60:00Z", "2026-11-21X12:00:00Z", "2026-11-21T12:00:00+01:60",
            "2026-11-21T12:00:00Y",
        ] {
            #expect(!CalendarDate.isTimestamp(bad), "\(bad)")
        }
        let leap = RecordV2Tests.minimalV2.replacingOccurrences(
            of: #""updatedAt": "2026-07-01T10:45:00+01:00""#, with: #""updatedAt": "2026-07-01T23:59:60+01:00""#)
        #expect(leap != RecordV2Tests.minimalV2, "the fixture has the timestamp this test changes")
        #expect(RecordV2Tests.error(leap)?.contains("updatedAt: not a date and time") == true)
    }

    @Test func theYear1899IsRefusedAsNoSuchDateNotAsTheWrongForm() {
        let old = RecordV2Tests.minimalV2.replacingOccurrences(
            of: "\"answers\": {}", with: "\"answers\": {}, \"child\": {\"dateOfBirth\": \"1899-05-01\"}")
        let message = RecordV2Tests.error(old) ?? ""
        #expect(message.contains("child.dateOfBirth: no such date — the year must be 1900–2200"), "\(message)")
        #expect(!message.contains("write it as YYYY-MM-DD"))
    }

    @Test func anAnswersProblemNamesItsRowID() {
        let bad = RecordV2Tests.minimalV2.replacingOccurrences(
            of: "\"answers\": {}", with: "\"answers\": {\"a1.r1\": {\"rating\": \"2\"}, \"zz.unknown-row\": {\"rating\": \"9\"}}")
        let message = RecordV2Tests.error(bad) ?? ""
        #expect(message.contains("answers[\"zz.unknown-row\"]"), "\(message)")
        let text = RecordV2Tests.minimalV2.replacingOccurrences(
            of: "\"answers\": {}", with: "\"answers\": {\"Jamie Smith said\": {\"rating\": \"9\"}}")
        #expect(RecordV2Tests.error(text)?.contains("answers[entry 1]") == true, "a key that is not an id is named by position")
    }
}
