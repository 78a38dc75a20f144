/// How many terminal columns text takes: wide East Asian characters and most emoji take two,
/// combining marks and zero-width characters take none. Counting `Character`s instead would
/// break every column of a table that holds a Welsh, Polish or Chinese name.
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        // Fast path: Unicode property lookups dominated redraw time (Scripts/bench-tui).
        if let ascii = character.asciiValue { return ascii >= 0x20 && ascii != 0x7F ? 1 : 0 }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.contains("\u{FE0F}") && first.properties.isEmoji { return 2 }
        return of(first)
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        // Latin-1 and Latin Extended, below the combining marks: one column, bar the soft hyphen.
        if v >= 0xA0 && v < 0x300 { return v == 0xAD ? 0 : 1 }
        // Dashes, quotes, bullets and the ellipsis: one column each.
        if (0x2010...0x2027).contains(v) || (0x2030...0x205E).contains(v) { return 1 }
        if v == 0 { return 0 }
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B || (0x1160...0x11FF).contains(v) { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return isWide(v) ? 2 : 1
    }

    // Specialised for the two types the screens pass: unspecialised, the first call of a start
    // had the runtime look up the views' element types by name, a scan of every protocol
    // conformance in the binary before the first frame (issue 26).
    @_specialize(where S == String)
    @_specialize(where S == Substring)
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        // Latin letters and the typographic punctuation of the Durham text (’ – · …) need no
        // grapheme breaking: no scalar there joins the one before it with a width of its own
        // (the only joiners, U+200C and U+200D, take none), so the scalars' widths add up to the
        // characters'. Breaking into characters was an eighth of a redraw (issue 26).
        if text.unicodeScalars.allSatisfy({ $0.value < 0x300 || (0x2000..<0x2070).contains($0.value) }) {
            return text.unicodeScalars.reduce(0) { $0 + of($1) }
        }
        return text.reduce(0) { $0 + of($1) }
    }

    /// East Asian Wide and Fullwidth ranges (Unicode 15, abridged to the blocks in use).
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
            0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            true
        default:
            false
        }
    }
}
