/// A 128-bit digest of bytes, fed in pieces, the same in every process and on every run, so it can be kept
/// between builds: eight bytes at a time through two multiply-and-rotate lanes. It tells versions of the
/// handbook's own inputs apart; it is not meant to resist someone crafting a collision.
public struct ByteDigest: Hashable, Sendable {
    /// The two lanes.
    public private(set) var high: UInt64 = 0x9E37_79B9_7F4A_7C15
    public private(set) var low: UInt64 = 0xD1B5_4A32_D192_ED03

    /// An empty digest.
    public init() {}

    /// A digest with the given lanes (as read back from a saved state).
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The digest of `bytes` alone.
    public static func of(_ bytes: some Collection<UInt8>) -> ByteDigest {
        var digest = ByteDigest()
        digest.add(bytes)
        return digest
    }

    /// Adds bytes, and their count, so that pieces fed one after the other cannot run into each other.
    public mutating func add(_ bytes: some Collection<UInt8>) {
        let handled: Void? = bytes.withContiguousStorageIfAvailable { buffer in add(UnsafeRawBufferPointer(buffer)) }
        if handled == nil { add(Array(bytes)) }
    }

    /// Adds a string's UTF-8 bytes.
    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    /// Adds a number.
    public mutating func add(_ value: Int64) {
        mix(UInt64(bitPattern: value))
    }

    /// Adds another digest.
    public mutating func add(_ other: ByteDigest) {
        mix(other.high)
        mix(other.low)
    }

    private mutating func add(_ raw: UnsafeRawBufferPointer) {
        var offset = 0
        while offset + 8 <= raw.count {
            mix(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        while offset < raw.count {
            tail = tail << 8 | UInt64(raw[offset])
            offset += 1
        }
        mix(tail)
        mix(UInt64(raw.count))
    }

    private mutating func mix(_ word: UInt64) {
        high = (high ^ (word &* 0xFF51_AFD7_ED55_8CCD)).rotated(by: 29) &* 0xC4CE_B9FE_1A85_EC53
        low = (low ^ (word &* 0x87C3_7B91_1142_53D5)).rotated(by: 31) &* 0x4CF5_AD43_2745_937F
    }
}

extension UInt64 {
    /// The bits rotated left by `count`.
    public func rotated(by count: UInt64) -> UInt64 {
        (self << count) | (self >> (64 - count))
    }
}
