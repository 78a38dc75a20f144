/// A recovery copy brought back after the store's file changed (issue 19, defect 1): what differs
/// between the saved assessment and the copy, part by part, and the assessment made from the
/// practitioner's choice for each part. Pure: the wizard's merge screen shows `differences` and
/// saves `merge`; nothing here reads a file or the clock.
///
/// A part is a row's level, a row's note, a field of the forms, the referral's own words (the
/// worry, what is working well, the request, the child's words), the household questions, the
/// lists (carers, household, agencies, chronology) and the decision. A part with no choice keeps
/// the saved side, so nothing the other window saved is written over unless the user says so.
public enum AssessmentMerge {
    /// Which side a part takes: the saved one, the copy's, or for text both joined, each marked.
    public enum Side: String, Sendable, CaseIterable {
        case saved, copy, both
    }

    /// One part that differs, in words for the screen.
    public struct Difference: Equatable, Sendable {
        /// The part's key in `choices`: "level:<row id>", "note:<row id>", "child.name"…
        public var key: String
        /// "Housing (level)", "Child’s name", "Decision".
        public var label: String
        public var saved: String
        public var copy: String
        /// Text that can be kept from both sides (a note, the strengths, the child's words).
        public var joinable: Bool
    }

    /// The parts that differ, rows first in the catalogue's order (rows it does not list after
    /// them), then the forms and the decision.
    public static func differences(saved: Assessment, copy: Assessment, catalogue: Catalogue) -> [Difference] {
        parts(catalogue: catalogue, rows: rowIDs(saved, copy, catalogue)).compactMap { p in
            guard p.differs(saved, copy) else { return nil }
            return Difference(key: p.key, label: p.label, saved: p.show(saved), copy: p.show(copy), joinable: p.join != nil)
        }
    }

    /// The saved assessment with each part the choices name taken from the copy (or both sides
    /// joined); every other part, the id and where it was left are the saved one's. `now` is the
    /// merged assessment's last change.
    public static func merge(saved: Assessment, copy: Assessment, choices: [String: Side], now: String) -> Assessment {
        var out = saved
        for p in parts(catalogue: nil, rows: rowIDs(saved, copy, nil)) where p.differs(saved, copy) {
            switch choices[p.key] ?? .saved {
            case .saved: break
            case .copy: p.take(&out, copy)
            case .both: if let join = p.join { join(&out, saved, copy) } else { p.take(&out, copy) }
            }
        }
        out.answers = out.answers.filter { $0.value != Assessment.Answer(.notAssessed) }
        out.updatedAt = now
        return out
    }

    /// Two texts kept together, each marked with where it came from.
    public static func joined(_ saved: String, _ copy: String) -> String {
        if saved.isEmpty { return copy }
        if copy.isEmpty { return saved }
        return "[saved] " + saved + " [recovery copy] " + copy
    }

    /// One part of an assessment: how to tell, show, take and (for text) join it.
    struct Part {
        var key: String
        var label: String
        var differs: (Assessment, Assessment) -> Bool
        var show: (Assessment) -> String
        var take: (inout Assessment, Assessment) -> Void
        var join: ((inout Assessment, Assessment, Assessment) -> Void)?
    }

    static func rowIDs(_ a: Assessment, _ b: Assessment, _ catalogue: Catalogue?) -> [String] {
        let listed = catalogue?.allIndicators.map(\.indicator.id) ?? []
        let known = Set(listed)
        let others = Set(a.answers.keys).union(b.answers.keys).subtracting(known).sorted()
        return listed + others
    }

