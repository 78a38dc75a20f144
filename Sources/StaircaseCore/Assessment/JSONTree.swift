#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A parsed JSON value, so a file's shape can be checked (unknown keys, types, lengths) before
/// it is decoded: `Codable` silently ignores keys it does not know, and a misspelt
/// `dateOfBrith` would otherwise become "date of birth: not given".
public indirect enum JSONTree: Equatable, Sendable {
    case null, bool(Bool), integer(Int), number(Double), string(String), array([JSONTree]), object([String: JSONTree])

    /// Parses JSON text, or nil when it is not JSON: the strict parser (`JSONSyntax.parse`),
    /// which also says where a file goes wrong. Its own parser rather than `Decodable`: decoding
    /// a tree has to try each type in turn, and the failed tries made a 200 KB catalogue take
    /// seconds.
    public static func parse(_ data: Data) -> JSONTree? {
        try? JSONSyntax.parse(data)
    }

    /// The kind of value, for messages that must never quote the value itself.
    public var kind: String {
        switch self {
        case .null: "null"
        case .bool: "true or false"
        case .integer, .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
