import Foundation

/// Entry bodies rendered to HTML (headings demoted, as pages show them), kept by the body's bytes between
/// preparations of the same site (for `handbook serve`), so a save renders one body instead of every one.
/// Bodies no preparation asked for are dropped at the next `rotate()`. Safe to use from many threads.
public final class MarkdownCache: @unchecked Sendable {
    /// A body's digest and length: cheap to hash (hashing 10,000 bodies byte by byte through `Hasher`
    /// would cost more than the rendering it saves); the bytes themselves are compared on a hit.
    private struct Key: Hashable {
        var digest: UInt64
        var count: Int
    }

    private struct Entry {
        var body: [UInt8]
        var html: String
        /// The last preparation that asked for it.
        var used: Int
    }

    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]
    private var generation = 0

    /// An empty cache.
    public init() {}

    /// How many bodies the cache holds.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.count
    }

    /// The body as HTML, from the cache or rendered now.
    func html(_ body: [UInt8]) -> String {
        let key = Key(digest: Self.digest(body), count: body.count)
        lock.lock()
        // The bytes are compared too: an unchanged file's body is the very buffer kept, so this is quick.
        if let kept = entries[key], kept.body == body {
            entries[key]?.used = generation
            lock.unlock()
            return kept.html
        }
        let current = generation
        lock.unlock()
        let rendered = Markdown.html(ArraySlice(body), demotingHeadings: true)
        lock.lock()
        entries[key] = Entry(body: body, html: rendered, used: current)
        lock.unlock()
        return rendered
    }

    /// Ends a preparation: bodies it did not ask for are forgotten.
    func rotate() {
        lock.lock()
        let current = generation
        entries = entries.filter { $0.value.used == current }
        generation += 1
        lock.unlock()
    }

    /// A 64-bit digest of the bytes, eight at a time (a multiply-and-rotate mix; not for security).
    static func digest(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { raw in
            var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
            var offset = 0
            while offset + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                hash = (hash ^ (word &* 0xFF51_AFD7_ED55_8CCD)).rotated(by: 29) &* 0xC4CE_B9FE_1A85_EC53
                offset += 8
            }
            var tail: UInt64 = 0
            while offset < raw.count {
                tail = tail << 8 | UInt64(raw[offset])
                offset += 1
            }
            hash = (hash ^ (tail &* 0xFF51_AFD7_ED55_8CCD)) &* 0xC4CE_B9FE_1A85_EC53
            return hash ^ (hash >> 32)
        }
    }
}

private extension UInt64 {
    func rotated(by count: UInt64) -> UInt64 {
        self << count | self >> (64 - count)
    }
}
