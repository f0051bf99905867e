import Foundation
import HandbookBuild
import HandbookModel
@testable import HandbookRender
import HandbookTestSupport
import Testing

/// Ranking and index format on `Tests/search/site`, against the table the browser's client is tested with.
@Suite struct SearchTests {
    func index(shardLimit: Int = SearchIndex.defaultShardLimit) throws -> SearchIndex {
        let result = try Pipeline.check(contentPath: SearchCases.site, today: PartialDate(year: 2026, month: 11, day: 22))
        #expect(result.errorCount == 0)
        return SearchIndex(index: SiteIndex(settings: result.settings, entities: result.entities, today: PartialDate(year: 2026, month: 11, day: 22)),
                           shardLimit: shardLimit)
    }

    /// Runs every query of the shared table: the names in order, the partial count and the words read through a typo.
    func expectTheSharedTable(_ search: SearchIndex) throws {
        for query in try SearchCases.load().queries {
            let filters = SearchIndex.Filters(type: query.filters?["type"].flatMap(TypeCatalog.standard.type(folder:)),
                                              topic: query.filters?["topic"], country: query.filters?["country"])
            let result = search.search(query.q, filters: filters)
            let label = "\(query.q) \(query.filters ?? [:])"
            #expect(result.docs.map { search.documents[$0].name } == query.expect, "\(label)")
            #expect(result.partial?.matched == query.partial, "\(label): partial")
            #expect(result.partial == nil || result.partial?.of == SearchTokenizer.tokens(query.q).count, "\(label): of every word")
            #expect(result.readAs.map { [$0.word, $0.token] } == query.readAs ?? [], "\(label): read as")
        }
    }

    @Test func queriesRankAsTheSharedTableSays() throws {
        try expectTheSharedTable(try index())
    }

    @Test func splitShardsGiveTheSameResults() throws {
        let search = try index(shardLimit: 40)
        #expect(!search.shards.filter { $0.value.split }.isEmpty, "a tiny limit splits shards")
        try expectTheSharedTable(search)
    }

    /// A token is found by its own bytes only, whatever its length: a byte changed anywhere, or one more or
    /// fewer, finds another token or none (the table compares a word at a time).
    @Test func aTokenIsFoundByItsOwnBytesOnly() {
        let alphabet = Array("abcdefghijklmnopqrstuvwx".utf8)
        let tokens = (1...alphabet.count).map { String(decoding: alphabet.prefix($0), as: UTF8.self) }
        let table = SearchTokenTable(tokens)
        for (id, token) in tokens.enumerated() {
            var bytes = Array(token.utf8)
            #expect(bytes.withUnsafeBufferPointer { table.id(of: $0) } == id, "\(token)")
            for place in bytes.indices {
                let kept = bytes[place]
                bytes[place] = UInt8(ascii: "z")
                #expect(bytes.withUnsafeBufferPointer { table.id(of: $0) } == nil, "\(token) with z at \(place)")
                bytes[place] = kept
            }
            bytes.append(UInt8(ascii: "z"))
            #expect(bytes.withUnsafeBufferPointer { table.id(of: $0) } == nil, "\(token) and z")
        }
    }

    /// Tokens given the same hash (so the same print and the same first slot) are told apart by their bytes; each is
    /// found as itself, before and after the other is added.
    @Test(arguments: [("jury", "juri"), ("a", "a\u{0}"), ("abcdefg", "abcdefgh"), ("abcdefgh", "abcdefgi")])
    func tokensWithTheSameHashAreToldApart(_ first: String, _ second: String) {
        let hash: UInt64 = 0x0123_4567_89AB_CDEF
        var table = SearchTokenTable(capacity: 1)
        let (a, b) = (Array(first.utf8), Array(second.utf8))
        #expect(a.withUnsafeBufferPointer { table.intern($0, hash: hash) } == 0)
        #expect(b.withUnsafeBufferPointer { table.id(of: $0, hash: hash) } == nil)
        #expect(b.withUnsafeBufferPointer { table.intern($0, hash: hash) } == 1)
        #expect(a.withUnsafeBufferPointer { table.id(of: $0, hash: hash) } == 0)
        #expect(b.withUnsafeBufferPointer { table.id(of: $0, hash: hash) } == 1)
    }

