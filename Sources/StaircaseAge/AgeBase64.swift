/// Standard base64 without padding, as age writes it, decoded strictly.
///
/// age forbids malleable encodings: padding, characters outside the alphabet, and non-zero
/// trailing bits are all refused, so one byte string has exactly one valid spelling. Foundation's
/// decoder is lenient about the last two, hence this small codec.
enum AgeBase64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, char) in alphabet.enumerated() { table[Int(char)] = UInt8(index) }
        return table
    }()

    /// The unpadded encoding of `bytes`.
    static func encode(_ bytes: some Collection<UInt8>) -> String {
        let input = Array(bytes)
        var out: [UInt8] = []
        out.reserveCapacity((input.count * 4 + 2) / 3)
        var index = 0
        while index + 3 <= input.count {
            let n = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2])
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], alphabet[Int(n & 63)]]
            index += 3
        }
        switch input.count - index {
        case 1:
            let n = UInt32(input[index]) << 16
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)]]
        case 2:
            let n = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)]]
        default:
            break
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes `text` encodes, or nil if it is not canonical unpadded base64.
    static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
        let input = Array(text)
        if input.count % 4 == 1 { return nil }
        var sextets: [UInt32] = []
        sextets.reserveCapacity(input.count)
        for char in input {
            let value = values[Int(char)]
            if value == 0xFF { return nil }
            sextets.append(UInt32(value))
        }
        var out: [UInt8] = []
        out.reserveCapacity(input.count * 3 / 4)
        var index = 0
        while index + 4 <= sextets.count {
            let n = sextets[index] << 18 | sextets[index + 1] << 12 | sextets[index + 2] << 6 | sextets[index + 3]
            out += [UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)]
            index += 4
        }
        switch sextets.count - index {
        case 2:
            if sextets[index + 1] & 0x0F != 0 { return nil }
            out.append(UInt8((sextets[index] << 2 | sextets[index + 1] >> 4) & 0xFF))
        case 3:
            if sextets[index + 2] & 0x03 != 0 { return nil }
            let n = sextets[index] << 10 | sextets[index + 1] << 4 | sextets[index + 2] >> 2
            out += [UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)]
        default:
            break
        }
        return out
    }
}
