import Foundation
import Testing

@testable import StaircaseCore

#if canImport(Glibc)
    import Glibc
#endif

/// A redacted summary holds none of the record's details, in any format, however a person wrote
/// them in free text; and ordinary words that are also surnames survive in lower case.
///
/// Records are generated from a seed (`STAIRCASE_REDACTION_RECORDS` sets how many; 10,000 by
/// default, about a minute on one quiet core). The forms written here are the test's own, not the redactor's list.
@Suite struct RedactionPropertyTests {
    static let firstNames = ["Megan", "Lily", "Kai", "Sam", "Jamie", "Priya", "Oliver", "Zofia", "Aisha", "Connor", "Ruth", "Tomasz"]
    /// Surnames that are also ordinary English words.
    static let wordSurnames = [
        "Hope", "Mark", "Brown", "Green", "White", "Young", "King", "Hill", "Wood", "Rose", "Bell", "Lamb", "Rich", "Moon", "Cook",
        "Page",
    ]
    static let otherSurnames = ["Patel", "Kowalski", "Dunn", "Okafor", "Nowak"]
    static let streets = ["Sample Close", "Station Road", "Elm Grove", "Quarry Lane", "Front Street"]
    static let towns = ["Crook", "Consett", "Stanley", "Seaham"]
    static let postcodes = ["DL15 0XX", "DH8 5AB", "SR7 7HN", "DH9 6PZ", "NE1 4XF"]
    static let strangerPostcodes = ["SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "LS1 4DY"]
    /// Sentences of ordinary words (the surnames above and a town, in lower case) that must survive.
    static let ordinary = [
        "we hope to see a mark fade", "a brown and green coat", "a white wall", "a young king", "up the hill by the wood",
        "a rose in a bell jar", "a lamb", "rich food", "the moon", "cook a meal", "turn the page", "a crook in the story",
    ]
    static let ordinaryWords = [
        "hope", "mark", "brown", "green", "white", "young", "king", "hill", "wood", "rose", "bell", "lamb",
        "rich", "moon", "cook", "page", "crook",
    ]
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    struct Generated {
        var assessment: Assessment
        /// Every detail written into free text, exactly as written: none may survive.
        var secrets: [String]
        /// Name words as names (capitalised): none may survive as a whole word.
        var nameWords: [String]
    }

    static func pick<T>(_ list: [T], _ g: inout SplitMix) -> T { list[Int(g.next() % UInt64(list.count))] }

    static func dateForms(_ y: Int, _ m: Int, _ d: Int) -> [String] {
        let dd = String(format: "%02d", d)
        let mm = String(format: "%02d", m)
        return [
            "\(y)-\(mm)-\(dd)", "\(dd)/\(mm)/\(y)", "\(d)/\(m)/\(y)", "\(d) \(months[m - 1]) \(y)",
            "\(d) \(months[m - 1].prefix(3)) \(y)", "\(months[m - 1]) \(d), \(y)",
        ]
    }

    /// "07700 900456" as people write it: with or without spaces, with +44 or 0044, in brackets.
    static func phoneForms(_ area: String, _ rest: String) -> [String] {
        let bare = String(area.dropFirst())
        return [
            "\(area) \(rest)", "\(area)\(rest)", "+44 \(bare) \(rest)", "+44\(bare)\(rest)", "(\(area)) \(rest)",
            "0044 \(bare) \(rest)", "+44 (0)\(bare) \(rest)",
        ]
    }

    static func generate(_ base: Assessment, _ g: inout SplitMix) -> Generated {
        var a = base
        var secrets: [String] = []
        var names: [String] = []
        func person() -> String {
            let n = pick(firstNames, &g) + " " + (g.next() % 3 == 0 ? pick(otherSurnames, &g) : pick(wordSurnames, &g))
            names.append(n)
            return n
        }
        a.child.name = person()
        let (y, m, d) = (2008 + Int(g.next() % 18), 1 + Int(g.next() % 12), 1 + Int(g.next() % 28))
        a.child.dateOfBirth = String(format: "%04d-%02d-%02d", y, m, d)
        let (hy, hm, hd) = (2005 + Int(g.next() % 20), 1 + Int(g.next() % 12), 1 + Int(g.next() % 28))
        let number = 1 + Int(g.next() % 99)
        let street = pick(streets, &g)
        let town = pick(towns, &g)
        let postcode = pick(postcodes, &g)
        a.child.address = "\(number) \(street), \(town) \(postcode)"
        let carerPhone = ("07700", String(900_000 + Int(g.next() % 1000)))
        let referrerPhone = ("0191", "496 " + String(format: "%04d", Int(g.next() % 10000)))
        let agencyPhone = ("03000", String(format: "%06d", Int(g.next() % 1_000_000)))
        a.carers = [.init(name: person())]
        a.carers[0].contact = "\(carerPhone.0) \(carerPhone.1)"
        a.carers[0].relationship = "mother"
        a.household = [.init(name: person())]
        a.household[0].dateOfBirth = String(format: "%04d-%02d-%02d", hy, hm, hd)
        a.referrer.name = person()
        a.referrer.phone = "\(referrerPhone.0) \(referrerPhone.1)"
        let referrerParts = a.referrer.name.split(separator: " ")
        a.referrer.email = "\(referrerParts[0].lowercased()).\(referrerParts[1].lowercased())@example.nhs.uk"
        a.leadProfessional.name = person()
        a.agencies = [.init(agency: "Early Help", worker: person(), contact: "\(agencyPhone.0) \(agencyPhone.1)", role: "")]
        let strangerPhone = ("07" + String(100 + Int(g.next() % 900)), String(format: "%06d", Int(g.next() % 1_000_000)))
        let strangerMail = "neighbour\(g.next() % 100)@example.net"

        var pool: [String] = []
        for n in names {
            let parts = n.split(separator: " ").map(String.init)
            pool += [n, parts[0], parts[1], parts[0] + "'s", n.uppercased(), "Mrs " + parts[1]]
        }
        // A day of the chronology: the table keeps its month, and free text must not give the day back.
        let (ey, em, ed) = (2023 + Int(g.next() % 3), 1 + Int(g.next() % 12), 1 + Int(g.next() % 28))
        pool += dateForms(y, m, d) + dateForms(hy, hm, hd) + dateForms(ey, em, ed)
        for p in [carerPhone, referrerPhone, agencyPhone, strangerPhone] { pool += phoneForms(p.0, p.1) }
        pool += [
            a.child.address, "\(number) \(street)", street, town, postcode, postcode.lowercased(),
            postcode.replacingOccurrences(of: " ", with: ""), pick(strangerPostcodes, &g),
        ]
        pool += [a.referrer.email, a.referrer.email.uppercased(), strangerMail, town.uppercased()]

        func text() -> String {
            var parts: [String] = []
            for _ in 0..<(3 + Int(g.next() % 4)) {
                let s = pick(pool, &g)
                parts.append(s)
                secrets.append(s)
            }
            parts.append(pick(ordinary, &g))
            return parts.joined(separator: g.next() % 2 == 0 ? "; " : " and ")
        }
        a.child.whereNow = text()
        a.child.communicationNeeds = text()
        a.child.firstLanguage = text()
        a.child.disability = text()
        a.referrer.agency = text()
        a.referrer.role = text()
        a.consent.status = .refused
        a.consent.reason = text()
        a.sharing.lawfulBasisDetail = text()
        a.sharing.notToldReason = text()
        a.carers[0].relationship = text()
        a.household[0].relationship = text()
        a.agencies[0].role = text()
        for id in a.answers.keys { a.answers[id]?.note = text() }
        a.workingWell.overall = text()
        a.childsVoice = text()
        a.decision?.reason = text()
        // Issue 25's free text: the worry, what is working well per domain, the request, the
        // household notes, and each event's what and source.
        a.worry = text()
        for domain in ["child", "parenting", "family"] { a.workingWell.domains[domain] = text() }
        a.request = .init(kinds: [.earlyHelp], detail: text())
        for id in ["domestic-abuse", "mental-illness", "substance-misuse", "learning-difficulties"] {
            a.householdDifficulties[id] = .init(.yes, note: text())
        }
        if let day = EventDate(year: ey, month: em, day: ed), let month = EventDate(year: ey, month: em, approximate: true) {
            a.chronology = [
                ChronologyEvent(id: "e-property0000000001", date: day, what: text(), source: text(), rows: ["a1.r1"]),
                ChronologyEvent(id: "e-property0000000002", date: month, what: text(), source: text(), rows: ["f1.r1"]),
            ]
        }
        let nameWords = names.flatMap { $0.split(separator: " ").map(String.init) }
        // A town of one word is matched as a name is, with a capital: "a crook" is a word.
        return Generated(
            assessment: a, secrets: secrets.filter { !nameWords.contains($0) && $0.lowercased() != town.lowercased() },
            nameWords: nameWords + [town, town.uppercased()])
    }

    /// What a reader sees, as bytes on one line: JSON's strings, HTML's entities decoded,
    /// Markdown's backslash escapes and plain text's quotation bars and line breaks taken out.
    static func readable(_ out: String, _ format: ExportFormat) -> [UInt8] {
        var s = out
        switch format {
        case .json:
            let object = try? JSONSerialization.jsonObject(with: Data(out.utf8))
            var strings: [String] = []
            func walk(_ v: Any) {
                if let t = v as? String { strings.append(t) }
                if let d = v as? [String: Any] { d.values.forEach(walk) }
                if let l = v as? [Any] { l.forEach(walk) }
            }
            if let object { walk(object) }
            // A mark between strings: two fields side by side ("2026-06" and "June 2026") are not
            // one text, and must not read as "6 June 2026" across the join.
            s = strings.joined(separator: "\n•\n")
        case .html:
            for (e, c) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&amp;", "&")] {
                s = s.replacingOccurrences(of: e, with: c)
            }
        case .markdown: break
        case .text:
            // The chronology's columns sit side by side, so one line of the table joins the ends
            // of unrelated cells ("Mrs" and the next cell's "young"); the same cells are read
            // whole in the JSON, Markdown and HTML, so the text table is left out here.
            var lines = s.split(separator: "\n", omittingEmptySubsequences: false)
            if let start = lines.firstIndex(where: { $0.hasPrefix("== Chronology") }) {
                let end = lines[start...].firstIndex(where: \.isEmpty) ?? lines.endIndex
                lines.removeSubrange(start..<end)
            }
            s = lines.joined(separator: "\n")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var escaped = false
        var lineStart = true
        for b in s.utf8 {
            if format == .markdown && !escaped && b == UInt8(ascii: "\\") {
                escaped = true
                continue
            }
            escaped = false
            let space = b == 0x20 || b == 0x0A || b == 0x09
            if b == 0x0A {
                lineStart = true
                if bytes.last != 0x20 { bytes.append(0x20) }
                continue
            }
            // A wrapped quotation's "  | " at the start of a line.
            if format == .text && lineStart && (space || b == UInt8(ascii: "|")) { continue }
            lineStart = false
            if space {
                if bytes.last != 0x20 { bytes.append(0x20) }
            } else {
                bytes.append(b)
            }
        }
        return bytes
    }

    static func asciiLower(_ bytes: [UInt8]) -> [UInt8] { bytes.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 } }

