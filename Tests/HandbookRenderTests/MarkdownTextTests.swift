import Foundation
import HandbookModel
import HandbookRender
import HandbookTestSupport
import Testing

/// What the search index reads of a body: the words a reader sees, not links' addresses or left-out HTML.
@Suite struct MarkdownTextTests {
    /// The runs of `body` joined by a line feed each.
    static func visible(_ body: String) -> String {
        var out: [UInt8] = []
        Array(body.utf8).withUnsafeBufferPointer { bytes in
            MarkdownText.forEachRun(in: bytes) { out += $0; out.append(0x0A) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The index's tokens of `body`'s runs, as a set.
    static func tokens(_ body: String) -> Set<String> {
        var tokens: Set<String> = []
        Array(body.utf8).withUnsafeBufferPointer { bytes in
            MarkdownText.forEachRun(in: bytes) { tokens.formUnion(SearchTokenizer.indexTokens(String(decoding: $0, as: UTF8.self))) }
        }
        return tokens
    }

    /// The index's tokens of the text of libcmark's HTML for `body`: tags taken out, its escapes read back.
    static func renderedTokens(_ body: String) -> Set<String> {
        // By scalar, not by character: a joiner after `>` makes one character with it.
        var scalars = String.UnicodeScalarView()
        var inTag = false
        for scalar in Markdown.html(body).unicodeScalars {
            if scalar == "<" { inTag = true; scalars.append(" ") } else if scalar == ">" { inTag = false } else if !inTag { scalars.append(scalar) }
        }
        let text = String(scalars).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        return Set(SearchTokenizer.indexTokens(text))
    }

    @Test func plainTextIsOneRun() {
        #expect(Self.visible("Citizens' assemblies *meet* in Paris.\nTwice a year.") == "Citizens' assemblies *meet* in Paris.\nTwice a year.\n")
    }

    @Test func inlineLinksKeepTheirTextNotTheirAddress() {
        #expect(Self.tokens("See [the report](https://www.example.org/reports/final.html \"Final report\") now.")
            == ["see", "report", "now"])
        #expect(Self.tokens("[a link](<https://example.org/with space> 'title words')") == ["link"])
        #expect(Self.tokens("[nested (parens)](https://en.example.org/wiki/Jury_(law)) jury") == ["nested", "parens", "jury"])
    }

    @Test func imagesKeepTheirDescription() {
        #expect(Self.tokens("![Assembly members](https://cdn.example.com/photo.jpg) voting") == ["assembly", "members", "voting"])
    }

    @Test func anImagesDescriptionIsARunOfItsOwn() {
        var runs: [String] = []
        Array("see ![a [B](https://x.example/) c](/p.png) and [D](/e)\n\n![open".utf8).withUnsafeBufferPointer { bytes in
            MarkdownText.forEachRun(withKindsIn: bytes) { run, kind in
                runs.append((kind == .imageDescription ? "image:" : "") + String(decoding: run, as: UTF8.self))
            }
        }
        #expect(runs == ["see ![", "image:a [B]", "image: c", "]", " and [D]", "\n\n![", "image:open"])
    }

    @Test func aBracketWithoutItsOpeningIsText() {
        #expect(Self.tokens("a closing] (bracket words) stay") == ["closing", "bracket", "words", "stay"])
        #expect(Self.tokens("[not a link] (spaced) stays") == ["link", "spaced", "stays"])
    }

    @Test func referenceDefinitionsAreLeftOut() {
        #expect(Self.tokens("Read [the report][r].\n\n[r]: https://example.org/report.pdf \"Report title\"\n") == ["read", "report"])
        #expect(Self.visible("Text\n\n[label]: https://example.org/x\n  'title'\nMore") == "Text\n\n\nMore\n")
    }

    @Test func aDefinitionCannotInterruptAParagraph() {
        #expect(Self.tokens("Words here\n[label]: https://example.org/kept") == Self.renderedTokens("Words here\n[label]: https://example.org/kept"))
    }

    /// An autolink's address is its text on the page: it is read.
    @Test func autolinksAreText() {
        let body = "Write to <press@example.org> or see <https://example.org/about>."
        #expect(Self.tokens(body) == ["write", "press", "example", "org", "see", "https"])
        #expect(Self.tokens(body) == Self.renderedTokens(body))
    }

    /// Each as libcmark reads it: what CommonMark takes for a tag, a comment, a block start or code.
    @Test(arguments: [
        "<!-->\nqvisible\n\nqnext", "<?>\nqvis\n\nqnext", "a <!--> qb --> qc", "a <!---> qb --> qc", "a <!-- qb -- qc --> qd",
        "qa <a title='x\n\nqvisible para'> qend", "qx <!-- qa\n# qhead\n-->", "qx <a\n# qh\nqy>", "# qh [qa\n](qlinkdest)",
        "- [qa\n- ](qdest2)", "Write to <qjane qdoe, qsecretary> today", "qa <b c=d=qe> qf", "qa <b c = 'x' d e=\"y\" /> qf",
        "    [qa](qcode)", "[ ]: qdest", "---\n<span>\ntext", "para\n<div>\nqhidden\n\nqafter", "para\n> [qa](qb)\n1. [qc](qd)",
        "> [qr]: qdest\n\nqtext", "qa [qb](qc (qd)) qe", "qa [qb](" + String(repeating: "(", count: 33) + "x" + String(repeating: ")", count: 33) + ") qe",
        "qa [qb](" + String(repeating: "(", count: 32) + "x" + String(repeating: ")", count: 32) + ") qe",
    ])
    func readsAsLibcmarkDoes(_ body: String) {
        #expect(Self.tokens(body) == Self.renderedTokens(body), "\(body.debugDescription)")
    }

    /// Openings whose closing mark never comes, a megabyte of them: each search that fails is not made again, so the
    /// scan stays linear (quadratic, these took minutes) and reads them as libcmark does.
    @Test(arguments: ["<!--", "<?", "<!A ", "<![CDATA[", "[](", "[](b (", "[](b \"", "<a b='", "`", "``x", "<a ", "[]("])
    func unclosedOpeningsStayLinear(_ opening: String) {
        let body = "qa " + String(repeating: opening, count: 1_000_000 / opening.utf8.count) + " qz"
        #expect(Self.tokens(body) == Self.renderedTokens(body))
    }

    @Test func inlineTagsAreLeftOutTheirTextKept() {
        #expect(Self.tokens("A <span class=\"badge\">citizens</span> panel<br/> <!-- note to editors -->") == ["citizens", "panel"])
        // `<than and>` is a tag (an attribute `and`); a `<` before a space is text.
        #expect(Self.tokens("Less <than and> votes: 3 < 4") == ["less", "votes"])
        #expect(Self.tokens("Less <than and> votes: 3 < 4") == Self.renderedTokens("Less <than and> votes: 3 < 4"))
    }

    @Test func htmlBlocksAreLeftOutWhole() {
        let body = "Opening\n\n<div class=\"box\">\nhidden words\n</div>\n\nClosing\n\n<script>\nvar secret = 1\n\nstill script\n</script>\nend"
        #expect(Self.tokens(body) == ["opening", "closing", "end"])
        #expect(Self.tokens(body) == Self.renderedTokens(body))
    }

    @Test func aLoneTagLineCannotInterruptAParagraph() {
        let body = "Words\n<span>\nvotes\n\n<custom-tag>\ninside\n\nout"
        #expect(Self.tokens(body) == Self.renderedTokens(body))
        #expect(Self.tokens(body).contains("votes") && !Self.tokens(body).contains("inside"))
    }

    @Test func codeIsReadAsItIsShown() {
        #expect(Self.tokens("Use `<kbd>` and `[x](y)` here") == ["use", "kbd", "here"])
        let fenced = "```html info-words\n<div>shown code</div>\n[a](https://example.org/b)\n```\nafter"
        #expect(Self.tokens(fenced) == Self.renderedTokens(fenced))
        #expect(Self.tokens(fenced).contains("div") && !Self.tokens(fenced).contains("info"))
    }

    @Test func anUnclosedCodeFenceRunsToTheEnd() {
        let body = "text\n~~~~\n<b>bold</b> [l](https://example.org/u)\n~~~\nstill code"
        #expect(Self.tokens(body) == Self.renderedTokens(body))
    }

    @Test func escapedBracketsAndAnglesAreText() {
        let body = "\\[not](https://example.org/kept) and \\<b\\>"
        #expect(Self.tokens(body) == Self.renderedTokens(body))
        #expect(Self.tokens(body).contains("example"))
    }

    @Test func constructsOverSeveralLines() {
        let body = "[text\nacross](https://example.org/x\n\"a title\nover lines\") then <span\nclass=\"x\">kept</span>"
        #expect(Self.tokens(body) == Self.renderedTokens(body))
        #expect(Self.tokens(body) == ["text", "across", "kept"])
    }

    @Test func truncatedConstructsNeverReadPastTheEnd() {
        for body in ["[a](", "[a](<x", "[a](x \"t", "<", "<!--", "<a href=\"", "`", "```", "[l]:", "[l]: <x", "<div", "\\", "<?", "<![CDATA[", "<!D"] {
            #expect(Self.visible(body).utf8.count <= body.utf8.count + 1, "\(body)")
        }
    }

    /// The bodies under `folder` whose words differ from the text of their page's HTML, with the words that differ.
    static func differing(under folder: URL) throws -> (files: Int, differing: [String]) {
        let files = FileManager.default.enumerator(atPath: folder.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }
        var differing: [String] = []
        for file in files.sorted() {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            // The body follows the second `---` line.
            let parts = text.components(separatedBy: "\n---\n")
            let body = parts.count > 1 ? parts.dropFirst().joined(separator: "\n---\n") : ""
            let ours = tokens(body), rendered = renderedTokens(body)
            if ours != rendered { differing.append("\(file): only ours \(ours.subtracting(rendered).sorted()), only the page's \(rendered.subtracting(ours).sorted())") }
        }
        return (files.count, differing)
    }

    @Test func theShippedContentReadsAsItsPages() throws {
        let (files, differing) = try Self.differing(under: SharedFolder.packageRoot.appendingPathComponent("content"))
        #expect(files > 100)
        #expect(differing.isEmpty, "\(differing.joined(separator: "\n"))")
    }

    @Test(.needsShared("real data")) func theRealDataReadsAsItsPages() throws {
        let folder = try #require(SharedFolder.url).appendingPathComponent("realdata/content")
        let (files, differing) = try Self.differing(under: folder)
        #expect(files > 1000)
        #expect(differing.isEmpty, "\(differing.prefix(20).joined(separator: "\n"))")
    }
}
