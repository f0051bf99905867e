import Foundation
@testable import HandbookServe
import Testing

/// Problems in the content or the theme are shown over every page, and go when fixed; the server goes on.
@Suite(.serialized) struct ErrorOverlayTests {
    /// A content error: every page shows file, line, column, rule, message and the offending line over the
    /// last good site; fixing the file removes it.
    /// A control character in a file name or message (an escape sequence, a bell) is shown as U+FFFD, never sent raw.
    @Test func controlCharactersInAProblemAreNotSentRaw() {
        let problem = OverlayProblem(path: "content/x\u{1B}]0;title\u{07}.md", line: 1, column: 1, rule: "slug",
                                     message: "bad \u{1B}[2J name", source: "a\u{7F}b")
        let html = String(decoding: ErrorOverlay.html([problem]), as: UTF8.self)
        #expect(!html.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" } && !html.contains("\u{7F}"))
        #expect(html.contains("content/x\u{FFFD}]0;title\u{FFFD}.md:1:1"))
        #expect(html.contains("bad \u{FFFD}[2J name"))
    }

    @Test func aContentErrorIsShownOverEveryPageUntilFixed() throws {
        let served = try ServedFixture()
        try served.edit("organisations/example-network.md") { $0.replacingOccurrences(of: "country: \"BE\"", with: "country: \"XX\"") }
        #expect(served.eventually { (try? served.get("/").text.contains("handbook-errors")) == true })
        let path = served.content + "/organisations/example-network.md"
        for page in ["/", "/organisations/example-network/", "/nowhere/"] {
            let reply = try served.get(page)
            #expect(reply.status == (page == "/nowhere/" ? 404 : 200))
            let text = reply.text
            #expect(text.contains("<code>\(path):3:10</code> <span class=\"handbook-error-rule\">[country]</span>"), "\(page)")
            #expect(text.contains("&#39;XX&#39; is not"), "\(page)")
            #expect(text.contains("<span class=\"handbook-error-number\">3</span> country: &quot;XX&quot;\n"), "\(page)")
            #expect(text.contains("<span class=\"handbook-error-mark\">^</span>"), "\(page)")
            #expect(text.contains("<link rel=\"stylesheet\" href=\"/_handbook/overlay.css\">"), "\(page)")
        }
        // The last good site stays behind the overlay.
        #expect(try served.get("/organisations/example-network/").text.contains("Members meet monthly."))
        #expect(try served.get("/_handbook/overlay.css").header("content-type") == "text/css; charset=utf-8")
        let report = try #require(served.reports.list.last)
        #expect(!report.isServed && report.prepared?.validation.errorCount == 1)

        try served.edit("organisations/example-network.md") { $0.replacingOccurrences(of: "country: \"XX\"", with: "country: \"BE\"") }
        #expect(served.eventually { (try? served.get("/").text.contains("handbook-errors")) == false })
        #expect(served.reports.list.last?.isServed == true)
    }

    /// A symbolic link in the content is reported and never read: the overlay shows no line of the file it
    /// points to, which may be outside the tree.
    @Test func aLinkedFileIsReportedWithoutItsLines() throws {
        let served = try ServedFixture()
        let outside = served.content + "/../outside-secret.txt"
        try "SECRET-LINE do not publish\n".write(toFile: outside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try FileManager.default.createSymbolicLink(atPath: served.content + "/organisations/leak.md", withDestinationPath: outside)
        #expect(served.eventually { (try? served.get("/").text.contains("handbook-errors")) == true })
        let text = try served.get("/organisations/").text
        #expect(text.contains("organisations/leak.md:1:1</code> <span class=\"handbook-error-rule\">[symlink]</span>"), "\(text)")
        #expect(!text.contains("SECRET-LINE"))
        #expect(!text.contains("handbook-error-number"))
    }

    /// A template that does not compile is shown with its file, line and column; the site before it stays.
    @Test func aTemplateErrorIsShownUntilFixed() throws {
        let served = try ServedFixture(copyTheme: true)
        let template = served.theme + "/templates/topics.mustache"
        let source = try String(contentsOfFile: template, encoding: .utf8)
        try ("<p>\n  {{#unclosed}}\n" + source).write(toFile: template, atomically: true, encoding: .utf8)
        #expect(served.eventually { (try? served.get("/").text.contains("handbook-errors")) == true })
        let text = try served.get("/").text
        #expect(text.contains("<code>\(template):2:3</code> <span class=\"handbook-error-rule\">[template]</span>"))
        #expect(text.contains("section &#39;unclosed&#39; is never closed"))
        #expect(text.contains("<span class=\"handbook-error-number\">2</span>   {{#unclosed}}"))
        try source.write(toFile: template, atomically: true, encoding: .utf8)
        #expect(served.eventually { (try? served.get("/").text.contains("handbook-errors")) == false })
    }

    /// With no good build yet, every address answers with the problems alone (status 500) and the reload
    /// script, and the site appears once the file is fixed.
    @Test func withNoGoodBuildEveryAddressShowsTheProblems() throws {
        let served = try ServedFixture { content in
            let path = content + "/events/example-meetup.md"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try text.replacingOccurrences(of: "---\n", with: "---\nunknown_field: 1\n", options: [], range: text.startIndex..<text.index(text.startIndex, offsetBy: 4))
                .write(toFile: path, atomically: true, encoding: .utf8)
        }
        for page in ["/", "/organisations/", "/feed.xml"] {
            let reply = try served.get(page)
            #expect(reply.status == 500, "\(page)")
            #expect(reply.text.contains("example-meetup.md:2:1</code>"), "\(page)")
            #expect(reply.text.contains("src=\"/_handbook/reload.js\" data-version=\"1\""), "\(page)")
        }
        try served.edit("events/example-meetup.md") { $0.replacingOccurrences(of: "unknown_field: 1\n", with: "") }
        #expect(served.eventually { (try? served.get("/").status) == 200 })
        #expect(try !served.get("/").text.contains("handbook-errors"))
    }
}
