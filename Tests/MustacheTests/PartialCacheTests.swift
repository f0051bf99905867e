import Mustache
import Testing

/// `PartialCache`: a cached partial is rendered once per item and outer values and reused, sees only its item and
/// the outer names it is declared to read, and renders the same whether it was reused or not.
@Suite struct PartialCacheTests {
    let library = try! MustacheLibrary(templates: [
        "card": "<li><a href=\"{{root}}{{url}}\">{{name}}</a>{{#tags}} {{.}}{{/tags}}{{heading}}</li>\n",
        "list": "<h1>{{heading}}</h1>\n<ul>\n{{#entries}}\n{{>card}}\n{{/entries}}\n</ul>\n",
        "boxes": "{{#entries}}\n<div>\n  {{>card}}\n</div>\n{{/entries}}\n",
    ])

    let cards: [MustacheValue] = [
        ["name": "Involve", "url": "organisations/involve/", "tags": .list(["uk", "assemblies"])],
        ["name": "A <b> & co", "url": "organisations/a/", "tags": .list([])],
    ]

    func page(_ root: String, _ entries: [MustacheValue]) -> MustacheValue {
        ["root": .string(root), "heading": "Organisations", "entries": .list(entries)]
    }

    func render(_ template: String, _ context: MustacheValue, cache: PartialCache?) -> String {
        String(decoding: library.renderBytes(template, context, cache: cache), as: UTF8.self)
    }

    /// The second list with the same cards at the same depth reuses every card, and reads as a list made anew.
    @Test func cardsAreReusedAtTheSameDepth() {
        let cache = PartialCache(["card": ["root"]])
        let first = render("list", page("../", cards), cache: cache)
        #expect(cache.reuses == 0)
        let second = render("list", page("../", Array(cards.reversed())), cache: cache)
        #expect(cache.reuses == 2)
        #expect(first == """
            <h1>Organisations</h1>
            <ul>
            <li><a href="../organisations/involve/">Involve</a> uk assemblies</li>
            <li><a href="../organisations/a/">A &lt;b&gt; &amp; co</a></li>
            </ul>

            """)
        #expect(second == render("list", page("../", Array(cards.reversed())), cache: PartialCache(["card": ["root"]])))
    }

    /// At another depth the card is rendered again, with that page's root.
    @Test func anotherRootRendersAgain() {
        let cache = PartialCache(["card": ["root"]])
        _ = render("list", page("../", cards), cache: cache)
        let deeper = render("list", page("../../../", cards), cache: cache)
        #expect(cache.reuses == 0)
        #expect(deeper.contains("<a href=\"../../../organisations/involve/\">Involve</a>"))
    }

    /// Outer values are compared by kind and text: the same text as a string or as bytes is one variant; a flag,
    /// null, or other text is another.
    @Test func outerValuesAreComparedByKindAndText() {
        let cache = PartialCache(["card": ["root"]])
        func list(_ root: MustacheValue) -> String { render("list", ["root": root, "heading": "H", "entries": .list(cards)], cache: cache) }
        _ = list(.string("true"))
        _ = list(.utf8(Array("true".utf8)))
        #expect(cache.reuses == 2, "text as bytes is the same text")
        _ = list(.bool(true))
        #expect(cache.reuses == 2, "a flag is not the text true")
        _ = list(.string("tru"))
        _ = list(.string("truee"))
        _ = list(.null)
        #expect(cache.reuses == 2, "other text, and null, are other variants")
        _ = list(.null)
        #expect(cache.reuses == 4)
    }

    /// A cached partial sees its item and the names it reads, not the rest of the page: `heading`, which the card
    /// asks for and the page has, is empty in it, whether the card was reused or not.
    @Test func aCachedPartialSeesOnlyItsItemAndTheNamesItReads() {
        let uncached = render("list", page("../", cards), cache: nil)
        #expect(uncached.contains("uk assembliesOrganisations</li>"))
        let cache = PartialCache(["card": ["root"]])
        for _ in 0..<2 {
            let cached = render("list", page("../", cards), cache: cache)
            #expect(cached.contains("uk assemblies</li>"))
            #expect(!cached.contains("assembliesOrganisations"))
        }
        #expect(cache.reuses == 2)
    }

    /// An indented partial tag indents the card's lines: the indented and the plain renders are kept apart.
    @Test func indentationIsPartOfWhatIsKept() {
        let cache = PartialCache(["card": ["root"]])
        _ = render("list", page("", cards), cache: cache)
        let boxes = render("boxes", page("", cards), cache: cache)
        #expect(cache.reuses == 0)
        #expect(boxes.hasPrefix("<div>\n  <li><a href=\"organisations/involve/\">Involve</a> uk assemblies</li>\n</div>\n"))
        #expect(render("boxes", page("", cards), cache: cache) == boxes)
        #expect(cache.reuses == 2)
    }

    /// Cards made separately are told apart by identity, even with equal names, and each renders its own content.
    @Test func separateCardsRenderTheirOwnContent() {
        let cache = PartialCache(["card": ["root"]])
        let a: MustacheValue = ["name": "Same", "url": "a/", "tags": .list([])]
        let b: MustacheValue = ["name": "Same", "url": "b/", "tags": .list([])]
        let out = render("list", page("", [a, b, a]), cache: cache)
        #expect(out.contains("<li><a href=\"a/\">Same</a></li>\n<li><a href=\"b/\">Same</a></li>\n<li><a href=\"a/\">Same</a></li>"))
        #expect(cache.reuses == 1)
    }

    /// A partial the cache does not name is rendered in the page's context as always.
    @Test func otherPartialsSeeThePage() {
        let cache = PartialCache(["other": ["root"]])
        #expect(render("list", page("", cards), cache: cache).contains("uk assembliesOrganisations</li>"))
        #expect(cache.reuses == 0)
    }

    /// An outer value that is a list or an object is not compared: the card is rendered each time, with it.
    @Test func anOuterListIsNotCompared() {
        let cache = PartialCache(["card": ["tags"]])
        let card: MustacheValue = ["name": "X", "url": "x/"]
        let one = render("list", ["tags": .list(["a"]), "entries": .list([card])], cache: cache)
        let two = render("list", ["tags": .list(["b"]), "entries": .list([card])], cache: cache)
        #expect(one.contains("<li><a href=\"x/\">X</a> a</li>") && two.contains("<li><a href=\"x/\">X</a> b</li>"))
        #expect(cache.reuses == 0)
    }

    /// An outer name the page lacks is a miss in the card, as it is without the cache, and renders empty.
    @Test func aMissingOuterNameIsRecorded() {
        let misses = MissingNames()
        let cache = PartialCache(["card": ["root"]])
        let out = String(decoding: library.renderBytes("list", ["heading": "H", "entries": .list(cards)], misses: misses, cache: cache),
                         as: UTF8.self)
        #expect(out.contains("<a href=\"organisations/involve/\">Involve</a>"))
        #expect(misses.sorted.contains("card: root"))
    }
}
