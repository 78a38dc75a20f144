/// A statistic that is either a number or the reason it cannot be computed: degenerate data
/// (one rater, every rating the same, nothing to pair) gives a sentence, never NaN.
public enum Statistic: Equatable, Sendable, Codable {
    case value(Double)
    case notDefined(String)

    public var number: Double? {
        if case .value(let v) = self { return v }
        return nil
    }

    /// "0.815", or "not defined, because …".
    public func formatted(digits: Int = 3) -> String {
        switch self {
        case .value(let v): Agreement.fixed(v, digits: digits)
        case .notDefined(let why): "not defined, because \(why)"
        }
    }

    enum CodingKeys: String, CodingKey { case value, notDefined }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let v = try c.decodeIfPresent(Double.self, forKey: .value) {
            self = .value(v)
        } else {
            self = .notDefined(try c.decode(String.self, forKey: .notDefined))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .value(let v): try c.encode((v * 10_000).rounded() / 10_000, forKey: .value)
        case .notDefined(let why): try c.encode(why, forKey: .notDefined)
        }
    }
}
