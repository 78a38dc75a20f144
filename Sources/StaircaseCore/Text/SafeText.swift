/// Keeps terminal control out of text: user-typed notes and catalogue strings reach the screen
/// and exports, where an escape sequence could repaint a terminal or a bidi override could make
/// a referral say something it does not.
public enum SafeText {
    /// True for scalars that must never be shown or exported as they are.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true  // C0, DEL, C1 (includes ESC and CSI)
        case 0x200E, 0x200F, 0x061C: true  // directional marks
        case 0x202A...0x202E, 0x2066...0x2069: true  // bidi embeddings, overrides, isolates
        case 0xFFF9...0xFFFB: true  // interlinear annotation controls
        default: false
        }
    }

    /// The first unsafe scalar, if any, for error messages.
    public static func firstUnsafe(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first(where: isUnsafe)
    }

    /// Replaces each unsafe scalar: tabs and line breaks become a space (when `keepLines` is
    /// false) so prose survives; anything else becomes U+FFFD so the reader sees something was there.
    public static func clean(_ text: String, keepLines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if !isUnsafe(s) {
                out.append(s)
            } else if s == "\n" && keepLines {
                out.append(s)
            } else if s == "\t" || s == "\n" || s == "\r" {
                out.append(" ")
            } else {
                out.append("\u{FFFD}")
            }
        }
        return String(out)
    }

    /// How a scalar is named in an error: `U+001B`.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

extension String {
    /// Without leading and trailing white space (no Foundation needed).
    public var trimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
