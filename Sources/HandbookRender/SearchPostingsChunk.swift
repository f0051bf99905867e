import Foundation
import HandbookModel
import Mustache

/// The tokens of a run of documents, found on one thread: a token table of its own (the index merges
/// the chunks' tables in order afterwards) and each document's tokens as integer ids with their best
/// code, so no String is made per token and no dictionary is keyed by one.
struct SearchPostingsChunk: Sendable {
    /// The chunk's tokens; ids are local to the chunk.
    let table: SearchTokenTable
    /// Each document's tokens, one document after another: local token id …
    let ids: [Int32]
    /// … and its best code (see `SearchIndex`).
    let codes: [Int32]
    /// Where each document's tokens end in `ids`.
    let ends: [Int]
    /// Bytes of text tokenized.
    let bytes: Int
    /// The thread's CPU seconds spent tokenizing them.
    let seconds: Double

    /// Tokenizes `entities`: names (and aliases), then details, then bodies, each token with its best code per document.
    init(_ entities: some Collection<Entity>, index: SiteIndex) {
        let started = Self.threadSeconds()
        var builder = Builder()
        defer { builder.deallocate() }
        // Room for the chunk's postings asked for once, from the length of its bodies: grown by doubling, its lists
        // were copied a dozen times and took twice their room in memory touched for the first time (which the kernel
        // clears, and on a virtual machine the host may fault in, page by page). A document has about one distinct
        // token for every twelve bytes of its text (one for sixteen in real entries): room for one for every ten bytes
        // of body is enough, and a chunk with more still grows.
        let expected = entities.reduce(0) { $0 + $1.body.count / 10 + 32 }
        builder.ids.reserveCapacity(expected)
        builder.codes.reserveCapacity(expected)
        builder.ends.reserveCapacity(entities.count)
        for entity in entities {
            Self.texts(of: entity, index: index) { place, text in
                switch place {
                case .name: builder.addName(text)
                case .detail:
                    builder.code = 2
                    builder.tokenize(text)
                case .body:
                    builder.code = 1
                    builder.tokenize(text)
                }
            }
            builder.endDocument()
        }
        self.table = builder.table
        self.ids = builder.ids
        self.codes = builder.codes
        self.ends = builder.ends
        self.bytes = builder.bytes
        self.seconds = Self.threadSeconds() - started
    }

    /// Documents' tokens as they are (a kept `SearchTokenCache`'s).
    init(table: SearchTokenTable, ids: [Int32], codes: [Int32], ends: [Int]) {
        self.table = table
        self.ids = ids
        self.codes = codes
        self.ends = ends
        self.bytes = 0
        self.seconds = 0
    }

    /// The positions in `ids` and `codes` of document `doc`'s tokens.
    func range(_ doc: Int) -> Range<Int> {
        (doc == 0 ? 0 : ends[doc - 1])..<ends[doc]
    }

    /// Where in a document a text is read: its names weigh most, then its details, then its body.
    enum Place: Int64 { case name, detail, body }

    /// Every text the index reads of `entity`, in the order it reads them, each with its place: the one
    /// definition of a document's text, for tokenizing it and for the key it is kept under between builds.
    static func texts(of entity: Entity, index: SiteIndex, _ visit: (Place, UnsafeBufferPointer<UInt8>) -> Void) {
        func read(_ place: Place, _ text: String) {
            text.withUTF8Bytes { visit(place, $0) }
        }
        // Another name an entry is known by weighs as its name: "PB" alone is as good as the whole name.
        read(.name, entity.name)
        for alias in (entity[.aliases]?.list ?? []).compactMap(\.text) { read(.name, alias) }
        read(.detail, index.descriptor(entity.reference).singular)
        if let summary = entity[.summary]?.text { read(.detail, summary) }
        if let country = entity[.country]?.text { read(.detail, Formatting.country(country)) }
        if let region = entity[.region]?.text { read(.detail, Formatting.region(region)) }
        if let jurisdiction = entity[.jurisdiction]?.text { read(.detail, Formatting.jurisdiction(jurisdiction)) }
        if let city = entity[.city]?.text ?? entity[.place]?.text { read(.detail, city) }
        if let kind = entity[.kind]?.text { read(.detail, kind) }
        for topic in (entity[.topics]?.list ?? []).compactMap(\.text) { read(.detail, index.settings.topicLabel(topic)) }
        for method in (entity[.methods]?.list ?? []).compactMap(\.text) { read(.detail, index.settings.methodLabel(method)) }
        for reference in entity.references { if let target = index.entity(reference) { read(.detail, target.name) } }
        // The body as a reader sees it: its links' addresses and left-out HTML are not words of the entry.
        entity.body.withUnsafeBufferPointer { MarkdownText.forEachRun(in: $0) { visit(.body, $0) } }
    }

    /// A digest of every text the index reads of `entity`, with its place: two documents with the same key
    /// have the same tokens.
    static func key(of entity: Entity, index: SiteIndex) -> ByteDigest {
        var digest = ByteDigest()
        texts(of: entity, index: index) { place, text in
            digest.add(place.rawValue)
            digest.add(text)
        }
        return digest
    }

