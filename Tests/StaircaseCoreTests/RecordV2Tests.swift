import Foundation
import Testing

@testable import StaircaseCore

/// Record version 2: a version 1 file read and written back (now as version 3) with every field kept,
/// the new fields round-tripped, and a loader that refuses what the schema refuses, naming the
/// JSON path and never a value from the file.
@Suite struct RecordV2Tests {
    static func decode(_ json: String) throws(AssessmentError) -> Assessment {
        try AssessmentLoader.decode(data: Data(json.utf8), file: "x.json")
    }

    static func error(_ json: String, catalogue: Catalogue? = nil) -> String? {
        do {
            let a = try decode(json)
            if let catalogue { try AssessmentLoader.check(a, against: catalogue, file: "x.json") }
            return nil
        } catch {
            return error.description
        }
    }

    static let minimalV2 = """
        {"schemaVersion": 2, "id": "a-1", "childKey": "c-1", "createdAt": "2026-07-01T10:45:00+01:00",
         "updatedAt": "2026-07-01T10:45:00+01:00", "catalogue": {"id": "test-minimal", "version": "1"}, "answers": {}}
        """

    @Test func versionOneIsReadAsVersionTwoWithEveryFieldKept() throws {
        let c = try Fixtures.minimal()
        let a = try AssessmentLoader.load(path: Fixtures.path("v1-every-field.json"), catalogue: c)
        #expect(a.schemaVersion == 3)
        #expect(a.id == "v1-every-field")
        #expect(a.childKey == nil, "a key is given by the wizard, from its random source, when it next saves")
        #expect(a.createdAt == "2026-11-20T09:30:00Z" && a.updatedAt == "2026-11-20T10:45:00Z")
        #expect(a.training)
        #expect(a.catalogue == .init(id: "test-minimal", version: "1"))
        #expect(a.child.name == "Jamie Smith" && a.child.dateOfBirth == "2016-04-12" && !a.child.unborn)
        #expect(a.child.expectedDate == "2016-04-01")
        #expect(a.referrer.name == "Alex Morgan" && a.referrer.agency == "Greenfield Primary School" && a.referrer.role == "DSL")
        #expect(
            a.referrer.phone == "01388 000000" && a.referrer.contact.isEmpty && a.referrer.email.isEmpty, "a phone number moves to phone")
        #expect(a.leadProfessional.tafExists && a.leadProfessional.name == "R. Ellis")
        #expect(a.consent.status == .notSought && a.consent.reason == "It would put the child at risk.")
        #expect(a.immediateDanger == .notKnown)
        #expect(a.answers["a1.r1"] == .init(.level3, note: "Reading age two years behind."))
        #expect(a.answers["p1.mh"] == .init(.notApplicable))
        #expect(a.answers["f1.r1"] == .init(.notAssessed, note: "Ask the housing officer."))
        #expect(a.workingWell.overall == "Close to his brother." && a.childsVoice == "I like art.")
        #expect(a.concernCategories == ["neglect"] && a.needsCannotBeMetAtHome)
        #expect(a.decision == .init(level: 4, step: 5, reason: "Cannot stay at home tonight.", decidedAt: "2026-11-20T10:45:00Z"))
        // The version 2 fields start empty or "not known", never "no".
        #expect(a.child.whereNow.isEmpty && a.child.interpreterNeeded == .notKnown)
        #expect(a.carers.isEmpty && a.household.isEmpty && a.agencies.isEmpty)
        #expect(a.sharing.lawfulBasis == nil && a.sharing.familyTold == .notKnown)

