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
        out.append(0x22)
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                var escape: [UInt8]?
                var width = 1
                if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F {
                    switch byte {
                    case 0x22: escape = [0x5C, 0x22]
                    case 0x5C: escape = [0x5C, 0x5C]
                    case 0x0A: escape = [0x5C, 0x6E]
                    case 0x0D: escape = [0x5C, 0x72]
                    case 0x09: escape = [0x5C, 0x74]
                    default: escape = unicodeEscape(UInt32(byte))
                    }
                } else if byte == 0xC2, index + 1 < count, bytes[index + 1] >= 0x80 && bytes[index + 1] <= 0x9F {
                    escape = unicodeEscape(UInt32(bytes[index + 1]))
                    width = 2
                } else if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                    escape = unicodeEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                    width = 3
                }
                if let escape {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    out.append(contentsOf: escape)
                    index += width
                    start = index
                } else {
                    index += 1
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<count]))
        }
        out.append(0x22)
    }

    /// `\uXXXX` with upper-case hex digits.
    static func unicodeEscape(_ value: UInt32) -> [UInt8] {
        let digits: [UInt8] = Array("0123456789ABCDEF".utf8)
        return [0x5C, 0x75, digits[Int(value >> 12 & 0xF)], digits[Int(value >> 8 & 0xF)], digits[Int(value >> 4 & 0xF)], digits[Int(value & 0xF)]]
    }
}
