import Foundation
import Testing

@testable import StaircaseCore

/// Inputs and golden files for the export tests: assessments written for the minimal fixture
/// catalogue, and expected outputs compared byte for byte (STAIRCASE_RECORD=1 re-records them).
enum ExportSupport {
    static let goldenDirectory = Fixtures.testsDirectory.appendingPathComponent("Golden")

    static func goldenPath(_ name: String) -> String { goldenDirectory.appendingPathComponent(name).path }

    static func catalogue() throws -> Catalogue { try Fixtures.minimal() }

    /// Data/durham.json read at test time, or nil while it does not yet validate.
    static func durham() -> Catalogue? { try? CatalogueLoader.load(path: Fixtures.projectFile("Data/durham.json")) }

    static func assessment(_ name: String, catalogue: Catalogue) throws -> Assessment {
        try AssessmentLoader.load(path: goldenPath(name + ".assessment.json"), catalogue: catalogue)
    }

    static func summary(_ name: String, redact: Bool = false) throws -> ReferralSummary {
        let c = try catalogue()
        let a = try assessment(name, catalogue: c)
        return ReferralSummary.build(catalogue: c, assessment: a, proposal: ScoringEngine(catalogue: c).propose(a), redact: redact)
    }

    static func render(_ name: String, _ format: ExportFormat, redact: Bool = false) throws -> String {
        let c = try catalogue()
        return ReferralExporter.render(format: format, catalogue: c, assessment: try assessment(name, catalogue: c), redact: redact)
    }

    static var recording: Bool { ProcessInfo.processInfo.environment["STAIRCASE_RECORD"] == "1" }

    /// Compares `actual` with the golden file byte for byte, or writes it when recording.
    static func expectGolden(_ actual: String, _ file: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = goldenPath(file)
        if recording {
            try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
            return
        }
        guard let expected = FileManager.default.contents(atPath: path) else {
            Issue.record("missing golden file \(file); run with STAIRCASE_RECORD=1 to create it", sourceLocation: sourceLocation)
            return
        }
        if expected != Data(actual.utf8) {
            Issue.record(
                "\(file) differs from the output: \(firstDifference(String(decoding: expected, as: UTF8.self), actual))",
                sourceLocation: sourceLocation)
        }
    }

    static func firstDifference(_ a: String, _ b: String) -> String {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false)
        let y = b.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(x.count, y.count) {
            let l = i < x.count ? String(x[i]) : "<end>"
            let r = i < y.count ? String(y[i]) : "<end>"
            if l != r { return "line \(i + 1): expected \(l.debugDescription), got \(r.debugDescription)" }
        }
        return "same lines, different bytes"
    }

    /// Scalars no export may contain: C0 (except tab and line feed), DEL, C1, bidi controls.
    static func forbidden(in text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { s in
            switch s.value {
            case 0x00...0x08, 0x0B...0x1F, 0x7F, 0x80...0x9F: true
            case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
            default: false
            }
        }
    }
}

/// A JSON value decoded with `Codable` alone, so the schema check runs the same on every platform.
indirect enum JSONValue: Decodable, Equatable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? c.decode(Double.self) {
            self = .number(n)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    static func parse(_ text: String) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) }

    subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }
}

/// The subset of JSON Schema that Data/summary.schema.json uses: type, const, enum, required,
/// properties, additionalProperties: false, items, minimum, maximum, pattern and local $ref.
struct MiniSchema {
    let root: JSONValue

    func errors(_ value: JSONValue) -> [String] { check(value, against: root, at: "$") }

    func check(_ v: JSONValue, against s: JSONValue, at path: String) -> [String] {
        var out: [String] = []
        if case .string(let ref)? = s["$ref"] {
            guard ref.hasPrefix("#/$defs/"), let def = root["$defs"]?[String(ref.dropFirst(8))] else {
                return ["\(path): unknown $ref \(ref)"]
            }
            out += check(v, against: def, at: path)
        }
        if case .string(let type)? = s["type"], !has(v, type) { out.append("\(path): expected \(type), got \(v)") }
        if let c = s["const"], c != v { out.append("\(path): expected the constant \(c)") }
        if case .array(let options)? = s["enum"], !options.contains(v) { out.append("\(path): \(v) is not one of \(options)") }
        if case .number(let n) = v {
            if case .number(let min)? = s["minimum"], n < min { out.append("\(path): below \(min)") }
            if case .number(let max)? = s["maximum"], n > max { out.append("\(path): above \(max)") }
        }
        if case .string(let text) = v, case .string(let pattern)? = s["pattern"],
            text.range(of: pattern, options: .regularExpression) == nil
        {
            out.append("\(path): \(text.debugDescription) does not match \(pattern)")
        }
        if case .object(let o) = v {
            if case .array(let required)? = s["required"] {
                for case .string(let k) in required where o[k] == nil { out.append("\(path): missing \(k)") }
            }
            let properties: [String: JSONValue]
            if case .object(let p)? = s["properties"] { properties = p } else { properties = [:] }
            for (k, child) in o.sorted(by: { $0.key < $1.key }) {
                if let p = properties[k] {
                    out += check(child, against: p, at: "\(path).\(k)")
                } else if s["additionalProperties"] == .bool(false) {
                    out.append("\(path): unexpected key \(k)")
                }
            }
        }
        if case .array(let items) = v, let itemSchema = s["items"] {
            for (i, item) in items.enumerated() { out += check(item, against: itemSchema, at: "\(path)[\(i)]") }
        }
        return out
    }

    func has(_ v: JSONValue, _ type: String) -> Bool {
        switch (type, v) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null), ("number", .number): true
        case ("integer", .number(let n)): n.rounded() == n
        default: false
        }
    }
}
