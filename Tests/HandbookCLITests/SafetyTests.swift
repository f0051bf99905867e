import Foundation
import HandbookTestSupport
import Testing

/// Hostile front-matter values and Markdown come out inert on every page.
@Suite struct SafetyTests {
    static let hostileName = "<script>alert('name')</script>"
    static let hostileSummary = "\"><img src=x onerror=alert(1)> </script><script>alert(2)</script>"
    static let mustache = "{{site.title}} {{{root}}}"

    static let site: [String: String] = {
        let directory = try! TemporaryDirectory()
        defer { directory.cleanUp() }
        try! directory.write("content/handbook.yml", "title: \"T <b>\"\ndescription: \"</title><script>x()</script>\"\nbase_url: \"https://example.org/\"\ntopics:\n  t: \"<i>topic</i>\"\nmethods:\n  m: M\n")
        try! directory.write("content/organisations/hostile.md", """
        ---
        name: "\(hostileName)"
        summary: '\(hostileSummary)'
        country: GB
        city: "\(mustache)"
        topics: [t]
        offers: ["<b>bold</b> & 'quoted'"]
        sources: ["https://example.org/?a=1&b='2'"]
        ---
        Body with <script>alert(3)</script> and [a link](javascript:alert(4)) and <img src=x onerror=alert(5)>.

        {{site.title}}
        """)
        try! directory.write("content/events/hostile-event.md", "---\ntitle: \"</script><script>alert(6)</script>\"\nstart: 2026-12-01\nlocation: \"<b>Hall</b>\"\norganisers: [hostile]\n---\n")
        let run = runCLI(["build", "--content", directory.path + "/content", "--theme", Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes/default").path,
                          "--output", directory.path + "/site", "--check-links"], environment: buildEnvironment)
        guard run.status == 0 else { return ["build-failure": run.out + run.err] }
        return ((try? tree(directory.path + "/site")) ?? [:]).mapValues { String(decoding: $0, as: UTF8.self) }
    }()

    @Test func noInjectedMarkupAnywhere() {
        #expect(Self.site["build-failure"] == nil, "\(Self.site["build-failure"] ?? "")")
        #expect(Self.site.count > 10)
        for (path, text) in Self.site where path.hasSuffix(".html") {
            #expect(!text.contains("<script>alert"), "\(path)")
            #expect(!text.contains("<script>x()"), "\(path)")
            #expect(!text.contains("<img src=x"), "\(path)")
            #expect(!text.contains("javascript:"), "\(path)")
            #expect(!text.contains("<b>bold</b>"), "\(path)")
            #expect(!text.contains("<i>topic</i>"), "\(path)")
            // The only scripts are the theme's own files and JSON-LD.
            for tag in text.components(separatedBy: "<script").dropFirst().map({ $0.prefix { $0 != ">" } }) {
                let allowed = tag == #" type="application/ld+json""# || tag.hasSuffix(#"assets/handbook.js" defer"#)
                    || (path == "search/index.html" && tag.hasSuffix(#"assets/search-core.js" defer"#))
                    || (path == "graph/index.html" && tag.hasSuffix(#"assets/graph.js" defer"#))
                #expect(allowed, "\(path) has <script\(tag)>")
            }
        }
    }

    /// The policy SECURITY.md and the README state, before anything it governs, and nothing on a page that it
    /// would block: no inline style, no event handler attribute, no inline script but JSON-LD data.
    static let policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"

    @Test func everyPageCarriesAStrictContentSecurityPolicy() throws {
        let pages = Self.site.filter { $0.key.hasSuffix(".html") }
        #expect(pages.count > 10)
        for (path, text) in pages {
            #expect(text.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"\(Self.policy)\">\n"), "\(path)")
            #expect(!text.contains(" style=\"") && !text.contains("<style"), "\(path) has an inline style")
            // Attribute values (where escaped hostile text such as "onerror=" may appear) are emptied first.
            let markup = text.replacingOccurrences(of: #""[^"]*""#, with: "\"\"", options: .regularExpression)
            #expect(markup.range(of: #"<[a-z]+ [^>]*\bon[a-z]+="#, options: .regularExpression) == nil, "\(path) has an event handler attribute")
        }
        let security = try String(contentsOf: SharedFolder.packageRoot.appendingPathComponent("SECURITY.md"), encoding: .utf8)
        let readme = try String(contentsOf: SharedFolder.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains(Self.policy + "; frame-ancestors 'none'"), "the README's header is the page's policy plus frame-ancestors")
        #expect(security.replacingOccurrences(of: "\n", with: " ").contains(Self.policy), "SECURITY.md states the policy")
    }

    @Test func valuesAreEscapedInTextAndAttributes() throws {
        let page = try #require(Self.site["organisations/hostile/index.html"])
        #expect(page.contains("<h1>&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;</h1>"))
        #expect(page.contains("<meta name=\"description\" content=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &lt;/script&gt;"))
        #expect(page.contains("&lt;b&gt;bold&lt;/b&gt; &amp; &#39;quoted&#39;"))
        #expect(page.contains("href=\"https://example.org/?a=1&amp;b=&#39;2&#39;\""))
    }

    @Test func jsonLDCannotCloseItsScriptElement() throws {
        let page = try #require(Self.site["events/hostile-event/index.html"])
        let start = try #require(page.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let json = String(page[start.upperBound..<end.lowerBound])
        #expect(json.contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(6)"))
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["name"] as? String == "</script><script>alert(6)</script>")
    }

    @Test func mustacheBracesInContentStayText() throws {
        let page = try #require(Self.site["organisations/hostile/index.html"])
        #expect(page.contains("{{site.title}} {{{root}}}"))
        #expect(page.contains("<p>{{site.title}}</p>"))
    }

    @Test func markdownRawHTMLAndUnsafeLinksAreDropped() throws {
        let page = try #require(Self.site["organisations/hostile/index.html"])
        #expect(page.contains("<!-- raw HTML omitted -->"))
        #expect(page.contains("<a href=\"\">a link</a>"))
    }

    @Test func searchResultsCarryHostileTextAsData() throws {
        let results = Self.site.filter { $0.key.hasPrefix("search/d/") }
        #expect(!results.isEmpty)
        // JSON escaping is the escaping here; the page must then insert these strings as text only.
        for script in ["assets/handbook.js", "assets/search-core.js"] {
            let text = try #require(Self.site[script])
            for sink in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("] {
                #expect(!text.contains(sink), "\(script) uses \(sink)")
            }
        }
        let names = results.values.flatMap { text in
            ((try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]) ?? []).compactMap { $0["n"] as? String }
        }
        #expect(names.contains(Self.hostileName), "the name survives as text, for the page to insert as a text node")
    }
}
