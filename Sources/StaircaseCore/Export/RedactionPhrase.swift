/// One thing the record holds (a name, an address line, a date of birth in one written form),
/// as the redactor looks for it in free text.
///
/// A space in the phrase matches any run of white space, so a note that wraps "3 Sample Close"
/// across lines is still found. A `capitalised` phrase matches only where the text's word starts
/// with a capital: a surname that is also an ordinary word ("Hope", "Mark") is a name in
/// "Mrs Hope" and a word in "we hope".
struct RedactionPhrase: Sendable {
    let chars: [String]
    let placeholder: String
    let capitalised: Bool

    init(_ text: String, _ placeholder: String, capitalised: Bool = false) {
        let words = text.split(whereSeparator: \.isWhitespace)
        chars = Array(words.joined(separator: " ")).map { $0.lowercased() }
        self.placeholder = placeholder
        self.capitalised = capitalised
    }

    /// Where the phrase ends when it matches `text` at `i` (already at a word boundary).
    func end(in text: [Character], lower: [String], at i: Int) -> Int? {
        guard !chars.isEmpty, lower[i] == chars[0] else { return nil }
        if capitalised && !text[i].isUppercase { return nil }
        var j = i
        for p in chars {
            if p == " " {
                guard j < text.count, text[j].isWhitespace else { return nil }
                while j < text.count && text[j].isWhitespace { j += 1 }
            } else {
                guard j < text.count, lower[j] == p else { return nil }
                j += 1
            }
        }
        // A phrase must not stop inside a word: "Kai" is not in "Kaiser".
        if j < text.count && RedactionPatterns.isWordChar(text[j]) { return nil }
        return j
    }

    /// `text` with every match of any of `phrases` (tried in order, so longest first) replaced;
    /// `byFirst` is the same phrases grouped by their first character, so that each word of a
    /// long note is tried only against the phrases that could start there.
    static func apply(_ byFirst: [String: [RedactionPhrase]], to text: String) -> String {
        if byFirst.isEmpty || text.isEmpty { return text }
        let chars = Array(text)
        let lower = chars.map { $0.lowercased() }
        var out = ""
        var i = 0
        while i < chars.count {
            if i == 0 || !RedactionPatterns.isWordChar(chars[i - 1]),
                let (end, placeholder) = (byFirst[lower[i]] ?? []).lazy.compactMap({ p in
                    p.end(in: chars, lower: lower, at: i).map { ($0, p.placeholder) }
                })
                .first
            {
                out += placeholder
                i = end
                continue
            }
            out.append(chars[i])
            i += 1
        }
        return out
    }

    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    /// A date as people write it: "2022-02-03", "03/02/2022", "3/2/2022", "3.2.22",
    /// "3 February 2022", "3rd Feb 2022", "February 3, 2022".
    static func writtenForms(of d: CalendarDate) -> [String] {
        let dd = d.day < 10 ? "0\(d.day)" : "\(d.day)"
        let mm = d.month < 10 ? "0\(d.month)" : "\(d.month)"
        let yy = String(String(d.year).suffix(2))
        var out = [d.description]
        for sep in ["/", "-", "."] {
            for day in Set([dd, "\(d.day)"]) {
                for month in Set([mm, "\(d.month)"]) {
                    for year in ["\(d.year)", yy] { out.append(day + sep + month + sep + year) }
                }
            }
        }
        let suffix: String
        switch d.day {
        case 1, 21, 31: suffix = "st"
        case 2, 22: suffix = "nd"
        case 3, 23: suffix = "rd"
        default: suffix = "th"
        }
        let month = months[d.month - 1]
        for name in [month, String(month.prefix(3))] {
            for day in ["\(d.day)", dd, "\(d.day)\(suffix)"] {
                out += ["\(day) \(name) \(d.year)", "\(day) of \(name) \(d.year)", "\(name) \(day), \(d.year)", "\(name) \(day) \(d.year)"]
            }
        }
        return out
    }
}