    @Test func aSplitKeysStarKeepsEachDocumentsBestPlace() {
        // Ids in byte order, as the index numbers them; a tiny limit splits "ju" and then "jur".
        let lists: [String: [SearchIndex.Posting]] = ["jura": [(0, 35), (1, 1)], "jury": [(0, 19), (2, 2)], "justice": [(0, 51), (3, 1)]]
        let tokens = lists.keys.sorted()
        let table = SearchTokenTable(tokens)
        var starts = [0], docs: [Int32] = [], codes: [Int32] = []
        for token in tokens {
            for posting in lists[token]! { docs.append(Int32(posting.doc)); codes.append(Int32(posting.code)) }
            starts.append(docs.count)
        }
        let postings = SearchPostings(table: table, starts: starts, docs: docs, codes: codes, totals: [:])
        var layout = SearchShardLayout(postings: postings, documents: 4, limit: 10)
        let shards = layout.shards()
        #expect(shards["ju"]?.split == true && shards["jur"]?.split == true)
        #expect(shards["jus"]?.split == false)
        let star = shards["ju"]!.star
        #expect(SearchIndex.encode(["*": star]) { _ in nil } == #"{"*":[0,19,1,1,1,2,1,1]}"#, "doc 0's best place is the earliest name word (code 19)")
    }

    @Test func siblingLeavesShareAFileWhileItStaysUnderTheLimit() throws {
        let search = try index(shardLimit: 200)
        let leaves = search.shards.filter { !$0.value.split }
        #expect(leaves.contains { $0.value.prefixes.count > 1 }, "small siblings are packed together")
        for (name, shard) in leaves {
            #expect(shard.prefixes.first == name, "a leaf file is named after its first prefix")
            #expect(shard.prefixes == shard.prefixes.sorted() && Set(shard.prefixes.map(\.count)).count == 1, "\(shard.prefixes)")
        }
        let unpacked = Set(leaves.values.flatMap(\.prefixes))
        #expect(leaves.count < unpacked.count, "fewer files than prefixes")
    }

    @Test func theFilesDoNotDependOnHowTheDocumentsWereSplitAcrossThreads() throws {
        let result = try Pipeline.check(contentPath: SearchCases.site, today: PartialDate(year: 2026, month: 11, day: 22))
        let site = SiteIndex(settings: result.settings, entities: result.entities, today: PartialDate(year: 2026, month: 11, day: 22))
        func files(_ chunks: Int) -> [String: [UInt8]] {
            Dictionary(uniqueKeysWithValues: SearchIndex(index: site, order: SearchDocuments(index: site), shardLimit: 200, chunkCount: chunks).files().map { ($0.path, $0.bytes) })
        }
        let one = files(1)
        #expect(one.keys.contains { $0.hasPrefix("search/t/") })
        for chunks in [2, 3, 11] { #expect(files(chunks) == one, "\(chunks) chunks") }
    }

    @Test func aChunkOfThousandsOfTokensGivesTheFilesOfSmallOnes() throws {
        // More distinct tokens than a chunk's builder first has room for (4,096), plurals among them, so that in one
        // chunk its slots grow while a document is read; in three, no chunk needs more room.
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try directory.write("content/handbook.yml", "title: T\n")
        func word(_ number: Int) -> String {
            var letters = "", rest = number
            repeat {
                letters.append(Character(Unicode.Scalar(UInt8(ascii: "b") + UInt8(rest % 20))))
                rest /= 20
            } while rest > 0
            return "q" + letters + (number % 5 == 0 ? "s" : "")
        }
        for document in 0..<3 {
            let words = (0..<2_500).map { word(document * 2_500 + $0) } + (0..<100).map { word($0 * 7) }
            try directory.write("content/organisations/o\(document).md",
                                "---\nname: Organisation \(document)\ncountry: GB\n---\n\n\(words.joined(separator: " "))\n")
        }
        let today = PartialDate(year: 2026, month: 11, day: 22)
        let result = try Pipeline.check(contentPath: directory.path + "/content", today: today)
        #expect(result.errorCount == 0)
        let site = SiteIndex(settings: result.settings, entities: result.entities, today: today)
        func files(_ chunks: Int) -> [String: [UInt8]] {
            Dictionary(uniqueKeysWithValues: SearchIndex(index: site, order: SearchDocuments(index: site), chunkCount: chunks).files().map { ($0.path, $0.bytes) })
        }
        let one = files(1)
        let search = SearchIndex(index: site, order: SearchDocuments(index: site), chunkCount: 1)
        // Exactly in the last document only (its neighbours one letter away, in the others, come after it).
        #expect(search.search(word(5_005)).docs.first.map { search.documents[$0].name } == "Organisation 2", "a word past the first room")
        #expect(search.search(String(word(5_005).dropLast())).docs.first.map { search.documents[$0].name } == "Organisation 2",
                "a plural's singular, past the first room")
        #expect(files(3) == one)
    }

