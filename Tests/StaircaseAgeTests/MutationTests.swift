import StaircaseAge
import Testing

/// Seeded random mutations of valid files: every one is refused with a typed error, none traps.
///
/// This is the fuzz entry point (`AgeFuzzing`) exercised deterministically in every test run;
/// a libFuzzer harness can drive the same functions for longer.
@Suite struct MutationTests {
    /// SplitMix64: a small seeded generator, so a failure reproduces.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func theFuzzIdentityDecryptsFilesForIt() throws {
        let file = try AgeFile.encrypt([1, 2, 3], to: [AgeFuzzing.identity.recipient])
        #expect(AgeFuzzing.decrypt(file) == 3)
        #expect(AgeFuzzing.parseHeader(file) == 1)
        #expect(AgeFuzzing.parseHeader([]) == -1)
    }

    @Test func noMutationOfAValidFileIsAccepted() throws {
        var random = Seeded(state: 14)
        let files = [
            try AgeFile.encrypt(Array("short".utf8), to: [AgeFuzzing.identity.recipient]),
            try AgeFile.encrypt(RoundTripTests.sample(70_000), to: [AgeFuzzing.identity.recipient, X25519Identity.generate().recipient]),
            try AgeFile.encrypt([], to: [AgeFuzzing.identity.recipient]),
            try AgeFile.encrypt(Array("p".utf8), passphrase: "fuzz", workFactor: 2),
        ]
        for file in files { #expect(AgeFuzzing.decrypt(file) >= 0) }
        for round in 0..<1_500 {
            let file = files[round % files.count]
            var mutated = file
            // Mostly the header and the first chunk, where the parsers are.
            let limit = min(mutated.count, 400)
            switch random.next() % 4 {
            case 0:
                mutated[Int(random.next() % UInt64(limit))] ^= UInt8(1 + random.next() % 255)
            case 1:
                mutated.insert(UInt8(truncatingIfNeeded: random.next()), at: Int(random.next() % UInt64(limit)))
            case 2:
                mutated.remove(at: Int(random.next() % UInt64(limit)))
            default:
                mutated = Array(mutated.prefix(Int(random.next() % UInt64(mutated.count))))
            }
            #expect(AgeFuzzing.decrypt(mutated) == -1, "mutation \(round) was accepted")
            _ = AgeFuzzing.parseHeader(mutated)
        }
    }
}
