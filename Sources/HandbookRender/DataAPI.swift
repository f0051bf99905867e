import HandbookModel

/// The JSON API under `api/`: a catalogue, every published entry by type, each entry's details (body and
/// backlinks) in blocks of a few dozen entries (`api/<type>/<block>.json`, named in each list item's
/// `detail`) rather than one file per entry (the social graph is `GraphExports`). Keys are sorted and lists have a stable
/// order, so unchanged content gives unchanged files.
struct DataAPI: OutputGenerator {
    static let name = "data API"
    /// A block shows its entries' bodies and times; a list, its type's times; the catalogue, the structure.
    static let inputs = OutputInputs.entryPages
    let index: SiteIndex
    let baseURL: String
    /// Rendered bodies by entry, computed once for the whole build.
    let bodies: RenderedBodies

    /// Each published entry as a reference (`{"name","slug","type","url"}`), encoded once when the whole API is
    /// made: references are repeated in fields and backlinks all over it. Empty for a rebuild that makes a few
    /// blocks, which encodes the few it needs.
    private var references: [EntityReference: JSONValue] = [:]

    init(site: SiteContext) {
        index = site.index
        baseURL = site.baseURL
        bodies = site.bodies
    }

    /// This generator with every published entry's reference encoded.
    private func referencingAll() -> DataAPI {
        let index = index, baseURL = baseURL
        let encoded = Parallel.map(index.entities) { entity in
            JSONValue.encoded(Self.referenceBytes(entity.reference, in: index, baseURL: baseURL))
        }
        var api = self
        api.references.reserveCapacity(encoded.count)
        for (entity, value) in zip(index.entities, encoded) { api.references[entity.reference] = value }
        return api
    }

    /// Every API file.
    func files() -> [OutputFile] {
        let api = referencingAll()
        return api.files(lists: Set(index.types.types), blocks: nil) + [api.catalogue()]
    }

    /// A type at a time, and a block at a time: each block is handed on as soon as it is made, and each entry's
    /// encoding let go once its block (and its type's list) holds it, so the API of a type is never held twice
    /// over, as encoded entries and as files (under valgrind's massif, a fifth of the heap at its peak).
    func files(in deliver: ([OutputFile]) -> Void) {
        let api = referencingAll()
        for type in index.types.types {
            api.files(lists: [type], blocks: nil, of: type, deliver: deliver)
        }
        deliver([api.catalogue()])
    }

    /// The blocks that hold changed entries, and the lists of types whose entries' times changed.
    func files(showing changed: ChangedEntries) -> [OutputFile] {
        var blocks: Set<String> = []
        for reference in changed.all {
            blocks.insert(Self.blockPath(reference, count: index.entities(of: reference.type).count))
        }
        return files(lists: Set(changed.dates.map(\.type)), blocks: blocks)
    }

    /// The lists of `lists` and the blocks at `blocks` (every block when nil), of the entries of `only` (of every type when nil).
    func files(lists: Set<EntityType>, blocks wanted: Set<String>?, of only: EntityType? = nil) -> [OutputFile] {
        var files: [OutputFile] = []
        self.files(lists: lists, blocks: wanted, of: only) { files += $0 }
        return files
    }

    /// The same files, each list and block handed to `deliver` as it is made.
    func files(lists: Set<EntityType>, blocks wanted: Set<String>?, of only: EntityType? = nil, deliver: ([OutputFile]) -> Void) {
        let chosen = (only.map { index.entities(of: $0) } ?? index.entities).filter { entity in
            lists.contains(entity.reference.type)
                || wanted?.contains(Self.blockPath(entity.reference, count: index.entities(of: entity.reference.type).count)) ?? true
        }
        // Each entry is encoded once for its type's list and once, with body and backlinks, for its block,
        // all in parallel; the lists and blocks are then spliced from the encoded items.
        var encoded = Parallel.map(chosen) { entity -> (item: [UInt8], detail: [UInt8]) in
            // The members both forms share (`fields` … `url`) are encoded once; the list item puts `detail`
            // before them and the block puts `backlinks` and `body_html` (keys stay in sorted order).
            var core: [UInt8] = []
            core.reserveCapacity(1024)
            self.members(of: entity, into: &core)
            // Each made at its final size's room at once, not grown as it fills.
            var item: [UInt8] = []
            item.reserveCapacity(core.count + 96)
            item.raw("{\"detail\":")
            JSONString.append(self.baseURL + Self.blockPath(entity.reference, count: self.index.entities(of: entity.reference.type).count), to: &item)
            item.append(0x2C)
            item += core
            let body = self.bodies[entity.reference]
            let backlinks = self.index.backlinks[entity.reference] ?? []
            var detail: [UInt8] = []
            detail.reserveCapacity(core.count + body.count + body.count / 8 + 160 * backlinks.count + 64)
            detail.raw("{\"backlinks\":[")
            for (position, source) in backlinks.enumerated() {
                if position > 0 { detail.append(0x2C) }
                self.reference(source).encode(into: &detail)
            }
            detail.raw("],\"body_html\":")
            body.withUnsafeBufferPointer { JSONString.append(utf8: $0, to: &detail) }
            detail.append(0x2C)
            detail += core
            return (item, detail)
        }
        // Entries by type, and by type and block, as positions in `encoded`.
        var items: [EntityType: [Int]] = [:]
        var blocks: [EntityType: [Int: [Int]]] = [:]
        for (position, entity) in chosen.enumerated() {
            let type = entity.reference.type
            items[type, default: []].append(position)
            let block = Self.block(of: entity.reference.slug, count: index.entities(of: type).count)
            guard wanted?.contains("api/\(type.folder)/\(block).json") ?? true else { continue }
            blocks[type, default: [:]][block, default: []].append(position)
        }
        for type in index.types.types {
            if lists.contains(type) {
                let list = Self.list(type, items: (items[type] ?? []).map { encoded[$0].item })
                for position in items[type] ?? [] { encoded[position].item = [] }
                deliver([OutputFile(path: "api/\(type.folder).json", bytes: list)])
            }
            for (block, positions) in blocks[type] ?? [:] {
                let members = positions.map { (slug: chosen[$0].reference.slug, detail: encoded[$0].detail) }
                for position in positions { encoded[position].detail = [] }
                deliver([OutputFile(path: "api/\(type.folder)/\(block).json", bytes: Self.block(type, number: block, members: members))])
            }
        }
    }