    /// The offsets where `needle` occurs in `haystack` (memchr for its first byte, then memcmp):
    /// the test makes millions of searches.
    static func occurrences(_ haystack: [UInt8], _ needle: String, firstOnly: Bool = false) -> [Int] {
        let n = Array(needle.utf8)
        guard let first = n.first, haystack.count >= n.count else { return [] }
        var found: [Int] = []
        haystack.withUnsafeBufferPointer { h in
            n.withUnsafeBufferPointer { k in
                guard let base = h.baseAddress, let key = k.baseAddress else { return }
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    guard let hit = memchr(base + i, Int32(first), last - i + 1) else { return }
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + at, key, n.count) == 0 {
                        found.append(at)
                        if firstOnly { return }
                    }
                    i = at + 1
                }
            }
        }
        return found
    }

    static func isWordByte(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b >= 0x80 }

    /// How often `word` occurs as a whole word, outside e-mail addresses (whose local parts are
    /// lower-case names in the full summary).
    static func wordCount(_ text: [UInt8], _ word: String) -> Int {
        let n = word.utf8.count
        return occurrences(text, word).filter { at in
            let before = at == 0 ? 0x20 : text[at - 1]
            let after = at + n == text.count ? 0x20 : text[at + n]
            return !isWordByte(before) && !isWordByte(after) && before != UInt8(ascii: ".") && after != UInt8(ascii: "@")
                && after != UInt8(ascii: ".")
        }.count
    }

    @Test func nothingTheRecordHoldsSurvivesRedactionAndOrdinaryWordsDo() async throws {
        let count = Int(ProcessInfo.processInfo.environment["STAIRCASE_REDACTION_RECORDS"] ?? "") ?? 10_000
        let c = try Fixtures.minimal()
        let base = try ExportSupport.assessment("level3", catalogue: c)
        // Four seeded slices, run side by side: the same records every run, in half the time.
        let slices = 4
        let results = await withTaskGroup(of: (Int, [String]).self) { group in
            for slice in 0..<slices {
                let range = (count * slice / slices)..<(count * (slice + 1) / slices)
                group.addTask { Self.check(range, seed: 20_261_207 &+ UInt64(slice), catalogue: c, base: base) }
            }
            var all: [(Int, [String])] = []
            for await r in group { all.append(r) }
            return all
        }
        for problem in results.flatMap(\.1).prefix(20) { Issue.record(Comment(rawValue: problem)) }
        #expect(results.map(\.0).reduce(0, +) == count * 4, "every record was checked in four formats")
    }

    /// Generates and checks the records in `range`: how many summaries were checked, and what leaked.
    static func check(_ range: Range<Int>, seed: UInt64, catalogue c: Catalogue, base: Assessment) -> (Int, [String]) {
        var g = SplitMix(seed: seed)
        var problems: [String] = []
        var checked = 0
        for n in range where problems.count < 20 {
            let gen = generate(base, &g)
            let a = gen.assessment
            let proposal = ScoringEngine(catalogue: c).propose(a)
            let redacted = ReferralSummary.build(catalogue: c, assessment: a, proposal: proposal, redact: true)
            let plain = ReferralSummary.build(catalogue: c, assessment: a, proposal: proposal, redact: false)
            for format in ExportFormat.allCases {
                let out = readable(ReferralExporter.render(format: format, summary: redacted), format)
                let lower = asciiLower(out)
                for s in gen.secrets where !occurrences(lower, s.lowercased(), firstOnly: true).isEmpty {
                    problems.append("record \(n), \(format): \"\(s)\" survives")
                }
                for w in gen.nameWords where wordCount(out, w) > 0 {
                    problems.append("record \(n), \(format): the name \"\(w)\" survives")
                }
                // Lower-case ordinary words: as many in the redacted summary as in the full one.
                if n % 10 == 0 {
                    let full = readable(ReferralExporter.render(format: format, summary: plain), format)
                    var kept = 0
                    for w in ordinaryWords {
                        let (now, before) = (wordCount(out, w), wordCount(full, w))
                        kept += now
                        // The JSON holds every field whole: exactly as often. The first screen of
                        // the other formats cuts long text at a word, at a different place when
                        // labels replace names, so there a word kept is a word still present.
                        let lost = format == .json ? now != before : before > 0 && now == 0
                        if lost { problems.append("record \(n), \(format): \"\(w)\" \(now) times, not \(before)") }
                    }
                    if kept == 0 { problems.append("record \(n), \(format): no ordinary word to keep") }
                }
                checked += 1
            }
        }
        return (checked, problems)
    }

    @Test func theIssuesReproductionLeavesNoDetailOfTheRecord() throws {
        let c = try Fixtures.durham()
        var a = try AssessmentLoader.load(path: Fixtures.projectFile("Data/examples/level4-immediate-danger.json"), catalogue: c)
        a.answers["abuse-and-neglect.injuries"]?.note +=
            " Call mum on 07700 900456 or Sam on sam.patel@example.nhs.uk; home is 3 Sample Close, Crook DL15 0XX; Kai was born 2022-02-03."
        let out = ReferralExporter.render(format: .text, catalogue: c, assessment: a, redact: true)
        for s in ["07700", "900456", "sam.patel", "example.nhs.uk", "Sample Close", "Crook", "DL15", "2022-02-03", "Kai", "Sam"] {
            #expect(!out.contains(s), "\(s) survives")
        }
        #expect(
            String(decoding: Self.readable(out, .text), as: UTF8.self).contains(
                "Call mum on [phone] or [referrer] on [e-mail]; home is [address], [address] [postcode]; [child] was born [date of birth].")
        )
    }

    @Test func aSurnameThatIsAlsoAWordIsANameOnlyWithACapital() {
        var a = Assessment(id: "a", createdAt: "2026-11-20T10:00:00Z", catalogue: .init(id: "x", version: "1"))
        a.carers = [.init(name: "Megan Hope")]
        a.household = [.init(name: "Lily Mark")]
        a.agencies = [.init(agency: "GP", worker: "Dr Anna Ellis", contact: "", role: "")]
        let r = Redactor(a)
        #expect(
            r.apply("we hope to see a mark fade; Hope said Lily Mark and lily mark came")
                == "we hope to see a mark fade; [carer] said [household member] and [household member] came")
        #expect(r.apply("see http://ellis.example") == "see http://ellis.example")
    }

    @Test func everyUKPhoneNumberPostcodeAndEmailIsRemovedFromFreeText() {
        let a = Assessment(id: "a", createdAt: "2026-11-20T10:00:00Z", catalogue: .init(id: "x", version: "1"))
        let r = Redactor(a)
        #expect(
            r.apply("next door: 0191 496 0123, +44 (0)20 7946 0958, ne1 4xf, SW1A1AA, x.y@example.org.")
                == "next door: [phone], [phone], [postcode], [postcode], [e-mail].")
        #expect(
            r.apply("attendance 84% in year 6; 3 times since 2024; Y6 class") == "attendance 84% in year 6; 3 times since 2024; Y6 class")
    }
}
