import Foundation

/// Partials rendered once per item and reused, as Hugo's `partialCached`: a list page shows each entry's card,
/// and an entry is on many lists (its type's, each of its filters', each of its topics'), so its card would
/// otherwise be rendered again on each. Made for one build (or one preview of it) and shared by its renders.
///
/// A partial named here sees only its item (the top of the context stack) and the outer names it is declared
/// to read (`root`), never the rest of the page: so its output depends on nothing else, and whether a copy
/// was rendered or reused never shows. Items are told apart by identity (an object's storage, which the
/// cache keeps alive, so it is never reused for another): copies of one card share it.
public final class PartialCache: @unchecked Sendable {
    /// The partials rendered once per item, each with the outer names it reads.
    public let partials: [String: [String]]
    private let lock = NSLock()
    /// The renders, by partial, indentation and outer values (a handful: one per page depth), then by item.
    private var variants: [Variant] = []
    private var reused = 0

    /// Renders kept with holes for the outer values (`HoledRender`), by partial and indentation, then by item.
    private var holed: [Holed] = []

    /// The renders with holes of one partial at one indentation.
    private struct Holed {
        var partial: String
        var indent: String
        /// Whether the partial may be kept with holes at all, worked out once.
        var allowed: Bool
        var rendered: [UInt: HoledRender] = [:]
        /// The items rendered, kept so that their storage, their identity, is not reused.
        var items: [MustacheValue] = []
    }

    /// The renders of one partial at one indentation with the same outer values.
    private struct Variant {
        var partial: String
        var indent: String
        var outer: [String]
        /// Each item's render, by the item's identity.
        var rendered: [UInt: [UInt8]] = [:]
        /// The items rendered, kept so that their storage, their identity, is not reused.
        var items: [MustacheValue] = []
    }

    /// A cache for `partials`: each partial's name, with the outer names it reads (`["card": ["root"]]`).
    public init(_ partials: [String: [String]]) {
        self.partials = partials
    }

    /// How many renders were reused rather than made.
    public var reuses: Int {
        lock.lock()
        defer { lock.unlock() }
        return reused
    }

    /// Whether the partial (compiled as `program`, reading the outer names `outer`) may be kept with holes, and
    /// if so the render kept for `item`, or nil.
    func holed(partial: String, indent: String, program: MustacheProgram, outer: [String], item: UInt) -> (allowed: Bool, render: HoledRender?) {
        lock.lock()
        defer { lock.unlock() }
        let position = holedPosition(partial, indent) ?? {
            let allowed = outer.count <= HoledRender.maximumOuterNames && program.readsOnlyByInterpolation(outer)
            holed.append(Holed(partial: partial, indent: indent, allowed: allowed))
            return holed.count - 1
        }()
        guard holed[position].allowed else { return (false, nil) }
        guard let render = holed[position].rendered[item] else { return (true, nil) }
        reused += 1
        return (true, render)
    }

    /// Keeps a render with holes of `item`, whose identity is `identity` (of a partial `holed` allowed).
    func keep(_ render: HoledRender, partial: String, indent: String, item: MustacheValue, identity: UInt) {
        lock.lock()
        defer { lock.unlock() }
        guard let position = holedPosition(partial, indent), holed[position].rendered[identity] == nil else { return }
        holed[position].rendered[identity] = render
        holed[position].items.append(item)
    }

    /// Where the renders with holes of a partial at an indentation are kept, looked for among the few there are.
    private func holedPosition(_ partial: String, _ indent: String) -> Int? {
        holed.firstIndex { $0.partial == partial && $0.indent == indent }
    }

    /// The bytes rendered for `item`, or nil.
    func bytes(partial: String, indent: String, outer: [String], item: UInt) -> [UInt8]? {
        lock.lock()
        defer { lock.unlock() }
        guard let variant = variant(partial, indent, outer), let bytes = variants[variant].rendered[item] else { return nil }
        reused += 1
        return bytes
    }

    /// Keeps a render of `item`, whose identity is `identity`.
    func keep(_ bytes: [UInt8], partial: String, indent: String, outer: [String], item: MustacheValue, identity: UInt) {
        lock.lock()
        defer { lock.unlock() }
        let position = variant(partial, indent, outer) ?? {
            variants.append(Variant(partial: partial, indent: indent, outer: outer))
            return variants.count - 1
        }()
        guard variants[position].rendered[identity] == nil else { return }
        variants[position].rendered[identity] = bytes
        variants[position].items.append(item)
    }

    /// The position of the variant, looked for among the few there are.
    private func variant(_ partial: String, _ indent: String, _ outer: [String]) -> Int? {
        variants.firstIndex { $0.outer == outer && $0.partial == partial && $0.indent == indent }
    }
}
