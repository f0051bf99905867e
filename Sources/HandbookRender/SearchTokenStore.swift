import Foundation
import HandbookModel

/// Where a build finds the last build's search tokens and leaves its own: the search index reads `previous`
/// and keeps what it made with `keep`, which the build then saves for the next one. Safe to use from many
/// threads.
public final class SearchTokenStore: @unchecked Sendable {
    /// The last build's tokens, when it kept them.
    public let previous: SearchTokenCache?
    private let lock = NSLock()
    private var made: SearchTokenCache?
    /// The tool whose bytes of the tokens are made as soon as they are kept, if any.
    private let tool: String?
    /// Those bytes, being made beside the rest of the build.
    private var encoding: Background<[UInt8]>?

    /// What quick keys are made of (`SearchTokenCache`): the digest of what the site is made from apart from bodies
    /// and exact times, and each content file's body digest by path; nil without them.
    private let quickInputs: (site: ByteDigest, bodies: @Sendable (String) -> ByteDigest?)?

    /// A store that offers `previous`; with `tool`, the bytes of the tokens kept are made for it at once, beside the
    /// rest of the build, rather than when the build ends. With `site` and `bodies` (the digest of everything the
    /// site is made from but bodies and exact times, and each content file's body digest), documents have quick keys.
    public init(previous: SearchTokenCache?, encodingFor tool: String? = nil, site: ByteDigest? = nil,
                bodies: @escaping @Sendable (String) -> ByteDigest? = { _ in nil }) {
        self.previous = previous
        self.tool = tool
        quickInputs = site.map { ($0, bodies) }
    }

    /// A digest of the site's inputs but bodies and times, `entity`'s path and its body's digest: the same for two
    /// documents only when the index reads the same texts of them. Nil without the inputs.
    func quickKey(of entity: Entity) -> ByteDigest? {
        guard let (site, bodies) = quickInputs, let body = bodies(entity.path) else { return nil }
        var digest = ByteDigest()
        digest.add(site)
        digest.add(entity.path)
        digest.add(body)
        return digest
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
        if let tool { encoding = Background { cache.encoded(tool: tool) } }
        lock.unlock()
    }

    /// The bytes of `latest` for `tool` (`SearchTokenCache.encoded(tool:)`): those made beside the build when they
    /// were, otherwise made now; nil when there are no tokens.
    public func latestBytes(tool: String) -> [UInt8]? {
        lock.lock()
        let (made, encoding) = (self.made, self.tool == tool ? self.encoding : nil)
        lock.unlock()
        if let encoding { return encoding.value }
        return (made ?? previous)?.encoded(tool: tool)
    }
}
