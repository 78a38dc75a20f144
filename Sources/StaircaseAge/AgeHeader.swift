import Crypto

/// The textual header of an age v1 file: version line, recipient stanzas, and the MAC line.
///
/// Parsing is strict, as the age specification and the C2SP test vectors demand: exactly one
/// spelling is accepted for every header, so a file cannot be altered without the MAC noticing.
/// `parse(_:)` takes any bytes and never traps, which makes it the entry point for fuzzing.
public struct AgeHeader: Equatable, Sendable {
    public static let versionLine = "age-encryption.org/v1"
    static let columnsPerLine = 64
    static let bytesPerLine = columnsPerLine / 4 * 3
    static let macLength = 32

    public var stanzas: [AgeStanza]
    /// HMAC-SHA-256 over the header up to and including `---`, keyed from the file key.
    public var mac: [UInt8]
    /// The header's bytes from the version line through `---` (no space, no MAC): what the MAC covers.
    public var macInput: [UInt8]

    /// Parses the header at the start of `file`, returning it and the offset where the payload begins.
    ///
    /// Refuses: a version other than v1, CR characters, stanza lines with empty or non-printable
    /// arguments, body lines over 64 columns or not canonical base64, a body that does not end in a
    /// short line, a missing or malformed MAC line, and a header with no stanza.
    public static func parse(_ file: [UInt8]) throws(AgeError) -> (header: AgeHeader, payloadOffset: Int) {
        var reader = LineReader(bytes: file)
        guard let version = reader.next() else {
            let intro = Array((versionLine + "\n").utf8)
            if file.count < intro.count && intro.starts(with: file) { throw .truncated(inHeader: true) }
            throw .headerFailure("the first line is not age-encryption.org/v1")
        }
        guard version.elementsEqual(versionLine.utf8) else {
            if version.starts(with: "age-encryption.org/".utf8) {
                throw .headerFailure("unsupported age version; this reads age-encryption.org/v1")
            }
            throw .headerFailure("the first line is not age-encryption.org/v1")
        }
        var stanzas: [AgeStanza] = []
        var open = false  // the last stanza's body has not ended yet
        while true {
            let lineStart = reader.offset
            guard let line = reader.next() else { throw .truncated(inHeader: true) }
            if line.starts(with: "---".utf8) {
                if open { throw .headerFailure("a stanza body ends without its final short line") }
                let mac = try parseMACLine(line)
                guard !stanzas.isEmpty else { throw .headerFailure("the header has no recipient stanza") }
                let macInput = Array(file[0..<(lineStart + 3)])
                return (AgeHeader(stanzas: stanzas, mac: mac, macInput: macInput), reader.offset)
            } else if line.starts(with: "->".utf8) {
                if open { throw .headerFailure("a stanza body ends without its final short line") }
                stanzas.append(try parseStanzaLine(line))
                open = true
            } else if open, let last = stanzas.indices.last {
                guard line.count <= columnsPerLine, let bytes = AgeBase64.decode(line) else {
                    throw .headerFailure("a stanza body line is not canonical base64 of at most 64 columns")
                }
                stanzas[last].body += bytes
                open = line.count == columnsPerLine
            } else {
                throw .headerFailure("unexpected line in the header")
            }
        }
    }

    private static func parseStanzaLine(_ line: ArraySlice<UInt8>) throws(AgeError) -> AgeStanza {
        let parts = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].elementsEqual("->".utf8) else {
            throw .headerFailure("a stanza line needs `-> TYPE`")
        }
        let arguments = parts.dropFirst()
        guard arguments.allSatisfy({ AgeStanza.isValidArgument($0) }) else {
            throw .headerFailure("a stanza argument is empty or has characters outside printable ASCII")
        }
        let strings = arguments.map { String(decoding: $0, as: UTF8.self) }
        return AgeStanza(type: strings[0], arguments: Array(strings.dropFirst()), body: [])
    }

    private static func parseMACLine(_ line: ArraySlice<UInt8>) throws(AgeError) -> [UInt8] {
        let parts = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].elementsEqual("---".utf8) else {
            throw .headerFailure("the MAC line must be `--- ` and the MAC")
        }
        guard let mac = AgeBase64.decode(parts[1]), mac.count == macLength else {
            throw .headerFailure("the header MAC is not canonical base64 of 32 bytes")
        }
        return mac
    }

    /// The header for `stanzas`, with its MAC computed from `fileKey`.
    static func make(stanzas: [AgeStanza], fileKey: SymmetricKey) -> AgeHeader {
        var macInput = Array((versionLine + "\n").utf8)
        for stanza in stanzas { macInput += stanza.encoded }
        macInput += Array("---".utf8)
        return AgeHeader(stanzas: stanzas, mac: computeMAC(over: macInput, fileKey: fileKey), macInput: macInput)
    }

    /// The header's bytes, ending with the newline after the MAC.
    var encoded: [UInt8] { macInput + Array(" \(AgeBase64.encode(mac))\n".utf8) }

    static func computeMAC(over bytes: [UInt8], fileKey: SymmetricKey) -> [UInt8] {
        let key = HKDF<SHA256>.deriveKey(inputKeyMaterial: fileKey, salt: [UInt8](), info: Array("header".utf8), outputByteCount: 32)
        return Array(HMAC<SHA256>.authenticationCode(for: bytes, using: key))
    }

    /// Checks the MAC against `fileKey` in constant time.
    func verifyMAC(fileKey: SymmetricKey) throws(AgeError) {
        let key = HKDF<SHA256>.deriveKey(inputKeyMaterial: fileKey, salt: [UInt8](), info: Array("header".utf8), outputByteCount: 32)
        guard HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: macInput, using: key) else { throw .hmacFailure }
    }
}

/// Splits bytes at LF without copying; a final piece without LF counts as missing (truncated).
private struct LineReader {
    let bytes: [UInt8]
    var offset = 0

    /// The next line without its LF, or nil if no LF follows.
    mutating func next() -> ArraySlice<UInt8>? {
        guard offset < bytes.count, let end = bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let line = bytes[offset..<end]
        offset = end + 1
        return line
    }
}
