/// Tests on eight bytes at once, read as one 64-bit word: the scans of pages and texts (control characters,
/// JSON and script escaping) pass over plain words whole. Each test is exact per byte: no carry or borrow
/// crosses from one byte to the next.
enum WordBytes {
    /// 0x01 in every byte.
    static let ones: UInt64 = 0x0101_0101_0101_0101
    /// The high bit of every byte.
    static let highs: UInt64 = 0x8080_8080_8080_8080
    /// The low seven bits of every byte.
    static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The high bit of each byte of `value` that is zero.
    @inline(__always)
    static func zeros(_ value: UInt64) -> UInt64 { ~(((value & lows) &+ lows) | value) & highs }

    /// The high bit of each byte of `word` that is `byte`.
    @inline(__always)
    static func matches(_ byte: UInt8, in word: UInt64) -> UInt64 { zeros(word ^ (ones &* UInt64(byte))) }

    /// The high bit of each byte of `word` below 0x20 (a C0 control).
    @inline(__always)
    static func controls(in word: UInt64) -> UInt64 { zeros(word & (ones &* 0x60)) & ~word & highs }

    /// The high bit of each byte of `word` of 0x7F or more (DEL, or not ASCII).
    @inline(__always)
    static func deleteOrAbove(in word: UInt64) -> UInt64 { (((word & lows) &+ ones) | word) & highs }

    /// Sixteen bytes as two words side by side: the same arithmetic on both at once compiles to vector instructions
    /// (comparisons of `SIMD16<UInt8>` do not; they compile to a loop over the bytes).
    typealias Block = SIMD2<UInt64>

    /// The high bit of a byte of `block` below 0x20 or above 0x7E, and perhaps of bytes after it in its word: presence
    /// tests (a borrow or carry reaches only bytes past one found), zero exactly when every byte is printable ASCII.
    @inline(__always)
    static func unprintable(in block: Block) -> Block {
        let below = (block &- Block(repeating: ones &* 0x20)) & ~block & Block(repeating: highs)
        let above = ((block &+ Block(repeating: ones)) | block) & Block(repeating: highs)
        return below | above
    }

    /// The high bit of a byte of `block` that is `byte`, and perhaps of bytes after it in its word (a presence test):
    /// zero exactly when no byte is `byte`.
    @inline(__always)
    static func presence(of byte: UInt8, in block: Block) -> Block {
        let value = block ^ Block(repeating: ones &* UInt64(byte))
        return (value &- Block(repeating: ones)) & ~value & Block(repeating: highs)
    }

    /// The high bit of each byte of `block` that is `byte`: `matches(_:in:)` on both words at once, exact per byte.
    @inline(__always)
    static func matches(_ byte: UInt8, in block: Block) -> Block {
        let value = block ^ Block(repeating: ones &* UInt64(byte)), sevenBits = Block(repeating: lows)
        return ~(((value & sevenBits) &+ sevenBits) | value) & Block(repeating: highs)
    }

    /// True when both words of `marks` are zero.
    @inline(__always)
    static func isEmpty(_ marks: Block) -> Bool { marks[0] | marks[1] == 0 }
}