    @Test func documentsAreNumberedByTypeThenName() throws {
        let search = try index()
        let types = search.documents.map(\.reference.type)
        let order = TypeCatalog.standard.searchOrder.map(\.type)
        #expect(types == types.sorted { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! })
        #expect(search.documents.prefix(2).map(\.name) == ["Example Jury Network", "Example Organisation for Deliberation"])
        #expect(search.typeRanges[.caseStudies]?.0 == 6)
        #expect(search.typeRanges[.caseStudies]?.1 == 8)
    }

    @Test func tiesGoToTheMostRecentlyChangedEntryOfAType() throws {
        let result = try Pipeline.check(contentPath: SearchCases.site, today: PartialDate(year: 2026, month: 11, day: 22))
        var entities = result.entities
        for index in entities.indices { entities[index].lastChanged = entities[index].name == "Sortition" ? 1_000 : 2_000 }
        let search = SearchIndex(index: SiteIndex(settings: result.settings, entities: entities, today: PartialDate(year: 2026, month: 11, day: 22)))
        // "Sortition Lab" and "Sortition" tie on "sort" (both names begin with it); the newer wins.
        #expect(search.query("sort").prefix(2).map { search.documents[$0].name } == ["Sortition Lab", "Sortition"])
        #expect(search.query("sortition").first.map { search.documents[$0].name } == "Sortition", "an exact name still comes first")
    }

    @Test func commonTokensKeepTheirBestPostings() {
        let postings = (0..<(SearchIndex.postingLimit + 50)).map { (doc: $0, code: $0 == 420 ? 19 : 1) }
        let best = SearchIndex.best(postings)
        #expect(best.count == SearchIndex.postingLimit)
        #expect(best.contains { $0.doc == 420 }, "a name match outlives body matches")
        #expect(best.map(\.doc) == best.map(\.doc).sorted())
    }

    @Test func mergingCutsCommonTokensAsBestDoes() {
        // One token in 1,500 documents, in names, details and bodies mixed; a second, rare, in a few of them.
        var generator = SplitMix64(seed: 7)
        let count = 1_500
        let codes = (0..<count).map { _ in [1, 1, 1, 2, 2, 3 + 16 * Int(generator.next() % 4) + 2][Int(generator.next() % 6)] }
        let table = SearchTokenTable(["common", "rare"])
        var ids: [Int32] = [], chunkCodes: [Int32] = [], ends: [Int] = []
        for doc in 0..<count {
            ids.append(0)
            chunkCodes.append(Int32(codes[doc]))
            if doc % 300 == 0 {
                ids.append(1)
                chunkCodes.append(2)
            }
            ends.append(ids.count)
        }
        let merged = SearchPostings(merging: [SearchPostingsChunk(table: table, ids: ids, codes: chunkCodes, ends: ends)])
        let common = Array("common".utf8).withUnsafeBufferPointer { merged.table.id(of: $0) }!
        let expected = SearchIndex.best((0..<count).map { (doc: $0, code: codes[$0]) })
        #expect(merged.postings(common).map(\.doc) == expected.map(\.doc))
        #expect(merged.postings(common).map(\.code) == expected.map(\.code))
        #expect(merged.totals[common] == count)
        let rare = Array("rare".utf8).withUnsafeBufferPointer { merged.table.id(of: $0) }!
        #expect(merged.postings(rare).map(\.doc) == [0, 300, 600, 900, 1_200])
        #expect(merged.totals[rare] == nil)
    }

