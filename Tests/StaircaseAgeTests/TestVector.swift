import CZlib
import Crypto
import Foundation

/// One C2SP/CCTV age test vector: `key: value` lines, a blank line, then the age file.
struct TestVector {
    let name: String
    let expect: String
    let payloadSHA256: String?
    let identities: [String]
    let passphrase: String?
    let armored: Bool
    let file: [UInt8]

    /// The vectors' folder: `STAIRCASE_AGE_TESTKIT`, else the copy carried in the repository
    /// (`Tests/StaircaseAgeTests/Vectors`, see its README), so a clone anywhere runs them.
    static var directory: URL {
        if let path = ProcessInfo.processInfo.environment["STAIRCASE_AGE_TESTKIT"] { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Vectors")
    }

    static func all() throws -> [TestVector] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0 != "README.md" }.sorted()
        return try names.map { try TestVector(name: $0, bytes: Array(Data(contentsOf: directory.appendingPathComponent($0)))) }
    }

    init(name: String, bytes: [UInt8]) throws {
        self.name = name
        guard let split = (0..<(bytes.count - 1)).first(where: { bytes[$0] == 0x0A && bytes[$0 + 1] == 0x0A }) else {
            throw VectorError.malformed(name)
        }
        var fields: [(String, String)] = []
        for line in String(decoding: bytes[..<split], as: UTF8.self).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { throw VectorError.malformed(name) }
            fields.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        func value(_ key: String) -> String? { fields.first { $0.0 == key }?.1 }
        expect = value("expect") ?? ""
        payloadSHA256 = value("payload")
        identities = fields.filter { $0.0 == "identity" }.map(\.1)
        passphrase = value("passphrase")
        armored = value("armored") == "yes"
        let body = Array(bytes[(split + 2)...])
        file = value("compressed") == "zlib" ? try Self.inflate(body, name: name) : body
    }

    /// zlib-inflates a compressed vector body (the large STREAM vectors are stored compressed).
    static func inflate(_ input: [UInt8], name: String) throws -> [UInt8] {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw VectorError.malformed(name) }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var source = input
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status = Z_OK
        try source.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = uInt(inBuffer.count)
            repeat {
                try chunk.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = uInt(outBuffer.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    guard status == Z_OK || status == Z_STREAM_END else { throw VectorError.malformed(name) }
                    output += outBuffer[0..<(outBuffer.count - Int(stream.avail_out))]
                }
            } while status != Z_STREAM_END
        }
        return output
    }

    enum VectorError: Error { case malformed(String) }
}

func sha256Hex(_ bytes: [UInt8]) -> String {
    SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
}
