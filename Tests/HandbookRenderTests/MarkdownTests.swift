import HandbookRender
import Testing

@Suite struct MarkdownTests {
    @Test func rendersCommonMark() {
        #expect(Markdown.html("Hello *world*") == "<p>Hello <em>world</em></p>\n")
    }

    @Test func dropsRawHTML() {
        let html = Markdown.html("<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)>")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test(arguments: ["mailto:a@example.org", "ftp://example.org/f", "intent://x", "ms-settings:x", "jar:x", "blob:https://example.org/x",
                      "data:image/png;base64,AAAA", "//evil.example/", "livescript:x", "HTTPX://example.org/"])
    func linksToOtherSchemesLoseTheirAddress(_ address: String) {
        let html = Markdown.html("[text](\(address)) and [kept](https://example.org/a)")
        #expect(html == "<p><a href=\"\">text</a> and <a href=\"https://example.org/a\">kept</a></p>\n", "\(address)")
    }

    @Test(arguments: ["https://example.org/a?b=1#c", "HTTP://EXAMPLE.ORG/", "../organisations/x/", "/topics/", "#section", "page.html", "a/b:c"])
    func httpAndSiteLinksAreKept(_ address: String) {
        let html = Markdown.html("[text](\(address))")
        #expect(html.hasPrefix("<p><a href=\"") && !html.hasPrefix("<p><a href=\"\""), "\(address): \(html)")
    }

    @Test func imagesFromOtherHostsBecomeLinks() {
        #expect(Markdown.html("![logo & name](https://tracker.example.com/pixel.gif?u=1 \"title\")")
                == "<p><a href=\"https://tracker.example.com/pixel.gif?u=1\">logo &amp; name</a></p>\n")
        #expect(Markdown.html("![x](//evil.example/x.png) ![y](ftp://example.org/y.png) ![z](javascript:alert(1))") == "<p>x y z</p>\n")
        #expect(Markdown.html("![site](../assets/a.png)") == "<p><img src=\"../assets/a.png\" alt=\"site\" /></p>\n")
        #expect(Markdown.html("![dot](data:image/png;base64,AAAA)").contains("<img src=\"data:image/png;base64,AAAA\""))
        // Only the four types, whole: libcmark lets `data:image/pngx` through.
        #expect(Markdown.html("![x](data:image/pngx,AAAA) ![y](data:image/webp+svg,AAAA)") == "<p>x y</p>\n")
    }

    /// An image from another host inside a link's text becomes its description alone: a link in a link is not HTML.
    @Test func anImageInsideALinkLeavesItsDescription() {
        #expect(Markdown.html("[![logo](https://img.example/l.png)](https://target.example/)")
                == "<p><a href=\"https://target.example/\">logo</a></p>\n")
        #expect(Markdown.html("[text ![inner](http://img.example/z.png) more](https://ok.example/) ![after](https://img.example/a.png)")
                == "<p><a href=\"https://ok.example/\">text inner more</a> <a href=\"https://img.example/a.png\">after</a></p>\n")
    }

    @Test func textThatLooksLikeALinkIsLeftAlone() {
        // Raw HTML is off and code is escaped: only libcmark's own tags are read.
        let html = Markdown.html("`<a href=\"mailto:x\">` and <a href=\"mailto:y\">z</a>\n\n    <img src=\"http://x/\" alt=\"a\" />")
        #expect(html.contains("&lt;a href=&quot;mailto:x&quot;&gt;"))
        #expect(html.contains("&lt;img src=&quot;http://x/&quot; alt=&quot;a&quot; /&gt;"))
        #expect(!html.contains("<a href") && !html.contains("<img"))
    }

    @Test func blanksUnsafeLinks() {
        let html = Markdown.html("[x](javascript:alert(1)) [y](https://example.org/)")
        #expect(!html.contains("javascript:"))
        #expect(html.contains("href=\"https://example.org/\""))
    }

    /// Bodies are kept as the bytes libcmark writes: the same HTML, headings demoted alike, and invalid UTF-8 in
    /// the Markdown comes out as U+FFFD (libcmark validates its input), so the bytes are text as they are.
    @Test func bodiesAsBytesAreTheHTML() {
        let markdown: [UInt8] = Array("# Héading\n\nText — \"quoted\" & ".utf8) + [0xFF, 0xC3] + Array(" end\n".utf8)
        let bytes = Markdown.htmlBytes(ArraySlice(markdown), demotingHeadings: true)
        #expect(bytes == Array(Markdown.html(ArraySlice(markdown), demotingHeadings: true).utf8))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("<h2>Héading</h2>\n<p>Text — &quot;quoted&quot; &amp; \u{FFFD}\u{FFFD} end</p>"))
        #expect(Array(text.utf8) == bytes)
    }
}
