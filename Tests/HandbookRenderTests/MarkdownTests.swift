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
