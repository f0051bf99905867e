import Foundation
import HandbookModel
import Mustache

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
    /// With `recording`, each document's tokens, in document order, in `table`'s ids.
    private(set) var recorded: SearchPostingsChunk?

    /// Postings as they are (for tests).
    init(table: SearchTokenTable, starts: [Int], docs: [Int32], codes: [Int32], totals: [Int: Int]) {
        self.table = table
        self.starts = starts
        self.docs = docs
        self.codes = codes
        self.totals = totals
    }

    /// Where one document's tokens are: a chunk, and the document's place in it.
    struct Source {
        var chunk: Int
        var doc: Int
    }

    /// Every document of `chunks`, chunk after chunk, in order.
    static func consecutive(_ chunks: [SearchPostingsChunk]) -> [Source] {
        chunks.indices.flatMap { chunk in chunks[chunk].ends.indices.map { Source(chunk: chunk, doc: $0) } }
    }

    /// Merges the chunks' documents listed in `sources` (document ids in that order; a chunk may hold others,
    /// which are left out): their tables into one, ids renumbered in byte order, with only the tokens some
    /// listed document has, and their tokens into postings by token (counted, then filled in document order,
    /// so each token's list is sorted without sorting). With `recording`, each document's tokens in the
    /// merged table are kept too (`recorded`), for the next build. The postings are filled in `runCount` runs of
    /// documents side by side (by default one per core, of 1,024 documents or more; the result does not depend on it).
    init(merging chunks: [SearchPostingsChunk], sources: [Source]? = nil, recording: Bool = false, runCount: Int? = nil) {
        let sources = sources ?? Self.consecutive(chunks)
        // The tokens the listed documents have, by chunk (a kept chunk also holds documents since changed).
        var used = chunks.map { [Bool](repeating: false, count: $0.table.count) }
        for source in sources {
            let chunk = chunks[source.chunk]
            used[source.chunk].withUnsafeMutableBufferPointer { used in
                chunk.ids.withUnsafeBufferPointer { ids in
                    for position in chunk.range(source.doc) { used[Int(ids[position])] = true }
                }
            }
        }
        var merged = SearchTokenTable(capacity: chunks.map(\.table.count).max() ?? 64)
        let remaps = chunks.indices.map { index in
            let chunk = chunks[index]
            return (0..<chunk.table.count).map { id in
                used[index][id] ? chunk.table.bytes(id).withUnsafeBufferPointer { merged.intern($0) } : -1
            }
        }
        let order = Self.sortedIDs(merged)
        var table = SearchTokenTable(capacity: merged.count)
        for id in order { _ = merged.bytes(id).withUnsafeBufferPointer { table.intern($0) } }
        var rank = [Int](repeating: 0, count: merged.count)
        for (position, id) in order.enumerated() { rank[id] = position }
        // Each chunk's local ids as final ids.
        let finals = remaps.map { remap in remap.map { Int32($0 < 0 ? -1 : rank[$0]) } }
        // Postings by token, counted first, then filled in document order. A token in more than `postingLimit`
        // documents keeps its best ones: its whole list is filled apart and cut afterwards; the others are filled
        // where they stay.
        let limit = SearchIndex.postingLimit
        // The documents in a few runs, one per core, each counted and filled on its own: a run's postings of a token
        // go after the earlier runs' (their counts say where), so each token's list is still in document order.
        let runCount = max(1, min(runCount ?? min(ProcessInfo.processInfo.activeProcessorCount, sources.count / 1_024), sources.count))
        let runs = (0..<runCount).map { sources.count * $0 / runCount..<sources.count * ($0 + 1) / runCount }
        let tokenCount = table.count
        let runCounts = Parallel.map(runs) { run -> [Int32] in
            var counts = [Int32](repeating: 0, count: tokenCount)
            counts.withUnsafeMutableBufferPointer { counts in
                Self.forEachToken(of: sources, run, in: chunks, finals: finals) { _, id, _ in counts[Int(id)] += 1 }
            }
            return counts
        }
        var counts = [Int](repeating: 0, count: tokenCount)
        for run in runCounts { for id in 0..<tokenCount { counts[id] += Int(run[id]) } }
        var starts = [Int](repeating: 0, count: tokenCount + 1), cutStarts = [Int](repeating: 0, count: tokenCount + 1)
        for id in 0..<tokenCount {
            starts[id + 1] = starts[id] + min(counts[id], limit)
            cutStarts[id + 1] = cutStarts[id] + (counts[id] > limit ? counts[id] : 0)
        }
        let isCut = counts.map { $0 > limit }
        // Where each run's first posting of each token goes: in `docs`, or in `cutDocs` for a token to be cut.
        var runFills: [[Int]] = []
        var fill = (0..<tokenCount).map { isCut[$0] ? cutStarts[$0] : starts[$0] }
        for run in runCounts {
            runFills.append(fill)
            for id in 0..<tokenCount { fill[id] += Int(run[id]) }
        }
        // With `recording`, every listed document's tokens, one document after another, in final ids: what the
        // next build keeps.
        var keptEnds: [Int] = []
        if recording {
            var end = 0
            keptEnds = sources.map { source in
                end += chunks[source.chunk].range(source.doc).count
                return end
            }
        }
        var docs = [Int32](repeating: 0, count: starts[tokenCount]), codes = docs
        var cutDocs = [Int32](repeating: 0, count: cutStarts[tokenCount]), cutCodes = cutDocs
        var keptIDs = [Int32](repeating: 0, count: keptEnds.last ?? 0), keptCodes = keptIDs
        let ends = keptEnds, fills = runFills
        docs.withUnsafeMutableBufferPointer { docs in
            codes.withUnsafeMutableBufferPointer { codes in
                cutDocs.withUnsafeMutableBufferPointer { cutDocs in
                    cutCodes.withUnsafeMutableBufferPointer { cutCodes in
                        keptIDs.withUnsafeMutableBufferPointer { keptIDs in
                            keptCodes.withUnsafeMutableBufferPointer { keptCodes in
                                // Each run writes only its own places: its tokens' slots past the earlier runs', and
                                // its own documents' stretch of the kept tokens.
                                let out = Output(docs: docs, codes: codes, cutDocs: cutDocs, cutCodes: cutCodes, keptIDs: keptIDs,
                                                 keptCodes: keptCodes)
                                _ = Parallel.map(Array(runs.indices)) { number -> Bool in
                                    let run = runs[number]
                                    var fill = fills[number]
                                    var next = run.lowerBound == 0 ? 0 : (recording ? ends[run.lowerBound - 1] : 0)
                                    isCut.withUnsafeBufferPointer { isCut in
                                        fill.withUnsafeMutableBufferPointer { fill in
                                            Self.forEachToken(of: sources, run, in: chunks, finals: finals) { doc, raw, code in
                                                let id = Int(raw)
                                                if isCut[id] {
                                                    out.cutDocs[fill[id]] = Int32(doc)
                                                    out.cutCodes[fill[id]] = code
                                                } else {
                                                    out.docs[fill[id]] = Int32(doc)
                                                    out.codes[fill[id]] = code
                                                }
                                                fill[id] += 1
                                                if recording {
                                                    out.keptIDs[next] = raw
                                                    out.keptCodes[next] = code
                                                    next += 1
                                                }
                                            }
                                        }
                                    }
                                    return true
                                }
                            }
                        }
                    }
                }
            }
        }
        var totals: [Int: Int] = [:]
        let cutIDs = (0..<table.count).filter { isCut[$0] }
        for id in cutIDs { totals[id] = counts[id] }
        let (listStarts, cutListStarts) = (starts, cutStarts)
        // The common tokens are cut side by side: each writes only its own stretch of the lists.
        docs.withUnsafeMutableBufferPointer { docs in
            codes.withUnsafeMutableBufferPointer { codes in
                cutDocs.withUnsafeBufferPointer { fromDocs in
                    cutCodes.withUnsafeBufferPointer { fromCodes in
                        let out = CutLists(docs: docs, codes: codes, cutDocs: fromDocs, cutCodes: fromCodes)
                        _ = Parallel.map(cutIDs) { id -> Bool in
                            Self.cut(out, cutListStarts[id]..<cutListStarts[id + 1], at: listStarts[id])
                            return true
                        }
                    }
                }
            }
        }
        self.init(table: table, starts: starts, docs: docs, codes: codes, totals: totals)
        if recording { recorded = SearchPostingsChunk(table: table, ids: keptIDs, codes: keptCodes, ends: keptEnds) }
    }

    /// Writes the best `SearchIndex.postingLimit` postings of `range` of `out`'s cut lists (in document order, each
    /// document once) into its lists at `start`, in document order, as `SearchIndex.best` chooses them, with nothing
    /// allocated.
    private static func cut(_ out: CutLists, _ range: Range<Int>, at start: Int) {
        let fromCodes = UnsafeBufferPointer(rebasing: out.cutCodes[range])
        var quota = SearchIndex.CutQuota(codes: fromCodes.lazy.map { Int($0) })
        var next = start
        for position in range where quota.take(Int(out.cutCodes[position])) {
            out.docs[next] = out.cutDocs[position]
            out.codes[next] = out.cutCodes[position]
            next += 1
        }
    }

    /// The common tokens' whole lists and the lists they are cut into, each token its own stretch of both: shared
    /// between threads by design.
    private struct CutLists: @unchecked Sendable {
        let docs: UnsafeMutableBufferPointer<Int32>
        let codes: UnsafeMutableBufferPointer<Int32>
        let cutDocs: UnsafeBufferPointer<Int32>
        let cutCodes: UnsafeBufferPointer<Int32>
    }

    /// The arrays a merge's runs fill, each run its own places: shared between threads by design.
    private struct Output: @unchecked Sendable {
        let docs: UnsafeMutableBufferPointer<Int32>
        let codes: UnsafeMutableBufferPointer<Int32>
        let cutDocs: UnsafeMutableBufferPointer<Int32>
        let cutCodes: UnsafeMutableBufferPointer<Int32>
        let keptIDs: UnsafeMutableBufferPointer<Int32>
        let keptCodes: UnsafeMutableBufferPointer<Int32>
    }

    /// Calls `body` with the number of each listed document of `run` (positions in `sources`) and each of its tokens,
    /// as a final id, with its code, in document order.
    @inline(__always)
    private static func forEachToken(of sources: [Source], _ run: Range<Int>, in chunks: [SearchPostingsChunk], finals: [[Int32]],
                                     _ body: (Int, Int32, Int32) -> Void) {
        for doc in run {
            let source = sources[doc]
            let chunk = chunks[source.chunk]
            finals[source.chunk].withUnsafeBufferPointer { final in
                chunk.ids.withUnsafeBufferPointer { ids in
                    chunk.codes.withUnsafeBufferPointer { codes in
                        for position in chunk.range(source.doc) { body(doc, final[Int(ids[position])], codes[position]) }
                    }
                }
            }
        }
    }

    /// Appends token `id`'s entry of a token file (`SearchIndex.encode(_:docs:codes:total:into:)`), from the flat arrays.
    func encode(_ id: Int, into out: inout ByteBuffer) {
        let range = starts[id]..<starts[id + 1]
        // Only a cut list, exactly `postingLimit` long, has a total.
        let total = range.count == SearchIndex.postingLimit ? totals[id] : nil
        table.storage.withUnsafeBufferPointer { storage in
            docs.withUnsafeBufferPointer { docs in
                codes.withUnsafeBufferPointer { codes in
                    SearchIndex.encode(UnsafeBufferPointer(rebasing: storage[table.starts[id]..<table.starts[id + 1]]),
                                       docs: UnsafeBufferPointer(rebasing: docs[range]), codes: UnsafeBufferPointer(rebasing: codes[range]),
                                       total: total, into: &out)
                }
            }
        }
    }

    /// Adds tokens `ids` (consecutive), their postings and the totals of cut lists to `digest`: each token's length
    /// and posting count, then the tokens' bytes and their postings' documents and codes in one run each (the flat
    /// arrays hold a range of tokens contiguously).
    func digest(_ ids: Range<Int>, into digest: inout ByteDigest) {
        digest.add(Int64(ids.count))
        guard !ids.isEmpty else { return }
        for id in ids {
            digest.add(Int64(table.starts[id + 1] - table.starts[id]))
            let count = starts[id + 1] - starts[id]
            digest.add(Int64(count))
            if count == SearchIndex.postingLimit { digest.add(Int64(totals[id] ?? -1)) }
        }
        let postings = starts[ids.lowerBound]..<starts[ids.upperBound]
        table.storage.withUnsafeBufferPointer { storage in
            digest.add(UnsafeBufferPointer(rebasing: storage[table.starts[ids.lowerBound]..<table.starts[ids.upperBound]]))
        }
        docs.withUnsafeBytes { digest.add(UnsafeRawBufferPointer(rebasing: $0[(4 * postings.lowerBound)..<(4 * postings.upperBound)])) }
        codes.withUnsafeBytes { digest.add(UnsafeRawBufferPointer(rebasing: $0[(4 * postings.lowerBound)..<(4 * postings.upperBound)])) }
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
