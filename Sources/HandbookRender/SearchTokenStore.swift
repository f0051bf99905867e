import Foundation

/// Where a build finds the last build's search tokens and leaves its own: the search index reads `previous`
/// and keeps what it made with `keep`, which the build then saves for the next one. Safe to use from many
/// threads.
public final class SearchTokenStore: @unchecked Sendable {
    /// The last build's tokens, when it kept them.
    public let previous: SearchTokenCache?
    private let lock = NSLock()
    private var made: SearchTokenCache?

    /// A store that offers `previous`.
    public init(previous: SearchTokenCache?) {
        self.previous = previous
    }

    /// The tokens this build's index made, or nil when it made none.
    public var next: SearchTokenCache? {
        lock.lock()
        defer { lock.unlock() }
        return made
    }

    /// What to keep for the next build: this build's tokens, or the last build's when this one made no search
    /// index (a build that asked for no search output, a preview that served no search file).
    public var latest: SearchTokenCache? {
        next ?? previous
    }

    /// Keeps the tokens this build's index made.
    func keep(_ cache: SearchTokenCache) {
        lock.lock()
        made = cache
        lock.unlock()
    }
}
