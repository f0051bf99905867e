import Foundation
import HandbookModel

/// Entry bodies rendered to HTML (headings demoted, as pages show them), kept by the body's bytes between
/// preparations of the same site (for `handbook serve`), so a save renders one body instead of every one.
/// Bodies no preparation asked for are dropped at the next `rotate()`. Safe to use from many threads.
public final class MarkdownCache: @unchecked Sendable {
    /// A body's digest and length: cheap to hash (hashing 10,000 bodies byte by byte through `Hasher`
    /// would cost more than the rendering it saves); the bytes themselves are compared on a hit.
    private struct Key: Hashable {
        var digest: ByteDigest
        var count: Int
    }

    private struct Entry {
        var body: [UInt8]
        var html: [UInt8]
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
    func html(_ body: [UInt8]) -> [UInt8] {
        let key = Key(digest: ByteDigest.of(body), count: body.count)
        lock.lock()
        // The bytes are compared too: an unchanged file's body is the very buffer kept, so this is quick.
        if let kept = entries[key], kept.body == body {
            entries[key]?.used = generation
            lock.unlock()
            return kept.html
        }
        let current = generation
        lock.unlock()
        let rendered = Markdown.htmlBytes(ArraySlice(body), demotingHeadings: true)
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
}
