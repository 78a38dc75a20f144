/// The stages of childhood the threshold document speaks of, in order. A row's `ages` says which
/// of them it applies to, so the wizard, completeness and the summary can leave out rows that do
/// not fit the child (EET/NEET or sexual activity for a four-year-old).
public enum AgeStage: String, Codable, Sendable, CaseIterable, Comparable {
    /// The unborn child.
    case preBirth = "pre-birth"
    /// Birth to 4: infancy and the early years, before school.
    case infancy
    /// 5 to 10: primary-school age.
    case schoolAge = "school-age"
    /// 11 to 15: secondary-school age.
    case secondaryAge = "secondary-age"
    /// 16 and over: the document covers young people to 19 (25 with a disability).
    case youngAdult = "young-adult"

    /// The declaration order, without searching `allCases` (completeness asks for every row).
    var order: Int {
        switch self {
        case .preBirth: 0
        case .infancy: 1
        case .schoolAge: 2
        case .secondaryAge: 3
        case .youngAdult: 4
        }
    }
    public static func < (a: AgeStage, b: AgeStage) -> Bool { a.order < b.order }

    /// The stage for an age in whole years.
    public init(years: Int) {
        switch years {
        case ..<5: self = .infancy
        case 5...10: self = .schoolAge
        case 11...15: self = .secondaryAge
        default: self = .youngAdult
        }
    }

    public var label: String {
        switch self {
        case .preBirth: "pre-birth"
        case .infancy: "infancy (0–4)"
        case .schoolAge: "school age (5–10)"
        case .secondaryAge: "secondary age (11–15)"
        case .youngAdult: "young adults (16+)"
        }
    }
}

/// The ages one row applies to, from `from` to `to` inclusive, and where in the document that
/// comes from (the row's own wording, or the fact that it states no age).
public struct AgeRange: Codable, Sendable, Equatable {
    public var from: AgeStage
    public var to: AgeStage
    public var source: String

    public init(from: AgeStage, to: AgeStage, source: String) {
        self.from = from
        self.to = to
        self.source = source
    }

    public func contains(_ stage: AgeStage) -> Bool { from <= stage && stage <= to }
}

extension Indicator {
    /// Whether the row applies to a child at `stage`; every row applies when the age is unknown.
    /// A catalogue without `ages` falls back to its `pre-birth` tag (pre-birth and infancy).
    public func applies(to stage: AgeStage?) -> Bool {
        guard let stage else { return true }
        if let ages { return ages.contains(stage) }
        return hasTag("pre-birth") ? stage <= .infancy : true
    }
}

extension ChildAge {
    /// The child's stage on `today`, or nil when the date of birth is missing or in the future.
    public static func stage(_ child: Assessment.Child, on today: CalendarDate) -> AgeStage? {
        if child.unborn { return .preBirth }
        return years(child, on: today).map(AgeStage.init(years:))
    }
}
