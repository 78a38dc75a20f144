import StaircaseCore
import StaircaseStore

/// The saved assessments of one child, found through the store's list index (which holds each
/// file's child key), so only that child's files are read: for `sessions history`, the summary's
/// "Since last time", resume's "Last time" and `assess --from`. A damaged or unreadable file is
/// left out here; `sessions list` shows it with its reason.
enum ChildRecords {
    /// Every readable saved assessment with this child key.
    static func assessments(childKey: String, in store: SessionStore) -> [Assessment] {
        store.assessments(childKey: childKey)
    }

    /// The summary as `export` and the wizard write it: with "Since last time" and the journey
    /// when the store holds an earlier assessment of the same child under this catalogue.
    static func summary(catalogue: Catalogue, assessment a: Assessment, redact: Bool, store: SessionStore?) -> ReferralSummary {
        let proposal = ScoringEngine(catalogue: catalogue).propose(a)
        guard let store, let key = a.childKey else {
            return ReferralSummary.build(catalogue: catalogue, assessment: a, proposal: proposal, redact: redact)
        }
        let all = assessments(childKey: key, in: store).filter { $0.id != a.id } + [a]
        guard let previous = ChildHistory.predecessor(of: a, among: all) else {
            return ReferralSummary.build(catalogue: catalogue, assessment: a, proposal: proposal, redact: redact)
        }
        let history = ChildHistory.build(childKey: key, assessments: all, catalogues: [catalogue])
        return ReferralSummary.build(
            catalogue: catalogue, assessment: a, proposal: proposal, redact: redact, previous: previous, history: history)
    }
}
