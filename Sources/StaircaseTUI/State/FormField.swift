import StaircaseCore

/// The five short forms that make up "About the child", in the order they are met.
public enum FormPage: Int, CaseIterable, Sendable {
    case child, family, agencies, referrer, consent

    public var title: String {
        switch self {
        case .child: "The child"
        case .family: "Family and household"
        case .agencies: "Other agencies"
        case .referrer: "You, the referrer"
        case .consent: "Consent and sharing"
        }
    }

    /// The name kept in `resumeAt.screen`; the first form keeps version 1's "details".
    public var resumeName: String { self == .child ? "details" : "details-\(self)" }

    public init?(resumeName: String) {
        guard let page = Self.allCases.first(where: { $0.resumeName == resumeName }) else { return nil }
        self = page
    }
}

/// The lists a form holds; each entry opens as its own small form.
public enum FormList: String, CaseIterable, Sendable {
    case carers, household, agencies

    /// "carer", for "Add a carer" and "Remove this carer".
    public var noun: String {
        switch self {
        case .carers: "parent or carer"
        case .household: "household member or sibling"
        case .agencies: "agency"
        }
    }

    public var page: FormPage { self == .agencies ? .agencies : .family }

    /// "a parent or carer", "an agency".
    public var withArticle: String { (noun.first.map { "aeiou".contains($0) } == true ? "an " : "a ") + noun }
}

/// One entry of a list being edited: which list, and which entry.
public struct FormItem: Equatable, Hashable, Sendable {
    public var list: FormList
    public var index: Int
    public init(_ list: FormList, _ index: Int) {
        self.list = list
        self.index = index
    }
}

/// Every field of the details forms. A list entry's fields (`carer…`, `member…`, `agency…`)
/// apply to the entry open in `WizardState.formItem`.
public enum DetailField: Hashable, CaseIterable, Sendable {
    case childName, dateOfBirth, unborn, expectedDate, whereNow, address, communicationNeeds, firstLanguage, interpreter, disability
    case carerName, carerRelationship, carerResponsibility, carerLivesWith, carerContact
    case memberName, memberRelationship, memberSibling, memberLivesWith, memberDateOfBirth
    case tafExists, leadProfessional, agencyName, agencyWorker, agencyContact, agencyRole
    case referrerName, agency, role, phone, email
    case consent, consentReason, lawfulBasis, lawfulBasisDetail, familyTold, notToldReason

    public var label: String {
        switch self {
        case .childName: "Child’s name or initials"
        case .dateOfBirth: "Date of birth (YYYY-MM-DD)"
        case .unborn: "Unborn"
        case .expectedDate: "Expected date (YYYY-MM-DD)"
        case .whereNow: "Where the child is now"
        case .address: "Address"
        case .communicationNeeds: "Communication needs"
        case .firstLanguage: "First language"
        case .interpreter: "Interpreter needed"
        case .disability: "Disability"
        case .carerName, .memberName: "Name"
        case .carerRelationship, .memberRelationship: "Relationship to the child"
        case .carerResponsibility: "Parental responsibility"
        case .carerLivesWith, .memberLivesWith: "Lives with the child"
        case .carerContact, .agencyContact: "Contact (phone or e-mail)"
        case .memberSibling: "Sibling"
        case .memberDateOfBirth: "Date of birth (YYYY-MM-DD)"
        case .tafExists: "Team Around the Family exists"
        case .leadProfessional: "Lead Professional"
        case .agencyName: "Agency"
        case .agencyWorker: "Worker"
        case .agencyRole: "What they do"
        case .referrerName: "Your name"
        case .agency: "Your agency"
        case .role: "Your role"
        case .phone: "Your phone"
        case .email: "Your e-mail"
        case .consent: "Family’s agreement"
        case .consentReason: "Why it was not sought"
        case .lawfulBasis: "Lawful basis for sharing"
        case .lawfulBasisDetail: "Basis detail (for other)"
        case .familyTold: "Family told of the referral"
        case .notToldReason: "Why the family was not told"
        }
    }

    /// The words a choice field cycles through with Space, ← and →; empty for a text field.
    public var options: [String] {
        let yesNo = Assessment.YesNoNotKnown.allCases.map(Wizard.yesNoLabel)
        switch self {
        case .unborn, .tafExists, .memberSibling: return ["no", "yes"]
        case .interpreter, .carerResponsibility, .carerLivesWith, .memberLivesWith, .familyTold: return yesNo
        case .consent: return Assessment.Consent.Status.allCases.map(Wizard.consentLabel)
        case .lawfulBasis: return ["not recorded"] + Assessment.LawfulBasis.allCases.map(\.label)
        default: return []
        }
    }

    public var isText: Bool { options.isEmpty }

    /// A date, checked by `FieldRules` as it is saved.
    public var isDate: Bool { [.dateOfBirth, .expectedDate, .memberDateOfBirth].contains(self) }
}

/// One line of a form: a field, an entry of a list, "Add …", "Done" (an entry's form) or "Continue".
public enum FormRow: Equatable, Sendable {
    case field(DetailField)
    case entry(FormItem)
    case add(FormList)
    case done
    case next
}
