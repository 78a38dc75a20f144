extension ReferralSummary {
    /// The first screen a First Contact duty worker reads, one line per item (wrapped when
    /// long): the child, the worry in the referrer's words, the level decided and the proposal
    /// with the reason when they differ, the categories of concern at Level 4, the help asked for,
    /// who lives with the child and the four household questions, consent and lawful basis, whom
    /// to call back, and what the referral still lacks. Immediate danger is above it.
    var triageBlocks: [SummaryBlock] {
        var f: [SummaryBlock.Field] = []
        if immediateDanger.status == .no { f.append(.init("Immediate danger", "no (the referrer's judgement)")) }
        f.append(.init("Child", childLine))
        f.append(worryField)
        f.append(.init("Decided", describe(decided, "not yet decided") + (decided != nil && !differsFromProposal ? " (as proposed)" : "")))
        if decided == nil || differsFromProposal || decidedAgainst != nil {
            f.append(.init("Proposed", describe(proposed, "none yet (no row has been assessed)")))
        }
        if let earlier = decidedAgainst {
            // The answers changed after the decision: its reason answered another proposal.
            f.append(.init("Decided against", "an earlier proposal (\(earlier)); the answers changed after the decision"))
            if decided != nil && !decisionReason.isEmpty {
                f.append(.init("Reasoning written against the earlier proposal (\(earlier))", Self.brief(oneLine(decisionReason))))
            }
        } else if decided != nil && differsFromProposal {
            f.append(.init("Why decided differently", decisionReason.isEmpty ? "no reason recorded" : Self.brief(oneLine(decisionReason))))
        }
        if effectiveLevel == 4 {
            f.append(
                .init(
                    "Categories of concern",
                    concernCategories.isEmpty ? "none chosen" : concernCategories.map(\.name).joined(separator: "; ")))
        }
        f.append(requestField)
        f.append(.init("Household", householdLine))
        if let line = householdDifficultiesField { f.append(line) }
        f.append(.init("Consent", consentLine))
        f.append(.init("Referrer", referrerLine))
        f.append(.init("Still lacks", stillLacks.isEmpty ? "nothing" : stillLacks.joined(separator: "; ")))
        f.append(dateField)
        var out: [SummaryBlock] = [.fields(f)]
        if !warnings.isEmpty { out.append(.alert(title: "WARNING", lines: warnings)) }
        return out
    }

    /// Free text cut at a word to fit the first screen, with "…" and a pointer to where it is
    /// in full; the first screen must hold every item however much was typed.
    static func brief(_ text: String, limit: Int = 100) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let word = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return word + "… (in full below)"
    }

    /// Whether `text` was cut by `brief`, so the full text must follow.
    static func isCut(_ text: String, limit: Int = 100) -> Bool { text.count > limit }

    /// "Level 4, step 5: Needs cannot be met safely at home": the step's short name says what the
    /// level means here; the level's long name is in the catalogue and the JSON.
    func describe(_ p: Placement?, _ none: String) -> String {
        guard let p else { return none }
        let name = p.stepName.isEmpty ? p.levelName : p.stepName
        return "Level \(p.level), step \(p.step)" + (name.isEmpty ? "" : ": " + name)
    }

    /// "Kai Brown, 4 years (born 2022-02-03); now: at home with his mother".
    var childLine: String {
        var who = or(child.name)
        if redacted {
            who += ", age band " + (child.ageBand ?? "not known")
        } else if child.unborn {
            who += ", unborn, expected " + (child.expectedDate ?? "date not given")
        } else {
            who += ", " + (child.age ?? "age not known") + " (born " + (child.dateOfBirth ?? "date not given") + ")"
        }
        return who + "; now: " + (child.whereNow.isEmpty ? "not recorded" : Self.brief(child.whereNow, limit: 90))
    }

    /// Who lives with the child, from the carers and the household: "Megan Brown (mother),
    /// Lily Brown (half-sister)", and anyone whose living with the child is not known.
    var householdLine: String {
        let people =
            carers.map { (name: $0.name, relation: $0.relationship, lives: $0.livesWithChild) }
            + household.map {
                (
                    name: $0.name, relation: $0.relationship.isEmpty ? ($0.sibling ? "sibling" : "") : $0.relationship,
                    lives: $0.livesWithChild
                )
            }
        func list(_ lives: Assessment.YesNoNotKnown) -> [String] {
            people.filter { $0.lives == lives }.map { or($0.name) + ($0.relation.isEmpty ? "" : " (\(oneLine($0.relation)))") }
        }
        var parts: [String] = []
        let with = list(.yes)
        if !with.isEmpty { parts.append("lives with " + with.joined(separator: ", ")) }
        let unknown = list(.notKnown)
        if !unknown.isEmpty { parts.append("not known whether with " + unknown.joined(separator: ", ")) }
        return parts.isEmpty ? "no one recorded as living with the child" : parts.joined(separator: "; ")
    }

    /// The family's agreement, the lawful basis and whether the family was told, on one line.
    var consentLine: String {
        let short: String
        switch consent.status {
        case .given: short = "given"
        case .refused: short = "refused"
        case .notSought: short = "not sought (it would put the child at risk)"
        case .notYetAsked: short = "not asked yet"
        }
        return short + "; lawful basis " + (sharing.lawfulBasis?.label ?? "not recorded") + "; family told " + answer(sharing.familyTold)
    }

    /// Name, role, agency and a phone or e-mail: whom to call back.
    var referrerLine: String {
        var parts = [or(referrer.name)]
        if !referrer.role.isEmpty { parts.append(referrer.role) }
        if !referrer.agency.isEmpty { parts.append(referrer.agency) }
        var line = parts.joined(separator: ", ")
        if redacted {
            line += " (contact details removed)"
        } else {
            let contacts = [referrer.phone, referrer.email].compactMap { $0 }
            line += "; " + (contacts.isEmpty ? "no phone or e-mail given" : contacts.joined(separator: ", "))
        }
        return line
    }
}

extension String {
    /// Without one full stop at the end, so "some English." joins a list as "some English;".
    var trimmingSentenceEnd: String {
        hasSuffix(".") && !hasSuffix("..") ? String(dropLast()) : self
    }
}
