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
    public var domains: [Domain]

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
