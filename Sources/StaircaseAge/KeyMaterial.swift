#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Fresh random bytes for keys and nonces, and wiping of the key bytes this module owns.
///
/// Randomness comes from the system CSPRNG (`getrandom(2)` on Linux, through Swift's
/// `SystemRandomNumberGenerator`, which is documented as cryptographically secure and never
/// seeded from the clock). Wiping is best effort: Swift arrays may have been copied before they
/// are wiped, and nothing here is `mlock`ed; docs/format/encryption.md says so.
enum KeyMaterial {
    static func random(count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8](repeating: 0, count: count)
        for index in bytes.indices { bytes[index] = generator.next() }
        return bytes
    }

    /// Overwrites `bytes` with zeros through a call the optimiser cannot drop, then empties it.
    static func wipe(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return }
            #if canImport(Glibc)
                explicit_bzero(base, buffer.count)
            #else
                memset_s(base, buffer.count, 0, buffer.count)
            #endif
        }
        bytes.removeAll()
    }
}
