/// The summary as an ordered list of neutral blocks, which each text renderer lays out in its
/// own syntax. Order and wording live here once, so Markdown, plain text and HTML always say the
/// same thing in the same order; only escaping and decoration differ.
public enum SummaryBlock: Sendable, Equatable {
    case title(String)
    /// A notice the reader must not miss (immediate danger, training, redaction).
    case alert(title: String, lines: [String])
    case heading(String)
    case subheading(String)
    /// Label–value pairs, each value on one line.
    case fields([Field])
    case paragraph(String)
    case bullets([String])
    /// Free text written by a practitioner or the child: several lines, shown as a quotation.
    case userText(label: String, text: String)
    case links([ReferralSummary.Link])
    /// One row above Level 1: its heading, the document's descriptor (labelled as the
    /// document's wording) and the practitioner's evidence beside it.
    case row(heading: String, descriptor: Field, evidence: String)
    /// The child's journey on the staircase: a dated list, and in HTML an inline SVG chart.
    case journey([ReferralSummary.JourneyPoint])

    public struct Field: Sendable, Equatable {
        public var label: String
        public var value: String
        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }
}

extension ReferralSummary {
    /// The content triage-first, as First Contact reads it: is the child safe now, who and where
    /// the child is, the level decided and why, the categories of concern, the flags; then the
    /// evidence; then strengths, the child's words, family, agencies, referrer, consent and
    /// sharing, the course of action; last, an appendix of the rows not yet assessed.
    public var blocks: [SummaryBlock] {
        var out: [SummaryBlock] = [.title(title)]
        if training { out.append(.alert(title: "TRAINING RUN", lines: ["This is a training exercise, not a real referral."])) }
        out += dangerBlocks
        if redacted {
            out.append(
                .alert(
                    title: "REDACTED",
                    lines: [
                        redactionLine,
                        "The date of birth is an age band; addresses, phone numbers, e-mail addresses and other contact details are removed.",
                        "Other identifying details in free text (places, schools, nicknames, dates) are not detected: check them by hand before sharing.",
                    ]))
        }
        if immediateDanger.status != .no { out.append(.fields([dateField])) }
        out += childBlocks + levelBlocks + flagBlocks + sinceLastTimeBlocks + rowBlocks + closingBlocks + appendixBlocks
        return out
    }

    /// Immediate danger is always stated: "not known" is not "no", and says to find out now.
    var dangerBlocks: [SummaryBlock] {
        let contacts = immediateDanger.advice.map { k in "\(k.name): \(k.phone)" + (k.email.map { ", \($0)" } ?? "") }
        switch immediateDanger.status {
        case .yes:
            return [
                .alert(
                    title: "IMMEDIATE DANGER",
                    lines: ["The referrer judges that the child is in immediate danger. Act now; do not wait for this summary to be read."]
                        + contacts)
            ]
        case .notKnown:
            return [
                .alert(
                    title: "IMMEDIATE DANGER: NOT KNOWN",
                    lines: ["Find out now whether the child is safe: the referrer did not record whether the child is in immediate danger."]
                        + contacts)
            ]
        case .no:
            return [.fields([.init("Immediate danger", "no (the referrer's judgement)"), dateField])]
        }
    }

    var dateField: SummaryBlock.Field {
        .init("Date", ExportText.displayDateTime(dateTime) + (dateSource == .decision ? " (decision)" : " (last change; not yet decided)"))
    }

    var redactionLine: String {
        let names: [String: String] = [
            "child": "the child", "carer": "parents and carers", "household": "household members and siblings", "referrer": "the referrer",
            "leadProfessional": "the Lead Professional", "agencyWorker": "agency workers",
        ]
        let list = redactedKinds.compactMap { names[$0] }
        guard !list.isEmpty else { return "The record holds no names to replace." }
        let joined = list.count == 1 ? list[0] : list.dropLast().joined(separator: ", ") + " and " + (list.last ?? "")
        return "Names of \(joined) are replaced everywhere, free text included: initials in name fields, a label such as [child] in text."
    }

    var childBlocks: [SummaryBlock] {
        var f = [SummaryBlock.Field("Name", or(child.name))]
        if redacted {
            f.append(.init("Age band", child.ageBand ?? "not known"))
        } else if child.unborn {
            f.append(.init("Unborn", "expected " + (child.expectedDate ?? "date not given")))
        } else {
            f.append(
                .init(
                    "Age",
                    (child.age.map { "\($0) on \(String(dateTime.prefix(10)))" } ?? "not known") + "; date of birth "
                        + (child.dateOfBirth ?? "not given")))
        }
        f.append(.init("Where now", child.whereNow.isEmpty ? "not recorded" : child.whereNow))
        if let address = child.address { f.append(.init("Address", address)) }
        f.append(.init("Communication", communication))
        if !child.disability.isEmpty { f.append(.init("Disability", child.disability)) }
        return [.heading("The child"), .fields(f)]
    }

