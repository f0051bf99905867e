import HandbookModel
import Mustache

/// The search index's documents: the published entries in id order, the ranges of each type, the documents of
/// each topic and country, and what each result shows. Their files (`search/d/`, `search/f/`; the format is in
/// `SearchIndex`) read the entries' front matter and exact change times, never a body, so a rebuild after a body
/// is edited keeps them as they are (`SearchResults`).
public struct SearchDocuments: Sendable {
    /// The fewest documents whose result data one `d/<block>.json` holds: ten results cost a few blocks.
    public static let minimumBlockSize = 8
    /// The most result blocks before blocks grow, so a large handbook stays at about 1,000 search files.
    public static let blockLimit = 640

    /// Documents per result block: `minimumBlockSize`, doubled while there would be more than `blockLimit` blocks.
    public static func blockSize(documents: Int) -> Int {
        var size = minimumBlockSize
        while (documents + size - 1) / size > blockLimit { size *= 2 }
        return size
    }

    /// Documents in id order.
    public let entities: [Entity]
    /// Topic id → document ids.
    public let topics: [String: [Int]]
    /// Country code (lower case) → document ids.
    public let countries: [String: [Int]]
    /// Type → first id and end id.
    public let typeRanges: [EntityType: (Int, Int)]
    /// Documents per result block.
    public let blockSize: Int
    /// The types, for their names in words.
    let types: TypeCatalog
    /// Where each result's page lives.
    let links: Links
    /// The topics' and methods' labels.
    let settings: Settings

    /// The published entries numbered by type weight (organisations first), then most recently changed, then
    /// name, so a lower id is the better tie-breaker and each type is one range of ids. A role is found as its
    /// owner, once.
    public init(index: SiteIndex) {
        var ordered: [Entity] = []
        var ranges: [EntityType: (Int, Int)] = [:]
        // Types in the search order: earlier types win ties.
        for type in index.types.searchOrder.map(\.type) {
            let entities = index.entities(of: type).filter { index.roleOwners[$0.reference] == nil }
                .map { (changed: -($0.lastChanged ?? 0), name: index.sortKey($0), entity: $0) }
                .sorted { ($0.changed, $0.name, $0.entity.reference) < ($1.changed, $1.name, $1.entity.reference) }
                .map(\.entity)
            ranges[type] = (ordered.count, ordered.count + entities.count)
            ordered += entities
        }
        var topics: [String: [Int]] = [:]
        var countries: [String: [Int]] = [:]
        for (doc, entity) in ordered.enumerated() {
            for topic in (entity[.topics]?.list ?? []).compactMap(\.text) { topics[topic, default: []].append(doc) }
            if let country = entity.countryCode { countries[country.lowercased(), default: []].append(doc) }
        }
        entities = ordered
        self.topics = topics
        self.countries = countries
        typeRanges = ranges
        blockSize = Self.blockSize(documents: ordered.count)
        types = index.types
        links = index.links
        settings = index.settings
    }

    /// The documents' files: each topic's and country's documents (`f/`), and the result blocks (`d/`).
    public func files() -> [OutputFile] {
        func deltas(_ ids: [Int]) -> String {
            var previous = 0
            return "[" + ids.map { id in defer { previous = id }; return String(id - previous) }.joined(separator: ",") + "]"
        }
        var files: [OutputFile] = []
        for (topic, ids) in topics { files.append(OutputFile(path: "search/f/topic-\(topic).json", text: deltas(ids))) }
        for (country, ids) in countries { files.append(OutputFile(path: "search/f/country-\(country).json", text: deltas(ids))) }
        let size = blockSize
        let blocks = (entities.count + size - 1) / size
        files += Parallel.map(Array(0..<blocks)) { block in
            var out: [UInt8] = [UInt8(ascii: "[")]
            out.reserveCapacity(512 * size)
            for doc in block * size..<min(self.entities.count, (block + 1) * size) {
                if doc > block * size { out.append(UInt8(ascii: ",")) }
                self.result(self.entities[doc], into: &out)
            }
            out.append(UInt8(ascii: "]"))
            return OutputFile(path: "search/d/\(block).json", bytes: out)
        }
        return files
    }

    /// Appends what a result shows of an entry (see `d/<block>.json` in `SearchIndex`), as a JSON object with its
    /// keys in order and those without a value left out, written as bytes (ten thousand a build).
    func result(_ entity: Entity, into out: inout [UInt8]) {
        var summary = entity[.summary]?.text ?? ""
        // No more bytes than the limit is no more characters either: most summaries are not counted.
        if summary.utf8.count > 200 && summary.count > 200 { summary = String(summary.prefix(199)) + "…" }
        let country = entity.countryCode.map { Formatting.jurisdiction($0) }
        // The place within the country, as the index reads it: city or place, region, a policy's subdivision.
        var place: [String] = []
        for text in [entity[.city]?.text ?? entity[.place]?.text, entity[.region]?.text.map(Formatting.region),
                     entity[.jurisdiction]?.text.map { Formatting.jurisdiction($0, withCountry: false) }] {
            if let text, !text.isEmpty, text != country, !place.contains(text) { place.append(text) }
        }
        var first = true
        func key(_ name: StaticString) {
            out.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
            first = false
            out.append(UInt8(ascii: "\""))
            out.raw(name)
            out.raw("\":")
        }
        func texts(_ name: StaticString, _ field: FieldName, _ label: (String) -> String = { $0 }) {
            let list = (entity[field]?.list ?? []).compactMap(\.text)
            guard !list.isEmpty else { return }
            key(name)
            for (index, text) in list.enumerated() {
                out.append(index == 0 ? UInt8(ascii: "[") : UInt8(ascii: ","))
                JSONString.append(label(text), to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        texts("a", .aliases)
        if let country {
            key("c")
            JSONString.append(country, to: &out)
        }
        texts("g", .topics, settings.topicLabel)
        texts("m", .methods, settings.methodLabel)
        key("n")
        JSONString.append(entity.name, to: &out)
        if !place.isEmpty {
            key("p")
            JSONString.append(place.joined(separator: ", "), to: &out)
        }
        if !summary.isEmpty {
            key("s")
            JSONString.append(summary, to: &out)
        }
        key("t")
        JSONString.append(types[entity.reference.type].singular, to: &out)
        key("u")
        JSONString.append(links.entity(entity.reference), to: &out)
        out.append(UInt8(ascii: "}"))
    }
}
