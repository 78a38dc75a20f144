/// Random identifiers for assessments, child keys, response files and training runs.
///
/// Ids used to come from the clock, so two participants who started in the same second on two
/// machines got the same id. These carry 100 bits from the generator the host injects (the
/// system's CSPRNG in the program, a seeded one in tests), in lower-case Crockford base 32 so
/// they are safe as file names and easy to read aloud: no `i`, `l`, `o` or `u`.
public enum RandomID {
    static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz")
    /// Characters after the prefix: 20 × 5 bits = 100 bits.
    public static let length = 20

    /// A new id such as `a-7k2m…`, with `prefix` naming what it identifies.
    public static func make(prefix: String, using generator: inout some RandomNumberGenerator) -> String {
        var out = prefix + "-"
        for _ in 0..<length { out.append(alphabet[Int(generator.next(upperBound: UInt8(alphabet.count)))]) }
        return out
    }

    /// An id from the system's random source (getrandom(2) on Linux, arc4random on Darwin).
    public static func make(prefix: String) -> String {
        var g = SystemRandomNumberGenerator()
        return make(prefix: prefix, using: &g)
    }
}