    /// Communication needs, first language and interpreter on one line.
    var communication: String {
        var parts: [String] = []
        parts.append(child.communicationNeeds.isEmpty ? "no needs recorded" : child.communicationNeeds)
        if !child.firstLanguage.isEmpty { parts.append("first language \(child.firstLanguage)") }
        switch child.interpreterNeeded {
        case .yes: parts.append("interpreter needed")
        case .no: parts.append("no interpreter needed")
        case .notKnown: parts.append("interpreter: not known")
        }
        return oneLine(parts.joined(separator: "; "))
    }

    var levelBlocks: [SummaryBlock] {
        func describe(_ p: Placement?, _ none: String) -> String {
            guard let p else { return none }
            // The step's name is short and says what the level means here; the level's long
            // name is in the catalogue and the JSON.
            let name = p.stepName.isEmpty ? p.levelName : p.stepName
            return "Level \(p.level), step \(p.step)" + (name.isEmpty ? "" : ": " + name)
        }
        var levels = [
            SummaryBlock.Field(
                "Decided", describe(decided, "not yet decided") + (decided != nil && !differsFromProposal ? " (as proposed)" : ""))
        ]
        if decided == nil || differsFromProposal || decidedAgainst != nil {
            levels.append(.init("Proposed", describe(proposed, "none yet (no row has been assessed)")))
        }
        if let earlier = decidedAgainst {
            levels.append(.init("Decided against", "an earlier proposal (\(earlier)); the answers changed after the decision"))
        }
        // What is asked of First Contact, in the document's words; the full course of action
        // comes after the evidence.
        if let first = courseOfAction?.steps.first { levels.append(.init("Action", first.furtherAssessment)) }
        var out: [SummaryBlock] = [.heading("Level of need"), .fields(levels)]
        if decided != nil && (differsFromProposal || !decisionReason.isEmpty) {
            let label =
                decidedAgainst.map { "Practitioner's reasoning, written against the earlier proposal (\($0))" }
                ?? (differsFromProposal ? "Reason for deciding differently from the proposal" : "Practitioner's reasoning")
            out.append(.userText(label: label, text: decisionReason))
        }
        if effectiveLevel == 4 {
            out.append(.heading("Categories of concern"))
            out.append(concernCategories.isEmpty ? .paragraph("None chosen.") : .bullets(concernCategories.map(\.name)))
        }
        if !warnings.isEmpty { out.append(.alert(title: "WARNING", lines: warnings)) }
        return out
    }

    /// The engine's flag text starts with its own short label ("Toxic trio: …", "Combination
    /// rule: …"); beside a field label that says the same, it would read twice.
    static func withoutLabel(_ text: String, like label: String) -> String {
        guard let first = label.split(separator: " ").first, text.hasPrefix(first + " "),
            let colon = text.prefix(31).firstIndex(of: ":"), text[text.index(after: colon)...].hasPrefix(" ")
        else { return text }
        return String(text[text.index(colon, offsetBy: 2)...])
    }

    var flagBlocks: [SummaryBlock] {
        var out: [SummaryBlock] = [.heading("Flags")]
        let flagFields = flags.filter { $0.kind != .immediateDanger }.map { f in
            let name: String
            switch f.kind {
            case .immediateDanger: name = "Immediate danger"
            case .toxicTrio: name = "Toxic trio"
            case .combination: name = "Combination of needs"
            case .incomplete: name = "Incomplete"
            }
            // The combination's rows are the evidence section's rows; other flags name theirs.
            let rows = f.rows.isEmpty || f.kind == .combination ? "" : " Rows: " + f.rows.map(\.title).joined(separator: "; ") + "."
            return SummaryBlock.Field(name, Self.withoutLabel(f.text, like: name) + rows)
        }
        let missing = completeness.applicable - completeness.assessed
        var fields = flagFields
        // Why the engine proposed its level: after the flags, so the first screenful keeps the
        // decision, the override reason and the categories of concern.
        fields += proposalReasons.map { .init("Why proposed", oneLine($0)) }
        fields.append(
            .init(
                "Not yet assessed",
                missing == 0
                    ? "none: all \(completeness.applicable) rows for the child's age are assessed"
                    : "\(missing) of \(completeness.applicable) rows for the child's age ("
                        + domains.filter { !$0.notAssessed.isEmpty }.map { "\($0.name) \($0.notAssessed.count)" }.joined(separator: ", ")
                        + "); titles in the appendix"))
        out.append(.fields(fields))
        return out
    }

    var rowBlocks: [SummaryBlock] {
        var out: [SummaryBlock] = [.heading("Evidence: needs above Level 1 (descriptors are the document's wording)")]
        let document = catalogue.shortName
        if domains.allSatisfy(\.rows.isEmpty) { out.append(.paragraph("No row is assessed above Level 1.")) }
        for d in domains where !d.rows.isEmpty {
            out.append(.subheading(d.name))
            for r in d.rows {
                out.append(
                    .row(
                        heading: "Level \(r.level): \(r.title)",
                        descriptor: .init(
                            "\(document) Level \(r.level) descriptor",
                            r.descriptor.isEmpty ? "none at this level" : "“\(oneLine(r.descriptor))”"),
                        evidence: r.note))
            }
        }
        return out
    }

