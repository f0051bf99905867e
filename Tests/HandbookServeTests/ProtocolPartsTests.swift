import Foundation
@testable import HandbookServe
import Testing

/// The pieces of HTTP the server reads and writes, on their own.
@Suite struct ProtocolPartsTests {
    @Test func entityTagsFollowTheBytes() {
        let tag = EntityTag.of(Array("body".utf8))
        #expect(tag == EntityTag.of(Array("body".utf8)))
        #expect(tag != EntityTag.of(Array("bodz".utf8)))
        #expect(EntityTag.matches("*", tag))
        #expect(EntityTag.matches(" \"a\" , W/\(tag)", tag))
        #expect(!EntityTag.matches("\"a\"", tag))
        #expect(!EntityTag.matches("", tag))
    }

    @Test func theScriptGoesBeforeTheLastClosingBody() {
        let page = Array("<html><body><p>&lt;/body&gt;</p></BODY></html>".utf8)
        let injected = LiveReload.inject(Array("<x>".utf8), into: page)
        #expect(String(decoding: injected, as: UTF8.self) == "<html><body><p>&lt;/body&gt;</p><x></BODY></html>")
        #expect(String(decoding: LiveReload.inject(Array("<x>".utf8), into: Array("text".utf8)), as: UTF8.self) == "text<x>")
    }

    @Test func mediaTypesByNameThenExtension() {
        #expect(MediaType.of("feed.xml") == "application/atom+xml")
        #expect(MediaType.of("sitemap.xml") == "application/xml")
        #expect(MediaType.of("organisations/acme/events.ics") == "text/calendar; charset=utf-8")
        #expect(MediaType.of("api/schema/organisations.schema.json") == "application/json")
        #expect(MediaType.of("assets/Logo.PNG") == "image/png")
        #expect(MediaType.of("LICENSE") == "application/octet-stream")
    }

    @Test func theParserStopsAtEachLimit() {
        var limits = HTTPLimits()
        limits.requestLine = 32
        limits.headerCount = 2
        limits.headerBytes = 64
        func status(_ text: String) -> Int? {
            if case .refused(let status) = HTTPRequestParser.parse(Array(text.utf8)[...], limits: limits) { return status }
            return nil
        }
        #expect(status("GET /" + String(repeating: "a", count: 40)) == 414)
        #expect(status("GET /" + String(repeating: "a", count: 40) + " HTTP/1.1\r\n") == 414)
        #expect(status("GET / HTTP/1.1\r\nHost: x\r\nA: 1\r\nB: 2\r\n\r\n") == 431)
        #expect(status("GET / HTTP/1.1\r\nHost: x\r\nA: " + String(repeating: "b", count: 70)) == 431)
        if case .incomplete = HTTPRequestParser.parse(Array("GET / HTTP/1.1\r\nHost: x\r\n".utf8)[...], limits: limits) {} else {
            Issue.record("a head without its blank line is incomplete")
        }
        guard case .complete(let request, let length) = HTTPRequestParser.parse(Array("\r\nGET /a HTTP/1.1\nHost: x\n\nrest".utf8)[...], limits: limits) else {
            Issue.record("bare line feeds and a leading blank line are accepted")
            return
        }
        #expect(request.target == "/a" && request.header("host") == "x" && length == 27)
    }

    @Test func theDateFieldIsIMFFixdate() {
        #expect(HTTPDate.format(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
    }
}
