import HandbookModel

/// The client-side search index: built from the typed entries (not from the HTML), split into small
/// files so a query fetches only what it needs. `themes/default/assets/search-core.js` reads it with
/// the same rules as `query(_:filters:)` here.
///
/// Files under `search/`:
/// - `manifest.json`: `{"v":1, "docs":N, "leaves":[keys], "splits":[keys], "types":{folder:[first,end]},
///   "topics":[ids], "countries":[codes]}`.
/// - `t/<key>.json`, the token shards: `{token: [Δdoc, code, Δdoc, code, …]}`. Doc ids are
///   delta-encoded and ascending; `code` says where the token was found: 1 body, 2 summary or details
///   (type, country, place, kind, topics, names of linked entries), 3 + 16 × position + length for
///   the name (the word's position in the name and the name's length in words, both up to 15). A token
///   keeps its best place per document; a very common token keeps its best `postingLimit` documents,
///   and its list then ends with one more number, the count of every document it is in (an odd length
///   says "cut"), so the page can say "more than 400 results" rather than a wrong count.
///   A *leaf* shard holds every token beginning with its key (keys are two letters or more). A shard
///   over `shardLimit` bytes is *split*: one shard per next letter, and the split key's own file keeps
///   only the token equal to the key plus `"*"`, the best documents of every token beginning with it,
///   so prefix matching still works as the reader types.
/// - `f/topic-<id>.json`, `f/country-<code>.json`: the documents with that topic or country, as deltas.
/// - `d/<id>.json`: what a result shows: `{"n": name, "u": address, "t": type, "s": summary, "c": country}`.
///
/// A query word reads the shard of the longest key that begins it. Documents are numbered by type
/// weight (organisations first), then most recently changed, then name, so a lower id is the better
/// tie-breaker and each type is one range of ids.
public struct SearchIndex: Sendable {
    /// One posting: a document and where the token was found in it.
    public typealias Posting = (doc: Int, code: Int)

    /// The most documents one token lists (the best places first).
    public static let postingLimit = 400
    /// The size above which a shard is split by the next letter (about 4 kB once gzipped).
    public static let defaultShardLimit = 12_000

    /// Documents in id order.
    public let documents: [Entity]
    /// Shard key → whether it is split, and its tokens' postings sorted by document.
    public let shards: [String: (split: Bool, tokens: [String: [Posting]])]
    /// Token (or `*` + a split key) → how many documents it is in, for the lists cut to `postingLimit`.
    public let truncated: [String: Int]
    /// Topic id → document ids.
    public let topics: [String: [Int]]
    /// Country code (lower case) → document ids.
    public let countries: [String: [Int]]
    /// Type → first id and end id.
    public let typeRanges: [EntityType: (Int, Int)]
    /// The types, for their names in words.
    let types: TypeCatalog
    /// Where each result's page lives.
    let links: Links

    /// Builds the index of the published entries; `shardLimit` is the size above which a shard is split.
    public init(index: SiteIndex, shardLimit: Int = Self.defaultShardLimit) {
        var ordered: [Entity] = []
        var ranges: [EntityType: (Int, Int)] = [:]
        // Types in the search order: earlier types win ties.
        for type in index.types.searchOrder.map(\.type) {
            let entities = index.entities(of: type).map { (changed: -($0.lastChanged ?? 0), name: Formatting.sortKey($0.name), entity: $0) }
                .sorted { ($0.changed, $0.name, $0.entity.reference) < ($1.changed, $1.name, $1.entity.reference) }
                .map(\.entity)
            ranges[type] = (ordered.count, ordered.count + entities.count)
            ordered += entities
        }
        let perDocument = Parallel.map(Array(ordered.enumerated())) { item in Self.codes(for: item.element, index: index) }
        var postings: [String: [Posting]] = [:]
        var topics: [String: [Int]] = [:]
        var countries: [String: [Int]] = [:]
        for (doc, codes) in perDocument.enumerated() {
            for (token, code) in codes { postings[token, default: []].append((doc, code)) }
            let entity = ordered[doc]
            for topic in (entity[.topics]?.list ?? []).compactMap(\.text) { topics[topic, default: []].append(doc) }
            if let country = entity.countryCode { countries[country.lowercased(), default: []].append(doc) }
        }
        var truncated: [String: Int] = [:]
        for (token, list) in postings where list.count > Self.postingLimit {
            truncated[token] = list.count
            postings[token] = Self.best(list)
        }
        var shards: [String: (split: Bool, tokens: [String: [Posting]])] = [:]
        var byKey: [String: [String]] = [:]
        for token in postings.keys { byKey[String(token.prefix(2)), default: []].append(token) }
        for (key, tokens) in byKey { Self.shard(key, tokens, postings, limit: shardLimit, into: &shards, truncated: &truncated) }
        self.documents = ordered
        self.shards = shards
        self.truncated = truncated
        self.topics = topics
        self.countries = countries
        self.typeRanges = ranges
        self.types = index.types
        self.links = index.links
    }