    @Test func mergingInRunsGivesWhatOneRunGives() {
        // Two chunks of documents with tokens from a small vocabulary, common ones cut: merged in one run and in
        // three, every list, total and recorded token must be the same.
        var generator = SplitMix64(seed: 11)
        let words = (0..<40).map { "w\($0)" }
        func chunk(documents: Int) -> SearchPostingsChunk {
            let table = SearchTokenTable(words)
            var ids: [Int32] = [], codes: [Int32] = [], ends: [Int] = []
            for _ in 0..<documents {
                var seen = Set<Int32>()
                for _ in 0..<(1 + Int(generator.next() % 12)) {
                    // Low ids are common (in most documents), high ones rare.
                    let id = Int32(min(generator.next() % 40, generator.next() % 40))
                    guard seen.insert(id).inserted else { continue }
                    ids.append(id)
                    codes.append(Int32([1, 2, 19, 35][Int(generator.next() % 4)]))
                }
                ends.append(ids.count)
            }
            return SearchPostingsChunk(table: table, ids: ids, codes: codes, ends: ends)
        }
        let chunks = [chunk(documents: 700), chunk(documents: 900)]
        let one = SearchPostings(merging: chunks, recording: true, runCount: 1)
        let three = SearchPostings(merging: chunks, recording: true, runCount: 3)
        #expect(one.totals.count > 0, "some tokens are cut")
        #expect(one.starts == three.starts)
        #expect(one.docs == three.docs)
        #expect(one.codes == three.codes)
        #expect(one.totals == three.totals)
        #expect(one.recorded?.ids == three.recorded?.ids)
        #expect(one.recorded?.codes == three.recorded?.codes)
        #expect(one.recorded?.ends == three.recorded?.ends)
    }

