import Foundation
import HandbookModel

/// The client-side search index: built from the typed entries (not from the HTML), split into few files
/// so a query fetches only what it needs. `themes/default/assets/search-core.js` reads it with the same
/// rules as `query(_:filters:)` here.
///
/// Files under `search/`:
/// - `manifest.json`: `{"v":2, "docs":N, "block":B, "leaves":[keys], "splits":[keys],
///   "types":{folder:[first,end]}, "topics":[ids], "countries":[codes]}`.
/// - `t/<key>.json`, the token files: `{token: [Δdoc, code, Δdoc, code, …]}`. Doc ids are
///   delta-encoded and ascending; `code` says where the token was found: 1 body, 2 summary or details
///   (type, country, place, kind, topics, names of linked entries), 3 + 16 × position + length for
///   the name (the word's position in the name and the name's length in words, both up to 15). A token
///   keeps its best place per document; a very common token keeps its best `postingLimit` documents,
///   and its list then ends with one more number, the count of every document it is in (an odd length
///   says "cut"), so the page can say "more than 400 results" rather than a wrong count.
///   Tokens are grouped by *prefix keys*: every two-letter prefix, and where the tokens of a prefix
///   would pass `shardLimit` bytes it is *split* into one prefix per next letter (recursively). A split
///   key has a file of its own holding only the token equal to the key plus `"*"`, the best documents
///   of every token beginning with it, so prefix matching still works as the reader types. The other
///   prefixes are *leaves*: consecutive sibling leaves (the same length, under the same split key or
///   none) share one file while it stays under `shardLimit`, named after its first prefix; `leaves`
///   lists those names.
/// - `f/topic-<id>.json`, `f/country-<code>.json`: the documents with that topic or country, as deltas.
/// - `d/<block>.json`: what results show, for documents `block × B ..< (block + 1) × B`, as an array of
///   `{"n": name, "u": address, "t": type, "s": summary, "c": country}`; B is `blockSize(documents:)`.
///
/// A query word reads the tokens beginning with its *key*: the word itself when it is a split key (with
/// `"*"`); otherwise its prefix one letter longer than the longest split key that begins it (two letters
/// when none does). They are in the file of the greatest leaf name, of the key's length and under the
/// same split key, that is not after the key. Documents are numbered by type weight (organisations
/// first), then most recently changed, then name, so a lower id is the better tie-breaker and each type
/// is one range of ids.
public struct SearchIndex: Sendable {
    /// One posting: a document and where the token was found in it.
    public typealias Posting = (doc: Int, code: Int)

    /// The most documents one token lists (the best places first).
    public static let postingLimit = 400
    /// The size above which a prefix is split by the next letter, and the most sibling leaves share.
    public static let defaultShardLimit = 32_000
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

    /// One file under `search/t/`.
    public struct Shard: Sendable {
        /// True for a split key's own file (the token equal to the key, and `*`).
        public let split: Bool
        /// For a leaf file, the prefixes it holds, in order; for a split key, the key.
        public let prefixes: [String]
        /// The token ids of each prefix (ids are in byte order, so each prefix is one range).
        let ranges: [Range<Int>]
        /// A split key's `*`: the best documents of every token beginning with it.
        let star: [Posting]
        /// How many documents the tokens beginning with a split key are in, when `star` was cut.
        let starTotal: Int?
    }

    /// Documents in id order.
    public let documents: [Entity]
    /// Every token (ids in byte order) and its postings.
    let postings: SearchPostings
    /// File name under `t/` → the file.
    public let shards: [String: Shard]
    /// Topic id → document ids.
    public let topics: [String: [Int]]
    /// Country code (lower case) → document ids.
    public let countries: [String: [Int]]
    /// Type → first id and end id.
    public let typeRanges: [EntityType: (Int, Int)]
    /// Documents per result block.
    public let blockSize: Int
    /// Bytes of text tokenized, and the CPU seconds it took (every thread's), for `HANDBOOK_TIMINGS=1`.
    public let tokenizing: (bytes: Int, seconds: Double)
    /// The types, for their names in words.
    let types: TypeCatalog
    /// Where each result's page lives.
    let links: Links

    /// Builds the index of the published entries; `shardLimit` is the size above which a prefix is split.
    public init(index: SiteIndex, shardLimit: Int = Self.defaultShardLimit) {
        self.init(index: index, shardLimit: shardLimit, chunkCount: nil)
    }

