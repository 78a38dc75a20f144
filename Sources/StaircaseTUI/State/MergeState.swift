import StaircaseCore

/// What the host found when a recovery copy was brought back (issue 19, defect 1).
public enum BroughtBack: Equatable, Sendable {
    /// The store's file is still the one the copy was made from: the copy opens in its place,
    /// with the host's note ("Brought back from a recovery copy…").
    case unchanged(Assessment, notice: String?)
    /// The store's file changed since the copy was made: both sides, for the merge screen. The
    /// host holds the saved assessment's lock, so the merge is saved over the version shown.
    case changed(saved: Assessment, copy: Assessment, copyID: String)
}

/// The merge screen's state: both sides, what differs, and the side chosen for each part. A part
/// with no choice keeps the saved side, so nothing is written over unless the user says so.
public struct MergeState: Equatable, Sendable {
    public var saved: Assessment
    public var copy: Assessment
    /// The recovery copy's id as the start screen listed it (removed once the merge is saved).
    public var copyID: String
    public var differences: [AssessmentMerge.Difference]
    public var choices: [String: AssessmentMerge.Side] = [:]
    /// The merged assessment sent to the store, until the host answers.
    public var saving: Assessment?

    public init(saved: Assessment, copy: Assessment, copyID: String, catalogue: Catalogue) {
        self.saved = saved
        self.copy = copy
        self.copyID = copyID
        differences = AssessmentMerge.differences(saved: saved, copy: copy, catalogue: catalogue)
    }

    /// The side part `i` takes now.
    public func side(_ i: Int) -> AssessmentMerge.Side {
        differences.indices.contains(i) ? choices[differences[i].key] ?? .saved : .saved
    }

    /// The sides part `i` can take: both only for text.
    public func sides(_ i: Int) -> [AssessmentMerge.Side] {
        differences.indices.contains(i) && differences[i].joinable ? [.saved, .copy, .both] : [.saved, .copy]
    }
}
