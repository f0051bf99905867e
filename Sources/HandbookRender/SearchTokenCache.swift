import Foundation
import HandbookModel

/// Each document's search tokens from one build, kept for the next so that it tokenizes only the documents
/// whose text changed: every document's key (`SearchPostingsChunk.key`, a digest of every text the index reads
/// of it, with its place) and its tokens with their codes, in one token table. Tokenizing is most of the search
/// index's time, and a rebuild after one edit would otherwise read every body again.
///
/// A document may also have a *quick key* (`SearchTokenStore.quickKey(of:)`): a digest of what the whole site
/// is made from apart from bodies and exact times, its path and its body's digest, all of which the build has
/// digested already. Two documents with the same quick key read the same texts, so a rebuild finds an unchanged
/// document's key, and its tokens, without reading its texts again.
///
/// Kept as flat arrays in one file: a header (this format's version and the tool that made it, since another
/// tokenizer would read the same text otherwise), seven counts, then the tokens' bytes, where each token ends,
/// the keys, the quick keys (none, or one per document), the token files' digests, their names' bytes and where
/// each name ends, where each document's tokens end, and the tokens and codes themselves, in this machine's byte
/// order (a file from another byte order is not read). A file that does not add up is not read either.
public struct SearchTokenCache: Sendable {
    /// The documents' tokens, in the order they were indexed.
    let chunk: SearchPostingsChunk
    /// Each document's key, in the same order.
    let keys: [ByteDigest]
    /// Key → the document's place in `chunk` (the first, when two documents have the same text).
    let documents: [ByteDigest: Int]
    /// Each document's quick key, in the same order; empty when the build had none.
    let quickKeys: [ByteDigest]
    /// Quick key → the document's place in `chunk`.
    let quickDocuments: [ByteDigest: Int]
    /// The digest of each token file the build wrote (`SearchIndex.digest(of:)`), by name: the next build keeps a
    /// token file whose digest is the same.
    var shardDigests: [String: ByteDigest] = [:]

    /// The documents of `chunk`, under `keys` and, when given, `quickKeys`.
    init(chunk: SearchPostingsChunk, keys: [ByteDigest], quickKeys: [ByteDigest] = []) {
        self.chunk = chunk
        self.keys = keys
        self.quickKeys = quickKeys.count == keys.count ? quickKeys : []
        documents = Self.places(keys)
        quickDocuments = Self.places(self.quickKeys)
    }

    /// Each key's first place.
    private static func places(_ keys: [ByteDigest]) -> [ByteDigest: Int] {
        var places: [ByteDigest: Int] = [:]
        places.reserveCapacity(keys.count)
        for (doc, key) in keys.enumerated() where places[key] == nil { places[key] = doc }
        return places
    }

    /// How many documents it holds.
    public var count: Int { keys.count }

    private static let header = "handbook-search-tokens 3\n"
    private static let byteOrder: UInt64 = 0x0102_0304_0506_0708

    /// The file's bytes; `tool` names the tool that made them.
    public func encoded(tool: String) -> [UInt8] {
        let table = chunk.table
        var out: [UInt8] = Array((Self.header + tool + "\n").utf8)
        out.reserveCapacity(out.count + 48 + table.storage.count + 4 * (table.count + 1) + 20 * keys.count + 8 * chunk.ids.count)
        func put<T>(_ values: [T]) { values.withUnsafeBytes { out.append(contentsOf: $0) } }
        let names = shardDigests.keys.sorted()
        let nameBytes = names.flatMap { Array($0.utf8) }
        put([Self.byteOrder, UInt64(table.count), UInt64(table.storage.count), UInt64(keys.count), UInt64(quickKeys.count),
             UInt64(names.count), UInt64(nameBytes.count), UInt64(chunk.ids.count)])
        put(table.storage)
        put(table.starts.map { Int32($0) })
        for digests in [keys, quickKeys, names.map { shardDigests[$0]! }] {
            var lanes: [UInt64] = []
            lanes.reserveCapacity(2 * digests.count)
            for key in digests {
                lanes.append(key.high)
                lanes.append(key.low)
            }
            put(lanes)
        }
        put(nameBytes)
        var end = 0
        put(names.map { name -> Int32 in
            end += name.utf8.count
            return Int32(end)
        })
        put(chunk.ends.map { Int32($0) })
        put(chunk.ids)
        put(chunk.codes.map { UInt16(truncatingIfNeeded: $0) })
        return out
    }

