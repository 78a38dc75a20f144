/// The details a record holds besides names (the child's address, dates of birth, the days of
/// the chronology's events, contact details) as phrases for the redactor, each in the forms a person writes it.
///
/// A redacted summary leaves these fields out, so a note that repeats one would otherwise be
/// the only place it survives.
struct RecordDetails {
    static let address = "[address]"
    static let dateOfBirth = "[date of birth]"
    static let dueDate = "[due date]"
    static let contact = "[contact]"
    static let eventDate = "[date]"

    var phrases: [RedactionPhrase] = []
    /// Phone numbers the record holds, as national digits.
    var phones: Set<String> = []

    init(_ a: Assessment) {
        addAddress(a.child.address)
        for date in [a.child.dateOfBirth] + a.household.map(\.dateOfBirth) {
            guard let d = date.flatMap(CalendarDate.init) else { continue }
            phrases += RedactionPhrase.writtenForms(of: d).map { RedactionPhrase($0, Self.dateOfBirth) }
        }
        if let d = a.child.expectedDate.flatMap(CalendarDate.init) {
            phrases += RedactionPhrase.writtenForms(of: d).map { RedactionPhrase($0, Self.dueDate) }
        }
        // The chronology's days: a redacted summary keeps an event's month, so a note that
        // repeats its day must not give it back.
        for e in a.chronology {
            guard let day = e.date.day, let d = CalendarDate(year: e.date.year, month: e.date.month, day: day) else { continue }
            phrases += RedactionPhrase.writtenForms(of: d).map { RedactionPhrase($0, Self.eventDate) }
        }
        let contacts = [a.referrer.phone, a.referrer.email, a.referrer.contact] + a.carers.map(\.contact) + a.agencies.map(\.contact)
        for c in contacts.map(ExportText.line) where !c.isEmpty {
            // Each part of "07700 900456; mum's mobile" separately, and the number however written.
            for part in c.split(whereSeparator: { $0 == ";" || $0 == "," }).map({ ExportText.line(String($0)) }) {
                let digits = part.filter { $0.isASCII && $0.isNumber }
                if digits.count >= 6 { phones.insert(RedactionPatterns.national(digits)) }
                if part.count >= 5 && (part.contains { $0.isNumber } || part.contains("@")) {
                    phrases.append(RedactionPhrase(part, Self.contact))
                }
            }
        }
    }

    /// An address by its lines ("3 Sample Close", "Crook") and its postcode, each line also
    /// without its house number ("Sample Close"). A line of one word is matched only with a
    /// capital, as a name is: "Crook" is a town, "crook" a word.
    mutating func addAddress(_ text: String) {
        let address = ExportText.block(text)
        guard !address.isEmpty else { return }
        phrases.append(RedactionPhrase(address, Self.address))
        for raw in address.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" }) {
            // A postcode at the end of a line is its own line.
            var words = raw.split(whereSeparator: \.isWhitespace).map(String.init)
            if words.count >= 2 {
                let tail = words.suffix(2).joined(separator: " ")
                if RedactionPatterns.postcodeSpan(Array(tail), 0) == tail.count {
                    phrases.append(RedactionPhrase(tail, RedactionPatterns.postcode))
                    words.removeLast(2)
                }
            }
            addLine(words)
            // Without the house number ("3", "3a", "Flat 2"): the street alone identifies too.
            if let first = words.first, first.first?.isNumber == true { addLine(Array(words.dropFirst())) }
        }
    }

    mutating func addLine(_ words: [String]) {
        guard words.joined().filter(\.isLetter).count >= 3 || words.joined().contains(where: \.isNumber) else { return }
        phrases.append(RedactionPhrase(words.joined(separator: " "), Self.address, capitalised: words.count == 1))
    }
}
