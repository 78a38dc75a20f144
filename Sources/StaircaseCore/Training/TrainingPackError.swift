/// Why a training pack could not be used. Each case names the file, where in it, and what to do;
/// problems reuse the catalogue's path-message-fix shape so both validators read alike.
public enum TrainingPackError: Error, Equatable, Sendable {
    case unreadable(file: String, reason: String)
    case empty(file: String)
    case tooLarge(file: String, bytes: Int, limit: Int)
    case malformedJSON(file: String, line: Int, column: Int, detail: String)
    case invalid(file: String, problems: [CatalogueProblem])

    /// One line per problem, ready for a terminal.
    public var lines: [String] {
        switch self {
        case .unreadable(let file, let reason):
            ["\(file): cannot read the training pack (\(reason)) — check the path and that you may read it"]
        case .empty(let file):
            ["\(file): the file is empty — give a training pack in JSON (see Data/training-pack.schema.json)"]
        case .tooLarge(let file, let bytes, let limit):
            ["\(file): \(bytes) bytes is larger than the \(limit)-byte limit for a training pack — check that this is the right file"]
        case .malformedJSON(let file, let line, let column, let detail):
            ["\(file): line \(line), column \(column): malformed JSON (\(detail)) — fix the JSON syntax there"]
        case .invalid(let file, let problems):
            problems.map { "\(file): \($0)" }
        }
    }

    public var problems: [CatalogueProblem] {
        if case .invalid(_, let p) = self { return p }
        return []
    }
}
