import StaircaseCore

/// Writes a value as a Swift expression, so the default catalogue can be compiled into the
/// binary as a value rather than decoded from JSON at every start.
///
/// Why: decoding the 188 KB Durham JSON cost about 6 ms of a cold start, more than `dialog`
/// takes to draw its first frame; the compiled value costs nothing. `Scripts/embed-catalogue`
/// runs this, and a test proves the compiled value equals the decoded, validated JSON, so the
/// JSON file stays the one source of truth.
///
/// It handles what catalogue types are made of, through reflection: structs (built with their
/// memberwise initialisers, so stored properties must be in initialiser order), enums with or
/// without payloads, optionals, arrays, dictionaries, strings, integers and Booleans.
public enum SwiftSource {
    public static func expression(_ value: Any, indent: String = "") -> String {
        let mirror = Mirror(reflecting: value)
        switch value {
        case let s as String: return literal(s)
        case let b as Bool: return b ? "true" : "false"
        case let i as Int: return String(i)
        default: break
        }
        let inner = indent + "    "
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return "nil" }
            return expression(wrapped, indent: indent)
        case .collection, .set:
            let items = mirror.children.map { expression($0.value, indent: inner) }
            return list(items, open: "[", close: "]", indent: indent)
        case .dictionary:
            let pairs = mirror.children.map { pair -> String in
                let kv = Array(Mirror(reflecting: pair.value).children)
                return expression(kv[0].value, indent: inner) + ": " + expression(kv[1].value, indent: inner)
            }.sorted()
            return pairs.isEmpty ? "[:]" : list(pairs, open: "[", close: "]", indent: indent)
        case .enum:
            guard let payload = mirror.children.first else { return "." + String(describing: value) }
            let name = "." + (payload.label ?? "")
            let parts = Mirror(reflecting: payload.value)
            if parts.displayStyle == .tuple {
                let args = parts.children.map { arg(label: $0.label, $0.value, indent: inner) }
                return list(args, open: name + "(", close: ")", indent: indent)
            }
            return name + "(" + expression(payload.value, indent: indent) + ")"
        case .struct:
            let args = mirror.children.map { arg(label: $0.label, $0.value, indent: inner) }
            return list(args, open: String(reflecting: type(of: value)) + "(", close: ")", indent: indent)
        default:
            return String(describing: value)
        }
    }

    private static func arg(label: String?, _ value: Any, indent: String) -> String {
        let text = expression(value, indent: indent)
        guard let label, !label.hasPrefix(".") else { return text }
        return label + ": " + text
    }

    /// Short lists of scalars stay on one line; anything else gets a line per item.
    private static func list(_ items: [String], open: String, close: String, indent: String) -> String {
        if items.isEmpty { return open + close }
        let flat = open + items.joined(separator: ", ") + close
        if flat.count <= 100 && !flat.contains("\n") { return flat }
        let inner = indent + "    "
        return open + "\n" + items.map { inner + $0 }.joined(separator: ",\n") + ",\n" + indent + close
    }

    /// A string literal that reads back as exactly `s`: quotes, backslashes and every control
    /// character are escaped; other characters are written as themselves.
    public static func literal(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.properties.generalCategory == .format
                    || scalar.properties.generalCategory == .lineSeparator || scalar.properties.generalCategory == .paragraphSeparator
                {
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
