/// HTML escaping for interpolated values.
public enum HTML {
    /// Appends `text` with `&`, `<`, `>`, `"` and `'` escaped, safe in element text and quoted attributes.
    public static func escape(_ text: String, into out: inout String) {
        var bytes: [UInt8] = []
        escape(text, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text`'s UTF-8 bytes with `&`, `<`, `>`, `"` and `'` escaped; runs without them are copied whole.
    public static func escape(_ text: String, into out: inout [UInt8]) {
        text.withUTF8Bytes { bytes in pieces(of: bytes) { out.append(contentsOf: $0) } }
    }

    /// Appends UTF-8 bytes with `&`, `<`, `>`, `"` and `'` escaped, as `escape(_:into:)` does for text.
    public static func escape(_ bytes: [UInt8], into out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { bytes in pieces(of: bytes) { out.append(contentsOf: $0) } }
    }

    /// Appends UTF-8 bytes read in place with `&`, `<`, `>`, `"` and `'` escaped.
    public static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        pieces(of: bytes) { out.append(contentsOf: $0) }
    }

    /// Appends `text`'s UTF-8 bytes with `&`, `<`, `>`, `"` and `'` escaped into a buffer. Like the buffer's own
    /// appends, the escapes into a buffer release nothing the caller holds (see `ByteBuffer`).
    @_effects(releasenone)
    public static func escape(_ text: String, into out: inout ByteBuffer) {
        text.withUTF8Bytes { bytes in pieces(of: bytes) { out.append($0) } }
    }

    /// Appends UTF-8 bytes with `&`, `<`, `>`, `"` and `'` escaped into a buffer.
    @_effects(releasenone)
    public static func escape(_ bytes: [UInt8], into out: inout ByteBuffer) {
        bytes.withUnsafeBufferPointer { bytes in pieces(of: bytes) { out.append($0) } }
    }

    /// Appends UTF-8 bytes read in place with `&`, `<`, `>`, `"` and `'` escaped into a buffer.
    @_effects(releasenone)
    public static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout ByteBuffer) {
        pieces(of: bytes) { out.append($0) }
    }

    /// The escaped form of `bytes` as the pieces to append in turn: runs without a special character as they
    /// are, and each special character's reference.
    @inline(__always)
    private static func pieces(of bytes: UnsafeBufferPointer<UInt8>, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        let count = bytes.count
        // Most values have nothing to escape: tested a word at a time, the last word overlapping the one before,
        // and then given whole, without looking at the last bytes one by one.
        guard let base = bytes.baseAddress, count > 0 else { return }
        if count >= 8 {
            var word = 0
            while word + 16 <= count, !maySpecial(UnsafeRawPointer(base + word).loadUnaligned(as: Block.self)) { word += 16 }
            while word + 8 <= count, !maySpecial(UnsafeRawPointer(base + word).loadUnaligned(as: UInt64.self)) { word += 8 }
            if word == count || (word + 8 > count && !maySpecial(UnsafeRawPointer(base + count - 8).loadUnaligned(as: UInt64.self))) {
                emit(bytes)
                return
            }
        } else if !maySpecial(shortWord(base, count: count)) {
            // A value shorter than a word (a count, a year, a short label) is tested as one word of its bytes, not a
            // byte at a time.
            emit(bytes)
            return
        }
        var start = 0
        var index = 0
        while index < count {
            // Eight bytes at a time past runs with nothing to escape: every value of every page comes through here.
            // A word with one goes straight to the first (the lowest byte a presence test marks is exact).
            if index + 8 <= count {
                let special = specials(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
                if special == 0 {
                    index += 8
                    continue
                }
                index += special.trailingZeroBitCount >> 3
            }
            let replacement: StaticString
            switch bytes[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default:
                index += 1
                continue
            }
            emit(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            emit(UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            index += 1
            start = index
        }
        emit(UnsafeBufferPointer(rebasing: bytes[start..<count]))
    }

    /// The `count` bytes at `base` (1 to 7) as a word, zero above them; read without going past them.
    @inline(__always)
    private static func shortWord(_ base: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        let bytes = UnsafeRawPointer(base)
        if count >= 4 {
            // Two words of four that overlap: the bytes they share are the same in both.
            let low = UInt64(bytes.loadUnaligned(as: UInt32.self))
            let high = UInt64(bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            return low | high << UInt64(8 * (count - 4))
        }
        return UInt64(base[0]) | UInt64(base[count / 2]) << UInt64(8 * (count / 2)) | UInt64(base[count - 1]) << UInt64(8 * (count - 1))
    }

    /// False when no byte of `word` is `&`, `'`, `<`, `>` or `"`.
    @inline(__always)
    private static func maySpecial(_ word: UInt64) -> Bool { specials(word) != 0 }

    /// Sixteen bytes as two words side by side: the same arithmetic on both at once compiles to vector instructions
    /// (as the model module's scans of pages and JSON do; comparisons of `SIMD16<UInt8>` compile to a loop).
    private typealias Block = SIMD2<UInt64>

    /// False when no byte of `block` is `&`, `'`, `<`, `>` or `"`: `specials` on both words at once.
    @inline(__always)
    private static func maySpecial(_ block: Block) -> Bool {
        let ones = Block(repeating: 0x0101_0101_0101_0101), highs = Block(repeating: 0x8080_8080_8080_8080)
        @inline(__always) func zero(_ value: Block) -> Block { (value &- ones) & ~value & highs }
        let found = zero((block | ones) ^ Block(repeating: 0x2727_2727_2727_2727))
            | zero((block | Block(repeating: 0x0202_0202_0202_0202)) ^ Block(repeating: 0x3E3E_3E3E_3E3E_3E3E))
            | zero(block ^ Block(repeating: 0x2222_2222_2222_2222))
        return found[0] | found[1] != 0
    }

    /// Zero when no byte of `word` is `&`, `'`, `<`, `>` or `"`; otherwise the lowest high bit set is that of the
    /// first such byte in memory order (bytes after it may be marked too). Three presence tests: a byte with its
    /// lowest bit set is 0x27 for `&` and `'`, with its second bit set 0x3E for `<` and `>`.
    @inline(__always)
    private static func specials(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zero(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        return zero((word | ones) ^ (ones &* 0x27)) | zero((word | (ones &* 2)) ^ (ones &* 0x3E)) | zero(word ^ (ones &* 0x22))
    }

    /// `text` with HTML's special characters escaped.
    public static func escape(_ text: String) -> String {
        // Most names, links and labels have nothing to escape: then the text is given back as it is.
        let special = text.withUTF8Bytes { bytes in
            var index = 0
            while index + 8 <= bytes.count {
                if maySpecial(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)) { return true }
                index += 8
            }
            return bytes[index...].contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        }
        guard special else { return text }
        var out = ""
        escape(text, into: &out)
        return out
    }
}
