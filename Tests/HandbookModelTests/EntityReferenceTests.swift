@testable import HandbookModel
import Testing

@Suite struct EntityReferenceTests {
    let organisations = EntityType(folder: "organisations", rank: 0)
    let events = EntityType(folder: "events", rank: 4)

    /// References equal as Strings are (canonical equivalence) hash alike, whichever way their slugs are hashed: a
    /// slug's composed and decomposed forms, and the three characters beyond ASCII equal to an ASCII one.
    @Test(arguments: [("caf\u{E9}", "cafe\u{301}"), ("\u{212A}elvin", "Kelvin"), ("a\u{037E}b", "a;b"), ("x\u{1FEF}", "x`"),
                      ("org-1", String(decoding: Array("org-1".utf8), as: UTF8.self)),
                      ("a-long-slug-of-many-words-2024", String("xa-long-slug-of-many-words-2024".dropFirst()))])
    func equalReferencesHashAlike(_ pair: (String, String)) {
        let a = EntityReference(type: organisations, slug: pair.0), b = EntityReference(type: organisations, slug: pair.1)
        #expect(a == b)
        for seed in [0, 1, -7, 0x5EED] { #expect(a._rawHashValue(seed: seed) == b._rawHashValue(seed: seed)) }
        #expect(a.hashValue == b.hashValue)
        let table = [a: 1]
        #expect(table[b] == 1)
        #expect(Set([a, b]).count == 1)
    }

    /// Slugs of hyphens, digits and lower-case letters are hashed a word at a time; any byte that could belong to a
    /// string equal to another (upper case, `;`, `` ` ``, anything beyond ASCII) sends a slug through `Hasher`.
    @Test func onlySlugBytesTakeTheFastHash() {
        func fast(_ slug: String) -> Int? { slug.utf8.withContiguousStorageIfAvailable { EntityReference.fastHash($0, rank: 0, seed: 0) } ?? nil }
        for slug in ["org-1", "a", "", "participatory-budgeting-in-porto-alegre-1989", "x{y}~z|w", "1.2!3"] {
            #expect(fast(slug) != nil, "\(slug)")
        }
        for slug in ["Org-1", "a;b", "a`b", "café", "K", "plain-words-then-:", "@", "[", "under_score", "\u{7F}x\u{80}"] {
            #expect(fast(slug) == nil, "\(slug)")
        }
    }

    /// The fast hash spreads ten thousand slugs numbered alike over a table's low bits as a random hash would, and
    /// tells the same slug of two types, and two seeds, apart.
    @Test func theFastHashSpreadsReferences() {
        let references = (0..<10_000).map { EntityReference(type: organisations, slug: "org-\($0)") }
        let buckets = Set(references.map { $0._rawHashValue(seed: 0) & 0x3FFF })
        // 10,000 keys over 16,384 buckets fill about 7,000 of them at random.
        #expect(buckets.count > 6_500)
        #expect(Set(references.map { $0._rawHashValue(seed: 0) }).count == references.count)
        let slug = "org-1"
        #expect(EntityReference(type: organisations, slug: slug)._rawHashValue(seed: 0) != EntityReference(type: events, slug: slug)._rawHashValue(seed: 0))
        #expect(EntityReference(type: organisations, slug: slug)._rawHashValue(seed: 0) != EntityReference(type: organisations, slug: slug)._rawHashValue(seed: 1))
        #expect(EntityReference(type: organisations, slug: "ab")._rawHashValue(seed: 0) != EntityReference(type: organisations, slug: "ab\0")._rawHashValue(seed: 0))
        let table = Dictionary(uniqueKeysWithValues: references.enumerated().map { ($1, $0) })
        #expect(references.allSatisfy { table[$0] != nil })
        #expect(table[EntityReference(type: events, slug: "org-1")] == nil)
    }
}
