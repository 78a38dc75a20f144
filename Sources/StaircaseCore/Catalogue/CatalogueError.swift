/// What kind of JSON document an error is about: the noun and schema its messages name.
public protocol JSONDocumentKind: Sendable {
    static var noun: String { get }
    static var schema: String { get }
}

public enum CatalogueDocument: JSONDocumentKind {
    public static let noun = "catalogue"
    public static let schema = "Data/catalogue.schema.json"
}

public enum TrainingPackDocument: JSONDocumentKind {
    public static let noun = "training pack"
    public static let schema = "Data/training-pack.schema.json"
}

/// Why a catalogue could not be used. Each case names the file, where in it, and what to do.
public typealias CatalogueError = JSONDocumentError<CatalogueDocument>
/// Why a training pack could not be used; the same shape as a catalogue's, so both validators read alike.
public typealias TrainingPackError = JSONDocumentError<TrainingPackDocument>

/// Why a JSON document (a catalogue, a training pack) could not be used: one set of cases and
/// one wording for both, so their errors cannot drift apart.
public enum JSONDocumentError<Kind: JSONDocumentKind>: Error, Equatable, Sendable {
    case unreadable(file: String, reason: String)
    case empty(file: String)
    case tooLarge(file: String, bytes: Int, limit: Int)
    case malformedJSON(file: String, line: Int, column: Int, detail: String)
    case invalid(file: String, problems: [CatalogueProblem])

    /// One line per problem, ready for a terminal.
    public var lines: [String] {
        switch self {
        case .unreadable(let file, let reason):
            ["\(file): cannot read the \(Kind.noun) (\(reason)) — check the path and that you may read it"]
        case .empty(let file):
            ["\(file): the file is empty — give a \(Kind.noun) in JSON (see \(Kind.schema))"]
        case .tooLarge(let file, let bytes, let limit):
            ["\(file): \(bytes) bytes is larger than the \(limit)-byte limit for a \(Kind.noun) — check that this is the right file"]
        case .malformedJSON(let file, let line, let column, let detail):
            ["\(file): line \(line), column \(column): malformed JSON (\(detail)) — fix the JSON syntax there"]
        case .invalid(let file, let problems):
            problems.map { "\(file): \($0)" }
        }
    }

    /// The checks that failed, for an invalid document; empty otherwise.
    public var problems: [CatalogueProblem] {
        if case .invalid(_, let p) = self { return p }
        return []
    }
}

/// A single check that failed, at a JSON path such as `domains[1].areas[2].indicators[4].levels.3`.
public struct CatalogueProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var fix: String

    public init(path: String, message: String, fix: String) {
        self.path = path
        self.message = message
        self.fix = fix
    }

    public var description: String {
        (path.isEmpty ? "" : "\(path): ") + "\(message) — \(fix)"
    }
}
