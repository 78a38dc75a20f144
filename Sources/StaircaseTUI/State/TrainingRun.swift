import StaircaseCore

/// The screens of a participant's training run, around the real assessment screens.
public enum TrainingScreen: Equatable, Sendable {
    /// The start screen of `staircase train`: the alias and the pack's cases.
    case choose
    /// The chosen case's narrative, read before rating.
    case read
    /// After the decision: the participant's answer beside the model answer.
    case feedback
}

/// A participant's run through one training pack (`staircase train`). The case is rated and
/// decided on the real screens; this holds what those screens do not: the pack, the alias, the
/// chosen case, and, once the decision is recorded, the response and its feedback. The model
/// answer is read only after the decision, so it cannot leak into the rating.
public struct TrainingRun: Equatable, Sendable {
    public var pack: TrainingPack
    /// The participant's workshop alias, never a real name; empty until they give one.
    public var alias: String
    /// Where the response file goes: the folder given with `--responses`, or the default shown.
    public var responsesFolder: String
    /// False when the folder was given on the command line: `w` then writes without asking.
    public var asksFolder: Bool
    public var caseID: String?
    /// The host's time when the case was opened, for the time taken.
    public var startedAt: String?
    public var response: TrainingResponse?
    public var feedback: TrainingFeedback?
    /// The response file written, once it is on disk.
    public var writtenPath: String?
    /// The participant was told, once, that quitting now leaves their response unwritten.
    public var warnedUnwritten = false

    public init(pack: TrainingPack, alias: String?, responsesFolder: String, asksFolder: Bool) {
        self.pack = pack
        self.alias = alias ?? ""
        self.responsesFolder = responsesFolder
        self.asksFolder = asksFolder
    }

    public var trainingCase: TrainingCase? { caseID.flatMap { pack.trainingCase($0) } }

    /// Why an alias cannot be used, or nil: a workshop alias is short, printable and not empty.
    public static func aliasProblem(_ alias: String) -> String? {
        let a = alias.trimmed
        if a.isEmpty { return "give an alias (a nickname, a colour, a number): never your real name" }
        if a.count > TrainingResponse.maximumAliasLength { return "an alias is at most \(TrainingResponse.maximumAliasLength) characters" }
        if SafeText.firstUnsafe(in: a) != nil { return "an alias cannot hold control characters" }
        return nil
    }

    /// Seconds from one host timestamp ("2026-07-01T10:45:00+01:00") to another; nil if either
    /// cannot be read. The clock is the host's: the reducer only subtracts.
    /// At most `TrainingResponse.maximumSecondsTaken`, so a run resumed weeks later still
    /// writes a response the report reads.
    public static func seconds(from start: String, to end: String) -> Int? {
        guard let a = RecordedTime(start)?.secondsSinceEpoch, let b = RecordedTime(end)?.secondsSinceEpoch else { return nil }
        return min(TrainingResponse.maximumSecondsTaken, max(0, b - a))
    }
}
