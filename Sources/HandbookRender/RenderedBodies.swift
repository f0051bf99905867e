import Foundation
import HandbookModel

/// Entry bodies as HTML (headings demoted, as pages show them), each rendered once per build: all of them up
/// front when most will be read (a build that makes every output), or each when first asked for (a rebuild
/// that makes a few pages). Safe to read from many threads.
public final class RenderedBodies: @unchecked Sendable {
    private let lock = NSLock()
    private var html: [EntityReference: [UInt8]]
    private let index: SiteIndex

    /// Renders every published entry's body now (taking from `cache` the bodies it already has), or none yet.
    init(index: SiteIndex, upFront: Bool, cache: MarkdownCache?) {
        self.index = index
        guard upFront else {
            html = [:]
            return
        }
        let rendered = Parallel.map(index.entities) { entity -> [UInt8] in
            guard Markdown.hasContent(entity.body) else { return [] }
            return cache?.html(entity.body) ?? Markdown.htmlBytes(ArraySlice(entity.body), demotingHeadings: true)
        }
        cache?.rotate()
        var html: [EntityReference: [UInt8]] = [:]
        html.reserveCapacity(rendered.count)
        for (entity, body) in zip(index.entities, rendered) { html[entity.reference] = body }
        self.html = html
    }

    /// The body of a published entry as HTML, in UTF-8; empty for an entry without one (or not published).
    public subscript(reference: EntityReference) -> [UInt8] {
        lock.lock()
        let known = html[reference]
        lock.unlock()
        if let known { return known }
        guard let entity = index.entity(reference), Markdown.hasContent(entity.body) else { return [] }
        let rendered = Markdown.htmlBytes(ArraySlice(entity.body), demotingHeadings: true)
        lock.lock()
        html[reference] = rendered
        lock.unlock()
        return rendered
    }
}
