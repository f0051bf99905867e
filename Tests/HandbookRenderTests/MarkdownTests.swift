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

    @Test func blanksUnsafeLinks() {
        let html = Markdown.html("[x](javascript:alert(1)) [y](https://example.org/)")
        #expect(!html.contains("javascript:"))
        #expect(html.contains("href=\"https://example.org/\""))
    }
}
