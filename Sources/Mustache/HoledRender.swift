import Foundation

/// A cached partial's render kept with holes where its outer values go (see `PartialCache`): rendered once per item
/// with a probe standing for each outer value, then written for any page by filling each hole with that page's value,
/// escaped where the template escapes it. Kept only for a partial that reads its outer names by interpolation alone
/// (`MustacheProgram.readsOnlyByInterpolation`), so that a value changes nothing but the text at its holes: a card
/// is then rendered once, not once for each depth of page that lists it.
struct HoledRender: Sendable {
    /// The render without its probes.
    let bytes: [UInt8]
    /// Where the outer values go in `bytes`, in order.
    let holes: [Hole]

    /// One place an outer value is interpolated.
    struct Hole: Sendable {
        /// The offset in `bytes`.
        let at: Int
        /// Which outer name, by its place in the partial's declaration.
        let outer: Int
        /// Whether the template escapes it there (`{{name}}`) or not (`{{{name}}}`).
        let escaped: Bool
    }

    /// The most outer names a partial may declare for its render to be kept with holes (a probe's index is one byte
    /// below a space, so it cannot be mistaken for the `amp;` of an escaped probe).
    static let maximumOuterNames = 30

    /// The value standing for outer name number `index`: a NUL, `&`, a byte for the index, a NUL. The `&` comes out
    /// as `&amp;` where the template escapes the value, which tells the two kinds of hole apart.
    static func probe(_ index: Int) -> MustacheValue {
        .utf8([0, UInt8(ascii: "&"), UInt8(index + 1), 0])
    }

    /// The render made with probes, read back into bytes and holes; nil when it holds a NUL that is not part of a
    /// whole probe (text of the item's own: then the partial is rendered for each page).
    init?(probed render: [UInt8], outerCount: Int) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(render.count)
        var holes: [Hole] = []
        let count = render.count
        var index = 0
        while index < count {
            guard let nul = render[index...].firstIndex(of: 0) else {
                bytes.append(contentsOf: render[index...])
                break
            }
            bytes.append(contentsOf: render[index..<nul])
            var at = nul + 1
            let escaped: Bool
            if at + 5 <= count && render[at..<(at + 5)].elementsEqual("&amp;".utf8) {
                escaped = true
                at += 5
            } else if at < count && render[at] == UInt8(ascii: "&") {
                escaped = false
                at += 1
            } else {
                return nil
            }
            guard at + 1 < count, render[at] >= 1, Int(render[at]) <= outerCount, render[at + 1] == 0 else { return nil }
            holes.append(Hole(at: bytes.count, outer: Int(render[at]) - 1, escaped: escaped))
            index = at + 2
        }
        self.bytes = bytes
        self.holes = holes
    }

    /// True for a value a hole can take: text, a flag or null (what an interpolation writes as text).
    static func fills(_ value: MustacheValue?) -> Bool {
        switch value {
        case .string?, .utf8?, .bool?, .null?: return true
        case .list?, .object?, .fields?, nil: return false
        }
    }

    /// True when a value holds a NUL anywhere in its text, which a probe could not be told from. Only reads, so
    /// it releases nothing the caller holds (see `ByteBuffer`).
    @_effects(releasenone)
    static func holdsNUL(_ value: MustacheValue) -> Bool {
        switch value {
        case .string(let text): return text.withUTF8Bytes(holdsNUL)
        case .utf8(let bytes): return bytes.withUnsafeBufferPointer(holdsNUL)
        case .bool, .null: return false
        case .list(let items): return items.contains(where: holdsNUL)
        case .object(let members): return members.contains { $0.key.withUTF8Bytes(holdsNUL) || holdsNUL($0.value) }
        case .fields(let fields):
            return fields.members.withUnsafeBufferPointer { members in
                members.contains { $0.name.withUTF8Bytes(holdsNUL) || holdsNUL($0.value) }
            }
        }
    }

    /// True when `bytes` hold a NUL.
    private static func holdsNUL(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        return memchr(base, 0, bytes.count) != nil
    }
}
