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
}
