import Crypto

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The age payload: a 16-byte nonce, then ChaCha20-Poly1305 STREAM in 64 KiB chunks.
///
/// Each chunk's nonce is an 11-byte big-endian counter and a final byte that is 1 only on the
/// last chunk, so chunks cannot be reordered, dropped, or the file cut at a chunk boundary
/// without decryption failing. Only the whole payload may be empty, as a single empty last chunk.
enum AgeStream {
    static let chunkSize = 64 * 1024
    static let tagSize = 16
    static let nonceSize = 16

    /// The payload for `plaintext` under `fileKey`, with a fresh random nonce.
    static func seal(_ plaintext: [UInt8], fileKey: SymmetricKey) throws(AgeError) -> [UInt8] {
        let nonce = KeyMaterial.random(count: nonceSize)
        let key = payloadKey(fileKey: fileKey, nonce: nonce)
        var out = nonce
        out.reserveCapacity(nonceSize + plaintext.count + (plaintext.count / chunkSize + 1) * tagSize)
        var counter: UInt64 = 0
        var start = 0
        repeat {
            let end = min(start + chunkSize, plaintext.count)
            let last = end == plaintext.count
            do {
                let box = try ChaChaPoly.seal(plaintext[start..<end], using: key, nonce: chunkNonce(counter, last: last))
                out += box.ciphertext
                out += box.tag
            } catch {
                throw .cryptoFailure("ChaCha20-Poly1305 sealing failed")
            }
            counter += 1
            start = end
        } while start < plaintext.count
        return out
    }

    /// The plaintext of the payload starting at `offset` in `file`.
    ///
    /// Plaintext goes straight into one buffer sized for the whole file, so no chunk leaves a
    /// stray copy behind; on failure the partial plaintext is wiped before the error is thrown.
    static func open(_ file: [UInt8], from offset: Int, fileKey: SymmetricKey) throws(AgeError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(max(0, file.count - offset))
        do {
            try open(file, from: offset, fileKey: fileKey, into: &out)
        } catch {
            KeyMaterial.wipe(&out)
            throw error
        }
        return out
    }

    private static func open(_ file: [UInt8], from offset: Int, fileKey: SymmetricKey, into out: inout [UInt8]) throws(AgeError) {
        guard file.count - offset >= nonceSize else { throw .truncated(inHeader: true) }
        let key = payloadKey(fileKey: fileKey, nonce: file[offset..<(offset + nonceSize)])
        let fullChunk = chunkSize + tagSize
        var position = offset + nonceSize
        var counter: UInt64 = 0
        while true {
            let remaining = file.count - position
            if remaining == 0 {
                if counter == 0 { throw .payloadFailure("there is no encrypted chunk") }
                throw .truncated(inHeader: false)
            }
            guard remaining >= tagSize else { throw .payloadFailure("a chunk is shorter than its tag") }
            let sealed = file[position..<(position + min(remaining, fullChunk))]
            position += sealed.count
            let before = out.count
            if sealed.count < fullChunk {
                // A short chunk can only be the last one.
                guard openChunk(sealed, key: key, counter: counter, last: true, into: &out) else {
                    throw .payloadFailure("chunk \(counter) does not authenticate")
                }
                if out.count == before && counter > 0 { throw .payloadFailure("the last chunk is empty") }
                return
            }
            if openChunk(sealed, key: key, counter: counter, last: false, into: &out) {
                counter += 1
            } else if openChunk(sealed, key: key, counter: counter, last: true, into: &out) {
                if position != file.count { throw .payloadFailure("data follows the last chunk") }
                return
            } else {
                throw .payloadFailure("chunk \(counter) does not authenticate")
            }
        }
    }

    /// Appends the chunk's plaintext to `out` and wipes swift-crypto's copy; false if it does not authenticate.
    private static func openChunk(
        _ sealed: ArraySlice<UInt8>, key: SymmetricKey, counter: UInt64, last: Bool, into out: inout [UInt8]
    ) -> Bool {
        let split = sealed.endIndex - tagSize
        do {
            let box = try ChaChaPoly.SealedBox(
                nonce: chunkNonce(counter, last: last), ciphertext: sealed[sealed.startIndex..<split], tag: sealed[split...])
            var opened = try ChaChaPoly.open(box, using: key)
            out.append(contentsOf: opened)
            opened.resetBytes(in: opened.startIndex..<opened.endIndex)
            return true
        } catch {
            return false
        }
    }

    private static func payloadKey(fileKey: SymmetricKey, nonce: some DataProtocol) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: fileKey, salt: nonce, info: Array("payload".utf8), outputByteCount: 32)
    }

    private static func chunkNonce(_ counter: UInt64, last: Bool) throws -> ChaChaPoly.Nonce {
        var bytes = [UInt8](repeating: 0, count: 12)
        for index in 0..<8 { bytes[10 - index] = UInt8(truncatingIfNeeded: counter >> (8 * UInt64(index))) }
        bytes[11] = last ? 1 : 0
        return try ChaChaPoly.Nonce(data: bytes)
    }
}