    /// Receives the tokens of one document after another; the state is in one value, so the hot path
    /// has no captured variables (and no runtime exclusivity checks).
    private struct Builder: SearchTokenizer.Sink {
        var table = SearchTokenTable(capacity: 4096)
        var ids: [Int32] = []
        var codes: [Int32] = []
        var ends: [Int] = []
        var bytes = 0
        /// The code of the text being read; 0 while reading a name, whose tokens go to `name`.
        var code: Int32 = 0
        /// The name's tokens, in order, and its compounds' joined forms with the position of their first part.
        var name: [Int] = []
        var joined: [(id: Int, position: Int)] = []
        /// By local id (`count` of them): the best code in the current document (0: not in it yet), and the id of
        /// the token's singular (-2: not looked at yet, -1: none). In storage of the builder's own, which
        /// `deallocate()` frees: they are read and written for every token, and each write to an array checked
        /// that the array was not shared first.
        var slots = UnsafeMutablePointer<Slot>.allocate(capacity: 4096)
        var count = 0
        var capacity = 4096
        /// The ids with a code in the current document (at most `count`), in storage of the same size.
        var touched = UnsafeMutablePointer<Int32>.allocate(capacity: 4096)
        var touchedCount = 0
        var scratch: [UInt8] = []

        struct Slot {
            var best: Int32
            var singular: Int32
        }

        /// Frees the slots and the touched ids; the builder is not used after.
        func deallocate() {
            slots.deallocate()
            touched.deallocate()
        }

        /// Adds a name's tokens with their codes: each word's position and the name's length in words
        /// (a compound's joined form takes its first part's position, so it moves no word).
        mutating func addName(_ text: UnsafeBufferPointer<UInt8>) {
            code = 0
            name.removeAll(keepingCapacity: true)
            joined.removeAll(keepingCapacity: true)
            tokenize(text)
            let length = Int32(min(name.count, 15))
            for (position, id) in name.enumerated() where position < 16 { add(id, 3 + 16 * Int32(position) + length) }
            for (id, position) in joined where position < 16 { add(id, 3 + 16 * Int32(position) + length) }
        }

        mutating func tokenize(_ text: UnsafeBufferPointer<UInt8>) {
            bytes += text.count
            SearchTokenizer.forEachToken(in: text, joiningCompounds: true, into: &self)
        }

        mutating func take(_ token: UnsafeBufferPointer<UInt8>, hash: UInt64) {
            let id = intern(token, hash: hash)
            if code == 0 { name.append(id) } else { add(id, code) }
        }

        mutating func takeJoined(_ token: UnsafeBufferPointer<UInt8>, hash: UInt64, parts: Int) {
            let id = intern(token, hash: hash)
            if code == 0 { joined.append((id, name.count - parts)) } else { add(id, code) }
        }

        // Interning, adding and putting run for every token (2.8 million a build at 10,000 entries): inlined where a token
        // is handed over, so that no call saves and restores the builder's registers around them.
        @inline(__always)
        mutating func intern(_ token: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
            let id = table.intern(token, hash: hash)
            if id == count {
                if count == capacity { grow() }
                (slots + count).initialize(to: Slot(best: 0, singular: -2))
                count += 1
            }
            return id
        }

        /// The token, and its singular when it is a plural.
        @inline(__always)
        mutating func add(_ id: Int, _ code: Int32) {
            put(id, code)
            var singular = slots[id].singular
            if singular == -2 {
                // Read in place (the singular goes to `scratch`, and the table changes only once it is read).
                let found = table.bytes(id).withUnsafeBufferPointer { SearchTokenizer.singular($0, into: &scratch) }
                singular = found ? Int32(scratch.withUnsafeBufferPointer { intern($0, hash: SearchTokenTable.hash($0)) }) : -1
                slots[id].singular = singular
            }
            if singular >= 0 { put(Int(singular), code) }
        }

        /// Keeps `code` for the token unless it already has one in as good a place.
        @inline(__always)
        mutating func put(_ id: Int, _ code: Int32) {
            precondition(id >= 0 && id < count, "a token id the builder did not give")
            let current = slots[id].best
            if current == 0 {
                touched[touchedCount] = Int32(id)
                touchedCount += 1
            } else if SearchIndex.fieldWeight(Int(current)) >= SearchIndex.fieldWeight(Int(code)) {
                return
            }
            slots[id].best = code
        }

        mutating func endDocument() {
            // Each id is touched once a document, so there are at most `count`; ids and codes grow once a document.
            let touched = UnsafeBufferPointer(start: self.touched, count: touchedCount), slots = self.slots
            ids.append(contentsOf: touched)
            let start = codes.count
            codes.append(contentsOf: repeatElement(0, count: touched.count))
            codes.withUnsafeMutableBufferPointer { codes in
                for (offset, id) in touched.enumerated() {
                    codes[start + offset] = slots[Int(id)].best
                    slots[Int(id)].best = 0
                }
            }
            touchedCount = 0
            ends.append(ids.count)
        }

        /// Doubles the room for slots (and touched ids, of which there are never more).
        private mutating func grow() {
            let larger = UnsafeMutablePointer<Slot>.allocate(capacity: capacity * 2)
            larger.moveInitialize(from: slots, count: count)
            slots.deallocate()
            slots = larger
            let largerTouched = UnsafeMutablePointer<Int32>.allocate(capacity: capacity * 2)
            largerTouched.moveInitialize(from: touched, count: touchedCount)
            touched.deallocate()
            touched = largerTouched
            capacity *= 2
        }
    }

    /// The calling thread's CPU time in seconds: what tokenizing cost, whatever else shares the cores.
    static func threadSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
