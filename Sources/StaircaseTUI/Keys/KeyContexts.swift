/// A set of key contexts as one bit each. The key table holds about a hundred of these; as
/// `Set<KeyContext>` they were hashed into being before the first frame, a fifth of the
/// start-up's own work with the runtime's conformance lookups they set off (issue 26).
public struct KeyContexts: Equatable, Sendable, ExpressibleByArrayLiteral {
    private var bits: UInt64

    /// Every context's bit: its position among all of them (fewer than 64, checked by a test).
    static func bit(_ c: KeyContext) -> UInt64 { 1 << UInt64(c.position) }

    public init(_ contexts: some Sequence<KeyContext>) {
        bits = contexts.reduce(0) { $0 | Self.bit($1) }
    }

    public init(arrayLiteral contexts: KeyContext...) { self.init(contexts) }

    public func contains(_ c: KeyContext) -> Bool { bits & Self.bit(c) != 0 }
    public func union(_ other: KeyContexts) -> KeyContexts {
        var u = self
        u.bits |= other.bits
        return u
    }
    public func isSuperset(of other: KeyContexts) -> Bool { bits & other.bits == other.bits }
}

extension KeyContext {
    /// Where the context stands in `allCases`: its bit in `KeyContexts`, its slot in the key
    /// table's per-context lists.
    var position: Int { Self.ordered.firstIndex(of: self) ?? 0 }
    static let ordered = allCases
}
