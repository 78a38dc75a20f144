#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A threshold document turned into data: levels, steps, course of action, services and the
/// indicator matrix. Every screen, proposal and export line is drawn from one of these, so
/// another local authority can bring its own document without touching code.
public struct Catalogue: Codable, Sendable, Equatable {
    public var schemaVersion: Int
    public var id: String
    public var title: String
    public var authority: String
    public var version: String
    public var source: Source
    public var levels: [Level]
    public var steps: [Step]
    public var contacts: [Contact]
    public var services: [Service]
    public var tags: [Tag]
    public var rules: Rules
    public var glossary: [GlossaryEntry]
    public var concernCategories: [ConcernCategory]
    /// Questions the referrer is asked about the household, each linked to the rows its answer
    /// bears on; optional in the file (an empty list when left out).
    public var householdQuestions: [HouseholdQuestion]
    public var domains: [Domain]

    enum CodingKeys: String, CodingKey {
        case schemaVersion, id, title, authority, version, source, levels, steps, contacts, services, tags, rules
        case glossary, concernCategories, householdQuestions, domains
    }

    /// Where the catalogue came from, and the transcriber's judgements on the whole document.
    public struct Source: Codable, Sendable, Equatable {
        public var document: String
        public var url: String?
        public var notes: [String]
    }

    /// One level of need (1–4) with what it means and what to do at it.
    public struct Level: Codable, Sendable, Equatable {
        public var number: Int
        public var name: String
        public var meaning: String
        public var leadAgencies: [String]
        public var courseOfAction: CourseOfAction
    }

    /// One step of the staircase; Level 4 has two (support at home, and needs not met at home).
    public struct Step: Codable, Sendable, Equatable {
        public var number: Int
        public var level: Int
        public var name: String
        public var meaning: String
    }

    public struct Contact: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var phone: String?
        public var email: String?
        public var url: String?
        public var when: String
    }

    /// A service named by the matrix's "information links".
    public struct Service: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var url: String?
    }

    /// A label the scoring rules and filters rely on (pre-birth, toxic-trio component, ...).
    public struct Tag: Codable, Sendable, Equatable {
        public var id: String
        public var meaning: String
    }

    public struct GlossaryEntry: Codable, Sendable, Equatable {
        public var term: String
        public var definition: String
        public var source: String
    }

    /// A category of abuse under which a child protection plan is made (physical, emotional,
    /// sexual, neglect); a Level 4 referral names one or more.
    public struct ConcernCategory: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var definition: String
    }

    /// A question the referrer is asked about difficulties in the household (Durham's First
    /// Contact asks about domestic abuse, mental illness, substance misuse and learning
    /// difficulties), linked to rows by tag and by id.
    public struct HouseholdQuestion: Codable, Sendable, Equatable {
        public var id: String
        public var topic: String
        public var question: String
        /// Rows carrying any of these tags are linked.
        public var tags: [String]
        /// Rows linked by id, beside those linked by tag.
        public var rows: [String]
    }

    /// One of the three Assessment Framework domains.
    public struct Domain: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var description: String
        public var areas: [Area]
    }

    /// A heading of the matrix (e.g. "The child's health"), kept with the document section it
    /// came from so the mapping onto domains stays visible.
    public struct Area: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var section: String
        public var indicators: [Indicator]
    }
}

extension Catalogue {
    /// Decodes every key, with `householdQuestions` optional (another authority's catalogue
    /// may have none).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        authority = try c.decode(String.self, forKey: .authority)
        version = try c.decode(String.self, forKey: .version)
        source = try c.decode(Source.self, forKey: .source)
        levels = try c.decode([Level].self, forKey: .levels)
        steps = try c.decode([Step].self, forKey: .steps)
        contacts = try c.decode([Contact].self, forKey: .contacts)
        services = try c.decode([Service].self, forKey: .services)
        tags = try c.decode([Tag].self, forKey: .tags)
        rules = try c.decode(Rules.self, forKey: .rules)
        glossary = try c.decode([GlossaryEntry].self, forKey: .glossary)
        concernCategories = try c.decode([ConcernCategory].self, forKey: .concernCategories)
        householdQuestions = try c.decodeIfPresent([HouseholdQuestion].self, forKey: .householdQuestions) ?? []
        domains = try c.decode([Domain].self, forKey: .domains)
    }

    /// The ids of the rows a household question links, by tag or by id, in document order and
    /// each once.
    public func rows(for question: HouseholdQuestion) -> [String] {
        let ids = Set(question.rows)
        return allIndicators.map(\.indicator).filter { row in
            ids.contains(row.id) || question.tags.contains(where: row.hasTag)
        }.map(\.id).reduce(into: [String]()) { out, id in if !out.contains(id) { out.append(id) } }
    }

    /// Every indicator row in document order, with the domain and area it sits in.
    public var allIndicators: [(domain: Domain, area: Area, indicator: Indicator)] {
        domains.flatMap { d in d.areas.flatMap { a in a.indicators.map { (d, a, $0) } } }
    }

    /// Each row's title by its id: for naming the rows behind a reason or a flag.
    public var indicatorTitles: [String: String] {
        Dictionary(allIndicators.map { ($0.indicator.id, $0.indicator.title) }, uniquingKeysWith: { first, _ in first })
    }

    public func level(_ number: Int) -> Level? { levels.first { $0.number == number } }
    public func step(_ number: Int) -> Step? { steps.first { $0.number == number } }
    public func service(_ id: String) -> Service? { services.first { $0.id == id } }
    public func contact(_ id: String) -> Contact? { contacts.first { $0.id == id } }
}
