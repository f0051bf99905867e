import HandbookModel

/// The pairs of one mapping as they are read, each key once: a repeated key is not kept, and where it was
/// first given is returned so the parser can report it. Front matter mappings hold a handful of keys, so a
/// key is looked for by comparing it with the others; a hashed index is made only for a large mapping.
struct YAMLPairs {
    /// The pairs kept, in order.
    private(set) var pairs: [YAMLPair] = []
    /// Each key's position in `pairs`, once there are more than `scanned` of them.
    private var index: [String: Int] = [:]
    /// Up to this many pairs, keys are compared one by one (cheaper than hashing each key).
    static let scanned = 16

    /// No pairs yet.
    init() {}

    /// No pairs yet, with room for `capacity` of them.
    init(reserving capacity: Int) {
        pairs.reserveCapacity(capacity)
    }

    /// Keeps `pair` and returns nil, or returns where its key was first given and keeps nothing.
    mutating func add(_ pair: YAMLPair) -> TextPosition? {
        if pairs.count > Self.scanned {
            if let first = index[pair.key] { return pairs[first].keyPosition }
            index[pair.key] = pairs.count
        } else {
            let first = pairs.withUnsafeBufferPointer { pairs in pairs.indices.first { pairs[$0].key == pair.key } }
            if let first { return pairs[first].keyPosition }
            if pairs.count == Self.scanned {
                for (position, kept) in pairs.enumerated() { index[kept.key] = position }
                index[pair.key] = pairs.count
            }
        }
        pairs.append(pair)
        return nil
    }
}