    static func parts(catalogue: Catalogue?, rows: [String]) -> [Part] {
        let titles = catalogue?.indicatorTitles ?? [:]
        var out: [Part] = []
        for id in rows {
            let title = titles[id] ?? id
            // A row's level, and what goes with it (the earlier reading, why it changed).
            func level(_ a: Assessment) -> Assessment.Answer {
                var x = a.answers[id] ?? Assessment.Answer(.notAssessed)
                x.note = ""
                return x
            }
            out.append(
                Part(
                    key: "level:" + id, label: title + " (level)", differs: { level($0) != level($1) },
                    show: { $0.rating(of: id).label + ($0.answers[id]?.isCarriedUnconfirmed == true ? " (carried, to confirm)" : "") },
                    take: { a, from in
                        var x = level(from)
                        x.note = a.answers[id]?.note ?? ""
                        a.answers[id] = x
                    }))
            func note(_ a: Assessment) -> String { a.answers[id]?.note ?? "" }
            func setNote(_ a: inout Assessment, _ text: String) {
                var x = a.answers[id] ?? Assessment.Answer(.notAssessed)
                x.note = text
                a.answers[id] = x
            }
            out.append(
                Part(
                    key: "note:" + id, label: title + " (note)", differs: { note($0) != note($1) }, show: { shown(note($0)) },
                    take: { a, from in setNote(&a, note(from)) }, join: { a, s, c in setNote(&a, joined(note(s), note(c))) }))
        }
        out += textParts()
        out += [
            field("danger", "Immediate danger", \.immediateDanger) { $0.rawValue },
            field("child.unborn", "Unborn", \.child.unborn) { $0 ? "yes" : "no" },
            field("child.interpreter", "Interpreter needed", \.child.interpreterNeeded) { $0.rawValue },
            field("consent", "Consent", \.consent) { $0.status.rawValue + ($0.reason.isEmpty ? "" : ": " + $0.reason) },
            field("sharing", "Lawful basis and whether the family was told", \.sharing) {
                ($0.lawfulBasis?.label ?? "no basis chosen") + ($0.lawfulBasisDetail.isEmpty ? "" : ": " + $0.lawfulBasisDetail)
                    + "; told: " + $0.familyTold.rawValue
            },
            field("lead", "Team Around the Family", \.leadProfessional) { $0.tafExists ? "yes: " + shown($0.name) : "no" },
            field("carers", "Parents and carers", \.carers) { list($0.map(\.name)) },
            field("household", "Household and siblings", \.household) { list($0.map(\.name)) },
            field("agencies", "Other agencies", \.agencies) { list($0.map(\.agency)) },
            field("categories", "Categories of concern", \.concernCategories) { list($0) },
            field("workingWell.domains", "What is working well, by domain", \.workingWell.domains) { byKey($0, none: "none") { $0 } },
            field("request.kinds", "The help you ask for", \.request.kinds) { list($0.map(\.label)) },
            field("household.questions", "The four household questions", \.householdDifficulties) {
                byKey($0, none: "not asked") { $0.answer.rawValue + ($0.note.isEmpty ? "" : " (" + $0.note + ")") }
            },
            field("chronology", "Chronology", \.chronology) { events in
                let lines: [String] = Chronology.sorted(events).map { e in e.date.description + " " + e.what }
                return events.isEmpty ? "no events" : "\(events.count): " + lines.joined(separator: "; ")
            },
            field("home", "Needs cannot be met at home", \.needsCannotBeMetAtHome) { $0 ? "yes" : "no" },
            Part(
                key: "decision", label: "Decision",
                differs: { $0.decision != $1.decision || $0.draftDecision != $1.draftDecision },
                show: { a in
                    if let d = a.decision { return "Level \(d.level), step \(d.step)" + (d.reason.isEmpty ? "" : ": " + d.reason) }
                    if let d = a.draftDecision { return "not recorded (chosen: Level \(d.level), step \(d.step))" }
                    return "none"
                },
                take: { a, from in
                    a.decision = from.decision
                    a.draftDecision = from.draftDecision
                }),
        ]
        return out
    }

    /// The free-text fields: each can be kept from both sides.
    static func textParts() -> [Part] {
        let fields: [(String, String, WritableKeyPath<Assessment, String>)] = [
            ("child.name", "Child’s name", \.child.name), ("child.where", "Where the child is now", \.child.whereNow),
            ("child.address", "Address", \.child.address), ("child.communication", "Communication needs", \.child.communicationNeeds),
            ("child.language", "First language", \.child.firstLanguage), ("child.disability", "Disability", \.child.disability),
            ("referrer.name", "Your name", \.referrer.name), ("referrer.agency", "Your agency", \.referrer.agency),
            ("referrer.role", "Your role", \.referrer.role), ("referrer.phone", "Your phone", \.referrer.phone),
            ("referrer.email", "Your e-mail", \.referrer.email), ("referrer.contact", "Other contact", \.referrer.contact),
            ("worry", "What you are worried about", \.worry),
            ("workingWell", "What is working well", \.workingWell.overall),
            ("request.detail", "The help you ask for, in your words", \.request.detail),
            ("voice", "The child’s wishes and feelings", \.childsVoice),
        ]
        var out = fields.map { key, label, path in
            var p = field(key, label, path) { shown($0) }
            p.join = { a, s, c in a[keyPath: path] = joined(s[keyPath: path], c[keyPath: path]) }
            return p
        }
        out.append(field("child.born", "Date of birth", \.child.dateOfBirth) { shown($0 ?? "") })
        out.append(field("child.expected", "Expected date", \.child.expectedDate) { shown($0 ?? "") })
        return out
    }

    static func field<T: Equatable>(_ key: String, _ label: String, _ path: WritableKeyPath<Assessment, T>, _ show: @escaping (T) -> String)
        -> Part
    {
        Part(
            key: key, label: label, differs: { $0[keyPath: path] != $1[keyPath: path] }, show: { show($0[keyPath: path]) },
            take: { a, from in a[keyPath: path] = from[keyPath: path] })
    }

    /// "key: value; key: value" in key order, or `none`.
    static func byKey<V>(_ map: [String: V], none: String, _ show: (V) -> String) -> String {
        guard !map.isEmpty else { return none }
        return map.keys.sorted().map { k in k + ": " + (map[k].map(show) ?? "") }.joined(separator: "; ")
    }

    static func shown(_ text: String) -> String { text.isEmpty ? "(empty)" : text }

    static func list(_ items: [String]) -> String {
        items.isEmpty ? "none" : "\(items.count): " + items.map { $0.isEmpty ? "(no name)" : $0 }.joined(separator: "; ")
    }
}
