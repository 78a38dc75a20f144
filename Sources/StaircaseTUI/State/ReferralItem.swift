import StaircaseCore

/// One item of "The referral in your words" (the voice screen), in the order the screen asks
/// them: the worry, what is working well (overall, then per domain), the help asked for (four
/// ticks, then the request in words) and the child's wishes and feelings. The cursor's index into
/// `all` is the item; the screen model, the view and the reducer read this one list.
enum ReferralItem: Equatable, Sendable {
    case worry, workingWell
    case workingWellDomain(String)
    case help(Assessment.HelpKind)
    case requestDetail, childsVoice

    static func all(_ c: Catalogue) -> [ReferralItem] {
        [.worry, .workingWell] + c.domains.map { .workingWellDomain($0.id) } + Assessment.HelpKind.allCases.map(ReferralItem.help)
            + [.requestDetail, .childsVoice]
    }

    /// The question the help ticks answer, said once above them.
    static let helpQuestion = "What help do you think the child needs, or what are you asking First Contact for?"

    /// The text field that writes this item; nil for a tick.
    var target: TextField.Target? {
        switch self {
        case .worry: .worry
        case .workingWell: .strengths
        case .workingWellDomain(let id): .workingWellDomain(id)
        case .help: nil
        case .requestDetail: .requestDetail
        case .childsVoice: .childsVoice
        }
    }

    /// The question this item answers, as the screen names it.
    func label(_ c: Catalogue) -> String {
        switch self {
        case .worry: "What are you worried about, and how and why has it arisen?"
        case .workingWell: "What is working well?"
        case .workingWellDomain(let id): "What is working well: " + (c.domains.first { $0.id == id }?.name ?? id)
        case .help(let kind): "Ask for " + kind.label
        case .requestDetail: "The help you ask for, in your words"
        case .childsVoice: "The child’s wishes and feelings, in their own words"
        }
    }

    /// The text the record holds for a text item ("" for a tick).
    func text(in a: Assessment) -> String {
        switch self {
        case .worry: a.worry
        case .workingWell: a.workingWell.overall
        case .workingWellDomain(let id): a.workingWell.domains[id] ?? ""
        case .help: ""
        case .requestDetail: a.request.detail
        case .childsVoice: a.childsVoice
        }
    }
}

/// The four household questions of Durham's First Contact procedure and the rows each links.
/// TODO(c25): read catalogue.householdQuestions (and `catalogue.rows(for:)`) once the catalogue
/// carries them; this table is theirs, word for word, until then.
struct HouseholdTopic: Equatable, Sendable {
    var id: String
    var topic: String
    var question: String
    var tags: [String]
    var rowIDs: [String]

    static let table: [HouseholdTopic] = [
        .init(
            id: "domestic-abuse", topic: "domestic abuse",
            question: "Do you know of difficulties in the household due to domestic abuse?", tags: ["toxic-trio-domestic-abuse"],
            rowIDs: []),
        .init(
            id: "mental-illness", topic: "mental illness",
            question: "Do you know of difficulties in the household due to mental illness?", tags: ["toxic-trio-mental-health"],
            rowIDs: []),
        .init(
            id: "substance-misuse", topic: "substance misuse",
            question: "Do you know of difficulties in the household due to substance misuse?", tags: ["toxic-trio-substance-misuse"],
            rowIDs: ["family-health.household-drug-and-alcohol-misuse"]),
        .init(
            id: "learning-difficulties", topic: "learning difficulties",
            question: "Do you know of difficulties in the household due to learning difficulties?", tags: [],
            rowIDs: ["family-health.parental-learning-disability"]),
    ]

    /// The four questions (TODO(c25): `c.householdQuestions`).
    static func all(_ c: Catalogue) -> [HouseholdTopic] { table }

    /// The ids of the rows this question links, by tag or by id, in catalogue order and each
    /// once (TODO(c25): `c.rows(for: question)`).
    func rows(_ c: Catalogue) -> [String] {
        let ids = Set(rowIDs)
        var out: [String] = []
        for entry in c.allIndicators where ids.contains(entry.indicator.id) || tags.contains(where: entry.indicator.hasTag) {
            if !out.contains(entry.indicator.id) { out.append(entry.indicator.id) }
        }
        return out
    }

    /// The questions as the core's household check takes them.
    static func checked(_ c: Catalogue) -> [HouseholdCheck.Question] {
        all(c).map { HouseholdCheck.Question(id: $0.id, topic: $0.topic, rows: $0.rows(c)) }
    }

    /// The topic with a capital, as a heading: "Domestic abuse".
    var heading: String { topic.prefix(1).uppercased() + topic.dropFirst() }
}

extension Assessment.YesNoNotKnown {
    /// The household answer in words; a question not answered yet is "not asked".
    static func said(_ answer: Assessment.YesNoNotKnown?) -> String {
        switch answer {
        case .yes?: "yes"
        case .no?: "no"
        case .notKnown?: "not known"
        case nil: "not asked"
        }
    }
}

extension Assessment.HelpKind {
    /// The kind without its article, as line mode takes it typed: "single assessment".
    var shortName: String { label.hasPrefix("a ") ? String(label.dropFirst(2)) : label }
}