    /// Reads a file made by `encoded(tool:)` with the same `tool`; nil for any other bytes.
    public init?(decoding bytes: [UInt8], tool: String) {
        let expected = Array((Self.header + tool + "\n").utf8)
        guard bytes.count >= expected.count + 40, bytes[..<expected.count].elementsEqual(expected) else { return nil }
        var reader = Reader(bytes: bytes, offset: expected.count)
        guard let counts: [UInt64] = reader.read(8), counts[0] == Self.byteOrder,
              counts[1...].allSatisfy({ $0 < UInt64(Int32.max) }) else { return nil }
        let (tokenCount, storageCount, documentCount, quickCount) = (Int(counts[1]), Int(counts[2]), Int(counts[3]), Int(counts[4]))
        let (shardCount, nameCount, postingCount) = (Int(counts[5]), Int(counts[6]), Int(counts[7]))
        guard quickCount == 0 || quickCount == documentCount,
              let storage: [UInt8] = reader.read(storageCount), let starts: [Int32] = reader.read(tokenCount + 1),
              let lanes: [UInt64] = reader.read(2 * documentCount), let quickLanes: [UInt64] = reader.read(2 * quickCount),
              let shardLanes: [UInt64] = reader.read(2 * shardCount), let nameBytes: [UInt8] = reader.read(nameCount),
              let nameEnds: [Int32] = reader.read(shardCount),
              zip([0] + nameEnds, nameEnds).allSatisfy({ $0 <= $1 }), (nameEnds.last ?? 0) == Int32(nameCount),
              let ends: [Int32] = reader.read(documentCount),
              let ids: [Int32] = reader.read(postingCount), let codes: [UInt16] = reader.read(postingCount),
              reader.offset == bytes.count else { return nil }
        // Every index the build will follow must be in bounds: a damaged file is ignored, never trusted.
        guard starts.first == 0, starts.last == Int32(storageCount), zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }),
              zip([0] + ends, ends).allSatisfy({ $0 <= $1 }), (ends.last ?? 0) == Int32(postingCount),
              ids.allSatisfy({ $0 >= 0 && $0 < Int32(tokenCount) }) else { return nil }
        var table = SearchTokenTable(capacity: tokenCount)
        for id in 0..<tokenCount {
            let token = storage[Int(starts[id])..<Int(starts[id + 1])]
            guard token.withUnsafeBufferPointer({ table.intern($0) }) == id else { return nil }
        }
        let keys = (0..<documentCount).map { ByteDigest(high: lanes[2 * $0], low: lanes[2 * $0 + 1]) }
        let quickKeys = (0..<quickCount).map { ByteDigest(high: quickLanes[2 * $0], low: quickLanes[2 * $0 + 1]) }
        self.init(chunk: SearchPostingsChunk(table: table, ids: ids, codes: codes.map { Int32($0) }, ends: ends.map { Int($0) }),
                  keys: keys, quickKeys: quickKeys)
        for (number, end) in nameEnds.enumerated() {
            let name = String(decoding: nameBytes[Int(number == 0 ? 0 : nameEnds[number - 1])..<Int(end)], as: UTF8.self)
            shardDigests[name] = ByteDigest(high: shardLanes[2 * number], low: shardLanes[2 * number + 1])
        }
    }

    /// Reads arrays of fixed-size values one after another.
    private struct Reader {
        let bytes: [UInt8]
        var offset: Int

        mutating func read<T>(_ count: Int) -> [T]? {
            let size = count * MemoryLayout<T>.stride
            guard count >= 0, size <= bytes.count - offset else { return nil }
            let values = bytes.withUnsafeBytes { raw in
                [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + size)]))
                    initialized = count
                }
            }
            offset += size
            return values
        }
    }
}
