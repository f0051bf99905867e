import Foundation
import HandbookModel
import Mustache

/// The client-side search index: built from the typed entries (not from the HTML), split into few files
/// so a query fetches only what it needs. `themes/default/assets/search-core.js` reads it with the same
/// rules as `search(_:filters:)` (in `SearchQuery.swift`).
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
///   `{"n": name, "u": address, "t": type, "s": summary, "p": place, "c": country, "a": [aliases],
///   "g": [topics], "m": [methods]}` (keys without a value left out; topics and methods by label, so the
///   page can show which of them a query word was found in); B is `SearchDocuments.blockSize(documents:)`.
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

    /// The documents, their types, topics and countries, and their result blocks.
    public let order: SearchDocuments
    /// Every token (ids in byte order) and its postings.
    let postings: SearchPostings
    /// File name under `t/` → the file.
    public let shards: [String: Shard]
    /// Each token file's digest (`digest(of:)`), when the index kept its tokens for the next build.
    private(set) var shardDigests: [String: ByteDigest]
    /// Bytes of text tokenized, and the CPU seconds it took (every thread's), for `HANDBOOK_TIMINGS=1`.
    public let tokenizing: (bytes: Int, seconds: Double)
    /// Documents in id order.
    public var documents: [Entity] { order.entities }
    /// Topic id → document ids.
    public var topics: [String: [Int]] { order.topics }
    /// Country code (lower case) → document ids.
    public var countries: [String: [Int]] { order.countries }
    /// Type → first id and end id.
    public var typeRanges: [EntityType: (Int, Int)] { order.typeRanges }
    /// Documents per result block.
    public var blockSize: Int { order.blockSize }

    /// Builds the index of the published entries; `shardLimit` is the size above which a prefix is split. With
    /// `tokens`, documents whose text the last build tokenized are taken from it, and this build's tokens are
    /// left there for the next.
    public init(index: SiteIndex, shardLimit: Int = Self.defaultShardLimit, tokens: SearchTokenStore? = nil) {
        self.init(index: index, order: SearchDocuments(index: index), shardLimit: shardLimit, chunkCount: nil, tokens: tokens)
    }

    /// Builds the index of `order`'s documents (made from `index`), tokenizing in `chunkCount` runs of documents
    /// (by default a few per core, of 64 documents or more; the files do not depend on it).
    init(index: SiteIndex, order: SearchDocuments, shardLimit: Int = Self.defaultShardLimit, chunkCount: Int?, tokens: SearchTokenStore? = nil) {
        let (postings, made, kept) = Self.postings(of: order.entities, index: index, chunkCount: chunkCount, tokens: tokens)
        self.order = order
        self.postings = postings
        self.tokenizing = (made.reduce(0) { $0 + $1.bytes }, made.reduce(0) { $0 + $1.seconds })
        var layout = SearchShardLayout(postings: postings, documents: order.entities.count, limit: shardLimit)
        self.shards = layout.shards()
        // With a store, this build's tokens and a digest of each token file are kept for the next build.
        shardDigests = [:]
        if let tokens, var kept {
            let names = shards.keys.sorted()
            let index = self
            let digests = Parallel.map(names) { index.digest(of: index.shards[$0]!) }
            shardDigests = Dictionary(uniqueKeysWithValues: zip(names, digests))
            kept.shardDigests = shardDigests
            tokens.keep(kept)
        }
    }

    /// The documents' tokens, tokenized in chunks of documents on every core, each chunk with its own token
    /// table, then merged; and the chunks tokenized now. With a store, each document's key says whether the
    /// last build tokenized the same text: only the others are tokenized, and this build's tokens are kept.
    static func postings(of documents: [Entity], index: SiteIndex, chunkCount: Int?, tokens: SearchTokenStore?)
        -> (SearchPostings, made: [SearchPostingsChunk], kept: SearchTokenCache?) {
        let previous = tokens?.previous
        // A document whose quick key the last build had has that document's key: its texts are not read again.
        let found = tokens == nil ? [] : Parallel.map(runs(documents.count, chunkCount)) { range in
            range.map { doc -> (key: ByteDigest, quick: ByteDigest?) in
                let quick = tokens?.quickKey(of: documents[doc])
                if let quick, let previous, let place = previous.quickDocuments[quick] { return (previous.keys[place], quick) }
                return (SearchPostingsChunk.key(of: documents[doc], index: index), quick)
            }
        }.flatMap { $0 }
        let keys = found.map(\.key)
        let quickKeys = found.allSatisfy { $0.quick != nil } ? found.map { $0.quick! } : []
        let fresh = previous.map { previous in documents.indices.filter { previous.documents[keys[$0]] == nil } }
            ?? Array(documents.indices)
        let freshRuns = runs(fresh.count, chunkCount)
        let made = Parallel.map(freshRuns) { run in SearchPostingsChunk(run.lazy.map { documents[fresh[$0]] }, index: index) }
        // Where each document's tokens are: in the kept chunk (first), or in the run that tokenized it.
        var sources: [SearchPostings.Source]?
        if let previous {
            var fromRun = [SearchPostings.Source](repeating: SearchPostings.Source(chunk: 0, doc: 0), count: documents.count)
            for (number, run) in freshRuns.enumerated() {
                for offset in run { fromRun[fresh[offset]] = SearchPostings.Source(chunk: 1 + number, doc: offset - run.lowerBound) }
            }
            sources = documents.indices.map { doc in
                previous.documents[keys[doc]].map { SearchPostings.Source(chunk: 0, doc: $0) } ?? fromRun[doc]
            }
        }
        let postings = SearchPostings(merging: (previous.map { [$0.chunk] } ?? []) + made, sources: sources, recording: tokens != nil)
        return (postings, made, postings.recorded.map { SearchTokenCache(chunk: $0, keys: keys, quickKeys: quickKeys) })
    }

    /// `count` items split into `chunkCount` runs (by default a few per core, of 64 items or more).
    static func runs(_ count: Int, _ chunkCount: Int?) -> [Range<Int>] {
        let runs = chunkCount ?? max(1, min(count / 64, 4 * ProcessInfo.processInfo.activeProcessorCount))
        return (0..<runs).map { count * $0 / runs..<count * ($0 + 1) / runs }
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
        // Lists are usually in document order already (postings are filled so): sorted only when not.
        let inOrder = zip(list, list.dropFirst()).allSatisfy { $0.doc < $1.doc } ? list : list.sorted { $0.doc < $1.doc }
        guard inOrder.count > postingLimit else { return inOrder }
        var quota = CutQuota(codes: inOrder.lazy.map(\.code))
        return inOrder.filter { quota.take($0.code) }
    }

    /// How many postings of each weight a list cut to `postingLimit` keeps: every name it can, then details, then
    /// body. Taken in document order, the first of each weight are kept, so the cut needs no sorting.
    struct CutQuota {
        /// Postings still to keep, by weight (index 0 is never kept); a vector, not an array: no allocation, no
        /// uniqueness check per posting.
        private var left = SIMD4<Int>(repeating: 0)

        /// The quotas for a list with these codes.
        init(codes: some Sequence<Int>) {
            var count = SIMD4<Int>(repeating: 0)
            for code in codes { count[fieldWeight(code)] += 1 }
            var room = postingLimit
            for weight in [3, 2, 1] {
                left[weight] = min(count[weight], room)
                room -= left[weight]
            }
        }

        /// True when the next posting, with `code`, is kept.
        mutating func take(_ code: Int) -> Bool {
            let weight = fieldWeight(code)
            guard weight > 0, left[weight] > 0 else { return false }
            left[weight] -= 1
            return true
        }
    }

    /// 3 for a name, 2 for a summary or detail, 1 for the body.
    static func fieldWeight(_ code: Int) -> Int { code >= 3 ? 3 : code }

    // MARK: Files

    /// Every search file: the token files and the manifest (`tokenFiles()`), and the documents' (`SearchDocuments`).
    public func files() -> [OutputFile] {
        tokenFiles() + order.files()
    }

    /// The token files and the manifest, which names them.
    public func tokenFiles() -> [OutputFile] {
        tokenFiles(keeping: [:]).made
    }

    /// The token files whose digest (`digest(of:)`) is not the one `previous` gives under their name, and the
    /// manifest; and the paths of the others, which are as the build that made `previous` wrote them.
    func tokenFiles(keeping previous: [String: ByteDigest]) -> (made: [OutputFile], kept: [String]) {
        let names = shards.keys.sorted()
        let made = Parallel.map(names) { key -> OutputFile? in
            let shard = self.shards[key]!
            if let digest = previous[key], digest == self.shardDigests[key] ?? self.digest(of: shard) { return nil }
            return OutputFile(path: "search/t/\(key).json", bytes: self.encode(shard))
        }
        var files = made.compactMap { $0 }
        let kept = zip(names, made).compactMap { name, file in file == nil ? "search/t/\(name).json" : nil }
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
        return (files, kept)
    }

    /// A digest of everything a token file says (its tokens, their postings and totals, a split key's `*`): two
    /// files with the same digest have the same bytes, so a rebuild keeps a token file whose digest the last build
    /// recorded (`SearchTokenCache.shardDigests`) without writing it again.
    func digest(of shard: Shard) -> ByteDigest {
        var digest = ByteDigest()
        digest.add(Int64(shard.split ? 1 : 0))
        digest.add(Int64(shard.star.count))
        for posting in shard.star {
            digest.add(Int64(posting.doc))
            digest.add(Int64(posting.code))
        }
        digest.add(Int64(shard.starTotal ?? -1))
        for range in shard.ranges { postings.digest(range, into: &digest) }
        return digest
    }

    /// A token file as compact JSON, tokens in byte order (tokens are `a`–`z` and `0`–`9`, and `*`:
    /// nothing to escape).
    func encode(_ shard: Shard) -> [UInt8] {
        var out = ByteBuffer(capacity: 4096)
        out.append(UInt8(ascii: "{"))
        if shard.split {
            Self.encode(Array("*".utf8), shard.star, total: shard.starTotal, into: &out)
        }
        for range in shard.ranges {
            for id in range {
                if out.count > 1 { out.append(UInt8(ascii: ",")) }
                postings.encode(id, into: &out)
            }
        }
        out.append(UInt8(ascii: "}"))
        return out.array()
    }

    /// One `"token":[Δdoc,code,…(,total)]` entry, from a token's documents and codes (ascending documents).
    static func encode(_ token: UnsafeBufferPointer<UInt8>, docs: UnsafeBufferPointer<Int32>, codes: UnsafeBufferPointer<Int32>,
                       total: Int?, into out: inout ByteBuffer) {
        out.append(UInt8(ascii: "\""))
        out.append(token)
        out.append("\":[")
        // Room for every posting at its longest (a comma, a number, a comma, a number; an `Int32` is at most ten
        // digits) and the total, asked for once: the numbers are then written with no check of their own.
        out.write(upTo: 22 * docs.count + 21) { start in
            var at = start
            var previous: Int32 = 0
            for position in docs.indices {
                if position > 0 {
                    at.pointee = UInt8(ascii: ",")
                    at += 1
                }
                at += ByteBuffer.write(decimal: Int(docs[position] - previous), at: at)
                at.pointee = UInt8(ascii: ",")
                at += 1
                at += ByteBuffer.write(decimal: Int(codes[position]), at: at)
                previous = docs[position]
            }
            if let total {
                at.pointee = UInt8(ascii: ",")
                at += 1 + ByteBuffer.write(decimal: total, at: at + 1)
            }
            at.pointee = UInt8(ascii: "]")
            return at + 1 - start
        }
    }

    /// `encode(_:docs:codes:total:into:)` for a token given as an array and postings as pairs (a `*` list, tests).
    static func encode(_ token: [UInt8], _ postings: [Posting], total: Int?, into out: inout ByteBuffer) {
        let docs = postings.map { Int32($0.doc) }, codes = postings.map { Int32($0.code) }
        token.withUnsafeBufferPointer { token in
            docs.withUnsafeBufferPointer { docs in
                codes.withUnsafeBufferPointer { codes in encode(token, docs: docs, codes: codes, total: total, into: &out) }
            }
        }
    }

    /// A shard as compact JSON, tokens sorted (for tests: the files are written by `encode(_ shard:)`).
    static func encode(_ tokens: [String: [Posting]], total: (String) -> Int?) -> String {
        var out = ByteBuffer()
        out.append(UInt8(ascii: "{"))
        for token in tokens.keys.sorted() {
            if out.count > 1 { out.append(UInt8(ascii: ",")) }
            encode(Array(token.utf8), tokens[token] ?? [], total: total(token), into: &out)
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out.array(), as: UTF8.self)
    }

    /// How many bytes a non-negative number takes in decimal (counted by comparison: two for every posting).
    @inline(__always)
    static func digits(_ value: Int) -> Int {
        if value < 10 { return 1 }
        if value < 100 { return 2 }
        if value < 1_000 { return 3 }
        var count = 4, bound = 10_000
        while count < 19 && value >= bound {
            count += 1
            bound = bound &* 10
        }
        return count
    }
}
