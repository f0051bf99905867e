import Foundation
import HandbookBuild
import HandbookModel
@testable import HandbookRender
import HandbookTestSupport
import XCTest

/// Ranking and index format on `Tests/search/site`, against the table the browser's client is tested with.
final class SearchTests: XCTestCase {
    func index(shardLimit: Int = SearchIndex.defaultShardLimit) throws -> SearchIndex {
        let result = try Pipeline.check(contentPath: SearchCases.site, today: PartialDate(year: 2026, month: 11, day: 22))
        XCTAssertEqual(result.errorCount, 0)
        return SearchIndex(index: SiteIndex(settings: result.settings, entities: result.entities, today: PartialDate(year: 2026, month: 11, day: 22)),
                           shardLimit: shardLimit)
    }

    func names(_ search: SearchIndex, _ query: SearchCases.Query) -> [String] {
        let filters = SearchIndex.Filters(type: query.filters?["type"].flatMap(TypeCatalog.standard.type(folder:)),
                                          topic: query.filters?["topic"], country: query.filters?["country"])
        return search.query(query.q, filters: filters).map { search.documents[$0].name }
    }

    func testQueriesRankAsTheSharedTableSays() throws {
        let search = try index()
        for query in try SearchCases.load().queries {
            XCTAssertEqual(names(search, query), query.expect, "\(query.q) \(query.filters ?? [:])")
        }
    }

    func testSplitShardsGiveTheSameResults() throws {
        let search = try index(shardLimit: 40)
        XCTAssertFalse(search.shards.filter { $0.value.split }.isEmpty, "a tiny limit splits shards")
        for query in try SearchCases.load().queries {
            XCTAssertEqual(names(search, query), query.expect, "\(query.q) \(query.filters ?? [:])")
        }
    }

