import Mustache
import Testing

@Suite struct MustacheTemplateTests {
    @Test func escapesHTMLIncludingApostrophes() throws {
        let library = try MustacheLibrary(templates: ["t": "{{x}}|{{{x}}}|{{&x}}"])
        #expect(library.render("t", ["x": "<a href=\"x\">'&'</a>"]) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;|<a href=\"x\">'&'</a>|<a href=\"x\">'&'</a>")
    }

    /// Text given as UTF-8 bytes renders as the same text given as a string would: escaped, as it is, and
    /// truthy in a section.
    @Test func bytesRenderAsTheirText() throws {
        let library = try MustacheLibrary(templates: ["t": "{{x}}|{{{x}}}|{{#x}}yes{{/x}}{{^x}}no{{/x}}"])
        let text = "<p title=\"é's\">a & b</p>"
        #expect(library.render("t", ["x": .utf8(Array(text.utf8))]) == library.render("t", ["x": .string(text)]))
        #expect(library.render("t", ["x": .utf8([])]) == "||yes")
        #expect(MustacheValue.utf8(Array(text.utf8)) == .string(text))
    }

    @Test func mustacheBracesInDataStayText() throws {
        let library = try MustacheLibrary(templates: ["t": "{{x}}"])
        #expect(library.render("t", ["x": "{{secret}}"]) == "{{secret}}")
    }

    @Test(arguments: [
        ("{{#a}}x", "t:1:1: error: section 'a' is never closed; add {{/a}}"),
        ("line\n  {{/b}}", "t:2:3: error: {{/b}} closes a section that is not open"),
        ("{{#a}}{{/b}}", "t:1:7: error: {{/b}} closes a section that is not open; the open section is 'a'"),
        ("x {{name", "t:1:3: error: this tag is never closed; add the closing delimiter"),
        ("{{}}", "t:1:1: error: this tag has no name"),
        ("{{=<%%>=}}", "t:1:1: error: a delimiter change must look like {{=<% %>=}}"),
    ])
    func reportsTemplateErrorsWithPosition(_ source: String, _ message: String) {
        #expect(throws: MustacheError.self) { try MustacheTemplate(name: "t", source: source) }
        do {
            _ = try MustacheTemplate(name: "t", source: source)
        } catch {
            #expect(error.description == message)
        }
    }

    /// Names written from where they are found still record what no context provides: an absent name, a part
    /// missing inside an object; a name found, or a part through null, records nothing.
    @Test func namesNotFoundAreRecordedAsMisses() throws {
        let library = try MustacheLibrary(templates: ["t": "{{site.title}}|{{site.missing}}|{{absent}}|{{nothing.at}}|{{#list}}{{name}}{{/list}}"])
        let misses = MissingNames()
        let output = library.render("t", ["site": ["title": "Handbook"], "nothing": .null, "list": [["name": "a"], ["name": "b"]]],
                                    misses: misses)
        #expect(output == "Handbook||||ab")
        #expect(misses.sorted == ["t: absent", "t: site.missing"])
    }

    @Test func runawayPartialRecursionStops() throws {
        let library = try MustacheLibrary(templates: ["loop": "x{{>loop}}"])
        #expect(library.render("loop", [:]).count == MustacheLibrary.maximumDepth + 1)
    }

    /// Found by the Mustache fuzzer: a partial that includes itself in a section over a list of two expands
    /// 2^100 times within the depth limit. The budget stops it, and says so to a caller that collects misses.
    @Test func exponentialPartialRecursionStops() throws {
        let library = try MustacheLibrary(templates: ["p": "{{#c}}{{>p}}{{>p}}{{/c}}x"], partialBudget: 1_000)
        let misses = MissingNames()
        let output = library.render("p", ["c": .list([.bool(true), .bool(true)])], misses: misses)
        #expect(output.count <= 1_001)
        // Straight down, the partial reaches the depth limit first; the render, and every render of the library after
        // it, then stops expanding (its pages are refused), where before it went on through the siblings to the budget.
        #expect(library.overrun?.contains("nested more than \(MustacheLibrary.maximumDepth) deep") == true, "\(output.count)")
        #expect(MustacheLibrary.defaultPartialBudget >= 1_000_000, "a list page of the largest handbook expands a partial per card")
    }

    /// After one render ran away, the library's other renders expand nothing more: their pages would be refused, and a
    /// runaway theme would otherwise take minutes for each.
    @Test func afterARunawayRenderNothingMoreIsExpanded() throws {
        let library = try MustacheLibrary(templates: ["loop": "x{{#on}}{{>loop}}{{/on}}", "list": "[{{#items}}{{.}}{{/items}}{{>item}}]", "item": "i"])
        #expect(library.render("list", ["items": .list(["a", "b"])]) == "[abi]")
        _ = library.render("loop", ["on": .bool(true)])
        #expect(library.overrun != nil)
        #expect(library.render("list", ["items": .list(["a", "b"])]) == "[]")
    }

    /// Found by the Mustache fuzzer: sections over a list nested in a self-including partial multiply their
    /// items at every level; list items count against the same budget as partials, so the render stops.
    @Test func nestedSectionsOverListsStopAtTheBudget() throws {
        let nested = String(repeating: "{{#c}}", count: 12) + "x" + String(repeating: "{{/c}}", count: 12)
        let library = try MustacheLibrary(templates: ["t": nested], partialBudget: 500)
        // Ten items at each of twelve levels would be 10^12 x's.
        let output = library.render("t", ["c": .list(Array(repeating: .bool(true), count: 10))])
        #expect(output.count <= 500)
        #expect(output.count >= 10)
    }
}
