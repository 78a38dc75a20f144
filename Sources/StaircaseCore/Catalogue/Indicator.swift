#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One row of the indicators matrix: a descriptor (or "not applicable") at each of the four levels.
public struct Indicator: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var title: String
    public var tags: [String]
    public var levels: Cells
    public var sourceNote: String?
    public var sourceLines: [Int]?
    /// The ages the row applies to, from the document's wording; nil applies at every age.
    public var ages: AgeRange?
    /// The words of a level's descriptor that speak of time (how often, how long, how recently:
    /// "persistently", "on one or two occasions"), keyed "2"…"4", exactly as the descriptor has
    /// them; nil when no descriptor of the row does. A chronology of events can be quoted beside
    /// a rating at such a level.
    public var timeWords: [String: [String]]?

    public init(
        id: String, title: String, tags: [String] = [], levels: Cells,
        sourceNote: String? = nil, sourceLines: [Int]? = nil, ages: AgeRange? = nil,
        timeWords: [String: [String]]? = nil
    ) {
        self.ages = ages
        self.timeWords = timeWords
        self.id = id
        self.title = title
        self.tags = tags
        self.levels = levels
        self.sourceNote = sourceNote
        self.sourceLines = sourceLines
    }

    public func cell(_ level: Int) -> Cell? { levels[level] }
    public func hasTag(_ tag: String) -> Bool { tags.contains(tag) }

    /// The marked words of the level's descriptor that speak of time; empty when none.
    public func timeWords(atLevel level: Int) -> [String] { timeWords?[String(level)] ?? [] }

    /// Whether the level's descriptor turns on time (how often, how long, how recently).
    public func speaksOfTime(atLevel level: Int) -> Bool { !timeWords(atLevel: level).isEmpty }

    /// The four cells, keyed "1"…"4" in JSON so a missing level is reported by its number.
    public struct Cells: Codable, Sendable, Equatable {
        public var one: Cell
        public var two: Cell
        public var three: Cell
        public var four: Cell

        public init(_ one: Cell, _ two: Cell, _ three: Cell, _ four: Cell) {
            self.init(one: one, two: two, three: three, four: four)
        }

        /// The memberwise form, which `SwiftSource` writes for the compiled catalogue.
        public init(one: Cell, two: Cell, three: Cell, four: Cell) {
            self.one = one
            self.two = two
            self.three = three
            self.four = four
        }

        enum CodingKeys: String, CodingKey {
            case one = "1", two = "2", three = "3", four = "4"
        }

        public subscript(level: Int) -> Cell? {
            switch level {
            case 1: one
            case 2: two
            case 3: three
            case 4: four
            default: nil
            }
        }

        public var all: [Cell] { [one, two, three, four] }
    }
}

/// What the document says for one row at one level.
public enum Cell: Codable, Sendable, Equatable {
    /// The document's descriptor and the services it links to.
    case descriptor(text: String, links: [String])
    /// No descriptor applies: `stated` when the document writes "Not Applicable",
    /// `blank` when it leaves the cell empty.
    case notApplicable(NotApplicable)

    public enum NotApplicable: String, Codable, Sendable {
        case stated, blank
    }

    enum CodingKeys: String, CodingKey { case text, links, notApplicable }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let na = try c.decodeIfPresent(NotApplicable.self, forKey: .notApplicable) {
            self = .notApplicable(na)
        } else {
            self = .descriptor(
                text: try c.decode(String.self, forKey: .text),
                links: try c.decodeIfPresent([String].self, forKey: .links) ?? [])
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .descriptor(let text, let links):
            try c.encode(text, forKey: .text)
            try c.encode(links, forKey: .links)
        case .notApplicable(let na):
            try c.encode(na, forKey: .notApplicable)
        }
    }

    public var text: String? {
        if case .descriptor(let text, _) = self { return text }
        return nil
    }

    public var links: [String] {
        if case .descriptor(_, let links) = self { return links }
        return []
    }

    public var isApplicable: Bool { text != nil }
}