    func testSplittingDoesNotDependOnTheOrderOfTokens() {
        // Hash order differs between runs; the same tokens in any order must give the same shards.
        let postings: [String: [SearchIndex.Posting]] = ["jura": [(0, 35), (1, 1)], "jury": [(0, 19), (2, 2)], "justice": [(0, 51), (3, 1)]]
        func encoded(_ tokens: [String]) -> [String: String] {
            var shards: [String: (split: Bool, tokens: [String: [SearchIndex.Posting]])] = [:]
            var truncated: [String: Int] = [:]
            SearchIndex.shard("ju", tokens, postings, limit: 10, into: &shards, truncated: &truncated)
            return shards.mapValues { SearchIndex.encode($0.tokens) { _ in nil } }
        }
        let forward = encoded(["jura", "jury", "justice"])
        XCTAssertEqual(forward, encoded(["justice", "jury", "jura"]))
        XCTAssertEqual(forward["ju"], #"{"*":[0,19,1,1,1,2,1,1]}"#, "doc 0's best place is the earliest name word (code 19)")
    }

    func testASplitKeyStillMatchesItsPrefixes() throws {
        let search = try index(shardLimit: 40)
        let split = try XCTUnwrap(search.shards["ju"])
        XCTAssertTrue(split.split)
        XCTAssertNotNil(split.tokens["*"], "a split shard keeps the best documents of its prefix")
        let names = search.query("ju").map { search.documents[$0].name }
        XCTAssertEqual(names.prefix(4), ["Example Jury Network", "Citizens' Jury in Oregon", "Example Jury Bill", "Guide to citizens' juries"])
        let whole = try index()
        XCTAssertEqual(names, whole.query("ju").map { whole.documents[$0].name })
    }

    func testEveryTokenIsInTheShardItsWordsRead() throws {
        for limit in [40, 200, SearchIndex.defaultShardLimit] {
            let search = try index(shardLimit: limit)
            for (key, shard) in search.shards where !shard.split {
                for token in shard.tokens.keys {
                    XCTAssertTrue(token.hasPrefix(key), "\(token) in \(key)")
                    XCTAssertEqual(search.shardTokens(for: token)[token]?.count, shard.tokens[token]?.count, token)
                }
            }
        }
    }

    func testLeafShardsStayUnderTheLimitUnlessOneTokenFillsThem() throws {
        let search = try index(shardLimit: 200)
        for file in search.files() where file.path.hasPrefix("search/t/") {
            let key = String(file.path.dropFirst("search/t/".count).dropLast(".json".count))
            guard let shard = search.shards[key], !shard.split, shard.tokens.count > 1 else { continue }
            XCTAssertLessThanOrEqual(file.bytes.count, 200, file.path)
        }
    }

    func testDocumentsAreNumberedByTypeThenName() throws {
        let search = try index()
        let types = search.documents.map(\.reference.type)
        let order = TypeCatalog.standard.searchOrder.map(\.type)
        XCTAssertEqual(types, types.sorted { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! })
        XCTAssertEqual(search.documents.prefix(2).map(\.name), ["Example Jury Network", "Example Organisation for Deliberation"])
        XCTAssertEqual(search.typeRanges[.caseStudies]?.0, 6)
        XCTAssertEqual(search.typeRanges[.caseStudies]?.1, 8)
    }

    func testTiesGoToTheMostRecentlyChangedEntryOfAType() throws {
        let result = try Pipeline.check(contentPath: SearchCases.site, today: PartialDate(year: 2026, month: 11, day: 22))
        var entities = result.entities
        for index in entities.indices { entities[index].lastChanged = entities[index].name == "Sortition" ? 1_000 : 2_000 }
        let search = SearchIndex(index: SiteIndex(settings: result.settings, entities: entities, today: PartialDate(year: 2026, month: 11, day: 22)))
        // "Sortition Lab" and "Sortition" tie on "sort" (both names begin with it); the newer wins.
        XCTAssertEqual(search.query("sort").prefix(2).map { search.documents[$0].name }, ["Sortition Lab", "Sortition"])
        XCTAssertEqual(search.query("sortition").first.map { search.documents[$0].name }, "Sortition", "an exact name still comes first")
    }

    func testCommonTokensKeepTheirBestPostings() {
        let postings = (0..<(SearchIndex.postingLimit + 50)).map { (doc: $0, code: $0 == 420 ? 19 : 1) }
        let best = SearchIndex.best(postings)
        XCTAssertEqual(best.count, SearchIndex.postingLimit)
        XCTAssertTrue(best.contains { $0.doc == 420 }, "a name match outlives body matches")
        XCTAssertEqual(best.map(\.doc), best.map(\.doc).sorted())
    }

    func testFilesFollowTheDocumentedFormat() throws {
        let search = try index()
        let files = Dictionary(uniqueKeysWithValues: search.files().map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
        let manifest = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try XCTUnwrap(files["search/manifest.json"]).utf8)) as? [String: Any])
        XCTAssertEqual(manifest["docs"] as? Int, 11)
        let leaves = try XCTUnwrap(manifest["leaves"] as? [String])
        XCTAssertEqual(Set(leaves), Set(files.keys.filter { $0.hasPrefix("search/t/") }.map { String($0.dropFirst(9).dropLast(5)) }))
        XCTAssertEqual(files["search/f/topic-juries.json"], "[3,1,1,1,1]", "Jefferson, Sortition, Sortition Lab, the two case studies")
        let first = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try XCTUnwrap(files["search/d/0.json"]).utf8)) as? [String: String])
        XCTAssertEqual(first, ["n": "Example Jury Network", "u": "organisations/jury-network/", "t": "organisation",
                               "s": "Connects organisations that use sortition.", "c": "United States"])
        // "sortition" is in doc 0's summary (code 2) and names docs 4 and 5 (position 0, of 1 and 2 words).
        XCTAssertTrue(try XCTUnwrap(files["search/t/so.json"]).contains(#""sortition":[0,2,4,4,1,5,"#), files["search/t/so.json"] ?? "")
    }

    func testTheBuiltSiteShipsTheIndexAndTheClient() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let run = runCLI(["build", "--content", SearchCases.site, "--output", directory.path + "/site"])
        XCTAssertEqual(run.status, 0, run.err)
        XCTAssertNoThrow(try directory.read("site/search/manifest.json"))
        XCTAssertNoThrow(try directory.read("site/assets/search-core.js"))
        let page = try directory.read("site/search/index.html")
        XCTAssertTrue(page.contains(#"<script src="../assets/search-core.js" defer></script>"#))
        XCTAssertTrue(page.contains(#"<option value="case-studies">Case studies</option>"#))
        XCTAssertTrue(page.contains(#"<option value="juries">Citizens&#39; juries</option>"#))
        XCTAssertTrue(page.contains(#"<option value="pt">Portugal</option>"#))
        XCTAssertTrue(page.contains(#"aria-live="polite""#))
        let home = try directory.read("site/index.html")
        XCTAssertFalse(home.contains("search-core.js"), "only the search page loads the engine")
    }

    /// The browser's engine (search-core.js, run by node) on the same table, with whole and with split shards.
    func testTheJavaScriptClientAgreesWithTheTable() throws {
        guard let node = Self.node() else { return }
        for limit in [SearchIndex.defaultShardLimit, 40] {
            let directory = try TemporaryDirectory()
            defer { directory.cleanUp() }
            for file in try index(shardLimit: limit).files() { try directory.write(file.path, Data(file.bytes)) }
            let (status, output) = try Self.run(node, [directory.path])
            XCTAssertEqual(status, 0, "shard limit \(limit):\n" + output)
            XCTAssertTrue(output.contains(" 0 failed"), output)
        }
    }

    func testAWordInMoreEntriesThanAListKeepsSaysTheResultsAreCut() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try directory.write("handbook.yml", "title: Many\nbase_url: https://example.org/\n")
        let count = SearchIndex.postingLimit + 20
        for number in 0..<count {
            try directory.write("organisations/org-\(number).md", "---\nname: \"Group \(number)\"\ncountry: GB\nkind: nonprofit\nsummary: \"Runs assemblies.\"\n---\n")
        }
        try directory.write("organisations/assemblies-lab.md", "---\nname: \"Lab\"\ncountry: GB\nkind: nonprofit\n---\nIt studies assemblies.\n")
        let result = try Pipeline.check(contentPath: directory.path, today: PartialDate(year: 2026, month: 11, day: 22))
        XCTAssertEqual(result.errorCount, 0, "\(result.diagnostics)")
        let search = SearchIndex(index: SiteIndex(settings: result.settings, entities: result.entities, today: PartialDate(year: 2026, month: 11, day: 22)))
        let cut = search.search("assemblies")
        XCTAssertEqual(cut.docs.count, SearchIndex.postingLimit)
        XCTAssertFalse(cut.complete)
        XCTAssertFalse(cut.docs.contains { search.documents[$0].name == "Lab" }, "summary matches outrank a body match when the list is cut")
        XCTAssertEqual(search.truncated["assemblies"], count + 1)
        XCTAssertTrue(search.search("lab").complete)
        XCTAssertFalse(search.search("group 7").complete, "a word whose list was cut makes any query with it incomplete")
        let shard = search.files().first { $0.path == "search/t/as.json" }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
        XCTAssertTrue(shard.hasSuffix(",\(count + 1)]}"), String(shard.suffix(80)))

        guard let node = Self.node() else { return }
        let site = try TemporaryDirectory()
        defer { site.cleanUp() }
        for file in search.files() { try site.write(file.path, Data(file.bytes)) }
        let (status, output) = try Self.run(node, [site.path, "--query", "assemblies"])
        XCTAssertEqual(status, 0, output)
        XCTAssertEqual(output.trimmingCharacters(in: .whitespacesAndNewlines), #"{"count":400,"complete":false}"#)
    }

    func testShardsEncodeDeltasAndTheTotalOfACutList() {
        XCTAssertEqual(SearchIndex.encode(["ab": [(3, 1), (5, 19)], "ac": [(0, 2)]]) { $0 == "ab" ? 900 : nil }, #"{"ab":[3,1,2,19,900],"ac":[0,2]}"#)
    }

    /// `node` on PATH, or nil after saying why the test is skipped (a failure when the browser tests are required).
    static func node() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/local/bin"
        if let node = path.split(separator: ":").map({ $0 + "/node" }).first(where: FileManager.default.isExecutableFile) { return node }
        if ProcessInfo.processInfo.environment["HANDBOOK_REQUIRE_BROWSER"] == "1" { XCTFail("node is missing (apt-get install nodejs)") }
        print("SKIPPED: the JavaScript search client's tests: node is missing (apt-get install nodejs)")
        return nil
    }

    /// Runs Tests/search/run_js.js with `arguments`; its exit status and output.
    static func run(_ node: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = [SharedFolder.packageRoot.appendingPathComponent("Tests/search/run_js.js").path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
