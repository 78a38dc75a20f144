#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The one JSON parser of files from outside: strict, it builds a `JSONTree` or reports the line
/// and column of the first error. Foundation's decoder words its syntax errors differently on
/// every platform and sometimes gives only a byte offset; an editor user needs a line and a
/// column, and the shape checks need the tree.
public enum JSONSyntax {
    public struct Failure: Error, Equatable, Sendable {
        public var line: Int
        public var column: Int
        public var message: String
        /// Set when the failure is a key given twice in one object, which is valid syntax that
        /// programs read differently: each loader reports it as a problem at a path, not as a typo.
        public var duplicate: DuplicateKey?
        /// The way from the top to the object holding the duplicate, innermost last, gathered as
        /// the error unwinds so a file that parses pays nothing for it.
        var trail: [PathStep] = []

        init(line: Int, column: Int, message: String, duplicate: DuplicateKey? = nil) {
            self.line = line
            self.column = column
            self.message = message
            self.duplicate = duplicate
        }
    }

    /// Deeper nesting than this is refused rather than risking the stack.
    static let maximumDepth = 256

    /// The tree of `data`, or the first syntax error with its line and column.
    public static func parse(_ data: Data) throws(Failure) -> JSONTree {
        var scanner = Scanner(bytes: [UInt8](data))
        scanner.skipSpace()
        let value: JSONTree
        do throws(Failure) {
            value = try scanner.value(depth: 0)
        } catch {
            throw error.duplicate == nil ? error : error.placed()
        }
        scanner.skipSpace()
        if scanner.index < scanner.bytes.count { throw scanner.fail("unexpected text after the end of the JSON value") }
        return value
    }

    public static func firstError(in data: Data) -> Failure? {
        do throws(Failure) {
            _ = try parse(data)
            return nil
        } catch {
            return error
        }
    }

    struct Scanner {
        let bytes: [UInt8]
        var index = 0

        func fail(_ message: String) -> Failure {
            var line = 1
            var column = 1
            var i = 0
            while i < index && i < bytes.count {
                if bytes[i] == 0x0A {
                    line += 1
                    column = 1
                } else if bytes[i] & 0xC0 != 0x80 {
                    column += 1
                }
                i += 1
            }
            return Failure(line: line, column: column, message: message)
        }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpace() {
            while let c = current, c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { index += 1 }
        }

        mutating func value(depth: Int) throws(Failure) -> JSONTree {
            guard depth < JSONSyntax.maximumDepth else { throw fail("nesting deeper than \(JSONSyntax.maximumDepth) levels") }
            guard let c = current else { throw fail("unexpected end of file: the JSON is truncated") }
            switch c {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            case UInt8(ascii: "t"):
                try literal("true")
                return .bool(true)
            case UInt8(ascii: "f"):
                try literal("false")
                return .bool(false)
            case UInt8(ascii: "n"):
                try literal("null")
                return .null
            default: throw fail("unexpected character '\(printable(c))'")
            }
        }

        mutating func object(depth: Int) throws(Failure) -> JSONTree {
            index += 1
            var out: [String: JSONTree] = [:]
            var entry = 0
            skipSpace()
            if current == UInt8(ascii: "}") {
                index += 1
                return .object(out)
            }
            while true {
                skipSpace()
                guard current == UInt8(ascii: "\"") else {
                    throw current == nil ? fail("unexpected end of file: the JSON is truncated") : fail("expected a quoted key")
                }
                let keyStart = index
                let key = try string()
                entry += 1
                if out[key] != nil {
                    // Foundation keeps the first, Python and jq the last: refused, so no two
                    // programs can read one file differently.
                    index = keyStart
                    var failure = fail("a key given twice")
                    failure.duplicate = DuplicateKey(key: key, entry: entry, line: failure.line, column: failure.column)
                    throw failure
                }
                skipSpace()
                guard current == UInt8(ascii: ":") else { throw fail("expected ':' after a key") }
                index += 1
                skipSpace()
                do throws(Failure) {
                    out[key] = try value(depth: depth + 1)
                } catch {
                    throw error.within(.key(key, entry: entry))
                }
                skipSpace()
                switch current {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "}"):
                    index += 1
                    return .object(out)
                case nil: throw fail("unexpected end of file: the JSON is truncated")
                default: throw fail("expected ',' or '}'")
                }
            }
        }

