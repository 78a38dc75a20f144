/// Replaces every name the record knows, wherever it appears in text written for the summary.
///
/// The names are the child's, the carers', the household's (siblings included), the referrer's,
/// the Lead Professional's and the agency workers'. Each full name and each word of it (a first
/// name or surname alone) is matched as a whole word, case-insensitively, so "Jamie", "jamie's"
/// and "Jamie Smith" inside a note all go. Titles such as "Mrs" are not names; a field holding
/// only a role ("Class Teacher") is replaced as a phrase, never word by word.
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

    /// Lower-cased words to replace, longest phrases first, each with its placeholder.
    let patterns: [([String], String)]
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
        var patterns: [([String], String)] = []
        var kinds: [Kind] = []
        for (name, kind) in named {
            let clean = Self.personalPart(name)
            let words = clean.split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" && $0 != "-" }).map(String.init)
            // A field of role words only ("Class Teacher") names a role: only the whole phrase
            // goes. One word that is not ("Jane Head") makes it a name, and every word goes.
            let isRole = !words.isEmpty && words.allSatisfy { Self.roleWords.contains($0.lowercased()) }
            var pieces = [clean] + (isRole ? [] : words)
            pieces = pieces.filter { p in
                let letters = p.filter(\.isLetter)
                return letters.count >= 2 && !Self.titles.contains(p.lowercased())
            }
            if !pieces.isEmpty && !kinds.contains(kind) { kinds.append(kind) }
            for p in pieces where seen.insert(p.lowercased()).inserted {
                patterns.append((p.map { $0.lowercased() }, kind.placeholder))
            }
        }
        self.patterns = patterns.sorted { $0.0.count > $1.0.count }
        self.kinds = Kind.allCases.filter(kinds.contains)
    }

    public var isEmpty: Bool { patterns.isEmpty }

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

    /// `text` with every whole-word match of a known name replaced by its placeholder.
    public func apply(_ text: String) -> String {
        if patterns.isEmpty || text.isEmpty { return text }
        let chars = Array(text)
        let lower = chars.map { $0.lowercased() }
        var out = ""
        var i = 0
        func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber }
        while i < chars.count {
            if i == 0 || !isWordChar(chars[i - 1]) {
                var matched = false
                for (p, replacement) in patterns where p.count <= lower.count - i && lower[i] == p[0] {
                    let end = i + p.count
                    guard lower[i..<end].elementsEqual(p), end == chars.count || !isWordChar(chars[end]) else { continue }
                    out += replacement
                    i = end
                    matched = true
                    break
                }
                if matched { continue }
            }
            out.append(chars[i])
            i += 1
        }
        return out
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
