import Foundation

/// Entry bodies rendered to HTML (headings demoted, as pages show them), kept by the body's bytes between
/// preparations of the same site (for `handbook serve`), so a save renders one body instead of every one.
/// Bodies no preparation asked for are dropped at the next `rotate()`. Safe to use from many threads.
public final class MarkdownCache: @unchecked Sendable {
    private let lock = NSLock()
    /// Bodies asked for since the last rotation.
    private var current: [[UInt8]: String] = [:]
    /// Bodies of the preparation before, moved into `current` when asked for again.
    private var previous: [[UInt8]: String] = [:]

    /// An empty cache.
    public init() {}

    /// How many bodies the cache holds.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return current.count + previous.count
    }

    /// The body as HTML, from the cache or rendered now.
    func html(_ body: [UInt8]) -> String {
        lock.lock()
        if let kept = current[body] {
            lock.unlock()
            return kept
        }
        if let kept = previous.removeValue(forKey: body) {
            current[body] = kept
            lock.unlock()
            return kept
        }
        lock.unlock()
        let rendered = Markdown.html(ArraySlice(body), demotingHeadings: true)
        lock.lock()
        current[body] = rendered
        lock.unlock()
        return rendered
    }

    /// Ends a preparation: what it did not ask for is forgotten at the next one.
    func rotate() {
        lock.lock()
        previous = current
        current = [:]
        lock.unlock()
    }
}
