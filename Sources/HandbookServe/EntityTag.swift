/// Entity tags: a digest of the bytes served (the same bytes give the same tag, in every rebuild), and
/// `If-None-Match` compared with it.
enum EntityTag {
    /// A strong tag: 64-bit FNV-1a of the bytes and their length, in hex.
    static func of(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return "\"\(String(hash, radix: 16))-\(String(bytes.count, radix: 16))\""
    }

    /// True when an `If-None-Match` value names `tag` (or is `*`): the weak comparison RFC 9110 §13.1.2
    /// asks for, so `W/"x"` matches `"x"`.
    static func matches(_ ifNoneMatch: String, _ tag: String) -> Bool {
        for candidate in ifNoneMatch.split(separator: ",") {
            var trimmed = candidate.drop { $0 == " " || $0 == "\t" }
            while trimmed.last == " " || trimmed.last == "\t" { trimmed = trimmed.dropLast() }
            if trimmed == "*" { return true }
            if trimmed.hasPrefix("W/") { trimmed = trimmed.dropFirst(2) }
            if trimmed == tag { return true }
        }
        return false
    }
}