    /// `api/index.json`: what the API holds and where.
    func catalogue() -> OutputFile {
        var catalogue: [JSONValue] = []
        for type in index.types.types {
            let entities = index.entities(of: type)
            catalogue.append(.object([
                "type": .string(type.folder), "count": .number(String(entities.count)),
                "url": .string(baseURL + "api/\(type.folder).json"),
                "schema": .string(baseURL + "api/schema/\(type.folder).schema.json"),
                "blocks": .number(String(Self.blockCount(entities.count))),
                // Every type's folder, as published since the first edition (a type without list pages has none there).
                "html": .string(baseURL + type.folder + "/"),
            ]))
        }
        return OutputFile(path: "api/index.json", json: JSONValue.object([
            "title": .string(index.settings.title),
            "description": .string(index.settings.description),
            "base_url": .string(baseURL),
            "types": .array(catalogue),
            "graph": .string(baseURL + GraphExports.jsonPath),
            "graph_graphml": .string(baseURL + GraphExports.graphMLPath),
            "graph_gexf": .string(baseURL + GraphExports.gexfPath),
            "insights": .string(baseURL + InsightsPage.dataPath),
            "grants_360giving": .string(baseURL + "api/360giving.json"),
            "calendar": .string(baseURL + "events.ics"),
            "feeds": .object(["atom": .string(baseURL + "feed.xml"), "json": .string(baseURL + "feed.json")]),
        ]))
    }

    /// `{"count":N,"items":[…],"type":"…"}` from items already encoded: the same bytes as encoding the
    /// whole object (keys in sorted order), without encoding every item again.
    static func list(_ type: EntityType, items: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = Array("{\"count\":\(items.count),\"items\":[".utf8)
        out.reserveCapacity(items.reduce(64) { $0 + $1.count + 1 })
        for (index, item) in items.enumerated() {
            if index > 0 { out.append(0x2C) }
            out += item
        }
        out += Array("],\"type\":".utf8)
        JSONString.append(type.folder, to: &out)
        out += Array("}\n".utf8)
        return out
    }

    /// How many blocks a type's entries are spread over: a power of two, so it changes (and entries move
    /// between blocks) only when the count doubles, with 32–64 entries a block once there are more than 64.
    static func blockCount(_ count: Int) -> Int {
        var blocks = 1
        while blocks * 64 < count { blocks *= 2 }
        return blocks
    }

    /// The block an entry's details are in: a hash of its slug, so adding or removing other entries leaves
    /// it where it is and a rebuild rewrites only the blocks whose entries changed.
    static func block(of slug: String, count: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in slug.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int(hash % UInt64(blockCount(count)))
    }

    /// `api/<type>/<block>.json` for an entry of a type with `count` entries.
    static func blockPath(_ reference: EntityReference, count: Int) -> String {
        "api/\(reference.type.folder)/\(block(of: reference.slug, count: count)).json"
    }

