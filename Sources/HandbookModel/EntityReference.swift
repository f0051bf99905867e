/// A reference to an entry by type and slug.
public struct EntityReference: Hashable, Comparable, Sendable {
    /// The entry's type.
    public var type: EntityType
    /// The entry's slug.
    public var slug: String

    /// Creates a reference.
    public init(type: EntityType, slug: String) {
        self.type = type
        self.slug = slug
    }

    /// Orders by type, then slug.
    public static func < (lhs: EntityReference, rhs: EntityReference) -> Bool {
        lhs.type != rhs.type ? lhs.type < rhs.type : lhs.slug < rhs.slug
    }

    /// The hash a `Dictionary` or `Set` of references places them by. A build looks references up about a million
    /// times, and hashing a slug through `Hasher` (SipHash) cost more than the rest of a lookup: a slug of ASCII
    /// bytes outside `:`…`` ` `` (every valid slug; see `fastHash`) is mixed a word at a time instead. Any other slug
    /// goes through `Hasher`, which stays consistent with `==` (canonical equivalence): a string of those bytes is equal only to
    /// itself, since no character beyond ASCII decomposes into them (the three that decompose into ASCII at all,
    /// U+212A, U+037E and U+1FEF, become `K`, `;` and `` ` ``, none of which a fast slug holds).
    public func _rawHashValue(seed: Int) -> Int {
        if let hash = slug.utf8.withContiguousStorageIfAvailable({ Self.fastHash($0, rank: type.rank, seed: seed) }) ?? nil {
            return hash
        }
        var hasher = Hasher()
        hasher.combine(seed)
        hasher.combine(self)
        return hasher.finalize()
    }

    /// A hash of `bytes` with `rank` and `seed`, or nil when a byte is beyond ASCII or from `:` to `` ` `` (upper-case
    /// letters among them): what a slug holds (`-`, digits, lower-case letters) is all below or above that range.
    @inline(__always)
    static func fastHash(_ bytes: UnsafeBufferPointer<UInt8>, rank: Int, seed: Int) -> Int? {
        let count = bytes.count
        var hash = UInt64(truncatingIfNeeded: seed) ^ (UInt64(truncatingIfNeeded: rank) &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(count)
        var outside: UInt64 = 0
        var index = 0
        if let base = bytes.baseAddress {
            while index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                outside |= Self.outside(word)
                hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
                hash ^= hash >> 29
                index += 8
            }
            if index < count {
                var word: UInt64 = 0
                for offset in 0..<(count - index) { word |= UInt64(base[index + offset]) << (8 * offset) }
                // The zero bytes above the tail are below `:`, so they count as allowed.
                outside |= Self.outside(word)
                hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
                hash ^= hash >> 29
            }
        }
        guard outside == 0 else { return nil }
        // MurmurHash3's finaliser: a dictionary places by the low bits, so every bit of the input must reach them.
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash = hash &* 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return Int(truncatingIfNeeded: hash)
    }

    /// The high bit of each byte of `word` that is 0x80 or above, or from `:` (0x3A) to `` ` `` (0x60): each sum stays
    /// within its byte (seven bits plus at most 0x46), so the test is exact per byte.
    @inline(__always)
    static func outside(_ word: UInt64) -> UInt64 {
        let low = word & WordBytes.lows
        let fromColon = low &+ WordBytes.ones &* (0x80 - 0x3A)
        let fromLetters = low &+ WordBytes.ones &* (0x80 - 0x61)
        return (word | (fromColon & ~fromLetters)) & WordBytes.highs
    }
}
