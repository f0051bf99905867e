/// Every token's postings, merged from the chunks tokenized on each thread: one token table whose ids
/// are in the byte order of the tokens (so the tokens of a prefix are one range of ids), and the postings
/// of token after token in flat arrays, each token's by document, a common token's cut to its best
/// `SearchIndex.postingLimit`.
struct SearchPostings: Sendable {
    /// Every token.
    let table: SearchTokenTable
    /// Where each token's postings start in `docs` and `codes`; they end where the next token's start.
    let starts: [Int]
    /// The documents of the postings …
    let docs: [Int32]
    /// … and where the token was found in each (see `SearchIndex`).
    let codes: [Int32]
    /// Token id → how many documents it is in, for the lists cut to `SearchIndex.postingLimit`.
    let totals: [Int: Int]

    /// Postings as they are (for tests).
    init(table: SearchTokenTable, starts: [Int], docs: [Int32], codes: [Int32], totals: [Int: Int]) {
        self.table = table
        self.starts = starts
        self.docs = docs
        self.codes = codes
        self.totals = totals
    }

    /// Merges the chunks, which hold consecutive documents in order: their tables into one, ids renumbered
    /// in byte order, and their documents' tokens into postings by token (counted, then filled in
    /// document order, so each token's list is sorted without sorting).
    init(merging chunks: [SearchPostingsChunk]) {
        var merged = SearchTokenTable(capacity: chunks.map(\.table.count).max() ?? 64)
        let remaps = chunks.map { chunk in
            (0..<chunk.table.count).map { id in chunk.table.bytes(id).withUnsafeBufferPointer { merged.intern($0) } }
        }
        let order = Self.sortedIDs(merged)
        var table = SearchTokenTable(capacity: merged.count)
        for id in order { _ = merged.bytes(id).withUnsafeBufferPointer { table.intern($0) } }
        var rank = [Int](repeating: 0, count: merged.count)
        for (position, id) in order.enumerated() { rank[id] = position }
        // Each chunk's local ids as final ids.
        let finals = remaps.map { remap in remap.map { rank[$0] } }
        var counts = [Int](repeating: 0, count: table.count + 1)
        for (chunk, final) in zip(chunks, finals) { for id in chunk.ids { counts[final[Int(id)] + 1] += 1 } }
        for id in 0..<table.count { counts[id + 1] += counts[id] }
        var fill = counts
        var allDocs = [Int32](repeating: 0, count: counts[table.count])
        var allCodes = [Int32](repeating: 0, count: counts[table.count])
        var doc: Int32 = 0
        for (chunk, final) in zip(chunks, finals) {
            var position = 0
            for end in chunk.ends {
                while position < end {
                    let id = final[Int(chunk.ids[position])]
                    allDocs[fill[id]] = doc
                    allCodes[fill[id]] = chunk.codes[position]
                    fill[id] += 1
                    position += 1
                }
                doc += 1
            }
        }
        var starts = [0]
        var docs: [Int32] = []
        var codes: [Int32] = []
        var totals: [Int: Int] = [:]
        starts.reserveCapacity(table.count + 1)
        docs.reserveCapacity(allDocs.count)
        codes.reserveCapacity(allCodes.count)
        for id in 0..<table.count {
            let range = counts[id]..<counts[id + 1]
            if range.count > SearchIndex.postingLimit {
                totals[id] = range.count
                for posting in SearchIndex.best(range.map { (doc: Int(allDocs[$0]), code: Int(allCodes[$0])) }) {
                    docs.append(Int32(posting.doc))
                    codes.append(Int32(posting.code))
                }
            } else {
                docs += allDocs[range]
                codes += allCodes[range]
            }
            starts.append(docs.count)
        }
        self.init(table: table, starts: starts, docs: docs, codes: codes, totals: totals)
    }

    /// The postings of token `id`, by document.
    func postings(_ id: Int) -> [SearchIndex.Posting] {
        (starts[id]..<starts[id + 1]).map { (doc: Int(docs[$0]), code: Int(codes[$0])) }
    }

    /// Token ids in the byte order of their tokens.
    static func sortedIDs(_ table: SearchTokenTable) -> [Int] {
        table.storage.withUnsafeBufferPointer { storage in
            let starts = table.starts
            return (0..<table.count).sorted { a, b in
                let x = starts[a], xEnd = starts[a + 1], y = starts[b], yEnd = starts[b + 1]
                let common = min(xEnd - x, yEnd - y)
                var offset = 0
                while offset < common {
                    let p = storage[x + offset], q = storage[y + offset]
                    if p != q { return p < q }
                    offset += 1
                }
                return xEnd - x < yEnd - y
            }
        }
    }
}
