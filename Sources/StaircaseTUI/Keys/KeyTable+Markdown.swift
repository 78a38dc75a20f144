/// The key table in docs/practitioner.md, written from the key table itself; a test compares the two, so the
/// guide cannot drift from what the keys do.
extension KeyTable {
    public static func markdown() -> String {
        var out = "| key | does | where |\n|---|---|---|\n"
        let allScreens = KeyContexts(KeyContext.screens)
        for b in bindings {
            let contexts = KeyContext.allCases.filter(b.contexts.contains)
            let place: String
            if Set(contexts) == Set(KeyContext.allCases) {
                place = "everywhere"
            } else if b.contexts.isSuperset(of: allScreens) {
                place = "every screen"
            } else {
                place = contexts.map(\.name).joined(separator: ", ")
            }
            out += "| \(b.keyLabel.replacingPipes) | \(b.help.replacingPipes) | \(place) |\n"
        }
        var seen: Set<String> = []
        for context in KeyContext.allCases {
            guard let text = fallbackText(context), !seen.contains(text) else { continue }
            seen.insert(text)
            let places = KeyContext.allCases.filter { fallbackText($0) == text }.map(\.name).joined(separator: ", ")
            out += "| other keys | \(text) | \(places) |\n"
        }
        return out
    }
}

extension String {
    /// A table cell cannot hold a bare "|".
    fileprivate var replacingPipes: String { split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
}
