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

/// One household question as the screens use it: the catalogue's `householdQuestions` entry
/// (Durham's First Contact procedure asks four) with the rows it links.
struct HouseholdTopic: Equatable, Sendable {
    let source: Catalogue.HouseholdQuestion
    var id: String { source.id }
    var topic: String { source.topic }
    var question: String { source.question }

    /// The catalogue's questions, in its order.
    static func all(_ c: Catalogue) -> [HouseholdTopic] { c.householdQuestions.map(HouseholdTopic.init) }

    /// The ids of the rows this question links for this child (rows for another age left out
    /// unless answered), in catalogue order and each once.
    func rows(_ s: WizardState) -> [String] {
        guard let a = s.assessment else { return s.catalogue.rows(for: source) }
        return HouseholdCheck.rows(source, s.catalogue, for: a, on: s.today)
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