        mutating func array(depth: Int) throws(Failure) -> JSONTree {
            index += 1
            var out: [JSONTree] = []
            skipSpace()
            if current == UInt8(ascii: "]") {
                index += 1
                return .array(out)
            }
            while true {
                skipSpace()
                do throws(Failure) {
                    out.append(try value(depth: depth + 1))
                } catch {
                    throw error.within(.index(out.count))
                }
                skipSpace()
                switch current {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "]"):
                    index += 1
                    return .array(out)
                case nil: throw fail("unexpected end of file: the JSON is truncated")
                default: throw fail("expected ',' or ']'")
                }
            }
        }

        mutating func string() throws(Failure) -> String {
            index += 1
            var out: [UInt8] = []
            var pendingHigh: UInt32?
            func flushHigh() {
                if pendingHigh != nil { out += Array("\u{FFFD}".utf8) }
                pendingHigh = nil
            }
            while let c = current {
                switch c {
                case UInt8(ascii: "\""):
                    index += 1
                    flushHigh()
                    return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    index += 1
                    guard let e = current else { break }
                    if e == UInt8(ascii: "u") {
                        var scalar: UInt32 = 0
                        for _ in 0..<4 {
                            index += 1
                            guard let h = current, isHex(h) else { throw fail("bad \\u escape: four hex digits expected") }
                            scalar = scalar * 16 + UInt32(isDigit(h) ? h - 0x30 : (h | 0x20) - 0x61 + 10)
                        }
                        // A surrogate pair is one character; a lone half becomes U+FFFD.
                        if let high = pendingHigh, (0xDC00...0xDFFF).contains(scalar) {
                            pendingHigh = nil
                            scalar = 0x10000 + ((high - 0xD800) << 10) + (scalar - 0xDC00)
                        } else {
                            flushHigh()
                            if (0xD800...0xDBFF).contains(scalar) {
                                pendingHigh = scalar
                                index += 1
                                continue
                            }
                        }
                        out += Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
                    } else if let plain = Self.escapes[e] {
                        flushHigh()
                        out.append(plain)
                    } else {
                        throw fail("unknown escape '\\\(printable(e))'")
                    }
                    index += 1
                case 0..<0x20: throw fail("raw control character in a string: write it as an escape or remove it")
                default:
                    flushHigh()
                    out.append(c)
                    index += 1
                }
            }
            throw fail("unexpected end of file inside a string: the JSON is truncated")
        }

        /// What each one-letter escape stands for.
        static let escapes: [UInt8: UInt8] = [
            UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F, UInt8(ascii: "b"): 0x08,
            UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
        ]

        mutating func number() throws(Failure) -> JSONTree {
            let start = index
            if current == UInt8(ascii: "-") { index += 1 }
            guard let first = current, isDigit(first) else { throw fail("a number needs digits") }
            index += 1
            if first != UInt8(ascii: "0") { while let c = current, isDigit(c) { index += 1 } }
            if current == UInt8(ascii: ".") {
                index += 1
                guard let c = current, isDigit(c) else { throw fail("a decimal point needs digits after it") }
                while let c = current, isDigit(c) { index += 1 }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                index += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
                guard let c = current, isDigit(c) else { throw fail("an exponent needs digits") }
                while let c = current, isDigit(c) { index += 1 }
            }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            if let n = Int(text) { return .integer(n) }
            return .number(Double(text) ?? .infinity)
        }

        mutating func literal(_ word: String) throws(Failure) {
            let start = index
            for expected in word.utf8 {
                guard current == expected else {
                    index = start
                    throw fail("expected '\(word)'")
                }
                index += 1
            }
        }

        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        func isHex(_ c: UInt8) -> Bool { isDigit(c) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x66) }
        func printable(_ c: UInt8) -> String {
            if c >= 0x20 && c < 0x7F { return String(UnicodeScalar(c)) }
            let hex = String(c, radix: 16, uppercase: true)
            return "0x" + (hex.count < 2 ? "0" : "") + hex
        }
    }
}
