import StaircaseCore

/// One line of the resume list: enough to recognise a case, never the child's full name.
public struct SessionSummary: Sendable, Equatable {
    /// The assessment id (for a damaged file, the file name without `.json`).
    public var id: String
    /// The file's name in the store folder.
    public var file: String
    /// "J.D.": initials only, so a list on a shared screen does not name the child.
    public var initials: String
    /// The assessment's `updatedAt` (ISO 8601).
    public var lastChange: String
    public var progress: Progress
    /// The engine's proposal, when the assessment's catalogue is the one given to `list`.
    public var proposedLevel: Int?
    public var proposedStep: Int?
    /// The practitioner's decision, when one is recorded: it outranks the proposal in lists.
    public var decidedLevel: Int?
    public var decidedStep: Int?
    /// The decision answered another proposal than the answers give now: they changed after it
    /// was made, so a list must not show it as the settled level (it is decided again on the
    /// review). Known only when the proposal could be worked out (the assessment's catalogue).
    public var decisionOutOfDate = false
    public var training: Bool
    /// Why the file could not be read; nil for a good file. Names no content of the file.
    public var damaged: String?

    public init(
        id: String, file: String, initials: String, lastChange: String, progress: Progress,
        proposedLevel: Int? = nil, proposedStep: Int? = nil, training: Bool = false, damaged: String? = nil
    ) {
        self.id = id
        self.file = file
        self.initials = initials
        self.lastChange = lastChange
        self.progress = progress
        self.proposedLevel = proposedLevel
        self.proposedStep = proposedStep
        self.training = training
        self.damaged = damaged
    }

    /// Rows assessed out of rows that apply, or only a count when the catalogue is not at hand.
    public enum Progress: Sendable, Equatable, CustomStringConvertible {
        case rows(assessed: Int, applicable: Int)
        case answered(Int)
        case unknown

        public var description: String {
            switch self {
            case .rows(let assessed, let applicable): "\(assessed)/\(applicable) rows"
            case .answered(let n): n == 1 ? "1 answered" : "\(n) answered"
            case .unknown: "-"
            }
        }
    }

    /// "Level 4 (step 5)", "Level 2", "none yet", or "-" without a matching catalogue.
    public var proposedText: String {
        guard let level = proposedLevel else { return progress.isRows ? "none yet" : "-" }
        if let step = proposedStep, step != level { return "Level \(level) (step \(step))" }
        return "Level \(level)"
    }

    /// "2026-11-23 14:05" from "2026-11-23T14:05:00Z"; anything else is shown cleaned and short.
    public var lastChangeText: String {
        // Bytes, not Characters: this runs for every row of a 10,000-row list.
        let bytes = Array(lastChange.utf8)
        if bytes.count >= 16 && bytes[10] == 0x54 && bytes[13] == 0x3A && bytes[0..<16].allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return String(decoding: bytes[0..<10], as: UTF8.self) + " " + String(decoding: bytes[11..<16], as: UTF8.self)
        }
        return String(SafeText.clean(lastChange).prefix(20))
    }

    /// "Level 4 (decided)" or "Level 4, step 5 (decided)" when decided, else "Level 2
    /// (proposed)", as `sessions list` says "2 proposed" (a tryout read a bare "Level 2" as
    /// decided); "(decided, out of date)" when the answers changed after the decision.
    public var levelText: String {
        func text(_ level: Int, _ step: Int?, _ how: String) -> String {
            "Level \(level)" + (step.map { $0 == level ? "" : ", step \($0)" } ?? "") + " (\(how))"
        }
        if let level = decidedLevel { return text(level, decidedStep, decisionOutOfDate ? "decided, out of date" : "decided") }
        if let level = proposedLevel { return text(level, proposedStep, "proposed") }
        return proposedText
    }

    /// The `sessions list` NOTE column: training, and a decision the answers have moved past.
    public var noteColumn: String {
        [training ? "training" : "", decisionOutOfDate ? "decision out of date" : ""].filter { !$0.isEmpty }.joined(separator: "; ")
    }

    /// The `sessions list` LEVEL column: "4 decided", "4 step 5, decided", "2 proposed", so a
    /// row with a 22-character id and a step-5 decision still fits 80 columns.
    public var levelColumn: String {
        func text(_ level: Int, _ step: Int?, _ how: String) -> String {
            if let step, step != level { return "\(level) step \(step), \(how)" }
            return "\(level) \(how)"
        }
        if let level = decidedLevel { return text(level, decidedStep, "decided") }
        if let level = proposedLevel { return text(level, proposedStep, "proposed") }
        return proposedText
    }

    /// The label for the wizard's resume menu.
    public var displayLine: String {
        if let damaged { return "\(file): damaged (\(damaged))" }
        var parts = [initials.isEmpty ? "(no name)" : initials, lastChangeText, progress.description]
        if decidedLevel != nil || proposedLevel != nil { parts.append(levelText) }
        if training { parts.append("training") }
        return parts.joinedText(separator: "  ")
    }

    /// First letter of each word of the name, each followed by ".": "Jane van Doe" → "J.V.D.".
    ///
    /// Dots and hyphens also split words, so "J.D." and "Mary-Jane" keep their initials. A word
    /// in capitals ("DOE") still gives one letter: spelling it out would show the surname.
    /// Only letters are kept, at most six.
    public static func initials(of name: String) -> String {
        var letters: [Character] = []
        let words = name.split(whereSeparator: { $0.isWhitespace || $0 == "." || $0 == "-" || $0 == "," })
        for word in words {
            if let first = word.first(where: \.isLetter) { letters.append(first) }
        }
        return letters.prefix(6).map { SafeText.clean($0.uppercased()) + "." }.joined()
    }
}

extension SessionSummary.Progress {
    var isRows: Bool {
        if case .rows = self { return true }
        return false
    }
}