    /// Builds the index, tokenizing in `chunkCount` runs of documents (by default a few per core, of 64
    /// documents or more; the files do not depend on it).
    init(index: SiteIndex, shardLimit: Int, chunkCount: Int?) {
        var ordered: [Entity] = []
        var ranges: [EntityType: (Int, Int)] = [:]
        // Types in the search order: earlier types win ties.
        for type in index.types.searchOrder.map(\.type) {
            let entities = index.entities(of: type).map { (changed: -($0.lastChanged ?? 0), name: index.sortKey($0), entity: $0) }
                .sorted { ($0.changed, $0.name, $0.entity.reference) < ($1.changed, $1.name, $1.entity.reference) }
                .map(\.entity)
            ranges[type] = (ordered.count, ordered.count + entities.count)
            ordered += entities
        }
        // Tokenize in chunks of documents, each with its own token table, then merge them.
        let count = chunkCount ?? max(1, min(ordered.count / 64, 4 * ProcessInfo.processInfo.activeProcessorCount))
        let bounds = (0..<count).map { ordered.count * $0 / count..<ordered.count * ($0 + 1) / count }
        let documents = ordered
        let chunks = Parallel.map(bounds) { range in SearchPostingsChunk(documents[range], index: index) }
        let postings = SearchPostings(merging: chunks)
        var topics: [String: [Int]] = [:]
        var countries: [String: [Int]] = [:]
        for (doc, entity) in ordered.enumerated() {
            for topic in (entity[.topics]?.list ?? []).compactMap(\.text) { topics[topic, default: []].append(doc) }
            if let country = entity.countryCode { countries[country.lowercased(), default: []].append(doc) }
        }
        self.documents = ordered
        self.postings = postings
        self.topics = topics
        self.countries = countries
        self.typeRanges = ranges
        self.blockSize = Self.blockSize(documents: ordered.count)
        self.tokenizing = (chunks.reduce(0) { $0 + $1.bytes }, chunks.reduce(0) { $0 + $1.seconds })
        self.types = index.types
        self.links = index.links
        var layout = SearchShardLayout(postings: postings, documents: ordered.count, limit: shardLimit)
        self.shards = layout.shards()
    }

    /// The id of `token`, or nil.
    func id(of token: String) -> Int? {
        Array(token.utf8).withUnsafeBufferPointer { postings.table.id(of: $0) }
    }

    /// Token (or `*` + a split key) → how many documents it is in, for the lists cut to `postingLimit`.
    public var truncated: [String: Int] {
        var all = Dictionary(uniqueKeysWithValues: postings.totals.map { (postings.table.string($0.key), $0.value) })
        for (key, shard) in shards { if let total = shard.starTotal { all["*" + key] = total } }
        return all
    }

    /// The best `postingLimit` postings (names, then details, then body; lower ids first), in id order.
    static func best(_ list: [Posting]) -> [Posting] {
        list.sorted { (fieldWeight($0.code), -$0.doc) > (fieldWeight($1.code), -$1.doc) }
            .prefix(postingLimit).sorted { $0.doc < $1.doc }
    }

    /// 3 for a name, 2 for a summary or detail, 1 for the body.
    static func fieldWeight(_ code: Int) -> Int { code >= 3 ? 3 : code }

    // MARK: Files

    /// Every search file, for the site.
    public func files() -> [OutputFile] {
        var files = Parallel.map(shards.keys.sorted()) { key in
            OutputFile(path: "search/t/\(key).json", bytes: self.encode(self.shards[key]!))
        }
        func deltas(_ ids: [Int]) -> String {
            var previous = 0
            return "[" + ids.map { id in defer { previous = id }; return String(id - previous) }.joined(separator: ",") + "]"
        }
        for (topic, ids) in topics { files.append(OutputFile(path: "search/f/topic-\(topic).json", text: deltas(ids))) }
        for (country, ids) in countries { files.append(OutputFile(path: "search/f/country-\(country).json", text: deltas(ids))) }
        var types: [String: JSONValue] = [:]
        for (type, range) in typeRanges { types[type.folder] = .array([.number(String(range.0)), .number(String(range.1))]) }
        files.append(OutputFile(path: "search/manifest.json", text: JSONValue.object([
            "v": .number("2"), "docs": .number(String(documents.count)), "block": .number(String(blockSize)),
            "leaves": .array(shards.filter { !$0.value.split }.keys.sorted().map(JSONValue.string)),
            "splits": .array(shards.filter { $0.value.split }.keys.sorted().map(JSONValue.string)),
            "types": .object(types),
            "topics": .array(topics.keys.sorted().map(JSONValue.string)),
            "countries": .array(countries.keys.sorted().map(JSONValue.string)),
        ]).encoded))
        let size = blockSize
        let blocks = (documents.count + size - 1) / size
        files += Parallel.map(Array(0..<blocks)) { block in
            let results = (block * size..<min(self.documents.count, (block + 1) * size)).map { doc in
                let entity = self.documents[doc]
                var summary = entity[.summary]?.text ?? ""
                if summary.count > 200 { summary = String(summary.prefix(199)) + "…" }
                var object: [String: JSONValue] = ["n": .string(entity.name), "u": .string(self.links.entity(entity.reference)),
                                                   "t": .string(self.types[entity.reference.type].singular)]
                if !summary.isEmpty { object["s"] = .string(summary) }
                if let country = entity.countryCode { object["c"] = .string(Formatting.jurisdiction(country)) }
                return JSONValue.object(object)
            }
            return OutputFile(path: "search/d/\(block).json", text: JSONValue.array(results).encoded)
        }
        return files
    }

