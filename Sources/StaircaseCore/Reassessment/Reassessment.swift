/// Starting a new assessment of the same child from the last one, and confirming what was
/// carried forward. Pure: the new id and the time are passed in, and the earlier assessment is
/// never changed.
public enum Reassessment {
    /// Why an assessment cannot be carried forward.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// A version 1 file not yet saved again has no child key to link the two.
        case noChildKey(id: String)
        /// A different catalogue (another authority's), so no row carries over.
        case otherCatalogue(id: String, expected: String)

        public var description: String {
            switch self {
            case .noChildKey(let id):
                "\(id) has no child key yet (it is a version 1 file): open it once in the wizard (Resume) so it gets one, then re-assess"
            case .otherCatalogue(let id, let expected):
                "\(id) was made with another catalogue, not \"\(expected)\": a re-assessment starts from an assessment under the same catalogue"
            }
        }
    }

    /// The day an assessment speaks for: its decision's, else its last change's ("2026-08-14").
    public static func day(of a: Assessment) -> String { String((a.decision?.decidedAt ?? a.updatedAt).prefix(10)) }

    /// A new assessment of the same child: same child key, the details copied (child, referrer,
    /// Lead Professional, carers, household, agencies, training or not), and every earlier
    /// answer carried forward as "to confirm": rated "not yet assessed" with the earlier level
    /// beside it and the earlier evidence kept, so it counts for nothing until confirmed or
    /// changed. The chronology is carried whole, with its ids, because "persistent" and
    /// "repeated" are judged over the child's history, and so compare can tell the events added
    /// since. What belongs to one referral starts again: immediate danger, consent, sharing, the
    /// worry, what is working well, the request, the household questions, the child's words,
    /// the categories of concern and the decision.
    ///
    /// Rows the catalogue no longer has are not carried (`AssessmentComparison` lists them).
    /// An answer still waiting to be confirmed on `previous` is carried with its own earlier
    /// reading, the last one anyone confirmed.
    public static func start(
        from previous: Assessment, catalogue: Catalogue, id: String, now: String
    ) throws(Failure) -> Assessment {
        guard let childKey = previous.childKey else { throw .noChildKey(id: previous.id) }
        guard previous.catalogue.id == catalogue.id else { throw .otherCatalogue(id: previous.id, expected: catalogue.id) }
        var a = Assessment(id: id, createdAt: now, catalogue: .init(id: catalogue.id, version: catalogue.version), childKey: childKey)
        a.training = previous.training
        a.child = previous.child
        a.referrer = previous.referrer
        a.leadProfessional = previous.leadProfessional
        a.carers = previous.carers
        a.household = previous.household
        a.agencies = previous.agencies
        a.chronology = Chronology.sorted(previous.chronology)
        let known = Set(catalogue.allIndicators.map(\.indicator.id))
        let day = day(of: previous)
        for (row, answer) in previous.answers where known.contains(row) {
            let earlier: Assessment.Earlier
            if answer.rating != .notAssessed {
                earlier = .init(rating: answer.rating, on: day, assessment: previous.id)
            } else if let carried = answer.earlier {
                earlier = carried
            } else {
                continue
            }
            a.answers[row] = .init(.notAssessed, note: answer.note, earlier: earlier)
        }
        return a
    }
}

extension Assessment {
    /// Rows carried forward and not yet confirmed or changed.
    public var rowsToConfirm: [String] { answers.filter { $0.value.isCarriedUnconfirmed }.map(\.key).sorted() }

    /// Confirms a carried answer: the earlier level becomes this assessment's answer. Returns
    /// false (and changes nothing) when the row has no carried answer waiting.
    @discardableResult
    public mutating func confirm(_ row: String) -> Bool {
        guard var answer = answers[row], answer.isCarriedUnconfirmed, let earlier = answer.earlier else { return false }
        answer.rating = earlier.rating
        answers[row] = answer
        return true
    }

    /// Answers a row on a re-assessment, keeping its earlier reading; the reason for a change is
    /// dropped if the new rating matches the earlier one.
    public mutating func answer(_ row: String, _ rating: Rating, reason: ChangeReason? = nil) {
        var answer = answers[row] ?? Answer(.notAssessed)
        answer.rating = rating
        answer.changeReason = (answer.earlier?.rating == rating && rating != .notAssessed) ? nil : reason
        answers[row] = answer
    }
}
