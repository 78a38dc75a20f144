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
    /// The content in the order the issue asks for: alerts, case details, levels and course of
    /// action, the rows, links, strengths, the child's voice, flags, gaps, categories of concern.
    public var blocks: [SummaryBlock] {
        var out: [SummaryBlock] = [.title(title)]
        if training { out.append(.alert(title: "TRAINING RUN", lines: ["This is a training exercise, not a real referral."])) }
        if immediateDanger.status == .yes {
            var lines = ["The referrer judges that the child is in immediate danger. Act now; do not wait for this summary to be read."]
            lines += immediateDanger.advice.map { k in
                "\(k.name): \(k.phone)" + (k.email.map { ", \($0)" } ?? "") + (k.when.isEmpty ? "" : " — \(k.when)")
            }
            out.append(.alert(title: "IMMEDIATE DANGER", lines: lines))
        }
        if redacted {
            out.append(
                .alert(
                    title: "REDACTED",
                    lines: [
                        "Names are shown as initials, the date of birth as an age band, and the referrer's contact details are removed."
                    ]))
        }
        out.append(
            .fields([
                .init(
                    "Date",
                    ExportText.displayDateTime(dateTime) + (dateSource == .decision ? " (decision)" : " (last change; not yet decided)")),
                .init("Catalogue", "\(catalogue.title) (\(catalogue.id), version \(catalogue.version))"),
                .init("Assessment", assessmentId),
            ]))
        out += caseBlocks + levelBlocks + rowBlocks + closingBlocks
        return out
    }

    var caseBlocks: [SummaryBlock] {
        var childFields = [SummaryBlock.Field("Name", or(child.name))]
        if redacted {
            childFields.append(.init("Age band", child.ageBand ?? "not known"))
        } else if child.unborn {
            childFields.append(.init("Unborn", "expected " + (child.expectedDate ?? "date not given")))
        } else {
            childFields.append(.init("Date of birth", child.dateOfBirth ?? "not given"))
            childFields.append(.init("Age", child.age.map { "\($0) on \(String(dateTime.prefix(10)))" } ?? "not known"))
        }
        var referrerFields = [
            SummaryBlock.Field("Name", or(referrer.name)), .init("Agency", or(referrer.agency)), .init("Role", or(referrer.role)),
        ]
        if let contact = referrer.contact { referrerFields.append(.init("Contact", or(contact))) }
        let taf =
            teamAroundTheFamily.exists
            ? "A Team Around the Family exists; Lead Professional: " + or(teamAroundTheFamily.leadProfessional)
            : "No Team Around the Family or Lead Professional"
        var out: [SummaryBlock] = [
            .heading("The child"), .fields(childFields),
            .heading("Referrer"), .fields(referrerFields),
            .heading("Team Around the Family"), .paragraph(taf),
            .heading("Consent"),
        ]
        switch consent.status {
        case .given: out.append(.paragraph("Consent was sought and given."))
        case .refused: out.append(.paragraph("Consent was sought and refused."))
        case .notSought:
            out.append(.paragraph("Consent was not sought, because seeking it would put the child at risk."))
        case .notYetAsked: out.append(.paragraph("Consent has not yet been asked for."))
        }
        if consent.status == .notSought || !consent.reason.isEmpty { out.append(.userText(label: "Reason", text: consent.reason)) }
        return out
    }

    var levelBlocks: [SummaryBlock] {
        func describe(_ p: Placement?, _ none: String) -> String {
            guard let p else { return none }
            // Durham's level names begin with the step name ("Targeted Response — ..."): say it once.
            let name =
                p.levelName.hasPrefix(p.stepName) ? p.levelName : [p.stepName, p.levelName].filter { !$0.isEmpty }.joined(separator: " — ")
            return "Level \(p.level), step \(p.step): \(name)"
        }
        var out: [SummaryBlock] = [
            .heading("Level of need"),
            .fields([
                .init("Proposed", describe(proposed, "none yet (no row has been assessed)")),
                .init("Decided", describe(decided, "not yet decided")),
            ]),
        ]
        if !proposalReasons.isEmpty { out += [.subheading("Why this level was proposed"), .bullets(proposalReasons)] }
        if decided != nil && (differsFromProposal || !decisionReason.isEmpty) {
            let label = differsFromProposal ? "Reason for deciding differently from the proposal" : "Practitioner's reasoning"
            out.append(.userText(label: label, text: decisionReason))
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

    var rowBlocks: [SummaryBlock] {
        var out: [SummaryBlock] = [.heading("Needs above Level 1")]
        for d in domains {
            out.append(.subheading(d.name))
            if d.rows.isEmpty { out.append(.paragraph("No row in this domain is assessed above Level 1.")) }
            for r in d.rows {
                var fields = [
                    SummaryBlock.Field("Row", "\(r.area): \(r.title) — Level \(r.level)"),
                    .init("Descriptor", r.descriptor.isEmpty ? "(the document has no descriptor at this level)" : r.descriptor),
                ]
                if !r.links.isEmpty {
                    fields.append(.init("Information links", r.links.map { link($0)?.name ?? $0 }.joined(separator: "; ")))
                }
                out += [.fields(fields), .userText(label: "Evidence", text: r.note)]
            }
        }
        if !informationLinks.isEmpty { out += [.heading("Information links"), .links(informationLinks)] }
        return out
    }

    var closingBlocks: [SummaryBlock] {
        var out: [SummaryBlock] = [
            .heading("Strengths and protective factors"), .userText(label: "Strengths", text: strengths),
            .heading("The child's wishes and feelings"), .userText(label: "In the child's words", text: childsVoice),
            .heading("Flags"),
        ]
        if flags.isEmpty { out.append(.paragraph("No flag was raised.")) }
        let flagFields = flags.map { f in
            let name: String
            switch f.kind {
            case .immediateDanger: name = "Immediate danger"
            case .toxicTrio: name = "Toxic trio"
            case .combination: name = "Combination of needs"
            case .incomplete: name = "Incomplete"
            }
            return SummaryBlock.Field(name, f.text + (f.rows.isEmpty ? "" : " Rows: " + f.rows.map(\.title).joined(separator: "; ") + "."))
        }
        if !flagFields.isEmpty { out.append(.fields(flagFields)) }
        out += [
            .heading("Rows not yet assessed"),
            .paragraph(
                "\(completeness.assessed) of \(completeness.applicable) applicable rows are assessed. Rows not yet assessed are not counted as Level 1."
            ),
        ]
        out.append(
            .fields(
                domains.map { d in
                    .init(
                        d.name,
                        d.notAssessed.isEmpty
                            ? "all assessed"
                            : "\(d.notAssessed.count) not yet assessed: " + d.notAssessed.map(\.title).joined(separator: "; "))
                }))
        if effectiveLevel == 4 {
            out.append(.heading("Categories of concern"))
            out.append(concernCategories.isEmpty ? .paragraph("None chosen yet.") : .bullets(concernCategories.map(\.name)))
        }
        return out
    }

    private func or(_ text: String) -> String { text.isEmpty ? "not given" : text }
}
