/// The shapes of identifying detail that a redacted summary removes from free text whether or
/// not the record holds them: e-mail addresses, UK phone numbers and UK postcodes. A neighbour's
/// number in a note identifies a family as surely as the carer's own.
///
/// Hand-written scanners rather than regular expressions: they run on every free-text field of
/// every redacted export (and ten thousand times in the property test), and each rule is short
/// enough to read here in full.
enum RedactionPatterns {
    static let email = "[e-mail]"
    static let phone = "[phone]"
    static let postcode = "[postcode]"

    /// `text` with every e-mail address, UK phone number (or a number in `knownPhones`, as
    /// national digits) and UK postcode replaced by its placeholder.
    static func apply(_ text: String, knownPhones: Set<String> = []) -> String {
        var chars = Array(text)
        chars = replace(chars, placeholder: email, span: emailSpan)
        chars = replace(chars, placeholder: phone) { phoneSpan($0, $1, known: knownPhones) }
        chars = replace(chars, placeholder: postcode, span: postcodeSpan)
        return String(chars)
    }

    static func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    /// Walks `chars`, and where `span` finds a match starting at a word boundary, puts the
    /// placeholder in its place.
    static func replace(_ chars: [Character], placeholder: String, span: ([Character], Int) -> Int?) -> [Character] {
        var out: [Character] = []
        out.reserveCapacity(chars.count)
        var i = 0
        while i < chars.count {
            if i == 0 || !isWordChar(chars[i - 1]), let end = span(chars, i), end > i {
                out += placeholder
                i = end
                continue
            }
            out.append(chars[i])
            i += 1
        }
        return out
    }

    // MARK: E-mail

    static func isLocalChar(_ c: Character) -> Bool { isWordChar(c) || "._%+-'".contains(c) }
    static func isDomainChar(_ c: Character) -> Bool { isWordChar(c) || c == "-" || c == "." }

    /// An e-mail address starting at `i`: local part, "@", a domain with at least one dot. The
    /// whole address goes, so a local part made of names leaves no domain behind.
    static func emailSpan(_ c: [Character], _ i: Int) -> Int? {
        guard isLocalChar(c[i]) else { return nil }
        var at = i
        while at < c.count && isLocalChar(c[at]) { at += 1 }
        guard at < c.count, c[at] == "@", at > i else { return nil }
        var end = at + 1
        while end < c.count && isDomainChar(c[end]) { end += 1 }
        while end > at + 1 && (c[end - 1] == "." || c[end - 1] == "-") { end -= 1 }
        let domain = c[(at + 1)..<end]
        guard domain.contains("."), domain.first.map(isWordChar) == true else { return nil }
        return end
    }

    // MARK: Phone

    /// Digits as a UK number is dialled at home: "+44 7700 900456" and "0044…" become "07700900456".
    static func national(_ digits: String) -> String {
        var rest = Substring(digits)
        if rest.hasPrefix("0044") {
            rest = rest.dropFirst(4)
        } else if rest.hasPrefix("44") && rest.count >= 11 {
            rest = rest.dropFirst(2)
        } else {
            return digits
        }
        return rest.hasPrefix("0") ? String(rest) : "0" + rest
    }

    /// A UK number: ten or eleven digits from a leading 0 that is not an international "00".
    static func isUKNumber(_ national: String) -> Bool {
        (10...11).contains(national.count) && national.hasPrefix("0") && !national.hasPrefix("00")
    }

    /// A phone number starting at `i`, written with or without spaces, hyphens, brackets or
    /// "+44": the longest run whose digits make a UK number or one the record holds.
    static func phoneSpan(_ c: [Character], _ i: Int, known: Set<String>) -> Int? {
        guard c[i] == "+" || c[i] == "(" || c[i].isASCIIDigit else { return nil }
        var digits = ""
        var j = i
        var best: Int?
        var lastWasSeparator = false
        while j < c.count && digits.count <= 15 {
            let ch = c[j]
            if ch.isASCIIDigit {
                digits.append(ch)
                lastWasSeparator = false
                let next = j + 1 < c.count ? c[j + 1] : " "
                if !next.isASCIIDigit && !isWordChar(next) {
                    let n = national(digits)
                    if isUKNumber(n) || (n.count >= 6 && known.contains(n)) { best = j + 1 }
                }
            } else if ch == "+" && j == i {
                lastWasSeparator = false
            } else if ch == " " || ch == "-" || ch == "(" || ch == ")" || ch == "\u{00A0}" {
                if lastWasSeparator && ch == " " { break }
                lastWasSeparator = ch == " " || ch == "-"
            } else {
                break
            }
            j += 1
        }
        if let b = best, b < c.count, c[b] == ")" { return b + 1 }
        return best
    }

    // MARK: Postcode

    static let inwardLetters = Set("ABDEFGHJLNPQRSTUWXYZ")

    /// A UK postcode starting at `i`, in any case, with or without its space: one or two
    /// letters, a digit, an optional letter or digit, then a digit and two letters.
    static func postcodeSpan(_ c: [Character], _ i: Int) -> Int? {
        func letter(_ k: Int) -> Bool { k < c.count && c[k].isASCII && c[k].isLetter }
        func digit(_ k: Int) -> Bool { k < c.count && c[k].isASCIIDigit }
        func inward(_ k: Int) -> Int? {
            var k = k
            if k < c.count && c[k] == " " { k += 1 }
            guard digit(k), letter(k + 1), letter(k + 2),
                inwardLetters.contains(Character(c[k + 1].uppercased())), inwardLetters.contains(Character(c[k + 2].uppercased()))
            else { return nil }
            let end = k + 3
            return end == c.count || !isWordChar(c[end]) ? end : nil
        }
        guard letter(i) else { return nil }
        var k = i + 1
        if letter(k) { k += 1 }
        guard digit(k) else { return nil }
        k += 1
        // The outward code's optional last character, tried first with it and then without.
        if k < c.count && (letter(k) || digit(k)), let end = inward(k + 1) { return end }
        return inward(k)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
