/// Why an age operation failed, and what to do about it.
///
/// Messages describe the file's structure only: never plaintext, a passphrase, a file key or any
/// other secret, because they reach stderr, terminals and bug reports. `category` maps each case
/// onto the outcomes of the C2SP age test vectors.
public enum AgeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The passphrase did not open the file's scrypt stanza.
    case wrongPassphrase
    /// None of the identities opens any recipient stanza (or the file wants a passphrase, or the reverse).
    case noMatchingIdentity
    /// The header is not well-formed age v1, or a stanza for a known type is malformed.
    case headerFailure(String)
    /// A file key was recovered but the header's MAC does not match: the header was altered.
    case hmacFailure
    /// The payload does not authenticate: it was altered, reordered, or has data after its end.
    case payloadFailure(String)
    /// The file ends early: in the header or nonce (`inHeader`), or before the payload's final chunk.
    case truncated(inHeader: Bool)
    /// The scrypt work factor is above what decryption accepts (22, as age): a hostile file could
    /// otherwise make us spend gigabytes and minutes.
    case workFactorTooHigh(Int)
    /// Encrypting needs a non-empty passphrase.
    case emptyPassphrase
    /// Encrypting needs at least one recipient; a passphrase (scrypt) must be the only one.
    case invalidRecipients(String)
    /// A string is not an `age1…` recipient or an `AGE-SECRET-KEY-1…` identity.
    case invalidKey(String)
    /// The system's random source or a primitive failed; nothing was written.
    case cryptoFailure(String)

    /// The C2SP test-vector outcome this error stands for.
    public enum Category: String, Sendable {
        case headerFailure = "header failure"
        case hmacFailure = "HMAC failure"
        case payloadFailure = "payload failure"
        case noMatch = "no match"
        case other
    }

    public var category: Category {
        switch self {
        case .wrongPassphrase, .noMatchingIdentity: return .noMatch
        case .headerFailure, .workFactorTooHigh: return .headerFailure
        case .truncated(let inHeader): return inHeader ? .headerFailure : .payloadFailure
        case .hmacFailure: return .hmacFailure
        case .payloadFailure: return .payloadFailure
        case .emptyPassphrase, .invalidRecipients, .invalidKey, .cryptoFailure: return .other
        }
    }

    public var description: String {
        switch self {
        case .wrongPassphrase:
            return "wrong passphrase — check Caps Lock and the keyboard layout, then try again"
        case .noMatchingIdentity:
            return "this file is not encrypted to any of the keys given — it was written for another store or recipient"
        case .headerFailure(let reason):
            return "not a valid age file (\(reason)) — the file is damaged or is not an age v1 file"
        case .hmacFailure:
            return "the age header was altered (its MAC does not match) — the file is damaged or was tampered with"
        case .payloadFailure(let reason):
            return "the encrypted content does not authenticate (\(reason)) — the file is damaged or was tampered with"
        case .truncated(let inHeader):
            return "the age file ends early (in its \(inHeader ? "header" : "content")) — it was cut short; restore it from a copy"
        case .workFactorTooHigh(let logN):
            return "the file asks for scrypt work factor \(logN), above the limit of \(ScryptIdentity.maximumWorkFactor) — "
                + "refused so a hostile file cannot exhaust memory"
        case .emptyPassphrase:
            return "the passphrase is empty — choose a passphrase"
        case .invalidRecipients(let reason):
            return "cannot encrypt: \(reason)"
        case .invalidKey(let reason):
            return "not a valid age key (\(reason)) — expected age1… for a recipient or AGE-SECRET-KEY-1… for an identity"
        case .cryptoFailure(let reason):
            return "a cryptographic operation failed (\(reason)) — nothing was written; try again"
        }
    }
}
