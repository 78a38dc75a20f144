/// What a referral still lacks, in words a duty worker reads ("no phone number for the
/// referrer"). One pure function behind the review screen, the export screen and the referral
/// summary, so the three can never disagree. Missing details never block the wizard: each field
/// is checked as it is saved, and what is not there yet is listed here instead.
public enum ReferralGaps {
    public static func of(_ a: Assessment) -> [String] {
        var out: [String] = []
        let child = a.child
        if child.name.trimmed.isEmpty { out.append("the child’s name is not recorded") }
        if child.unborn {
            if child.expectedDate == nil { out.append("no expected date for the unborn child") }
        } else if child.dateOfBirth == nil {
            out.append("no date of birth for the child")
        }
        if child.whereNow.trimmed.isEmpty { out.append("where the child is now is not recorded") }
        if child.address.trimmed.isEmpty && !child.unborn { out.append("no address for the child") }
        if child.interpreterNeeded == .notKnown { out.append("whether an interpreter is needed is not known") }
        if a.carers.isEmpty {
            out.append("no parent or carer is recorded")
        } else if !a.carers.contains(where: { $0.parentalResponsibility == .yes }) {
            out.append("who holds parental responsibility is not recorded")
        }
        for (i, c) in a.carers.enumerated() where c.name.trimmed.isEmpty { out.append("parent or carer \(i + 1) has no name") }
        for (i, g) in a.agencies.enumerated() where g.agency.trimmed.isEmpty { out.append("agency \(i + 1) is not named") }
        if a.leadProfessional.tafExists && a.leadProfessional.name.trimmed.isEmpty {
            out.append("a Team Around the Family exists but its Lead Professional is not named")
        }
        let r = a.referrer
        if r.name.trimmed.isEmpty { out.append("no name for the referrer") }
        if r.agency.trimmed.isEmpty { out.append("no agency for the referrer") }
        if r.phone.trimmed.isEmpty { out.append("no phone number for the referrer") }
        if r.email.trimmed.isEmpty { out.append("no e-mail address for the referrer") }
        switch a.consent.status {
        case .notYetAsked: out.append("the family’s agreement to the referral has not been asked")
        case .notSought where a.consent.reason.trimmed.isEmpty: out.append("no reason is recorded for not seeking the family’s agreement")
        default: break
        }
        switch a.sharing.lawfulBasis {
        case nil: out.append("the lawful basis for sharing is not recorded")
        case .other? where a.sharing.lawfulBasisDetail.trimmed.isEmpty:
            out.append("the lawful basis for sharing is “other” but not described")
        default: break
        }
        switch a.sharing.familyTold {
        case .notKnown: out.append("whether the family was told of the referral is not recorded")
        case .no where a.sharing.notToldReason.trimmed.isEmpty: out.append("no reason is recorded for not telling the family")
        default: break
        }
        return out
    }
}