        // Written back, it is a version 2 file that reads back the same.
        var saved = a
        saved.childKey = "c-0123456789abcdefghjk"
        let data = try JSONEncoder.stable.encode(saved)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"schemaVersion\" : 3"))
        #expect(try Self.decode(text) == saved)
        #expect(Self.error(text, catalogue: c) == nil)
    }

    @Test func versionOneContactBecomesEmailOrStays() throws {
        func migrated(_ contact: String) throws -> Assessment.Referrer {
            let json = """
                {"schemaVersion": 1, "id": "a", "createdAt": "2026-11-20T09:30:00Z", "updatedAt": "2026-11-20T09:30:00Z",
                 "catalogue": {"id": "test-minimal", "version": "1"}, "answers": {}, "referrer": {"contact": "\(contact)"}}
                """
            return try Self.decode(json).referrer
        }
        #expect(try migrated("alex@school.example").email == "alex@school.example")
        #expect(try migrated("+44 (0)1388 000000").phone == "+44 (0)1388 000000")
        let other = try migrated("ask at the office")
        #expect(other.contact == "ask at the office" && other.phone.isEmpty && other.email.isEmpty)
    }

    @Test func versionTwoFieldsRoundTrip() throws {
        var a = try Self.decode(Self.minimalV2)
        a.child.whereNow = "At school"
        a.child.address = "1 Example Street"
        a.child.communicationNeeds = "Uses Makaton"
        a.child.firstLanguage = "Polish"
        a.child.interpreterNeeded = .yes
        a.child.disability = "Autism"
        a.referrer.phone = "01388 000000"
        a.referrer.email = "a@b.example"
        a.carers = [.init(name: "Dana", relationship: "mother", parentalResponsibility: .yes, livesWithChild: .no, contact: "07700")]
        a.household = [.init(name: "Rory", relationship: "brother", sibling: true, livesWithChild: .yes, dateOfBirth: "2010-09-01")]
        a.agencies = [.init(agency: "CAMHS", worker: "Priya", contact: "03000", role: "Therapy")]
        a.sharing.lawfulBasis = .other
        a.sharing.lawfulBasisDetail = "Section 47"
        a.sharing.familyTold = .no
        a.sharing.notToldReason = "Risk to the child"
        let text = String(decoding: try JSONEncoder.stable.encode(a), as: UTF8.self)
        #expect(try Self.decode(text) == a)
    }

    @Test func unknownKeysAreRefusedWithTheNearestKnownKey() {
        let misspelt = Self.minimalV2.replacingOccurrences(
            of: "\"answers\"", with: "\"child\": {\"dateOfBrith\": \"2016-04-12\"}, \"answers\"")
        #expect(Self.error(misspelt) == "x.json: child.dateOfBrith: unknown key — did you mean dateOfBirth?")
        let top = Self.minimalV2.replacingOccurrences(of: "\"answers\"", with: "\"answer\": {}, \"answers\"")
        #expect(Self.error(top) == "x.json: answer: unknown key — did you mean answers?")
    }

    @Test func anUnknownKeyThatIsNotAMisspellingIsNotQuoted() throws {
        let named = Self.minimalV2.replacingOccurrences(of: "\"answers\"", with: "\"Jamie Smith\": true, \"answers\"")
        let message = try #require(Self.error(named))
        #expect(!message.contains("Jamie"))
        #expect(message.contains("(top level): unknown key"))
    }

    @Test func missingAnswersAndMalformedIdsAreRefused() {
        let noAnswers = Self.minimalV2.replacingOccurrences(of: ", \"answers\": {}", with: "")
        #expect(Self.error(noAnswers) == "x.json: answers: missing required key — add it (see Data/assessment.schema.json)")
        let traversal = Self.minimalV2.replacingOccurrences(of: "\"a-1\"", with: "\"../../etc/x\"")
        let message = Self.error(traversal)
        #expect(message?.hasPrefix("x.json: id: malformed id") == true)
        #expect(message?.contains("etc") == false, "the id is not printed")
    }

    @Test func errorsNeverQuoteValuesFromTheFile() throws {
        let c = try Fixtures.minimal()
        let secret = "Jamie Smith"
        let cases = [
            Self.minimalV2.replacingOccurrences(of: "\"test-minimal\"", with: "\"\(secret)\""),
            Self.minimalV2.replacingOccurrences(of: "\"answers\": {}", with: "\"answers\": {\"\(secret)\": {\"rating\": \"2\"}}"),
            Self.minimalV2.replacingOccurrences(of: "\"answers\"", with: "\"concernCategories\": [\"\(secret)\"], \"answers\""),
            Self.minimalV2.replacingOccurrences(of: "\"answers\"", with: "\"immediateDanger\": \"\(secret)\", \"answers\""),
            Self.minimalV2.replacingOccurrences(of: "\"answers\"", with: "\"child\": {\"dateOfBirth\": \"\(secret)\"}, \"answers\""),
            Self.minimalV2.replacingOccurrences(of: "\"answers\"", with: "\"child\": {\"name\": 7}, \"answers\""),
            Self.minimalV2.replacingOccurrences(of: "\"c-1\"", with: "\"\(secret)\""),
        ]
        for json in cases {
            let message = try #require(Self.error(json, catalogue: c), "\(json)")
            #expect(!message.contains("Jamie") && !message.contains("Smith"), "\(message)")
        }
    }

    @Test func fieldsOverTheirLimitAreRefusedByPath() {
        let long = String(repeating: "x", count: AssessmentShape.Limit.shortText + 1)
        let name = Self.minimalV2.replacingOccurrences(of: "\"answers\"", with: "\"child\": {\"name\": \"\(long)\"}, \"answers\"")
        #expect(Self.error(name) == "x.json: child.name: longer than 200 characters — shorten it; put detail in a note")
        let fits = Self.minimalV2.replacingOccurrences(
            of: "\"answers\"", with: "\"child\": {\"name\": \"\(long.dropLast())\"}, \"answers\"")
        #expect(Self.error(fits) == nil)
        let note = String(repeating: "é", count: AssessmentShape.Limit.longText + 1)
        let tooLong = Self.minimalV2.replacingOccurrences(
            of: "\"answers\": {}", with: "\"answers\": {\"a1.r1\": {\"rating\": \"2\", \"note\": \"\(note)\"}}")
        #expect(Self.error(tooLong)?.contains("answers[\"a1.r1\"].note: longer than 100000 characters") == true)
    }

    @Test func aWholeNumberWrittenWithAPointIsAWholeNumber() {
        // As in JSON Schema, where 2.0 is an integer.
        #expect(Self.error(Self.minimalV2.replacingOccurrences(of: "\"schemaVersion\": 2", with: "\"schemaVersion\": 2.0")) == nil)
        #expect(Self.error(Self.minimalV2.replacingOccurrences(of: "\"schemaVersion\": 2", with: "\"schemaVersion\": 2.5")) != nil)
    }

    /// Damaged files (bytes flipped, cut short) are refused or read, never a crash.
    @Test func damagedFilesNeverCrashTheLoader() throws {
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.projectFile("Data/examples/level4-immediate-danger.json"))))
        var seed: UInt64 = 0x5EED
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        let alphabet = Array("{}[]\",:\\u0123456789.eE-+ntfa\n".utf8)
        var refused = 0
        for _ in 0..<1_500 {
            var bytes = original
            for _ in 0..<(1 + next(4)) {
                switch next(3) {
                case 0: bytes[next(bytes.count)] = alphabet[next(alphabet.count)]
                case 1: bytes.remove(at: next(bytes.count))
                default: bytes.insert(alphabet[next(alphabet.count)], at: next(bytes.count))
                }
            }
            do {
                _ = try AssessmentLoader.decode(data: Data(bytes), file: "f.json")
            } catch {
                refused += 1
                #expect(!error.description.isEmpty)
            }
        }
        #expect(refused > 500, "most damage is noticed")
    }

    @Test func timesCarryTheirOffset() {
        #expect(CalendarDate("2026-07-01T10:45:00+01:00")?.description == "2026-07-01")
        #expect(CalendarDate("2026-07-01T00:30:00-05:00")?.description == "2026-07-01", "the local date where it was recorded")
        #expect(CalendarDate.isTimestamp("2026-07-01T10:45:00Z"))
        #expect(!CalendarDate.isTimestamp("2026-07-01T10:45:00+1:00"))
        #expect(!CalendarDate.isTimestamp("2026-07-01T10:45:00+15:00"))
        #expect(!CalendarDate.isTimestamp("2026-07-01"))
        #expect(ExportText.displayDateTime("2026-07-01T10:45:00+01:00") == "2026-07-01 10:45 +01:00")
    }
}

/// The existing details screen has one contact field; on the version 2 record it reads and
/// writes the referrer's phone, e-mail and other contact together.
@Suite struct CombinedContactTests {
    @Test func oneFieldSortsIntoPhoneEmailAndOther() {
        var r = Assessment.Referrer()
        r.combinedContact = "01388 000000; alex@school.example; ask for Alex"
        #expect(r.phone == "01388 000000" && r.email == "alex@school.example" && r.contact == "ask for Alex")
        #expect(r.combinedContact == "01388 000000; alex@school.example; ask for Alex")
        r.combinedContact = "alex@school.example"
        #expect(r.phone.isEmpty && r.email == "alex@school.example" && r.contact.isEmpty)
    }
}