    /// The best `postingLimit` postings (names, then details, then body; lower ids first), in id order.
    static func best(_ list: [Posting]) -> [Posting] {
        list.sorted { (fieldWeight($0.code), -$0.doc) > (fieldWeight($1.code), -$1.doc) }
            .prefix(postingLimit).sorted { $0.doc < $1.doc }
    }

    /// Puts `tokens` (all beginning with `key`) in one leaf shard, or splits them by the next letter.
    static func shard(_ key: String, _ tokens: [String], _ postings: [String: [Posting]], limit: Int,
                      into shards: inout [String: (split: Bool, tokens: [String: [Posting]])], truncated: inout [String: Int]) {
        let size = tokens.reduce(0) { $0 + $1.utf8.count + 4 + 6 * (postings[$1]?.count ?? 0) }
        guard size > limit, tokens.count > 1 else {
            shards[key] = (false, Dictionary(uniqueKeysWithValues: tokens.map { ($0, postings[$0] ?? []) }))
            return
        }
        // Each document's best place among the tokens, the earlier name word on a tie, whatever the tokens' order.
        var merged: [Int: Int] = [:]
        for token in tokens {
            for (doc, code) in postings[token] ?? [] {
                guard let current = merged[doc] else { merged[doc] = code; continue }
                if (fieldWeight(code), -code) > (fieldWeight(current), -current) { merged[doc] = code }
            }
        }
        var own: [String: [Posting]] = ["*": best(merged.map { (doc: $0.key, code: $0.value) })]
        if merged.count > postingLimit || tokens.contains(where: { truncated[$0] != nil }) {
            truncated["*" + key] = max(merged.count, tokens.compactMap { truncated[$0] }.max() ?? 0)
        }
        if let exact = postings[key] { own[key] = exact }
        shards[key] = (true, own)
        var children: [String: [String]] = [:]
        for token in tokens where token.utf8.count > key.utf8.count { children[String(token.prefix(key.count + 1)), default: []].append(token) }
        for (child, group) in children { shard(child, group, postings, limit: limit, into: &shards, truncated: &truncated) }
    }

