/// Quotes text as a JSON string literal, which is also a valid YAML double-quoted scalar.
public enum JSONString {
    /// The text in double quotes with `"`, `\` and control characters (C0, DEL, C1) escaped.
    public static func literal(_ text: String) -> String {
        // Most text needs no escaping: check the bytes once and skip the scalar-by-scalar copy.
        let plain = text.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0x7F && $0 != 0xE2 && $0 != 0xC2 }
        if plain { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                // C1 controls too: JSON allows them raw, but a terminal showing `check --format json` may obey them.
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Appends the text as a JSON string literal to a byte buffer: plain runs are copied whole, and only
    /// `"`, `\`, control characters (C0, DEL, C1) and U+2028/U+2029 (which end lines in JavaScript) are escaped.
    public static func append(_ text: String, to out: inout [UInt8]) {
        text.withContiguousUTF8 { append(utf8: $0, to: &out) }
    }

    /// Appends UTF-8 text given as bytes (a rendered body) as a JSON string literal, as `append(_:to:)` does.
    public static func append(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(0x22)
        defer { out.append(0x22) }
        guard let base = bytes.baseAddress else { return }
        var start = 0
        var index = 0
        let count = bytes.count
        while index < count {
            // Sixteen plain bytes at a time while there are (bodies are long and mostly plain), then eight. A word that
            // is not plain goes straight to its first byte to look at (the tests are exact per byte, so none before it
            // needs escaping).
            if index + 16 <= count && isPlain(UnsafeRawPointer(base + index).loadUnaligned(as: WordBytes.Block.self)) {
                index += 16
                continue
            }
            if index + 8 <= count {
                let special = specials(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                if special == 0 {
                    index += 8
                    continue
                }
                index += special.trailingZeroBitCount >> 3
            }
            let byte = bytes[index]
            var width = 1
            var short: UInt8 = 0
            var code: UInt32?
            switch byte {
            case 0x22: short = 0x22
            case 0x5C: short = 0x5C
            case 0x0A: short = 0x6E
            case 0x0D: short = 0x72
            case 0x09: short = 0x74
            case 0..<0x20, 0x7F: code = UInt32(byte)
            case 0xC2 where index + 1 < count && bytes[index + 1] >= 0x80 && bytes[index + 1] <= 0x9F:
                code = UInt32(bytes[index + 1])
                width = 2
            case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                code = bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029
                width = 3
            default:
                index += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            if let code { out.append(contentsOf: unicodeEscape(code)) } else { out.append(0x5C); out.append(short) }
            index += width
            start = index
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<count]))
    }

    /// True when no byte of `block` needs escaping: printable ASCII, and neither `"` nor `\` (presence tests, so a
    /// block holding one of them, or a byte that is not plain ASCII, goes to the exact tests).
    @inline(__always)
    static func isPlain(_ block: WordBytes.Block) -> Bool {
        WordBytes.isEmpty(WordBytes.unprintable(in: block) | WordBytes.presence(of: 0x22, in: block) | WordBytes.presence(of: 0x5C, in: block))
    }

    /// The high bit of each byte of `word` that is not printable ASCII or is `"` or `\` (zero when there is nothing
    /// to escape); each test is exact per byte.
    @inline(__always)
    static func specials(_ word: UInt64) -> UInt64 {
        WordBytes.controls(in: word) | WordBytes.deleteOrAbove(in: word) | WordBytes.matches(0x22, in: word) | WordBytes.matches(0x5C, in: word)
    }

    /// `\uXXXX` with upper-case hex digits.
    static func unicodeEscape(_ value: UInt32) -> [UInt8] {
        let digits: [UInt8] = Array("0123456789ABCDEF".utf8)
        return [0x5C, 0x75, digits[Int(value >> 12 & 0xF)], digits[Int(value >> 8 & 0xF)], digits[Int(value >> 4 & 0xF)], digits[Int(value & 0xF)]]
    }
}
