import HandbookModel

/// Queries on the index: the reference that the browser's `search-core.js` mirrors, rule for rule, and
/// that `Tests/search/cases.json` holds both to.
extension SearchIndex {
    /// The most results a partial match lists (entries with only some of the words): the best of them.
    public static let partialLimit = 50

    /// Filters that narrow a query.
    public struct Filters: Sendable {
        /// Only entries of this type.
        public var type: EntityType?
        /// Only entries on this topic (its id).
        public var topic: String?
        /// Only entries in this country (its code, either case).
        public var country: String?

        /// Creates filters.
        public init(type: EntityType? = nil, topic: String? = nil, country: String? = nil) {
            self.type = type
            self.topic = topic
            self.country = country
        }
    }

    /// What a query found.
    public struct Result: Sendable {
        /// Document ids, best first.
        public var docs: [Int]
        /// False when a word's list was cut to its best documents, so there may be more.
        public var complete: Bool
        /// Set when no document has every word: the documents listed have `matched` of the query's `of`
        /// words (the most any has), best first, at most `partialLimit` of them.
        public var partial: (matched: Int, of: Int)?
        /// Each query word that every result has only through a forgiven typo, with the token it was
        /// read as (the first result's), in query order.
        public var readAs: [(word: String, token: String)]
    }

    /// Where a word was found in a document: how well it matched, where, the token it matched, and how
    /// many letters longer or shorter than the word that token is.
    struct Hit {
        var quality: Int
        var code: Int
        var token: String
        var gap: Int
    }

    /// Document ids matching every word of `query`, best first (see `search`).
    public func query(_ query: String, filters: Filters = Filters()) -> [Int] {
        search(query, filters: filters).docs
    }

    /// The documents matching every word of `query`, best first; when none has them all, those with the
    /// most of the words.
    ///
    /// A word matches a token it equals or that is its singular (quality 3), begins (2), or, from five letters, is one edit away
    /// from (1). Ranking: the whole name matched exactly, then the name begun by the query, then every word
    /// found in names or details, then the rest; within a rank by the sum of quality × place (name 3,
    /// details 2, body 1); then by id.
    public func search(_ query: String, filters: Filters = Filters()) -> Result {
        let words = SearchTokenizer.tokens(query)
        guard !words.isEmpty else { return Result(docs: [], complete: true, readAs: []) }
        var matches: [[Int: Hit]] = []
        var complete = true
        for word in words {
            var found: [Int: Hit] = [:]
            var tokens = shardTokens(for: word)
            if let singular = SearchTokenizer.singular(word), let list = shardTokens(for: singular)[singular] { tokens[singular] = list }
            // In byte order, as the browser reads them, so that of two equal hits the same token is kept.
            for token in tokens.keys.sorted() {
                let quality = token == "*" ? 2 : Self.quality(word, token)
                guard quality > 0 else { continue }
                if token == "*" ? shards[word]?.starTotal != nil : id(of: token).flatMap({ postings.totals[$0] }) != nil { complete = false }
                for (doc, code) in tokens[token]! {
                    let hit = Hit(quality: quality, code: code, token: token, gap: abs(token.count - word.count))
                    if let current = found[doc], Self.better(current, hit) { continue }
                    found[doc] = hit
                }
            }
            matches.append(found)
        }
        var allowed: (Int) -> Bool = { _ in true }
        if filters.type != nil || filters.topic != nil || filters.country != nil {
            let range = filters.type.flatMap { typeRanges[$0] }.map { $0.0..<$0.1 }
            let topic = filters.topic.map { Set(topics[$0] ?? []) }
            let country = filters.country.map { Set(countries[$0.lowercased()] ?? []) }
            allowed = { doc in
                (filters.type == nil || range?.contains(doc) == true) && topic?.contains(doc) != false && country?.contains(doc) != false
            }
        }
        var candidates = Set(matches[0].keys)
        for found in matches.dropFirst() { candidates.formIntersection(found.keys) }
        candidates = candidates.filter(allowed)
        var partial: (matched: Int, of: Int)?
        if candidates.isEmpty && words.count > 1 {
            // No document has every word: those with the most of them, each ranked on the words it has.
            var counts: [Int: Int] = [:]
            for found in matches { for doc in found.keys where allowed(doc) { counts[doc, default: 0] += 1 } }
            if let most = counts.values.max() {
                candidates = Set(counts.filter { $0.value == most }.keys)
                partial = (most, words.count)
            }
        }
        let ranked = candidates.map { doc -> (tier: Int, score: Int, doc: Int) in
            let hits = matches.compactMap { $0[doc] }
            return (Self.tier(hits), hits.reduce(0) { $0 + $1.quality * Self.fieldWeight($1.code) }, doc)
        }
        let sorted = ranked.sorted { ($0.tier, $0.score, -$0.doc) > ($1.tier, $1.score, -$1.doc) }.map(\.doc)
        let docs = partial == nil ? sorted : Array(sorted.prefix(Self.partialLimit))
        return Result(docs: docs, complete: complete, partial: partial, readAs: Self.readAs(words, matches, docs))
    }

    /// The words every result has only through a forgiven typo (quality 1), each with the token the first
    /// result that has it was found by.
    static func readAs(_ words: [String], _ matches: [[Int: Hit]], _ docs: [Int]) -> [(word: String, token: String)] {
        var read: [(word: String, token: String)] = []
        for (word, found) in zip(words, matches) {
            let hits = docs.compactMap { found[$0] }
            if let first = hits.first, hits.allSatisfy({ $0.quality == 1 }) { read.append((word, first.token)) }
        }
        return read
    }

    /// The file a word reads and the key its tokens begin with (see the format in `SearchIndex`); nil when no file can
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

    /// 3: the token is the word or its singular; 2: the token begins with the word; 1: from five letters,
    /// one edit away; 0: no match.
    static func quality(_ word: String, _ token: String) -> Int {
        if token == word || token == SearchTokenizer.singular(word) { return 3 }
        if token.hasPrefix(word) { return 2 }
        if word.count >= 5 && SearchTokenizer.withinOneEdit(word, token) { return 1 }
        return 0
    }

    /// True when hit `a` is at least as good as `b`: weighted quality, then quality, then the earlier name
    /// word, then the token nearer the word's length (of "talk" and "talks", "talsk" was "talks").
    static func better(_ a: Hit, _ b: Hit) -> Bool {
        (a.quality * fieldWeight(a.code), a.quality, -a.code, -a.gap) >= (b.quality * fieldWeight(b.code), b.quality, -b.code, -b.gap)
    }

    /// 4: the query is the whole name; 3: the name begins with the query; 2: every word in names or details; 1: otherwise.
    static func tier(_ hits: [Hit]) -> Int {
        let inName = hits.allSatisfy { $0.code >= 3 }
        let inOrder = inName && hits.enumerated().allSatisfy { index, hit in (hit.code - 3) / 16 == index }
        if inOrder && hits.allSatisfy({ $0.quality == 3 && ($0.code - 3) % 16 == hits.count }) { return 4 }
        if inOrder && hits.allSatisfy({ $0.quality >= 2 }) { return 3 }
        if hits.allSatisfy({ $0.code >= 2 }) { return 2 }
        return 1
    }
}