    /// `{"block":N,"items":{"<slug>":{…},…},"type":"…"}` from entries already encoded, slugs in order.
    static func block(_ type: EntityType, number: Int, members: [(slug: String, detail: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = Array("{\"block\":\(number),\"items\":{".utf8)
        out.reserveCapacity(members.reduce(64) { $0 + $1.detail.count + $1.slug.utf8.count + 4 })
        for (index, member) in members.sorted(by: { $0.slug < $1.slug }).enumerated() {
            if index > 0 { out.append(0x2C) }
            JSONString.append(member.slug, to: &out)
            out.append(0x3A)
            out += member.detail
        }
        out += Array("},\"type\":".utf8)
        JSONString.append(type.folder, to: &out)
        out += Array("}\n".utf8)
        return out
    }

    /// One entry as JSON without its opening brace: identity, every field typed, references resolved. Written
    /// straight into bytes, keys in sorted order as `JSONValue` writes them, with no tree of values made for
    /// each entry. (Every key here sorts after `backlinks`, `body_html` and `detail`, which the lists and blocks
    /// put in front when they splice it.)
    func members(of entity: Entity, into out: inout [UInt8]) {
        out.raw("\"fields\":")
        encode(entity.fields, into: &out)
        if let changed = entity.lastChanged {
            // A timestamp holds nothing JSON escapes: its bytes go between the quotes as they are.
            out.raw(",\"last_modified\":\"")
            Self.timestamp(changed, into: &out)
            out.raw("\"")
        }
        out.raw(",\"name\":")
        JSONString.append(entity.name, to: &out)
        out.raw(",\"slug\":")
        JSONString.append(entity.reference.slug, to: &out)
        out.raw(",\"type\":")
        JSONString.append(entity.reference.type.folder, to: &out)
        out.raw(",\"url\":")
        JSONString.append(baseURL + index.links.entity(entity.reference), to: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// A field's value as `JSONValue` would encode it: numbers canonical, dates as text, references resolved.
    func encode(_ value: FieldValue, into out: inout [UInt8]) {
        switch value {
        case .text(let text): JSONString.append(text, to: &out)
        case .integer(let number): out.append(contentsOf: String(number).utf8)
        case .number(let text): out.append(contentsOf: Self.canonicalNumber(text).utf8)
        case .boolean(let flag): if flag { out.raw("true") } else { out.raw("false") }
        case .date(let date): JSONString.append(date.description, to: &out)
        case .dateTime(let dateTime): JSONString.append(dateTime.description, to: &out)
        case .reference(let target): reference(target).encode(into: &out)
        case .list(let items):
            out.append(UInt8(ascii: "["))
            for (position, item) in items.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                encode(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .record(let entries): encode(entries, into: &out)
        }
    }

    /// Fields as an object, keys sorted as `JSONValue` sorts them. Validation keeps one value a key (a repeated
    /// key is reported and dropped), so the entries are sorted, not gathered into a dictionary first.
    func encode(_ entries: [FieldEntry], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        for (number, position) in entries.indices.sorted(by: { entries[$0].key < entries[$1].key }).enumerated() {
            if number > 0 { out.append(UInt8(ascii: ",")) }
            JSONString.append(entries[position].key, to: &out)
            out.append(UInt8(ascii: ":"))
            encode(entries[position].value, into: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// `{type, slug, name, url}` for a published entry; without name and url when it is not published.
    func reference(_ target: EntityReference) -> JSONValue {
        references[target] ?? Self.reference(target, in: index, baseURL: baseURL)
    }

    static func reference(_ target: EntityReference, in index: SiteIndex, baseURL: String) -> JSONValue {
        .encoded(referenceBytes(target, in: index, baseURL: baseURL))
    }

    /// `reference(_:in:baseURL:)`'s encoding, written in its keys' sorted order (`name`, `slug`, `type`, `url`)
    /// with no object made: ten thousand are encoded for the whole API.
    static func referenceBytes(_ target: EntityReference, in index: SiteIndex, baseURL: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(160)
        let entity = index.entity(target)
        out.raw("{")
        if let entity {
            out.raw("\"name\":")
            JSONString.append(entity.name, to: &out)
            out.raw(",")
        }
        out.raw("\"slug\":")
        JSONString.append(target.slug, to: &out)
        out.raw(",\"type\":")
        JSONString.append(target.type.folder, to: &out)
        if entity != nil {
            out.raw(",\"url\":")
            JSONString.append(baseURL + index.links.entity(target), to: &out)
        }
        out.raw("}")
        return out
    }

    /// A Unix time as an RFC 3339 UTC timestamp.
    static func timestamp(_ seconds: Int64) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        timestamp(seconds, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `timestamp(_:)`'s text: written as bytes, as every entry of the data API has one, and the string put
    /// together from six pieces was made again larger at most of them.
    static func timestamp(_ seconds: Int64, into out: inout [UInt8]) {
        let second = Int(((seconds % 86_400) + 86_400) % 86_400)
        func twoDigits(after separator: UInt8, _ value: Int) {
            out.append(separator)
            out.append(UInt8(ascii: "0") + UInt8(value / 10))
            out.append(UInt8(ascii: "0") + UInt8(value % 10))
        }
        out.append(contentsOf: Formatting.date(fromUnix: seconds).description.utf8)
        twoDigits(after: UInt8(ascii: "T"), second / 3600)
        twoDigits(after: UInt8(ascii: ":"), second / 60 % 60)
        twoDigits(after: UInt8(ascii: ":"), second % 60)
        out.append(UInt8(ascii: "Z"))
    }

    /// A number as JSON allows it: no leading zeros, no trailing dot.
    static func canonicalNumber(_ text: String) -> String {
        var parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        let negative = parts[0].hasPrefix("-")
        var whole = negative ? String(parts[0].dropFirst()) : parts[0]
        while whole.count > 1 && whole.hasPrefix("0") { whole.removeFirst() }
        parts[0] = (negative ? "-" : "") + whole
        return parts.joined(separator: ".")
    }
}
