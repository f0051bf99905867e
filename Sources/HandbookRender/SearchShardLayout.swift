import Foundation
import HandbookModel

/// Decides which tokens share a file under `search/t/`: prefixes split where their tokens would pass the
/// limit, and consecutive sibling leaves packed into one file while it stays under it (the format is
/// described in `SearchIndex`). Works on token ids, which are in byte order, so every prefix is one
/// range of ids.
struct SearchShardLayout {
    /// A prefix whose tokens go in a shared file: its key, its tokens, and their entries' bytes.
    struct Leaf {
        var key: [UInt8]
        var range: Range<Int>
        var size: Int
    }

    let postings: SearchPostings
    let limit: Int
    /// The bytes of the entries (`"token":[…]`) of every token before each id: any range's size in one subtraction.
    let sizeBefore: [Int]
    /// The files made so far, by name.
    private var files: [String: SearchIndex.Shard] = [:]
    /// The split keys placed so far and their tokens, whose `*` lists are made once every file is placed.
    private var splits: [(name: String, range: Range<Int>)] = []
    /// How many documents there are.
    let documents: Int

    init(postings: SearchPostings, documents: Int, limit: Int) {
        self.postings = postings
        self.limit = limit
        self.documents = documents
        let table = postings.table, starts = postings.starts
        var sizeBefore = [0]
        sizeBefore.reserveCapacity(table.count + 1)
        for id in 0..<table.count {
            // "token":[Δ,code,…] and, for a cut list, ",total".
            var size = table.length(id) + 5 + (starts[id + 1] - starts[id]) * 2 - 1
            var previous = 0
            for posting in starts[id]..<starts[id + 1] {
                let doc = Int(postings.docs[posting])
                size += SearchIndex.digits(doc - previous) + SearchIndex.digits(Int(postings.codes[posting]))
                previous = doc
            }
            if starts[id + 1] - starts[id] == SearchIndex.postingLimit, let total = postings.totals[id] { size += 1 + SearchIndex.digits(total) }
            sizeBefore.append(sizeBefore[id] + size)
        }
        self.sizeBefore = sizeBefore
    }

