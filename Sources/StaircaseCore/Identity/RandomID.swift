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
    /// The 100 bits are taken five at a time from two 64-bit draws: one draw per character was
    /// one getrandom(2) call each, 60 of them before the first frame (issue 26).
    public static func make(prefix: String, using generator: inout some RandomNumberGenerator) -> String {
        var out = prefix + "-"
        var bits = generator.next()
        for k in 0..<length {
            if k == 12 { bits = generator.next() }  // 12 × 5 = 60 bits of the first draw used
            out.append(alphabet[Int(bits & 31)])
            bits >>= 5
        }
        return out
    }

    /// An id from the system's random source (getrandom(2) on Linux, arc4random on Darwin).
    public static func make(prefix: String) -> String {
        var g = SystemRandomNumberGenerator()
        return make(prefix: prefix, using: &g)
    }
}