    var closingBlocks: [SummaryBlock] {
        var out: [SummaryBlock] = [
            .userText(label: "Strengths and protective factors", text: strengths),
            .userText(label: "The child's wishes and feelings, in their words", text: childsVoice),
            .heading("Family and household"),
        ]
        var people: [SummaryBlock.Field] = carers.map { k in
            .init(
                "Parent or carer",
                "\(or(k.name)) (\(k.relationship.isEmpty ? "relationship not given" : k.relationship)): parental responsibility "
                    + answer(k.parentalResponsibility) + "; lives with the child " + answer(k.livesWithChild)
                    + (k.contact.map { "; contact \($0)" } ?? ""))
        }
        people += household.map { m in
            let relation = m.relationship.isEmpty ? (m.sibling ? "sibling" : "household member") : m.relationship
            return .init(
                m.sibling ? "Sibling" : "Household",
                "\(or(m.name)) (\(relation)): lives with the child " + answer(m.livesWithChild)
                    + (m.dateOfBirth.map { "; born \($0)" } ?? ""))
        }
        out.append(people.isEmpty ? .paragraph("No parent, carer or household member recorded.") : .fields(people))
        var agencyFields = [
            SummaryBlock.Field(
                "Team Around the Family",
                teamAroundTheFamily.exists ? "yes; Lead Professional: " + or(teamAroundTheFamily.leadProfessional) : "none")
        ]
        agencyFields += agencies.map { g in
            let worker = g.worker.isEmpty ? "" : ", " + g.worker
            let role = g.role.isEmpty ? "" : ": " + oneLine(g.role)
            let contact = g.contact.map { " (contact " + $0 + ")" } ?? ""
            return .init("Agency", or(g.agency) + worker + role + contact)
        }
        out += [.heading("Other agencies"), .fields(agencyFields)]
        var referrerFields = [
            SummaryBlock.Field("Name", or(referrer.name)), .init("Agency", or(referrer.agency)), .init("Role", or(referrer.role)),
        ]
        if !redacted {
            referrerFields.append(.init("Phone", referrer.phone ?? "not given"))
            referrerFields.append(.init("E-mail", referrer.email ?? "not given"))
            if let contact = referrer.contact, !contact.isEmpty { referrerFields.append(.init("Other contact", contact)) }
        }
        out += [.heading("Referrer"), .fields(referrerFields)]
        out += consentBlocks
        if !stillLacks.isEmpty {
            out.append(.alert(title: "STILL MISSING", lines: stillLacks.map { $0.prefix(1).uppercased() + $0.dropFirst() + "." }))
        }
        if let course = courseOfAction {
            out.append(.heading("Course of action (Level \(course.level)\(course.basis == .proposed ? ", proposed" : ""))"))
            for s in course.steps {
                out.append(.paragraph(s.furtherAssessment))
                if !s.actions.isEmpty { out.append(.bullets(s.actions)) }
            }
        }
        return out
    }

    var consentBlocks: [SummaryBlock] {
        let agreement: String
        switch consent.status {
        case .given: agreement = "sought and given"
        case .refused: agreement = "sought and refused"
        case .notSought: agreement = "not sought, because seeking it would put the child at risk"
        case .notYetAsked: agreement = "not asked yet"
        }
        let basis =
            sharing.lawfulBasis.map { b in
                b.label + (sharing.lawfulBasisDetail.isEmpty ? "" : ": " + oneLine(sharing.lawfulBasisDetail))
            } ?? "not recorded"
        var out: [SummaryBlock] = [
            .heading("Consent and sharing"),
            .fields([
                .init("Family's agreement", agreement), .init("Lawful basis", basis),
                .init("Family told", answer(sharing.familyTold)),
            ]),
        ]
        if consent.status == .notSought || !consent.reason.isEmpty {
            out.append(.userText(label: "Why agreement was not sought", text: consent.reason))
        }
        if sharing.familyTold != .yes && (!sharing.notToldReason.isEmpty || consent.status != .given) {
            out.append(.userText(label: "Why the family was not told", text: sharing.notToldReason))
        }
        return out
    }

    var appendixBlocks: [SummaryBlock] {
        var out: [SummaryBlock] = [
            .heading("About this summary"),
            .fields([
                .init("Catalogue", "\(catalogue.id), version \(catalogue.version)"),
                .init("Assessment", assessmentId),
            ]),
        ]
        if !informationLinks.isEmpty { out += [.heading("Information links from the document"), .links(informationLinks)] }
        let missing = domains.filter { !$0.notAssessed.isEmpty }
        if !missing.isEmpty {
            out.append(.heading("Appendix: rows not yet assessed"))
            out.append(.fields(missing.map { .init($0.name, $0.notAssessed.map(\.title).joined(separator: "; ")) }))
        }
        return out
    }

    private func answer(_ a: Assessment.YesNoNotKnown) -> String {
        switch a {
        case .yes: "yes"
        case .no: "no"
        case .notKnown: "not known"
        }
    }

    private func or(_ text: String) -> String { text.isEmpty ? "not given" : text }

    /// Free text folded onto one line, for a field or list item.
    private func oneLine(_ text: String) -> String { text.split(separator: "\n").joined(separator: " ") }
}
