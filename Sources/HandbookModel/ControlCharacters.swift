/// The characters no text the tool publishes may hold: C0 controls other than tab, line feed and carriage
/// return; DEL and the C1 controls (U+007F–U+009F); and the noncharacters (U+FDD0–U+FDEF and the last two
/// code points of every plane, such as U+FFFE and U+FFFF).
///
/// XML 1.0 forbids the C0 controls and U+FFFE/U+FFFF even escaped, HTML calls every one of them a parse error,
/// iCalendar's TEXT excludes the controls, and a terminal or CI log obeys them. `check` refuses them
/// (`control-character`), and the writers of HTML, XML and iCalendar replace any that reach them with U+FFFD,
/// so an output is well formed even for text `check` never saw.
public enum ControlCharacters {
    /// U+FFFD REPLACEMENT CHARACTER in UTF-8: what a writer puts in place of a forbidden character.
    public static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// True for a scalar no published text may hold.
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value != 0x09 && value != 0x0A && value != 0x0D }
        return (0x7F...0x9F).contains(value) || (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
    }

    /// How many bytes the forbidden character starting at `index` of valid UTF-8 takes, or 0 when the
    /// character there is allowed. Looks only at lead bytes that can start one, so plain text costs a compare.
    @inline(__always)
    public static func forbiddenLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x20 { return byte == 0x09 || byte == 0x0A || byte == 0x0D ? 0 : 1 }
        if byte < 0x7F { return 0 }
        if byte == 0x7F { return 1 }
        let count = bytes.count
        switch byte {
        case 0xC2:
            // U+0080–U+009F.
            return index + 1 < count && bytes[index + 1] <= 0x9F ? 2 : 0
        case 0xEF:
            // U+FDD0–U+FDEF (EF B7 90–AF) and U+FFFE, U+FFFF (EF BF BE, BF).
            guard index + 2 < count else { return 0 }
            let second = bytes[index + 1], third = bytes[index + 2]
            if second == 0xB7 && third >= 0x90 && third <= 0xAF { return 3 }
            return second == 0xBF && third >= 0xBE ? 3 : 0
        case 0xF0...0xF4:
            // U+nFFFE and U+nFFFF of planes 1–16: the second byte's low four bits set, then BF, then BE or BF.
            guard index + 3 < count else { return 0 }
            return bytes[index + 1] & 0x0F == 0x0F && bytes[index + 2] == 0xBF && bytes[index + 3] >= 0xBE ? 4 : 0
        default:
            return 0
        }
    }

    /// The byte offset of the first forbidden character in valid UTF-8, or nil.
    public static func firstForbidden(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        firstForbidden(in: bytes, from: 0)
    }

    /// The byte offset of the first forbidden character at or after `start`, or nil. Every output page and
    /// every text field passes through here, so sixteen bytes are tested at a time while they are printable ASCII
    /// and line feeds (`isPlain`, most of a page), then eight: first whether all are printable ASCII (two presence
    /// tests), then whether the word may hold one at all (tab, line feed and carriage return may stand anywhere),
    /// and only the other words are looked at byte by byte.
    static func firstForbidden(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        let count = bytes.count
        guard let base = bytes.baseAddress else { return nil }
        // Where sixty-four bytes at a time may be tried again: after a group holding anything else (a letter beyond
        // ASCII, a tab), its bytes are read in the finer steps below, not tested whole again at each of them.
        var wholeFrom = index
        while index < count {
            if index >= wholeFrom && index + 64 <= count {
                if isPlain64(UnsafeRawPointer(base + index)) {
                    index += 64
                    continue
                }
                wholeFrom = index + 64
            }
            if index + 16 <= count && isPlain(UnsafeRawPointer(base + index).loadUnaligned(as: WordBytes.Block.self)) {
                index += 16
                continue
            }
            if index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if isPrintableASCII(word) || isPrintableASCII(withFeedsAsSpaces(word)) { index += 8; continue }
                // Straight to the first byte that may start a forbidden character (the test is exact per byte, so
                // none before it can): the letters of a word in another script are passed over a word at a time.
                let candidates = mayStartForbidden(word)
                if candidates == 0 { index += 8; continue }
                index += candidates.trailingZeroBitCount >> 3
            }
            if forbiddenLength(bytes, at: index) > 0 { return index }
            index += 1
        }
        return nil
    }

    /// True when each of the 64 bytes at `start` is printable ASCII or a line feed, as most of a page is: four blocks of
    /// sixteen compared a byte at a time by the processor's vector instructions (about forty instructions for the 64
    /// bytes).
    @inline(__always)
    static func isPlain64(_ start: UnsafeRawPointer) -> Bool {
        // As signed bytes, printable ASCII is above 0x1F and below 0x7F; every byte from 0x80 on is negative.
        let low = SIMD16<Int8>(repeating: 0x1F), high = SIMD16<Int8>(repeating: 0x7F), feed = SIMD16<Int8>(repeating: 0x0A)
        var plain = SIMDMask<SIMD16<Int8>>(repeating: true)
        for block in 0..<4 {
            let bytes = start.loadUnaligned(fromByteOffset: 16 * block, as: SIMD16<Int8>.self)
            plain = plain .& (((bytes .> low) .& (bytes .< high)) .| (bytes .== feed))
        }
        // All sixteen lanes set, read as two words: the reduction `all` makes is a call and a dozen shuffles.
        let words = unsafeBitCast(plain, to: SIMD2<UInt64>.self)
        return words[0] & words[1] == ~0
    }

    /// True when every byte of `block` is printable ASCII or a line feed: the printable test, then (for a block
    /// holding a line feed, about one in four of a page's) the same test on the block with its feeds made spaces.
    @inline(__always)
    static func isPlain(_ block: WordBytes.Block) -> Bool {
        if WordBytes.isEmpty(WordBytes.unprintable(in: block)) { return true }
        // A feed, found exactly (no carry crosses bytes), is made a space by setting its bits 0x2A.
        let feeds = WordBytes.matches(0x0A, in: block)
        return WordBytes.isEmpty(WordBytes.unprintable(in: block ^ ((feeds &>> 2) | (feeds &>> 4) | (feeds &>> 6))))
    }

    /// True when every byte of `word` is printable ASCII (0x20–0x7E). A byte below 0x20, or above 0x7E, is found by
    /// presence tests that are exact (no borrow or carry of one byte reaches another's high bit before the first
    /// byte that has one).
    @inline(__always)
    static func isPrintableASCII(_ word: UInt64) -> Bool {
        // Presence tests, cheaper than `WordBytes`' exact ones: a borrow or carry only reaches bytes past one found.
        let below = (word &- WordBytes.ones &* 0x20) & ~word & WordBytes.highs
        let above = ((word &+ WordBytes.ones) | word) & WordBytes.highs
        return below | above == 0
    }

    /// `word` with each line feed made a space (0x0A XOR 0x2A): a page has one a line, and a word holding one is then
    /// told printable by the cheap test. Exact per byte, so no other byte changes.
    @inline(__always)
    static func withFeedsAsSpaces(_ word: UInt64) -> UInt64 {
        word ^ ((WordBytes.matches(0x0A, in: word) >> 7) &* 0x2A)
    }

    /// True when every byte is printable ASCII (0x20–0x7E): text a writer can take as it is.
    public static func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index + 8 <= count {
            if !isPrintableASCII(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) { return false }
            index += 8
        }
        while index < count {
            if bytes[index] < 0x20 || bytes[index] >= 0x7F { return false }
            index += 1
        }
        return true
    }

    /// The high bit of each byte of `word` (in memory order, lowest first) that may start a forbidden character:
    /// a C0 control other than tab, line feed or carriage return, DEL, or a lead byte of a character beyond ASCII.
    /// Continuation bytes (0x80–0xBF) start none, so a word of another script's letters has few or none. Each test
    /// is exact per byte (no borrow or carry crosses from one byte to the next).
    @inline(__always)
    static func mayStartForbidden(_ word: UInt64) -> UInt64 {
        let allowed = WordBytes.matches(0x09, in: word) | WordBytes.matches(0x0A, in: word) | WordBytes.matches(0x0D, in: word)
        let continuation = WordBytes.zeros((word & (WordBytes.ones &* 0xC0)) ^ (WordBytes.ones &* 0x80))
        return ((WordBytes.controls(in: word) & ~allowed) | WordBytes.deleteOrAbove(in: word)) & ~continuation
    }

    /// The first forbidden scalar of `text`, or nil.
    public static func firstForbidden(in text: String) -> Unicode.Scalar? {
        // Most text has none: test the bytes, and find the scalar only when there is one.
        guard let offset = text.withContiguousUTF8({ firstForbidden(in: $0) }) else { return nil }
        let index = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        return text.unicodeScalars[index]
    }

    /// Replaces every forbidden character of valid UTF-8 `bytes`, from `start` on, with U+FFFD. Returns at once
    /// when there is none, which is nearly always.
    public static func replace(in bytes: inout [UInt8], from start: Int = 0) {
        let first = bytes.withUnsafeBufferPointer { buffer in firstForbidden(in: buffer, from: start) }
        guard let first else { return }
        var out = Array(bytes[..<first])
        out.reserveCapacity(bytes.count + 16)
        bytes.withUnsafeBufferPointer { buffer in
            var index = first
            while index < buffer.count {
                let length = forbiddenLength(buffer, at: index)
                if length > 0 {
                    out += replacement
                    index += length
                } else {
                    out.append(buffer[index])
                    index += 1
                }
            }
        }
        bytes = out
    }
}
