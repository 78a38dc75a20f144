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
    public static func seconds(from start: String, to end: String) -> Int? {
        guard let a = epochSeconds(start), let b = epochSeconds(end) else { return nil }
        return max(0, b - a)
    }

    static func epochSeconds(_ t: String) -> Int? {
        let c = Array(t.utf8)
        guard c.count >= 19 else { return nil }
        func num(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= c.count else { return nil }
            var n = 0
            for b in c[from..<(from + count)] {
                guard b >= 0x30 && b <= 0x39 else { return nil }
                n = n * 10 + Int(b - 0x30)
            }
            return n
        }
        guard let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2), let h = num(11, 2), let mi = num(14, 2), let s = num(17, 2)
        else { return nil }
        var offset = 0
        if c.count >= 25, c[19] == 0x2B || c[19] == 0x2D, let oh = num(20, 2), let om = num(23, 2) {
            offset = (c[19] == 0x2D ? -1 : 1) * (oh * 3600 + om * 60)
        }
        // Days from the civil date (Howard Hinnant's algorithm).
        let yy = mo <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146097 + doe - 719468
        return days * 86400 + h * 3600 + mi * 60 + s - offset
    }
}
