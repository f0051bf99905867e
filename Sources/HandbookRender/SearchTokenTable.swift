/// Token bytes → dense integer ids (0, 1, 2, … in the order first seen). The search index interns each
/// token once and works on ids; the tokenizer's word lists look tokens up here without making a String.
struct SearchTokenTable: Sendable {
    /// Every token's bytes, one after another.
    private(set) var storage: [UInt8] = []
    /// Where token `id` starts in `storage`; it ends where token `id + 1` starts.
    private(set) var starts: [Int] = [0]
    /// Each token's hash, so growing the slots needs no rehashing of bytes.
    private var hashes: [UInt64] = []
    /// Open addressing: each slot holds the low 32 bits of a token's hash over its id + 1 (0: empty), so
    /// most mismatches are seen without reading the token; a power of two long.
    private var slots: [UInt64]
    /// 64 − log2(slots.count): a hash's top bits, after a Fibonacci multiply, choose its first slot.
    private var shift: UInt64

    /// The number of tokens.
    var count: Int { hashes.count }

    /// An empty table with room for about `capacity` tokens before it grows.
    init(capacity: Int = 64) {
        var size = 16
        var bits: UInt64 = 4
        while size < capacity * 2 {
            size <<= 1
            bits += 1
        }
        slots = [UInt64](repeating: 0, count: size)
        shift = 64 - bits
        storage.reserveCapacity(capacity * 8)
        starts.reserveCapacity(capacity + 1)
        hashes.reserveCapacity(capacity)
    }

    /// A table of `words`, with ids in the order given.
    init(_ words: [String]) {
        self.init(capacity: words.count)
        for word in words { _ = intern(Array(word.utf8)) }
    }

    /// The hash the table uses, FNV-1a: cheap for short tokens, and the tokenizer computes it as it reads.
    static let emptyHash: UInt64 = 0xCBF2_9CE4_8422_2325

    /// One more byte into a hash.
    @inline(__always)
    static func hash(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    /// The hash of `bytes`.
    @inline(__always)
    static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash = emptyHash
        for byte in bytes { hash = Self.hash(hash, byte) }
        return hash
    }

    /// The id of `token`, or nil when it is not in the table.
    func id(of token: UnsafeBufferPointer<UInt8>) -> Int? {
        id(of: token, hash: Self.hash(token))
    }

    /// The id of `token`, whose hash is `hash`, or nil.
    @inline(__always)
    func id(of token: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            let print = hash & 0xFFFF_FFFF
            var slot = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while true {
                let entry = slots[slot]
                if entry == 0 { return nil }
                if entry & 0xFFFF_FFFF == print {
                    let id = Int(truncatingIfNeeded: entry >> 32) - 1
                    if equals(id, token) { return id }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The id of `token`, whose hash is `hash`, added when it is new.
    @inline(__always)
    mutating func intern(_ token: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        if let id = id(of: token, hash: hash) { return id }
        let id = hashes.count
        storage.append(contentsOf: token)
        starts.append(storage.count)
        hashes.append(hash)
        if hashes.count * 2 > slots.count { grow() } else { place(id) }
        return id
    }

    /// The id of `token`, added when it is new.
    mutating func intern(_ token: UnsafeBufferPointer<UInt8>) -> Int {
        intern(token, hash: Self.hash(token))
    }

    /// The id of `token`, added when it is new.
    mutating func intern(_ token: [UInt8]) -> Int {
        token.withUnsafeBufferPointer { intern($0) }
    }

    /// The bytes of token `id`.
    func bytes(_ id: Int) -> ArraySlice<UInt8> {
        storage[starts[id]..<starts[id + 1]]
    }

    /// Token `id` as a String (for queries and tests; the index writes bytes).
    func string(_ id: Int) -> String {
        String(decoding: bytes(id), as: UTF8.self)
    }

    /// The length of token `id` in bytes.
    func length(_ id: Int) -> Int {
        starts[id + 1] - starts[id]
    }

    /// True when token `id` is `token`.
    @inline(__always)
    private func equals(_ id: Int, _ token: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[id]
        let count = token.count
        guard starts[id + 1] - start == count else { return false }
        guard count > 0 else { return true }
        return storage.withUnsafeBufferPointer { stored in
            Self.same(UnsafeRawPointer(stored.baseAddress! + start), UnsafeRawPointer(token.baseAddress!), count: count)
        }
    }

    /// True when the `count` bytes at `a` and at `b` are the same. A word at a time: most tokens are a word or
    /// less, compared as the word (or two half words) of their first and last bytes, overlapping.
    @inline(__always)
    static func same(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count: Int) -> Bool {
        if count >= 8 {
            var offset = 0
            while offset + 8 < count {
                if a.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != b.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
                offset += 8
            }
            return a.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == b.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        }
        if count >= 4 {
            return a.loadUnaligned(as: UInt32.self) == b.loadUnaligned(as: UInt32.self)
                && a.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self) == b.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
        }
        for offset in 0..<count where a.load(fromByteOffset: offset, as: UInt8.self) != b.load(fromByteOffset: offset, as: UInt8.self) { return false }
        return true
    }

    private mutating func place(_ id: Int) {
        let mask = slots.count - 1
        let hash = hashes[id]
        var slot = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = UInt64(id + 1) << 32 | (hash & 0xFFFF_FFFF)
    }

    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        shift -= 1
        for id in 0..<hashes.count { place(id) }
    }
}
