import StaircaseCore

/// Where a details field's text lives in the record. One table (`FieldSlot.of`) says it for every
/// text field, and one reader and one writer follow it, so a new field is added in one place
/// instead of in a getter switch and a setter switch that must agree.
enum FieldSlot {
    case record(WritableKeyPath<Assessment, String>)
    case recordOptional(WritableKeyPath<Assessment, String?>)
    case carer(WritableKeyPath<Assessment.Carer, String>)
    case member(WritableKeyPath<Assessment.HouseholdMember, String>)
    case memberOptional(WritableKeyPath<Assessment.HouseholdMember, String?>)
    case agency(WritableKeyPath<Assessment.Agency, String>)

    /// The slot of a text field; nil for a choice field.
    static func of(_ field: DetailField) -> FieldSlot? {
        switch field {
        case .childName: .record(\.child.name)
        case .dateOfBirth: .recordOptional(\.child.dateOfBirth)
        case .expectedDate: .recordOptional(\.child.expectedDate)
        case .whereNow: .record(\.child.whereNow)
        case .address: .record(\.child.address)
        case .communicationNeeds: .record(\.child.communicationNeeds)
        case .firstLanguage: .record(\.child.firstLanguage)
        case .disability: .record(\.child.disability)
        case .carerName: .carer(\.name)
        case .carerRelationship: .carer(\.relationship)
        case .carerContact: .carer(\.contact)
        case .memberName: .member(\.name)
        case .memberRelationship: .member(\.relationship)
        case .memberDateOfBirth: .memberOptional(\.dateOfBirth)
        case .leadProfessional: .record(\.leadProfessional.name)
        case .agencyName: .agency(\.agency)
        case .agencyWorker: .agency(\.worker)
        case .agencyContact: .agency(\.contact)
        case .agencyRole: .agency(\.role)
        case .referrerName: .record(\.referrer.name)
        case .agency: .record(\.referrer.agency)
        case .role: .record(\.referrer.role)
        case .phone: .record(\.referrer.phone)
        case .email: .record(\.referrer.email)
        case .consentReason: .record(\.consent.reason)
        case .lawfulBasisDetail: .record(\.sharing.lawfulBasisDetail)
        case .notToldReason: .record(\.sharing.notToldReason)
        default: nil
        }
    }

    /// The text in the record ("" for an entry that is not there).
    func read(_ a: Assessment, _ item: FormItem?) -> String {
        switch self {
        case .record(let path): a[keyPath: path]
        case .recordOptional(let path): a[keyPath: path] ?? ""
        case .carer(let path): Wizard.carer(a, item)?[keyPath: path] ?? ""
        case .member(let path): Wizard.member(a, item)?[keyPath: path] ?? ""
        case .memberOptional(let path): Wizard.member(a, item)?[keyPath: path] ?? ""
        case .agency(let path): Wizard.agency(a, item)?[keyPath: path] ?? ""
        }
    }

    /// Stores checked text; an empty optional field becomes absent rather than "".
    func write(_ text: String, _ a: inout Assessment, _ item: FormItem?) {
        let optional: String? = text.isEmpty ? nil : text
        switch self {
        case .record(let path): a[keyPath: path] = text
        case .recordOptional(let path): a[keyPath: path] = optional
        case .carer(let path): Wizard.updateCarer(&a, item) { $0[keyPath: path] = text }
        case .member(let path): Wizard.updateMember(&a, item) { $0[keyPath: path] = text }
        case .memberOptional(let path): Wizard.updateMember(&a, item) { $0[keyPath: path] = optional }
        case .agency(let path): Wizard.updateAgency(&a, item) { $0[keyPath: path] = text }
        }
    }
}