    /// A token file as compact JSON, tokens in byte order (tokens are `a`–`z` and `0`–`9`, and `*`:
    /// nothing to escape).
    func encode(_ shard: Shard) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "{")]
        if shard.split {
            Self.encode(Array("*".utf8), shard.star, total: shard.starTotal, into: &out)
        }
        for range in shard.ranges {
            for id in range {
                if out.count > 1 { out.append(UInt8(ascii: ",")) }
                Self.encode(postings.table.bytes(id), postings.postings(id), total: postings.totals[id], into: &out)
            }
        }
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// One `"token":[Δdoc,code,…(,total)]` entry.
    static func encode<Token: Collection<UInt8>>(_ token: Token, _ postings: [Posting], total: Int?, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: token)
        out.append(contentsOf: "\":[".utf8)
        var previous = 0
        for (position, posting) in postings.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            appendNumber(posting.doc - previous, to: &out)
            out.append(UInt8(ascii: ","))
            appendNumber(posting.code, to: &out)
            previous = posting.doc
        }
        if let total {
            out.append(UInt8(ascii: ","))
            appendNumber(total, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// A shard as compact JSON, tokens sorted (for tests: the files are written by `encode(_ shard:)`).
    static func encode(_ tokens: [String: [Posting]], total: (String) -> Int?) -> String {
        var out: [UInt8] = [UInt8(ascii: "{")]
        for token in tokens.keys.sorted() {
            if out.count > 1 { out.append(UInt8(ascii: ",")) }
            encode(Array(token.utf8), tokens[token] ?? [], total: total(token), into: &out)
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends a non-negative number's decimal digits.
    static func appendNumber(_ value: Int, to out: inout [UInt8]) {
        if value < 10 {
            out.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        appendNumber(value / 10, to: &out)
        out.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// How many bytes `appendNumber` writes for a non-negative number.
    static func digits(_ value: Int) -> Int {
        var count = 1
        var rest = value
        while rest >= 10 { rest /= 10; count += 1 }
        return count
    }

    // MARK: Queries (the reference the browser's search-core.js mirrors)

    /// Filters that narrow a query.
    public struct Filters: Sendable {
        public var type: EntityType?
        public var topic: String?
        public var country: String?

        /// Creates filters.
        public init(type: EntityType? = nil, topic: String? = nil, country: String? = nil) {
            self.type = type
            self.topic = topic
            self.country = country
        }
    }

    /// Document ids matching every word of `query`, best first.
    ///
    /// A word matches a token it equals or that is its singular (quality 3), begins (2), or, from five letters, is one edit away
    /// from (1). Ranking: the whole name matched exactly, then the name begun by the query, then every word
    /// found in names or details, then the rest; within a rank by the sum of quality × place (name 3,
    /// details 2, body 1); then by id.
    public func query(_ query: String, filters: Filters = Filters()) -> [Int] {
        search(query, filters: filters).docs
    }

    /// `query(_:filters:)`, and whether the results are all there are (false when a word's list was cut).
    public func search(_ query: String, filters: Filters = Filters()) -> (docs: [Int], complete: Bool) {
        let words = SearchTokenizer.tokens(query)
        guard !words.isEmpty else { return ([], true) }
        var matches: [[Int: (quality: Int, code: Int)]] = []
        var complete = true
        for word in words {
            var found: [Int: (quality: Int, code: Int)] = [:]
            var tokens = shardTokens(for: word)
            if let singular = SearchTokenizer.singular(word), let list = shardTokens(for: singular)[singular] { tokens[singular] = list }
            for (token, list) in tokens {
                let quality = token == "*" ? 2 : Self.quality(word, token)
                guard quality > 0 else { continue }
                if token == "*" ? shards[word]?.starTotal != nil : id(of: token).flatMap({ postings.totals[$0] }) != nil { complete = false }
                for (doc, code) in list {
                    if let current = found[doc], Self.better(current, (quality, code)) { continue }
                    found[doc] = (quality, code)
                }
            }
            matches.append(found)
        }
        var candidates = Set(matches[0].keys)
        for found in matches.dropFirst() { candidates.formIntersection(found.keys) }
        if let type = filters.type, let range = typeRanges[type] { candidates = candidates.filter { $0 >= range.0 && $0 < range.1 } }
        if let topic = filters.topic { candidates.formIntersection(topics[topic] ?? []) }
        if let country = filters.country { candidates.formIntersection(countries[country.lowercased()] ?? []) }
        let ranked = candidates.map { doc -> (tier: Int, score: Int, doc: Int) in
            let hits = matches.map { $0[doc]! }
            return (Self.tier(hits), hits.reduce(0) { $0 + $1.quality * Self.fieldWeight($1.code) }, doc)
        }
        return (ranked.sorted { ($0.tier, $0.score, -$0.doc) > ($1.tier, $1.score, -$1.doc) }.map(\.doc), complete)
    }

    /// The file a word reads and the key its tokens begin with (see the format above); nil when no file can
    /// hold them. A split key's file is read whole, `*` included.
    func file(for word: String) -> (name: String, key: String)? {
        let letters = Array(word)
        var split = ""
        for length in stride(from: letters.count, through: 2, by: -1) where shards[String(letters[..<length])]?.split == true {
            split = String(letters[..<length])
            break
        }
        if split == word { return (word, word) }
        let level = max(2, split.count + 1)
        guard letters.count >= level else { return nil }
        let key = String(letters[..<level])
        let name = shards.filter { !$0.value.split && $0.key.count == level && $0.key.hasPrefix(split) && $0.key <= key }.keys.max()
        return name.map { ($0, key) }
    }

    /// The tokens a word reads, with their postings: those beginning with its key, and for a split key
    /// its own token and `"*"` (every token beginning with the key).
    func shardTokens(for word: String) -> [String: [Posting]] {
        guard let (name, key) = file(for: word), let shard = shards[name] else { return [:] }
        return tokens(of: shard).filter { $0.key == "*" || $0.key.hasPrefix(key) }
    }

    /// Every token of a file with its postings (`*` for a split key's best documents).
    func tokens(of shard: Shard) -> [String: [Posting]] {
        var tokens: [String: [Posting]] = [:]
        if shard.split { tokens["*"] = shard.star }
        for range in shard.ranges { for id in range { tokens[postings.table.string(id)] = postings.postings(id) } }
        return tokens
    }

    static func quality(_ word: String, _ token: String) -> Int {
        if token == word || token == SearchTokenizer.singular(word) { return 3 }
        if token.hasPrefix(word) { return 2 }
        if word.count >= 5 && SearchTokenizer.withinOneEdit(word, token) { return 1 }
        return 0
    }

    /// True when hit `a` is at least as good as `b`: weighted quality, then quality, then the earlier name word.
    static func better(_ a: (quality: Int, code: Int), _ b: (quality: Int, code: Int)) -> Bool {
        (a.quality * fieldWeight(a.code), a.quality, -a.code) >= (b.quality * fieldWeight(b.code), b.quality, -b.code)
    }

    /// 4: the query is the whole name; 3: the name begins with the query; 2: every word in names or details; 1: otherwise.
    static func tier(_ hits: [(quality: Int, code: Int)]) -> Int {
        let inName = hits.allSatisfy { $0.code >= 3 }
        let inOrder = inName && hits.enumerated().allSatisfy { index, hit in (hit.code - 3) / 16 == index }
        if inOrder && hits.allSatisfy({ $0.quality == 3 && ($0.code - 3) % 16 == hits.count }) { return 4 }
        if inOrder && hits.allSatisfy({ $0.quality >= 2 }) { return 3 }
        if hits.allSatisfy({ $0.code >= 2 }) { return 2 }
        return 1
    }
}
