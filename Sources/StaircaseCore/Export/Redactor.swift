/// Removes the record's own details from text written for the summary, wherever they appear.
///
/// Names are the child's, the carers', the household's (siblings included), the referrer's, the
/// Lead Professional's and the agency workers'. A whole name of two or more words is matched in
/// any case ("jamie smith"); a single word of it only as a name, starting with a capital
/// ("Jamie", "JAMIE'S"), so a surname that is also a word ("Hope") leaves "we hope" alone.
/// Titles such as "Mrs" are not names; a field holding only a role ("Class Teacher") is replaced
/// as a phrase, never word by word. The record's addresses, dates of birth and contact details
/// are `RecordDetails`; e-mail addresses, UK phone numbers and postcodes of any kind go too
/// (`RedactionPatterns`).
public struct Redactor: Sendable {
    /// The kinds of name, in the order the banner lists them.
    public enum Kind: String, CaseIterable, Sendable {
        case child, carer, household, referrer, leadProfessional, agencyWorker

        public var placeholder: String {
            switch self {
            case .child: "[child]"
            case .carer: "[carer]"
            case .household: "[household member]"
            case .referrer: "[referrer]"
            case .leadProfessional: "[Lead Professional]"
            case .agencyWorker: "[agency worker]"
            }
        }

        public var plural: String {
            switch self {
            case .child: "the child"
            case .carer: "parents and carers"
            case .household: "household members and siblings"
            case .referrer: "the referrer"
            case .leadProfessional: "the Lead Professional"
            case .agencyWorker: "agency workers"
            }
        }
    }

    /// What to look for in free text, longest first so "Megan Hope" goes before "Megan".
    let phrases: [RedactionPhrase]
    let byFirst: [String: [RedactionPhrase]]
    /// The record's phone numbers as national digits ("07700900456"), found however written.
    let knownPhones: Set<String>
    /// The kinds with at least one name in the record.
    public let kinds: [Kind]

    static let titles: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev"]

    /// Words of a role, not of a person: a referrer entered as "Class Teacher" or an agency
    /// worker as "Duty Social Worker" must not turn every "teacher" or "social" in the notes
    /// into a label. Only a field made wholly of them is taken as a role; "Jane Head" is a name.
    static let roleWords: Set<String> = [
        "teacher", "headteacher", "head", "deputy", "class", "form", "tutor", "assistant", "teaching", "school", "nurse",
        "health", "visitor", "midwife", "doctor", "gp", "social", "worker", "duty", "officer", "police", "pc", "manager",
        "lead", "professional", "practitioner", "early", "help", "family", "support", "senco", "dsl", "designated",
        "safeguarding", "team", "service", "the", "and", "of", "unknown", "not", "known",
    ]

    public init(_ a: Assessment) {
        var named: [(String, Kind)] = [(a.child.name, .child)]
        named += a.carers.map { ($0.name, .carer) }
        named += a.household.map { ($0.name, .household) }
        named += [(a.referrer.name, .referrer), (a.leadProfessional.name, .leadProfessional)]
        named += a.agencies.map { ($0.worker, .agencyWorker) }
        var seen = Set<String>()
        var phrases: [RedactionPhrase] = []
        var kinds: [Kind] = []
        for (name, kind) in named {
            let clean = Self.personalPart(name)
            let words = clean.split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" && $0 != "-" }).map(String.init)
            // A field of role words only ("Class Teacher") names a role: only the whole phrase
            // goes. One word that is not ("Jane Head") makes it a name, and every word goes.
            let isRole = !words.isEmpty && words.allSatisfy { Self.roleWords.contains($0.lowercased()) }
            let pieces = ([clean] + (isRole ? [] : words)).filter { p in
                p.filter(\.isLetter).count >= 2 && !Self.titles.contains(p.lowercased())
            }
            if !pieces.isEmpty && !kinds.contains(kind) { kinds.append(kind) }
            for p in pieces where seen.insert(p.lowercased()).inserted {
                // The whole name of two words or more in any case; one word only as a name.
                let oneWord = !p.contains(where: { !$0.isLetter && $0 != "'" && $0 != "’" && $0 != "-" })
                phrases.append(RedactionPhrase(p, kind.placeholder, capitalised: oneWord))
            }
        }
        let details = RecordDetails(a)
        self.phrases = (phrases + details.phrases).sorted { $0.chars.count > $1.chars.count }
        self.byFirst = Dictionary(grouping: self.phrases.filter { !$0.chars.isEmpty }) { $0.chars[0] }
        self.knownPhones = details.phones
        self.kinds = Kind.allCases.filter(kinds.contains)
    }

    public var isEmpty: Bool { phrases.isEmpty }

    /// The name without a parenthesised part ("R. Ellis (Early Help)" → "R. Ellis") or titles
    /// ("Dr Anna Kowalski" → "Anna Kowalski"): the words that identify the person.
    public static func personalPart(_ name: String) -> String {
        var out = ""
        var depth = 0
        for ch in ExportText.line(name) {
            if ch == "(" || ch == "[" {
                depth += 1
            } else if ch == ")" || ch == "]" {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                out.append(ch)
            }
        }
        let words = out.split(whereSeparator: \.isWhitespace).filter { !titles.contains($0.lowercased().filter(\.isLetter)) }
        return words.joined(separator: " ")
    }

    /// Initials of the personal part of a name, for name fields in a redacted summary.
    public static func initials(_ name: String) -> String { ExportText.initials(personalPart(name)) }

    /// `text` with the record's own details and every e-mail address, UK phone number and
    /// postcode replaced by a label: patterns first, so an e-mail address made of names goes
    /// whole, then the record's phrases.
    public func apply(_ text: String) -> String {
        if text.isEmpty { return text }
        return RedactionPhrase.apply(byFirst, to: RedactionPatterns.apply(text, knownPhones: knownPhones))
    }

    /// "Names replaced: the child, parents and carers and the referrer …", for the banner.
    public var bannerLine: String {
        guard !kinds.isEmpty else { return "The record holds no names to replace." }
        let list = kinds.map(\.plural)
        let joined = list.count == 1 ? list[0] : list.dropLast().joined(separator: ", ") + " and " + (list.last ?? "")
        return "Names replaced wherever they appear, free text included: " + joined
            + ". In name fields they are initials; in free text a label such as [child]."
    }
}