    /// Every token file, by name.
    mutating func shards() -> [String: SearchIndex.Shard] {
        let table = postings.table
        var leaves: [Leaf] = []
        var low = 0
        while low < table.count {
            let key = Array(table.bytes(low).prefix(2))
            var high = low + 1
            while high < table.count && table.bytes(high).starts(with: key) { high += 1 }
            place(key, low..<high, into: &leaves)
            low = high
        }
        pack(leaves)
        // Each split key's `*` list reads every posting under it, and keys nest: the lists are made side by side, a
        // share of the keys per core, each share with one table by document that every list leaves empty again.
        let postings = postings, documents = documents, ranges = splits.map(\.range)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, ranges.count))
        let shares = (0..<workers).map { Array(stride(from: $0, to: ranges.count, by: workers)) }
        let made = Parallel.map(shares) { share -> [(key: Int, star: [SearchIndex.Posting], total: Int?)] in
            var bestCode = [Int32](repeating: 0, count: documents)
            return share.map { key in
                let (star, total) = Self.star(ranges[key], postings: postings, bestCode: &bestCode)
                return (key, star, total)
            }
        }
        for (key, star, total) in made.joined() {
            let name = splits[key].name, shard = files[name]!
            files[name] = SearchIndex.Shard(split: true, prefixes: shard.prefixes, ranges: shard.ranges, star: star, starTotal: total)
        }
        return files
    }

    /// The bytes of the entries of `range` with the commas between them.
    func size(_ range: Range<Int>) -> Int {
        range.isEmpty ? 0 : sizeBefore[range.upperBound] - sizeBefore[range.lowerBound] + range.count - 1
    }

    /// The tokens beginning with `key`: a leaf for the parent to pack, or a split key's file and its children.
    mutating func place(_ key: [UInt8], _ range: Range<Int>, into leaves: inout [Leaf]) {
        let size = size(range)
        guard size + 2 > limit, range.count > 1 else {
            leaves.append(Leaf(key: key, range: range, size: size))
            return
        }
        let table = postings.table
        // The token equal to the key sorts first; it stays in the split key's own file.
        let own = table.length(range.lowerBound) == key.count ? range.lowerBound..<(range.lowerBound + 1) : range.lowerBound..<range.lowerBound
        let name = String(decoding: key, as: UTF8.self)
        files[name] = SearchIndex.Shard(split: true, prefixes: [name], ranges: [own], star: [], starTotal: nil)
        splits.append((name, range))
        var children: [Leaf] = []
        var low = own.upperBound
        while low < range.upperBound {
            let next = table.storage[table.starts[low] + key.count]
            var high = low + 1
            while high < range.upperBound && table.storage[table.starts[high] + key.count] == next { high += 1 }
            place(key + [next], low..<high, into: &children)
            low = high
        }
        pack(children)
    }

    /// Sibling leaves, in order, into files that stay under the limit (a single leaf may not).
    mutating func pack(_ leaves: [Leaf]) {
        var group: [Leaf] = []
        var size = 0
        func close() {
            guard let first = group.first else { return }
            files[String(decoding: first.key, as: UTF8.self)] = SearchIndex.Shard(
                split: false, prefixes: group.map { String(decoding: $0.key, as: UTF8.self) }, ranges: group.map(\.range),
                star: [], starTotal: nil)
            group = []
            size = 0
        }
        for leaf in leaves {
            if !group.isEmpty && size + 1 + leaf.size + 2 > limit { close() }
            size = group.isEmpty ? leaf.size : size + 1 + leaf.size
            group.append(leaf)
        }
        close()
    }

    /// A split key's `*`: each document's best place among the tokens of `range` (the earlier name word on
    /// a tie), its best `postingLimit` documents, and the count of all of them when that cut the list.
    /// `bestCode` is a table by document, all 0, that it leaves so (its best code among the tokens merged; 0: none yet).
    static func star(_ range: Range<Int>, postings: SearchPostings, bestCode: inout [Int32]) -> ([SearchIndex.Posting], Int?) {
        var touched: [Int] = []
        let postingRange = postings.starts[range.lowerBound]..<postings.starts[range.upperBound]
        // Hundreds of thousands of postings under a short key: read through pointers, each code ranked as one integer
        // (its weight, then the lower code: an earlier word of a shorter name).
        @inline(__always) func rank(_ code: Int32) -> Int { SearchIndex.fieldWeight(Int(code)) << 20 - Int(code) }
        bestCode.withUnsafeMutableBufferPointer { best in
            postings.docs.withUnsafeBufferPointer { docs in
                postings.codes.withUnsafeBufferPointer { codes in
                    for posting in postingRange {
                        let doc = Int(docs[posting]), code = codes[posting], current = best[doc]
                        if current == 0 {
                            touched.append(doc)
                            best[doc] = code
                        } else if rank(code) > rank(current) {
                            best[doc] = code
                        }
                    }
                }
            }
        }
        // In document order, so that `best` has nothing to sort: a prefix touching many documents has them read
        // off in order (one pass over every document), a smaller one sorts its few.
        if touched.count > bestCode.count / 16 {
            var doc = 0
            touched.removeAll(keepingCapacity: true)
            bestCode.withUnsafeBufferPointer { codes in
                while doc < codes.count {
                    if codes[doc] != 0 { touched.append(doc) }
                    doc += 1
                }
            }
        } else {
            touched.sort()
        }
        let merged = touched.map { (doc: $0, code: Int(bestCode[$0])) }
        for doc in touched { bestCode[doc] = 0 }
        let cut = range.compactMap { postings.totals[$0] }
        let total = merged.count > SearchIndex.postingLimit || !cut.isEmpty ? max(merged.count, cut.max() ?? 0) : nil
        return (SearchIndex.best(merged), total)
    }
}
