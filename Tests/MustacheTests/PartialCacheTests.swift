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

    /// At another depth the card is not rendered again: its render was kept with a hole where the root goes, which
    /// that page's root fills; the page reads as one made without the cache.
    @Test func anotherRootFillsTheKeptRender() {
        let cache = PartialCache(["card": ["root"]])
        _ = render("list", page("../", cards), cache: cache)
        let deeper = render("list", page("../../../", cards), cache: cache)
        #expect(cache.reuses == 2)
        #expect(deeper.contains("<a href=\"../../../organisations/involve/\">Involve</a>"))
        #expect(deeper == render("list", page("../../../", cards), cache: PartialCache(["card": ["root"]])))
    }

    /// Holes are filled as the template interpolates there, escaped or not, whatever the value: text with characters
    /// to escape, empty text, a flag, null.
    @Test func holesAreFilledAsTheTemplateInterpolates() throws {
        let library = try MustacheLibrary(templates: [
            "card": "<a href=\"{{root}}{{url}}\" data-raw=\"{{{root}}}\">{{name}}</a>{{#tags}}[{{root}}{{.}}]{{/tags}}\n",
            "list": "{{#entries}}{{>card}}{{/entries}}",
        ])
        let cache = PartialCache(["card": ["root"]])
        for root: MustacheValue in ["../", "a&b<c>/", "", .bool(true), .null, .utf8(Array("../../".utf8)), "../"] {
            let context: MustacheValue = ["root": root, "entries": .list(cards)]
            let cached = String(decoding: library.renderBytes("list", context, cache: cache), as: UTF8.self)
            #expect(cached == String(decoding: library.renderBytes("list", context), as: UTF8.self), "root \(root)")
        }
        #expect(cache.reuses == 12, "each card rendered once, then filled for the six other roots")
    }

    /// A partial with a section over an outer name, or a partial of its own, is not kept with holes: a value could
    /// change more than its text. It is rendered again for each value, and reads as without the cache.
    @Test func aPartialThatBranchesOnAnOuterNameIsRenderedForEachValue() throws {
        let library = try MustacheLibrary(templates: [
            "card": "{{#root}}<a href=\"{{root}}{{url}}\">{{/root}}{{^root}}<span>{{/root}}{{name}}\n",
            "nested": "{{>leaf}}",
            "leaf": "{{root}}{{name}}\n",
            "list": "{{#entries}}{{>card}}{{/entries}}",
            "nests": "{{#entries}}{{>nested}}{{/entries}}",
        ])
        for (template, partial) in [("list", "card"), ("nests", "nested")] {
            let cache = PartialCache([partial: ["root"]])
            for root: MustacheValue in ["../", "", "../../"] {
                let context: MustacheValue = ["root": root, "entries": .list(cards)]
                let cached = String(decoding: library.renderBytes(template, context, cache: cache), as: UTF8.self)
                #expect(cached == String(decoding: library.renderBytes(template, context), as: UTF8.self), "\(template), root \(root)")
            }
            #expect(cache.reuses == 0, "\(template)")
        }
    }

    /// An item whose text holds a NUL, which a hole's probe could be taken for, is rendered for each value.
    @Test func anItemWithANULIsRenderedForEachValue() {
        let odd: [MustacheValue] = [["name": "A\u{0}&\u{1}\u{0}B", "url": "x/", "tags": .list([])]]
        let cache = PartialCache(["card": ["root"]])
        for root in ["../", "../../"] {
            #expect(render("list", page(root, odd), cache: cache) == render("list", page(root, odd), cache: PartialCache(["card": ["root"]])))
        }
        #expect(cache.reuses == 0)
    }

    /// For a partial that branches on an outer name (so no render is kept with holes), outer values are compared by
    /// kind and text: the same text as a string or as bytes is one variant; a flag, null, or other text is another.
    @Test func outerValuesAreComparedByKindAndText() throws {
        let library = try MustacheLibrary(templates: [
            "card": "<li>{{#root}}{{root}}{{/root}}{{name}}</li>\n", "list": "{{#entries}}{{>card}}{{/entries}}",
        ])
        let cache = PartialCache(["card": ["root"]])
        func list(_ root: MustacheValue) -> String {
            String(decoding: library.renderBytes("list", ["root": root, "entries": .list(cards)], cache: cache), as: UTF8.self)
        }
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
