import Foundation
import HandbookBuild
import HandbookModel
@testable import HandbookRender
import HandbookTestSupport
import Testing

/// The search tokens a build keeps for the next (`SearchTokenCache`): a rebuild tokenizes only the documents
/// whose text changed, and its files are the ones a fresh index makes.
@Suite struct SearchTokenCacheTests {
    static let today = PartialDate(year: 2026, month: 11, day: 22)

    func entities() throws -> (Settings, [Entity]) {
        let result = try Pipeline.check(contentPath: SearchCases.site, today: Self.today)
        #expect(result.errorCount == 0)
        return (result.settings, result.entities)
    }

    func site(_ settings: Settings, _ entities: [Entity]) -> SiteIndex {
        SiteIndex(settings: settings, entities: entities, today: Self.today)
    }

    func files(_ index: SearchIndex) -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: index.files().map { ($0.path, $0.bytes) })
    }

    /// `entity` with another body.
    func rewritten(_ entity: Entity, body: String) -> Entity {
        var copy = Entity(reference: entity.reference, path: entity.path, fields: entity.fields, body: Array(body.utf8),
                          bodyLine: entity.bodyLine, nameField: TypeCatalog.standard[entity.reference.type].nameField,
                          lastChanged: entity.lastChanged)
        copy.added = entity.added
        return copy
    }

    @Test func aRebuildTokenizesOnlyTheChangedDocumentAndMakesTheFreshFiles() throws {
        let (settings, entities) = try entities()
        let first = SearchTokenStore(previous: nil)
        let before = SearchIndex(index: site(settings, entities), tokens: first)
        let kept = try #require(first.next)
        #expect(kept.count == before.documents.count)
        #expect(before.tokenizing.bytes > 0)

        var edited = entities
        let target = try #require(edited.firstIndex { $0.reference.type == .organisations })
        edited[target] = rewritten(edited[target], body: "A zeppelinworks assembly.")
        let second = SearchTokenStore(previous: kept)
        let rebuilt = SearchIndex(index: site(settings, edited), tokens: second)
        let fresh = SearchIndex(index: site(settings, edited))
        #expect(files(rebuilt) == files(fresh))
        #expect(rebuilt.id(of: "zeppelinwork") != nil || rebuilt.id(of: "zeppelinworks") != nil, "the new body's words are found")
        // Only the edited document's text was read again.
        var oneText = 0
        SearchPostingsChunk.texts(of: edited[target], index: site(settings, edited)) { _, text in oneText += text.count }
        #expect(rebuilt.tokenizing.bytes == oneText)
        #expect(second.next?.count == fresh.documents.count)
    }

    /// With quick keys (the site's digest, a path, a body's digest), a document whose quick key the last build had
    /// takes that build's key and tokens without its texts being read; a changed body's digest reads it again.
    @Test func aQuickKeyFindsTheLastBuildsTokensWithoutReadingTheTexts() throws {
        let (settings, entities) = try entities()
        let site = ByteDigest.of(Array("site".utf8))
        let originals = Dictionary(uniqueKeysWithValues: entities.map { ($0.path, ByteDigest.of($0.body)) })
        func store(_ previous: SearchTokenCache?, _ current: [Entity], lying target: String? = nil) -> SearchTokenStore {
            let bodies = Dictionary(uniqueKeysWithValues: current.map { ($0.path, ByteDigest.of($0.body)) })
            return SearchTokenStore(previous: previous, site: site, bodies: { path in path == target ? originals[path] : bodies[path] })
        }
        let first = store(nil, entities)
        _ = SearchIndex(index: self.site(settings, entities), tokens: first)
        let kept = try #require(first.next)
        #expect(kept.quickKeys.count == kept.keys.count)
        let again = SearchIndex(index: self.site(settings, entities), tokens: store(kept, entities))
        #expect(again.tokenizing.bytes == 0)

        var edited = entities
        let target = try #require(edited.firstIndex { $0.reference.type == .organisations })
        edited[target] = rewritten(edited[target], body: "A zeppelinworks assembly.")
        let rebuilt = SearchIndex(index: self.site(settings, edited), tokens: store(kept, edited))
        #expect(files(rebuilt) == files(SearchIndex(index: self.site(settings, edited))))
        // Told the edited body's digest is the old one, the index takes the old tokens: its texts were not read.
        let told = SearchIndex(index: self.site(settings, edited), tokens: store(kept, edited, lying: edited[target].path))
        #expect(told.tokenizing.bytes == 0)
        #expect(told.id(of: "zeppelinworks") == nil && told.id(of: "zeppelinwork") == nil)
        // Another site's digest finds nothing by quick key; the texts' keys still find the unchanged documents.
        let other = SearchTokenStore(previous: kept, site: ByteDigest.of(Array("other".utf8)), bodies: { _ in ByteDigest() })
        let elsewhere = SearchIndex(index: self.site(settings, edited), tokens: other)
        #expect(files(elsewhere) == files(rebuilt))
        var oneText = 0
        SearchPostingsChunk.texts(of: edited[target], index: self.site(settings, edited)) { _, text in oneText += text.count }
        #expect(elsewhere.tokenizing.bytes == oneText)
    }

    /// The tokens kept hold a digest of each token file: a rebuild makes only the token files whose digest moved,
    /// and every one it keeps has the bytes the fresh index would write.
    @Test func aRebuildMakesOnlyTheTokenFilesThatChanged() throws {
        let (settings, entities) = try entities()
        let first = SearchTokenStore(previous: nil)
        let before = SearchIndex(index: site(settings, entities), shardLimit: 200, tokens: first)
        let kept = try #require(first.next)
        #expect(Set(kept.shardDigests.keys) == Set(before.shards.keys))
        let same = SearchIndex(index: site(settings, entities), shardLimit: 200, tokens: SearchTokenStore(previous: kept))
        let unchanged = same.tokenFiles(keeping: kept.shardDigests)
        #expect(unchanged.made.map(\.path) == ["search/manifest.json"])
        #expect(unchanged.kept.count == before.shards.count)

        var edited = entities
        let target = try #require(edited.firstIndex { $0.reference.type == .organisations })
        edited[target] = rewritten(edited[target], body: "A zeppelinworks assembly.")
        let after = SearchIndex(index: site(settings, edited), shardLimit: 200, tokens: SearchTokenStore(previous: kept))
        let (made, keptPaths) = after.tokenFiles(keeping: kept.shardDigests)
        let fresh = files(SearchIndex(index: site(settings, edited), shardLimit: 200))
        let old = files(before)
        #expect(made.count > 1 && !keptPaths.isEmpty, "\(made.count) made, \(keptPaths.count) kept")
        for file in made { #expect(fresh[file.path] == file.bytes, "\(file.path)") }
        for path in keptPaths { #expect(fresh[path] == old[path], "\(path) kept, but the fresh index writes it otherwise") }
        #expect(made.contains { String(decoding: $0.bytes, as: UTF8.self).contains("zeppelinwork") })
    }

    /// A build that made no search index keeps the last build's tokens; one that made it keeps its own.
    @Test func theLatestTokensAreThisBuildsElseTheLastOnes() throws {
        let (settings, entities) = try entities()
        let first = SearchTokenStore(previous: nil)
        #expect(first.latest == nil)
        _ = SearchIndex(index: site(settings, entities), tokens: first)
        let kept = try #require(first.latest)
        let idle = SearchTokenStore(previous: kept)
        #expect(idle.latest?.keys == kept.keys)
        let shorter = Array(entities.dropLast())
        let busy = SearchTokenStore(previous: kept)
        _ = SearchIndex(index: site(settings, shorter), tokens: busy)
        #expect(busy.latest?.count == kept.count - 1)
    }

    /// The bytes kept for the next build are those of the latest tokens, whether made as the index kept them (for
    /// the tool given) or asked for afterwards (for another).
    @Test func theLatestBytesAreTheLatestTokensEncoded() throws {
        let (settings, entities) = try entities()
        #expect(SearchTokenStore(previous: nil, encodingFor: "tool").latestBytes(tool: "tool") == nil)
        let store = SearchTokenStore(previous: nil, encodingFor: "tool")
        _ = SearchIndex(index: site(settings, entities), tokens: store)
        let made = try #require(store.latest)
        #expect(store.latestBytes(tool: "tool") == made.encoded(tool: "tool"))
        #expect(store.latestBytes(tool: "other") == made.encoded(tool: "other"))
        let idle = SearchTokenStore(previous: made, encodingFor: "tool")
        #expect(idle.latestBytes(tool: "tool") == made.encoded(tool: "tool"), "a build that made no index keeps the last one's")
    }

    @Test func aWordOnlyTheOldBodyHadLeavesTheIndex() throws {
        let (settings, entities) = try entities()
        var withWord = entities
        let target = try #require(withWord.firstIndex { $0.reference.type == .organisations })
        withWord[target] = rewritten(withWord[target], body: "The quokkaverse panel.")
        let first = SearchTokenStore(previous: nil)
        let before = SearchIndex(index: site(settings, withWord), tokens: first)
        #expect(before.id(of: "quokkaverse") != nil)
        var without = withWord
        without[target] = rewritten(without[target], body: "The panel.")
        let after = SearchIndex(index: site(settings, without), tokens: SearchTokenStore(previous: first.next))
        #expect(after.id(of: "quokkaverse") == nil, "a kept document's token with no document left is not listed")
        #expect(files(after) == files(SearchIndex(index: site(settings, without))))
    }

    @Test func aNameOfManyWordsListsNoWordWithoutDocuments() throws {
        // Words past a name's sixteenth have no place code: they are not indexed as name words at all. The entry
        // is one nothing links to, so its name is not read as another entry's detail either.
        let (settings, entities) = try entities()
        var renamed = entities
        let linked = site(settings, entities).inbound
        let target = try #require(renamed.firstIndex { $0.reference.type == .organisations && (linked[$0.reference] ?? []).isEmpty })
        let words = (1...17).map { "word\($0)" } + ["xylophonist"]
        var fields = renamed[target].fields
        let nameField = TypeCatalog.standard[renamed[target].reference.type].nameField
        let position = try #require(fields.firstIndex { $0.key == nameField.rawValue })
        fields[position].value = .text(words.joined(separator: " "))
        renamed[target] = Entity(reference: renamed[target].reference, path: renamed[target].path, fields: fields,
                                 body: renamed[target].body, bodyLine: renamed[target].bodyLine, nameField: nameField)
        let index = SearchIndex(index: site(settings, renamed))
        #expect(index.id(of: "word1") != nil)
        #expect(index.id(of: "xylophonist") == nil, "the eighteenth word is in no document")
        let empty = (0..<index.postings.table.count).filter { index.postings.postings($0).isEmpty }.map { index.postings.table.string($0) }
        #expect(empty.isEmpty, "every listed word is in some document: \(empty)")
    }

    @Test func theCacheReadsBackAsWritten() throws {
        let (settings, entities) = try entities()
        let store = SearchTokenStore(previous: nil)
        _ = SearchIndex(index: site(settings, entities), tokens: store)
        let cache = try #require(store.next)
        let bytes = cache.encoded(tool: "tool 1")
        let read = try #require(SearchTokenCache(decoding: bytes, tool: "tool 1"))
        #expect(read.keys == cache.keys)
        #expect(!read.shardDigests.isEmpty && read.shardDigests == cache.shardDigests)
        #expect(read.chunk.ids == cache.chunk.ids && read.chunk.codes == cache.chunk.codes && read.chunk.ends == cache.chunk.ends)
        #expect((0..<read.chunk.table.count).allSatisfy { read.chunk.table.bytes($0) == cache.chunk.table.bytes($0) })
        // Read back, it serves a rebuild as well as the original.
        let again = SearchIndex(index: site(settings, entities), tokens: SearchTokenStore(previous: read))
        #expect(again.tokenizing.bytes == 0)
        #expect(files(again) == files(SearchIndex(index: site(settings, entities))))
    }

    @Test func anotherToolsOrADamagedFileIsNotRead() throws {
        let (settings, entities) = try entities()
        let store = SearchTokenStore(previous: nil)
        _ = SearchIndex(index: site(settings, entities), tokens: store)
        let bytes = try #require(store.next).encoded(tool: "tool 1")
        #expect(SearchTokenCache(decoding: bytes, tool: "tool 2") == nil, "another tool may tokenize otherwise")
        #expect(SearchTokenCache(decoding: Array(bytes.dropLast()), tool: "tool 1") == nil, "cut short")
        #expect(SearchTokenCache(decoding: bytes + [0], tool: "tool 1") == nil, "too long")
        #expect(SearchTokenCache(decoding: [], tool: "tool 1") == nil)
        // A token id past the table, where the codes begin (each code is two bytes, the ids four before them).
        let postings = try #require(store.next).chunk.ids.count
        var damaged = bytes
        let lastID = bytes.count - 2 * postings - 4
        damaged.replaceSubrange(lastID..<(lastID + 4), with: [0xFF, 0xFF, 0xFF, 0x7F])
        #expect(SearchTokenCache(decoding: damaged, tool: "tool 1") == nil, "an id past the table")
    }
}