    /// The result blocks and the topic and country lists read no body, which is why a rebuild after a body edit
    /// keeps them (`SearchResults` reads only front matter and times); the token files read every body.
    @Test func theDocumentsFilesReadNoBody() throws {
        let result = try Pipeline.check(contentPath: SearchCases.site, today: PartialDate(year: 2026, month: 11, day: 22))
        let edited = result.entities.map { entity in
            Entity(reference: entity.reference, path: entity.path, fields: entity.fields, body: entity.body + Array("\n\nZanzibarian.\n".utf8),
                   bodyLine: entity.bodyLine, nameField: TypeCatalog.standard[entity.reference.type].nameField, lastChanged: entity.lastChanged)
        }
        func search(_ entities: [Entity]) -> SearchIndex {
            SearchIndex(index: SiteIndex(settings: result.settings, entities: entities, today: PartialDate(year: 2026, month: 11, day: 22)))
        }
        let before = search(result.entities), after = search(edited)
        func bytes(_ files: [OutputFile]) -> [String: [UInt8]] { Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.bytes) }) }
        #expect(bytes(before.order.files()) == bytes(after.order.files()))
        #expect(before.order.files().contains { $0.path.hasPrefix("search/d/") } && before.order.files().contains { $0.path.hasPrefix("search/f/") })
        #expect(bytes(before.tokenFiles()) != bytes(after.tokenFiles()))
        #expect(after.query("zanzibarian").count == after.documents.count && before.query("zanzibarian").isEmpty)
    }

    @Test func filesFollowTheDocumentedFormat() throws {
        let search = try index()
        let files = Dictionary(uniqueKeysWithValues: search.files().map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
        let manifestText = try #require(files["search/manifest.json"])
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(manifestText.utf8)) as? [String: Any])
        #expect(manifest["docs"] as? Int == 12)
        let leaves = try #require(manifest["leaves"] as? [String])
        #expect(Set(leaves) == Set(files.keys.filter { $0.hasPrefix("search/t/") }.map { String($0.dropFirst(9).dropLast(5)) }))
        #expect(files["search/f/topic-juries.json"] == "[3,1,1,1,1]", "Jefferson, Sortition, Sortition Lab, the two case studies")
        #expect(manifest["block"] as? Int == 8)
        #expect(Set(files.keys.filter { $0.hasPrefix("search/d/") }) == ["search/d/0.json", "search/d/1.json"], "12 documents, 8 a block")
        let blockText = try #require(files["search/d/0.json"])
        let block = try #require(try JSONSerialization.jsonObject(with: Data(blockText.utf8)) as? [[String: Any]])
        #expect(block.map { $0["n"] as? String } == search.documents.prefix(8).map(\.name))
        #expect(block.first as? [String: String] == ["n": "Example Jury Network", "u": "organisations/jury-network/", "t": "organisation",
                                                     "s": "Connects organisations that use sortition.", "c": "United States"])
        // Aliases and topics (by label) let the page show why an entry matched.
        let forum = try #require(block.first { $0["n"] as? String == "Fórum dos Cidadãos Exemplo" })
        #expect(forum["a"] as? [String] == ["PB Forum"] && forum["g"] as? [String] == ["Participatory budgets"] && forum["c"] as? String == "Portugal")
        let secondText = try #require(files["search/d/1.json"])
        let second = try #require(try JSONSerialization.jsonObject(with: Data(secondText.utf8)) as? [[String: Any]])
        let bill = try #require(second.first { $0["n"] as? String == "Example Jury Bill" })
        #expect(bill["p"] as? String == "Oregon" && bill["c"] as? String == "United States", "a policy's subdivision is its place")
        let oregon = try #require(block.first { $0["n"] as? String == "Citizens' Jury in Oregon" })
        #expect(oregon["m"] as? [String] == ["Citizens' jury"])
        // The whole small index fits in one token file, named after its first prefix.
        #expect(leaves.count == 1 && (manifest["splits"] as? [String])?.isEmpty == true, "\(leaves)")
        #expect(search.file(for: "sortition")?.name == leaves.first)
        // "sortition" is in doc 0's summary (code 2) and names docs 4 and 5 (position 0, of 1 and 2 words).
        let shard = try #require(files["search/t/\(leaves[0]).json"])
        #expect(shard.contains(#""sortition":[0,2,4,4,1,5,"#), "\(shard)")
    }

    @Test func theBuiltSiteShipsTheIndexAndTheClient() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let run = runCLI(["build", "--content", SearchCases.site, "--output", directory.path + "/site"])
        #expect(run.status == 0, "\(run.err)")
        #expect(FileManager.default.fileExists(atPath: directory.path + "/site/search/manifest.json"))
        #expect(FileManager.default.fileExists(atPath: directory.path + "/site/assets/search-core.js"))
        let page = try directory.read("site/search/index.html")
        #expect(page.contains(#"<script src="../assets/search-core.js" defer></script>"#))
        #expect(page.contains(#"<option value="case-studies">Case studies</option>"#))
        #expect(page.contains(#"<option value="juries">Citizens&#39; juries</option>"#))
        #expect(page.contains(#"<option value="pt">Portugal</option>"#))
        #expect(page.contains(#"aria-live="polite""#))
        #expect(page.components(separatedBy: #"role="search""#).count == 2 && page.components(separatedBy: #"type="search""#).count == 2,
                "one search box: the page's own, not the header's too")
        let home = try directory.read("site/index.html")
        #expect(!home.contains("search-core.js"), "only the search page loads the engine")
    }

    /// The browser's engine (search-core.js, run by node) on the same table, with whole, packed and split shards.
    @Test(.needsNode) func theJavaScriptClientAgreesWithTheTable() throws {
        let node = try Self.requireNode()
        for limit in [SearchIndex.defaultShardLimit, 200, 40] {
            let directory = try TemporaryDirectory()
            defer { directory.cleanUp() }
            for file in try index(shardLimit: limit).files() { try directory.write(file.path, Data(file.bytes)) }
            let (status, output) = try Self.run(node, [directory.path])
            #expect(status == 0, "shard limit \(limit):\n\(output)")
            #expect(output.contains(" 0 failed"), "\(output)")
        }
    }

    /// The two tokenizers agree on generated text full of the cases that decide a token's end: `&` and `-`
    /// between letters, digits, spaces and each other, accents and combining marks, letters spelt out,
    /// stopwords and British endings.
    @Test(.needsNode) func theJavaScriptTokenizerAgreesOnGeneratedText() throws {
        let node = try Self.requireNode()
        let pieces = ["r", "D", "at", "T", "&", "&", "-", "-", " ", "é", "e\u{301}", "ß", "Ø", "'", "1", "20", "-", "2026", " ", "—", "mini", "public",
                      "co", "organise", "colour", "the", "an", "a", "Fórum", "日本", "x", ".", "AT&T", "e-", "-s"]
        var generator = SeededGenerator(seed: 11)
        let lines = (0..<3_000).map { _ in (0..<Int.random(in: 1...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined() }
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try directory.write("lines.txt", lines.joined(separator: "\n"))
        let (status, output) = try Self.run(node, ["--tokens", directory.path + "/lines.txt"])
        #expect(status == 0, "\(output)")
        let results = output.split(separator: "\n", omittingEmptySubsequences: false).prefix(lines.count)
        #expect(results.count == lines.count)
        for (line, result) in zip(lines, results) {
            let tokens = try JSONSerialization.jsonObject(with: Data(result.utf8)) as? [[String]]
            #expect(tokens == [SearchTokenizer.tokens(line), SearchTokenizer.indexTokens(line)], "\(line)")
        }
    }

    /// Content where one word is in more entries than a posting list keeps (`SearchIndex.postingLimit`).
    static func crowdedSearch() throws -> (search: SearchIndex, count: Int) {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try directory.write("handbook.yml", "title: Many\nbase_url: https://example.org/\n")
        let count = SearchIndex.postingLimit + 20
        for number in 0..<count {
            try directory.write("organisations/org-\(number).md", "---\nname: \"Group \(number)\"\ncountry: GB\nkind: nonprofit\nsummary: \"Runs assemblies.\"\n---\n")
        }
        try directory.write("organisations/assemblies-lab.md", "---\nname: \"Lab\"\ncountry: GB\nkind: nonprofit\n---\nIt studies assemblies.\n")
        let result = try Pipeline.check(contentPath: directory.path, today: PartialDate(year: 2026, month: 11, day: 22))
        #expect(result.errorCount == 0, "\(result.diagnostics)")
        return (SearchIndex(index: SiteIndex(settings: result.settings, entities: result.entities, today: PartialDate(year: 2026, month: 11, day: 22))), count)
    }

    @Test func aWordInMoreEntriesThanAListKeepsSaysTheResultsAreCut() throws {
        let (search, count) = try Self.crowdedSearch()
        let cut = search.search("assemblies")
        #expect(cut.docs.count == SearchIndex.postingLimit)
        #expect(!cut.complete)
        #expect(!cut.docs.contains { search.documents[$0].name == "Lab" }, "summary matches outrank a body match when the list is cut")
        #expect(search.truncated["assemblies"] == count + 1)
        #expect(search.search("lab").complete)
        #expect(!search.search("group 7").complete, "a word whose list was cut makes any query with it incomplete")
        let name = try #require(search.file(for: "assemblies")?.name)
        let shard = search.files().first { $0.path == "search/t/\(name).json" }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
        #expect(shard.contains(#""assemblies":["#))
        let list = try #require(shard.split(separator: #""assemblies":["#).last?.prefix { $0 != "]" })
        #expect(list.split(separator: ",").count == 2 * SearchIndex.postingLimit + 1 && list.hasSuffix(",\(count + 1)"), "\(list.suffix(80))")
    }

    @Test func blocksGrowOnlyInALargeHandbook() {
        #expect(SearchDocuments.blockSize(documents: 11) == 8)
        #expect(SearchDocuments.blockSize(documents: 1_068) == 8)
        #expect(SearchDocuments.blockSize(documents: 5_120) == 8, "640 blocks of 8")
        #expect(SearchDocuments.blockSize(documents: 5_121) == 16)
        #expect(SearchDocuments.blockSize(documents: 10_000) == 16, "625 blocks")
        #expect(SearchDocuments.blockSize(documents: 20_481) == 64)
    }

    @Test func resultsComeInBlocksOfDocuments() throws {
        let (search, _) = try Self.crowdedSearch()
        let files = Dictionary(uniqueKeysWithValues: search.files().map { ($0.path, $0.bytes) })
        let size = search.blockSize
        let blocks = (search.documents.count + size - 1) / size
        #expect(Set(files.keys.filter { $0.hasPrefix("search/d/") }) == Set((0..<blocks).map { "search/d/\($0).json" }))
        for block in 0..<blocks {
            let list = try #require(try JSONSerialization.jsonObject(with: Data(files["search/d/\(block).json"]!)) as? [[String: String]])
            let documents = search.documents[(block * size)..<min(search.documents.count, (block + 1) * size)]
            #expect(list.map { $0["n"] } == documents.map(\.name), "block \(block)")
        }
    }

    /// The JavaScript client reads the total of a cut list and says the results are incomplete.
    @Test(.needsNode) func theJavaScriptClientSaysTheResultsAreCut() throws {
        let node = try Self.requireNode()
        let (search, _) = try Self.crowdedSearch()
        let site = try TemporaryDirectory()
        defer { site.cleanUp() }
        for file in search.files() { try site.write(file.path, Data(file.bytes)) }
        let (status, output) = try Self.run(node, [site.path, "--query", "assemblies"])
        #expect(status == 0, "\(output)")
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == #"{"count":400,"complete":false}"#)
    }

    /// The JavaScript client reads a document from its block.
    @Test(.needsNode) func theJavaScriptClientReadsResultsFromBlocks() throws {
        let node = try Self.requireNode()
        let (search, _) = try Self.crowdedSearch()
        let site = try TemporaryDirectory()
        defer { site.cleanUp() }
        for file in search.files() { try site.write(file.path, Data(file.bytes)) }
        let (status, output) = try Self.run(node, [site.path, "--document", "\(search.blockSize + 3)"])
        #expect(status == 0, "\(output)")
        #expect(output.contains(#""n":"\#(search.documents[search.blockSize + 3].name)""#), "\(output)")
    }

    @Test func shardsEncodeDeltasAndTheTotalOfACutList() {
        #expect(SearchIndex.encode(["ab": [(3, 1), (5, 19)], "ac": [(0, 2)]]) { $0 == "ab" ? 900 : nil } == #"{"ab":[3,1,2,19,900],"ac":[0,2]}"#)
    }

    /// `node` on PATH, or nil.
    static var node: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/local/bin"
        return path.split(separator: ":").map { $0 + "/node" }.first(where: FileManager.default.isExecutableFile)
    }

    /// True when the browser-side tools must be present (`HANDBOOK_REQUIRE_BROWSER=1`, set by `.ci/run`).
    static var isBrowserRequired: Bool { ProcessInfo.processInfo.environment["HANDBOOK_REQUIRE_BROWSER"] == "1" }

    /// `node`, failing the test when it is missing (a `.needsNode` test only runs without it when it is required).
    static func requireNode(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        try #require(node, "HANDBOOK_REQUIRE_BROWSER=1 but node is missing (apt-get install nodejs)", sourceLocation: sourceLocation)
    }

    /// Runs Tests/search/run_js.js with `arguments`; its exit status and output.
    static func run(_ node: String, _ arguments: [String]) throws -> (Int32, String) {
        try Subprocess.run(node, [SharedFolder.packageRoot.appendingPathComponent("Tests/search/run_js.js").path] + arguments)
    }
}

extension Trait where Self == ConditionTrait {
    /// Skips a test, reported as skipped rather than passed, when `node` is missing, unless the run requires
    /// the browser-side tools (`HANDBOOK_REQUIRE_BROWSER=1`): then it runs and fails.
    static var needsNode: Self {
        .enabled(if: SearchTests.node != nil || SearchTests.isBrowserRequired, "node is missing (apt-get install nodejs), so the JavaScript search client is not tested")
    }
}
