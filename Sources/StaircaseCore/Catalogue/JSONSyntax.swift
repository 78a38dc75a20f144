#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A strict JSON syntax checker that reports the line and column of the first error.
/// Foundation's decoder words its syntax errors differently on every platform and sometimes
/// gives only a byte offset; an editor user needs a line and a column.
public enum JSONSyntax {
    public struct Failure: Error, Equatable, Sendable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    /// Deeper nesting than this is refused rather than risking the stack.
    static let maximumDepth = 256

    public static func firstError(in data: Data) -> Failure? {
        var scanner = Scanner(bytes: [UInt8](data))
        do throws(Failure) {
            scanner.skipSpace()
            try scanner.value(depth: 0)
            scanner.skipSpace()
            if scanner.index < scanner.bytes.count { throw scanner.fail("unexpected text after the end of the JSON value") }
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

        mutating func value(depth: Int) throws(Failure) {
            guard depth < JSONSyntax.maximumDepth else { throw fail("nesting deeper than \(JSONSyntax.maximumDepth) levels") }
            guard let c = current else { throw fail("unexpected end of file: the JSON is truncated") }
            switch c {
            case UInt8(ascii: "{"): try object(depth: depth)
            case UInt8(ascii: "["): try array(depth: depth)
            case UInt8(ascii: "\""): try string()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            default: throw fail("unexpected character '\(printable(c))'")
            }
        }

        mutating func object(depth: Int) throws(Failure) {
            index += 1
            skipSpace()
            if current == UInt8(ascii: "}") { index += 1; return }
            while true {
                skipSpace()
                guard current == UInt8(ascii: "\"") else {
                    throw current == nil ? fail("unexpected end of file: the JSON is truncated") : fail("expected a quoted key")
                }
                try string()
                skipSpace()
                guard current == UInt8(ascii: ":") else { throw fail("expected ':' after a key") }
                index += 1
                skipSpace()
                try value(depth: depth + 1)
                skipSpace()
                switch current {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "}"): index += 1; return
                case nil: throw fail("unexpected end of file: the JSON is truncated")
                default: throw fail("expected ',' or '}'")
                }
            }
        }

        mutating func array(depth: Int) throws(Failure) {
            index += 1
            skipSpace()
            if current == UInt8(ascii: "]") { index += 1; return }
            while true {
                skipSpace()
                try value(depth: depth + 1)
                skipSpace()
                switch current {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "]"): index += 1; return
                case nil: throw fail("unexpected end of file: the JSON is truncated")
                default: throw fail("expected ',' or ']'")
                }
            }
        }

        mutating func string() throws(Failure) {
            index += 1
            while let c = current {
                switch c {
                case UInt8(ascii: "\""): index += 1; return
                case UInt8(ascii: "\\"):
                    index += 1
                    guard let e = current else { break }
                    if e == UInt8(ascii: "u") {
                        for _ in 0..<4 {
                            index += 1
                            guard let h = current, isHex(h) else { throw fail("bad \\u escape: four hex digits expected") }
                        }
                    } else if !"\"\\/bfnrt".utf8.contains(e) {
                        throw fail("unknown escape '\\\(printable(e))'")
                    }
                    index += 1
                case 0..<0x20: throw fail("raw control character in a string: write it as an escape or remove it")
                default: index += 1
                }
            }
            throw fail("unexpected end of file inside a string: the JSON is truncated")
        }

        mutating func number() throws(Failure) {
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
