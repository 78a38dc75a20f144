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
    /// Rows of cells under column headers (the chronology): aligned columns in plain text, a
    /// GFM table in Markdown, a `<table>` in HTML.
    case table(Table)
    /// Detail worth a long page but not a pasted one (the titles of rows not yet assessed):
    /// HTML shows it, plain text and Markdown leave it out (the JSON has it anyway).
    indirect case htmlOnly(SummaryBlock)

    public struct Table: Sendable, Equatable {
        public var headers: [String]
        public var rows: [[String]]
        public init(headers: [String], rows: [[String]]) {
            self.headers = headers
            self.rows = rows
        }
    }

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
    /// The content triage-first, as First Contact reads it: the first screenful (`triageBlocks`)
    /// says whether the child is safe now, who and where the child is, the worry, the level decided
    /// and why, the categories of concern, the help asked for, the household and its four
    /// questions, consent, whom to call back and what is missing; then the worry and request in
    /// full when cut; then the flags and the evidence, highest level first, and the chronology;
    /// then the details behind the first screen (the child, family, agencies, what is working
    /// well, consent's reasons); last, what the summary was made from.
    public var blocks: [SummaryBlock] {
        var out: [SummaryBlock] = [.title(title)]
        if training { out.append(.alert(title: "TRAINING RUN", lines: ["This is a training exercise, not a real referral."])) }
        out += dangerBlocks + triageBlocks
        if redacted {
            out.append(
                .alert(
                    title: "REDACTED",
                    lines: [
                        redactionLine,
                        "The date of birth is an age band; addresses, phone numbers, e-mail addresses and other contact details are removed,"
                            + " from free text too: the record's own, and any UK phone number, postcode or e-mail address.",
                        "Other identifying details in free text (places, schools, nicknames, other dates) are not detected: check them by hand before sharing.",
                    ]))
        }
        out +=
            worryBlocks + flagBlocks + sinceLastTimeBlocks + rowBlocks + chronologyBlocks + childBlocks + reasoningBlocks + closingBlocks
            + consentBlocks + appendixBlocks
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
            // The first line of the first screen's fields (`triageBlocks`).
            return []
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
        return "Names of \(joined) are replaced everywhere, free text included: initials in name fields, a label such as [child] in text"
            + " (a whole name in any case, one word of it when it starts with a capital)."
    }

    /// What the first screen leaves out about the child (the address, communication, disability),
    /// heading the section that goes on to the family and agencies.
    var childBlocks: [SummaryBlock] {
        var f: [SummaryBlock.Field] = []
        if Self.isCut(child.whereNow, limit: 90) { f.append(.init("Where now", child.whereNow)) }
        if let address = child.address { f.append(.init("Address", address)) }
        f.append(.init("Communication", communication))
        if !child.disability.isEmpty { f.append(.init("Disability", child.disability)) }
        return [.heading("The child, family and agencies"), .fields(f)]
    }

    /// Communication needs, first language and interpreter on one line.
    var communication: String {
        var parts: [String] = []
        parts.append(child.communicationNeeds.isEmpty ? "no needs recorded" : oneLine(child.communicationNeeds).trimmingSentenceEnd)
        if !child.firstLanguage.isEmpty { parts.append("first language \(child.firstLanguage)") }
        switch child.interpreterNeeded {
        case .yes: parts.append("interpreter needed")
        case .no: parts.append("no interpreter needed")
        case .notKnown: parts.append("interpreter: not known")
        }
        return oneLine(parts.joined(separator: "; "))
    }

    /// The practitioner's reasoning when the decision is the proposal, or a different decision's
    /// reason when the first screen had to cut it.
    var reasoningBlocks: [SummaryBlock] {
        guard decided != nil && !decisionReason.isEmpty else { return [] }
        // A reason written against an earlier proposal is never paired with the current one.
        if let earlier = decidedAgainst {
            guard Self.isCut(oneLine(decisionReason)) else { return [] }
            return [.userText(label: "Practitioner's reasoning, written against the earlier proposal (\(earlier))", text: decisionReason)]
        }
        if differsFromProposal {
            guard Self.isCut(oneLine(decisionReason)) else { return [] }
            return [.userText(label: "Reason for deciding differently from the proposal", text: decisionReason)]
        }
        return [.userText(label: "Practitioner's reasoning", text: decisionReason)]
    }

    /// The engine's flag text starts with its own short label ("Toxic trio: …", "Combination
    /// rule: …"); beside a field label that says the same, it would read twice.
    static func withoutLabel(_ text: String, like label: String) -> String {
        guard let first = label.split(separator: " ").first, text.hasPrefix(first + " "),
            let colon = text.prefix(31).firstIndex(of: ":"), text[text.index(after: colon)...].hasPrefix(" ")
        else { return text }
        return String(text[text.index(colon, offsetBy: 2)...])
    }

    /// The combination rule's count and threshold, without the document's reminder quoted after
    /// them: one line in the first pages (the JSON keeps the whole text).
    static func firstSentence(_ text: String, if shorten: Bool) -> String {
        guard shorten, let end = text.firstRange(of: ". “") else { return text }
        return String(text[..<end.lowerBound]) + "."
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
            return SummaryBlock.Field(name, Self.firstSentence(Self.withoutLabel(f.text, like: name), if: f.kind == .combination) + rows)
        }
        let missing = completeness.applicable - completeness.assessed
        var fields = flagFields + householdFlagFields
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
                        + ")"))
        // Named, as they are few: a row judged not applicable is a judgement, not a gap.
        let judged = domains.flatMap(\.notApplicable).map(\.title)
        if !judged.isEmpty { fields.append(.init("Judged not applicable", judged.joined(separator: "; "))) }
        out.append(.fields(fields))
        return out
    }

    /// Every row above Level 1, highest level first, then in domain order: a Level 3 row is
    /// read before a Level 2 row whichever domain it is in.
    var rowBlocks: [SummaryBlock] {
        var out: [SummaryBlock] = [.heading("Evidence: needs above Level 1 (descriptors are the document's wording)")]
        let document = catalogue.shortName
        let rows = domains.enumerated().flatMap { (i, d) in d.rows.map { (i, d.name, $0) } }
            .sorted { ($0.2.level, -$0.0) > ($1.2.level, -$1.0) }
        if rows.isEmpty { out.append(.paragraph("No row is assessed above Level 1.")) }
        for (_, domain, r) in rows {
            out.append(
                .row(
                    heading: "Level \(r.level): \(r.title) (\(domain))" + (r.events.map { " — " + $0 } ?? ""),
                    descriptor: .init(
                        "\(document) Level \(r.level) descriptor",
                        r.descriptor.isEmpty ? "none at this level" : "“\(oneLine(r.descriptor))”"),
                    evidence: r.note))
        }
        let noted = domains.flatMap { d in d.otherNotes.map { (d.name, $0) } }
        if !noted.isEmpty {
            out.append(.subheading("Other evidence notes (rows at Level 1 or not applicable)"))
            out += noted.map { domain, n in .userText(label: "\(n.title) (\(domain)): \(n.answer)", text: n.note) }
        }
        return out
    }

    var closingBlocks: [SummaryBlock] {
        var out: [SummaryBlock] =
            workingWellBlocks + [.userText(label: "The child's wishes and feelings, in their words", text: childsVoice)]
        var people: [SummaryBlock.Field] = carers.map { k in
            let responsibility: String
            switch k.parentalResponsibility {
            case .yes: responsibility = "parental responsibility"
            case .no: responsibility = "no parental responsibility"
            case .notKnown: responsibility = "parental responsibility not known"
            }
            return .init(
                "Carer",
                "\(or(k.name)) (\(k.relationship.isEmpty ? "relationship not given" : k.relationship)): \(responsibility); "
                    + lives(k.livesWithChild) + (k.contact.map { "; \($0)" } ?? ""))
        }
        people += household.map { m in
            let relation = m.relationship.isEmpty ? (m.sibling ? "sibling" : "household member") : m.relationship
            return .init(
                m.sibling ? "Sibling" : "Household",
                "\(or(m.name)) (\(relation)): " + lives(m.livesWithChild) + (m.dateOfBirth.map { "; born \($0)" } ?? ""))
        }
        if people.isEmpty { out.append(.paragraph("No parent, carer or household member recorded.")) }
        var agencyFields =
            people + [
                SummaryBlock.Field(
                    "Team Around the Family",
                    teamAroundTheFamily.exists ? "yes; Lead Professional: " + or(teamAroundTheFamily.leadProfessional) : "none")
            ]
        agencyFields += agencies.map { g in
            let worker = g.worker.isEmpty ? "" : ", " + g.worker
            let role = g.role.isEmpty ? "" : ": " + oneLine(g.role)
            let contact = g.contact.map { "; " + $0 } ?? ""
            return .init("Agency", or(g.agency) + worker + role + contact)
        }
        out.append(.fields(agencyFields))
        out += householdNoteBlocks
        if !redacted, let contact = referrer.contact, !contact.isEmpty {
            out.append(.fields([.init("Referrer's other contact", contact)]))
        }
        return out
    }

    /// "lives with the child", "lives elsewhere", "not known where": short enough that one
    /// person is one line.
    func lives(_ a: Assessment.YesNoNotKnown) -> String {
        switch a {
        case .yes: "lives with the child"
        case .no: "lives elsewhere"
        case .notKnown: "not known whether living with the child"
        }
    }

    /// "sought and given", "not sought, because …": the family's agreement in a few words.
    var agreement: String {
        switch consent.status {
        case .given: "sought and given"
        case .refused: "sought and refused"
        case .notSought: "not sought, because seeking it would put the child at risk"
        case .notYetAsked: "not asked yet"
        }
    }

    /// The reasons behind the first screen's consent line, each headed for what it is: a refusal
    /// has a reason given, not a reason for not asking.
    var consentBlocks: [SummaryBlock] {
        var out: [SummaryBlock] = []
        if let basis = sharing.lawfulBasis, !sharing.lawfulBasisDetail.isEmpty {
            out.append(.fields([.init("Lawful basis", basis.label + ": " + oneLine(sharing.lawfulBasisDetail))]))
        }
        if consent.status == .notSought || !consent.reason.isEmpty {
            let label: String
            switch consent.status {
            case .refused: label = "Why the family refused"
            case .given: label = "About the agreement"
            case .notSought: label = "Why agreement was not sought"
            case .notYetAsked: label = "Why agreement has not been asked yet"
            }
            out.append(.userText(label: label, text: consent.reason))
        }
        // "Not known" is not "not told": with no reason written it is left to Still lacks, which
        // already says whether the family was told is not recorded.
        if sharing.familyTold != .yes && (!sharing.notToldReason.isEmpty || (sharing.familyTold == .no && consent.status != .given)) {
            out.append(.userText(label: "Why the family was not told", text: sharing.notToldReason))
        }
        return out.isEmpty ? [] : [.heading("Consent and sharing")] + out
    }

    var appendixBlocks: [SummaryBlock] {
        var out: [SummaryBlock] = [
            .heading("About this summary"),
            .fields([.init("Made from", "\(catalogue.id) \(catalogue.version); assessment \(assessmentId)")]),
        ]
        // Plain text lists the links' names straight under "Made from" (they say what they are);
        // the long pages give them their own heading.
        if !informationLinks.isEmpty { out += [.htmlOnly(.subheading("Information links from the document")), .links(informationLinks)] }
        let missing = domains.filter { !$0.notAssessed.isEmpty }
        if !missing.isEmpty {
            out.append(.htmlOnly(.heading("Appendix: rows not yet assessed")))
            out.append(.htmlOnly(.fields(missing.map { .init($0.name, $0.notAssessed.map(\.title).joined(separator: "; ")) })))
        }
        return out
    }

    func answer(_ a: Assessment.YesNoNotKnown) -> String {
        switch a {
        case .yes: "yes"
        case .no: "no"
        case .notKnown: "not known"
        }
    }

    func or(_ text: String) -> String { text.isEmpty ? "not given" : text }

    /// Free text folded onto one line, for a field or list item.
    func oneLine(_ text: String) -> String { text.split(separator: "\n").joined(separator: " ") }
}
