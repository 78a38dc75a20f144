/// Why an assessment file cannot be scored or exported. Each names the field and what to do.
public enum AssessmentError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case malformedJSON(file: String, line: Int, column: Int, detail: String)
    case invalid(file: String, field: String, message: String, fix: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            "\(file): cannot read the assessment (\(reason)) — check the path"
        case .malformedJSON(let file, let line, let column, let detail):
            "\(file): line \(line), column \(column): malformed JSON (\(detail)) — fix the JSON syntax there"
        case .invalid(let file, let field, let message, let fix):
            "\(file): \(field): \(message) — \(fix)"
        }
    }
}
