/// A 128-bit digest of bytes, fed in pieces, the same in every process and on every run, so it can be kept
/// between builds: eight bytes at a time through two multiply-and-rotate lanes (long runs first through four). It tells versions of the
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
        text.withContiguousUTF8 { add(UnsafeRawBufferPointer($0)) }
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
        if raw.count >= 32 {
            // Long runs (bodies, files of records) go through four independent lanes, 32 bytes a step: each step's
            // multiplications do not wait on one another, so the digest runs at several times one lane's speed.
            var a = high, b = low, c = high ^ 0x2545_F491_4F6C_DD1D, d = low ^ 0x9FB2_1C65_1E98_DF25
            while offset + 32 <= raw.count {
                a = Self.lane(a, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                b = Self.lane(b, raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
                c = Self.lane(c, raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
                d = Self.lane(d, raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
                offset += 32
            }
            mix(a)
            mix(b)
            mix(c)
            mix(d)
        }
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

    /// One step of a long run's lane.
    private static func lane(_ state: UInt64, _ word: UInt64) -> UInt64 {
        (state &+ word &* 0xC2B2_AE3D_27D4_EB4F).rotated(by: 31) &* 0x9E37_79B1_85EB_CA87
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
