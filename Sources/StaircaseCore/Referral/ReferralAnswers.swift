/// What Durham's referral procedure asks of a referrer beyond the levels: the worry in their own
/// words, what is working well, the help asked for, and the four household questions of the First
/// Contact procedure (domestic abuse, mental illness, substance misuse, learning difficulties).
extension Assessment {
    /// "What is working well?": once overall, and optionally per Assessment Framework domain
    /// (keyed by the catalogue's domain id). Version 2's single "strengths" field became `overall`.
    public struct WorkingWell: Codable, Sendable, Equatable {
        public var overall: String = ""
        public var domains: [String: String] = [:]
        public init(overall: String = "", domains: [String: String] = [:]) {
            self.overall = overall
            self.domains = domains
        }

        public var isEmpty: Bool { overall.isEmpty && domains.values.allSatisfy(\.isEmpty) }

        enum CodingKeys: String, CodingKey { case overall, domains }
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            overall = try c.decodeIfPresent(String.self, forKey: .overall) ?? ""
            domains = try c.decodeIfPresent([String: String].self, forKey: .domains) ?? [:]
        }
    }

    /// "What help do you think the child needs, or what are you asking First Contact for?"
    public struct HelpRequest: Codable, Sendable, Equatable {
        /// The common answers ticked, in `HelpKind.allCases` order.
        public var kinds: [HelpKind] = []
        /// The request in the referrer's words.
        public var detail: String = ""
        public init(kinds: [HelpKind] = [], detail: String = "") {
            self.kinds = kinds
            self.detail = detail
        }

        public var isEmpty: Bool { kinds.isEmpty && detail.isEmpty }

        enum CodingKeys: String, CodingKey { case kinds, detail }
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            kinds = try c.decodeIfPresent([HelpKind].self, forKey: .kinds) ?? []
            detail = try c.decodeIfPresent(String.self, forKey: .detail) ?? ""
        }

        /// Ticks or unticks one kind, keeping the list in its fixed order.
        public mutating func toggle(_ kind: HelpKind) {
            var set = Set(kinds)
            if set.contains(kind) { set.remove(kind) } else { set.insert(kind) }
            kinds = HelpKind.allCases.filter(set.contains)
        }
    }

    /// The help commonly asked of First Contact. Each fits some levels of the staircase; a
    /// request outside them (early help on a Level 4 proposal) is worth a second look.
    public enum HelpKind: String, Codable, Sendable, CaseIterable {
        case advice
        case earlyHelp = "early-help"
        case singleAssessment = "single-assessment"
        case strategyDiscussion = "strategy-discussion"

        public var label: String {
            switch self {
            case .advice: "advice"
            case .earlyHelp: "early help"
            case .singleAssessment: "a single assessment"
            case .strategyDiscussion: "a strategy discussion"
            }
        }

        /// The levels at which the document's course of action leads to this help: advice at
        /// Levels 1–2 (universal services, a single practitioner), early help at 2–3 (Early Help
        /// Assessment, Team Around the Family), a single assessment at 3–4 (social care), and a
        /// strategy discussion at 4 (child protection).
        public var fitsLevels: ClosedRange<Int> {
            switch self {
            case .advice: 1...2
            case .earlyHelp: 2...3
            case .singleAssessment: 3...4
            case .strategyDiscussion: 4...4
            }
        }
    }

    /// One of the four household questions: yes, no or not known, and a note.
    public struct HouseholdAnswer: Codable, Sendable, Equatable {
        public var answer: YesNoNotKnown
        public var note: String = ""
        public init(_ answer: YesNoNotKnown, note: String = "") {
            self.answer = answer
            self.note = note
        }

        enum CodingKeys: String, CodingKey { case answer, note }
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            answer = try c.decode(YesNoNotKnown.self, forKey: .answer)
            note = try c.decodeIfPresent(String.self, forKey: .note) ?? ""
        }
    }

    /// The kinds of help asked for that do not fit the proposed level, worded for the decision
    /// screen and the review ("You ask for early help; the proposal is Level 4: worth a second
    /// look."), or nil when they fit or there is no request or no proposal.
    public func requestMismatch(proposedLevel: Int?) -> String? {
        guard let level = proposedLevel, level > 0 else { return nil }
        let misfits = request.kinds.filter { !$0.fitsLevels.contains(level) }
        guard !misfits.isEmpty, misfits.count == request.kinds.count else { return nil }
        let asked = misfits.map(\.label).joined(separator: " and ")
        let usual = misfits.map {
            "\($0.label) usually follows Level \($0.fitsLevels.lowerBound == $0.fitsLevels.upperBound ? "\($0.fitsLevels.lowerBound)" : "\($0.fitsLevels.lowerBound)–\($0.fitsLevels.upperBound)")"
        }
        return "You ask for \(asked); the proposal is Level \(level), and " + usual.joined(separator: ", ") + ": worth a second look."
    }
}