    /// Each token of an entry with its best code.
    static func codes(for entity: Entity, index: SiteIndex) -> [(String, Int)] {
        var best: [String: Int] = [:]
        func add(_ token: String, _ code: Int) {
            put(token, code)
            if let singular = SearchTokenizer.singular(token) { put(singular, code) }
        }
        func put(_ token: String, _ code: Int) {
            if let current = best[token], fieldWeight(current) >= fieldWeight(code) { return }
            best[token] = code
        }
        let name = SearchTokenizer.tokens(entity.name)
        for (position, token) in name.enumerated() where position < 16 {
            add(token, 3 + 16 * position + min(name.count, 15))
        }
        var details: [String] = [index.descriptor(entity.reference).singular]
        if let summary = entity[.summary]?.text { details.append(summary) }
        if let country = entity[.country]?.text { details.append(Formatting.country(country)) }
        if let region = entity[.region]?.text { details.append(Formatting.region(region)) }
        if let jurisdiction = entity[.jurisdiction]?.text { details.append(Formatting.jurisdiction(jurisdiction)) }
        if let city = entity[.city]?.text ?? entity[.place]?.text { details.append(city) }
        if let kind = entity[.kind]?.text { details.append(kind) }
        for topic in (entity[.topics]?.list ?? []).compactMap(\.text) {
            details.append(index.settings.topicLabel(topic))
        }
        for method in (entity[.methods]?.list ?? []).compactMap(\.text) {
            details.append(index.settings.methodLabel(method))
        }
        for reference in entity.references { if let target = index.entity(reference) { details.append(target.name) } }
        for text in details { for token in SearchTokenizer.tokens(text) { add(token, 2) } }
        for token in SearchTokenizer.tokens(String(decoding: entity.body, as: UTF8.self)) { add(token, 1) }
        return best.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// 3 for a name, 2 for a summary or detail, 1 for the body.
    static func fieldWeight(_ code: Int) -> Int { code >= 3 ? 3 : code }

    // MARK: Files

    /// Every search file, for the site.
    public func files() -> [OutputFile] {
        var files = shards.map { key, shard in
            OutputFile(path: "search/t/\(key).json", text: Self.encode(shard.tokens) { token in truncated[token == "*" ? "*" + key : token] })
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
            "v": .number("1"), "docs": .number(String(documents.count)),
            "leaves": .array(shards.filter { !$0.value.split }.keys.sorted().map(JSONValue.string)),
            "splits": .array(shards.filter { $0.value.split }.keys.sorted().map(JSONValue.string)),
            "types": .object(types),
            "topics": .array(topics.keys.sorted().map(JSONValue.string)),
            "countries": .array(countries.keys.sorted().map(JSONValue.string)),
        ]).encoded))
        files += Parallel.map(Array(documents.enumerated())) { doc, entity in
            var summary = entity[.summary]?.text ?? ""
            if summary.count > 200 { summary = String(summary.prefix(199)) + "…" }
            var object: [String: JSONValue] = ["n": .string(entity.name), "u": .string(self.links.entity(entity.reference)),
                                               "t": .string(self.types[entity.reference.type].singular)]
            if !summary.isEmpty { object["s"] = .string(summary) }
            if let country = entity.countryCode { object["c"] = .string(Formatting.jurisdiction(country)) }
            return OutputFile(path: "search/d/\(doc).json", text: JSONValue.object(object).encoded)
        }
        return files
    }

    /// A shard as compact JSON, tokens sorted (tokens are `a`–`z`, `0`–`9` and `*`: nothing to escape).
    static func encode(_ tokens: [String: [Posting]], total: (String) -> Int?) -> String {
        var out = "{"
        for (index, token) in tokens.keys.sorted().enumerated() {
            if index > 0 { out += "," }
            out += "\"\(token)\":["
            var previous = 0
            for (position, posting) in (tokens[token] ?? []).enumerated() {
                if position > 0 { out += "," }
                out += String(posting.doc - previous) + "," + String(posting.code)
                previous = posting.doc
            }
            if let total = total(token) { out += "," + String(total) }
            out += "]"
        }
        return out + "}"
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
                if truncated[token == "*" ? "*" + String(word) : token] != nil { complete = false }
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

    /// The tokens of the shard a word reads: the longest key that begins the word. A split shard's
    /// `"*"` (every token beginning with the key) counts only when the word is the key itself.
    func shardTokens(for word: String) -> [String: [Posting]] {
        var length = word.count
        while length >= 2 {
            let key = String(word.prefix(length))
            if let shard = shards[key] {
                return shard.split && key != word ? shard.tokens.filter { $0.key != "*" } : shard.tokens
            }
            length -= 1
        }
        return [:]
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
