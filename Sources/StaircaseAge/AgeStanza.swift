/// One recipient stanza of an age header: `-> TYPE ARG…` and a base64 body.
///
/// Stanzas are how a file key is wrapped for each recipient. Unknown types are kept and
/// ignored on decryption, as the format requires (new recipient types and "grease" stanzas).
public struct AgeStanza: Equatable, Sendable {
    public var type: String
    public var arguments: [String]
    public var body: [UInt8]

    public init(type: String, arguments: [String], body: [UInt8]) {
        self.type = type
        self.arguments = arguments
        self.body = body
    }

    /// The stanza as it appears in a header: body wrapped at 64 columns, always ending with a
    /// line shorter than 64 (empty if the body fills its last line), so a reader knows where it ends.
    var encoded: [UInt8] {
        var out = Array("->".utf8)
        for argument in [type] + arguments { out += Array(" \(argument)".utf8) }
        out.append(UInt8(ascii: "\n"))
        let text = Array(AgeBase64.encode(body).utf8)
        var index = 0
        while text.count - index >= AgeHeader.columnsPerLine {
            out += text[index..<index + AgeHeader.columnsPerLine]
            out.append(UInt8(ascii: "\n"))
            index += AgeHeader.columnsPerLine
        }
        out += text[index...]
        out.append(UInt8(ascii: "\n"))
        return out
    }

    /// True for an argument age accepts: non-empty, printable ASCII without spaces.
    static func isValidArgument(_ bytes: some Collection<UInt8>) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy { $0 >= 33 && $0 <= 126 }
    }
}

/// Something a file key can be encrypted to: an X25519 public key, or a passphrase.
public protocol AgeRecipient: Sendable {
    /// The stanzas that let this recipient's identity recover `fileKey`.
    func wrap(fileKey: [UInt8]) throws(AgeError) -> [AgeStanza]
    /// True if the format requires this recipient's stanza to be alone in the header (scrypt).
    var mustBeAlone: Bool { get }
}

/// Something that may recover a file key from a header's stanzas.
public protocol AgeIdentity: Sendable {
    /// The file key, or nil if no stanza is for this identity.
    ///
    /// Throws `headerFailure` for a malformed stanza of this identity's type, and a specific error
    /// (such as `wrongPassphrase`) when a stanza is for it but does not open.
    func unwrap(stanzas: [AgeStanza]) throws(AgeError) -> [UInt8]?
}
