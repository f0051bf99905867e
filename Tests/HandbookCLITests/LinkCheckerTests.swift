@testable import HandbookBuild
import HandbookModel
import HandbookRender
import Testing

/// The link checker finds where each broken link is and says why, as a `broken-link` diagnostic.
@Suite struct LinkCheckerTests {
    static let base = "https://example.org/handbook/"

    func broken(_ html: String, page: String = "topics/index.html", others: [String] = []) -> [LinkChecker.BrokenLink] {
        let files = [OutputFile(path: page, text: html)] + others.map { OutputFile(path: $0, text: "") }
        return LinkChecker.check(files, baseURL: Self.base)
    }

    @Test func positionsCountLinesAndUnicodeScalars() {
        let found = broken("<p>é</p>\n<p>ü <a href=\"gone/\">x</a> <img src=\"../x.png\"></p>\n")
        #expect(found.map(\.position) == [TextPosition(line: 2, column: 15), TextPosition(line: 2, column: 38)])
        #expect(found.map(\.problem) == [.missing("topics/gone/"), .missing("x.png")])
    }

    @Test func linksThatResolveAreFine() {
        let html = "<a href=\"../\">home</a><a href=\"./\">here</a><a href=\"https://other.org/\">out</a><a href=\"#top\">top</a>"
            + "<a href=\"/handbook/topics/\">abs</a><a href=\"https://example.org/handbook/\">base</a><a href=\"mailto:a@b.org\">mail</a>"
        #expect(broken(html, others: ["index.html"]).isEmpty)
    }

    @Test func saysWhyALinkIsBroken() {
        let found = broken("<a href=\"/elsewhere/\">x</a><a href=\"../../up\">y</a>")
        #expect(found.map(\.problem) == [.outsideBase("/handbook/"), .aboveRoot])
    }

    @Test func aBrokenLinkIsADiagnosticOnTheBuiltPage() {
        let link = broken("\n  <a href=\"nowhere/\">x</a>")[0]
        let diagnostic = link.diagnostic(outputPath: "site")
        #expect(diagnostic.rule == "broken-link")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location == SourceLocation(path: "site/topics/index.html", line: 2, column: 12))
        #expect(diagnostic.message.hasPrefix("broken link to 'nowhere/': nothing was built at 'topics/nowhere/'; correct the link"))
    }
}
