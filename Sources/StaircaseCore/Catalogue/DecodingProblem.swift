/// Turns Swift's `DecodingError` into a problem a catalogue author can fix.
enum DecodingProblem {
    static func problem(for error: DecodingError) -> CatalogueProblem {
        switch error {
        case .keyNotFound(let key, let context):
            let path = JSONPath.render(context.codingPath + [key])
            if context.codingPath.last?.stringValue == "levels", let level = Int(key.stringValue) {
                return CatalogueProblem(
                    path: path, message: "missing descriptor",
                    fix: "give the Level \(level) text or mark it not applicable")
            }
            if key.stringValue == "text" {
                return CatalogueProblem(
                    path: path, message: "a cell has neither text nor notApplicable",
                    fix: "give the descriptor as \"text\" or write \"notApplicable\": \"stated\" or \"blank\"")
            }
            return CatalogueProblem(
                path: path, message: "missing field \"\(key.stringValue)\"",
                fix: "add it (see Data/catalogue.schema.json)")
        case .typeMismatch(let type, let context):
            return CatalogueProblem(
                path: JSONPath.render(context.codingPath), message: "wrong type",
                fix: "give \(describe(type)) here")
        case .valueNotFound(let type, let context):
            return CatalogueProblem(
                path: JSONPath.render(context.codingPath), message: "null where a value is needed",
                fix: "give \(describe(type)) here")
        case .dataCorrupted(let context):
            return CatalogueProblem(
                path: JSONPath.render(context.codingPath), message: "invalid value",
                fix: context.codingPath.last?.stringValue == "notApplicable"
                    ? "use \"stated\" (the document says Not Applicable) or \"blank\" (the cell is empty)"
                    : "check the value against Data/catalogue.schema.json")
        @unknown default:
            return CatalogueProblem(path: "", message: "cannot decode", fix: "check the file against Data/catalogue.schema.json")
        }
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "a whole number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "an array"
        default:
            String(describing: type).hasPrefix("Array") ? "an array" : "an object (\(String(describing: type)))"
        }
    }
}

/// Renders coding paths the way people write them: `domains[1].areas[2].levels.3`.
public enum JSONPath {
    public static func render(_ path: [any CodingKey]) -> String {
        var out = ""
        for key in path {
            // Array positions come from the decoder's own index keys ("Index 3"); keys such as
            // "3" under "levels" come from our CodingKeys and carry no intValue.
            if let i = key.intValue, key.stringValue.hasPrefix("Index") {
                out += "[\(i)]"
            } else {
                out += (out.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return out
    }
}
