import Foundation
@testable import HandbookValidate
import Testing

/// `URLRule` accepts most URLs from their bytes (`isPlainlyWellFormed`); that shortcut must never accept what
/// the whole check (Foundation's parser) refuses.
@Suite struct URLRuleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Hand-made cases on both sides of the shortcut's edges.
    static let crafted = [
        "https://example.org", "http://example.org/", "https://a.b/c?d=e&f=g#h", "https://a.b:8080/x", "https://localhost/",
        "https://a-b.example.org/p_q~r!$&'()*+,;=:@/s", "HTTPS://example.org/", "https://example.org/%20", "https://example.org/a b",
        "https://example.org/a#b#c", "https://example.org/[x]", "https://[::1]/", "https://user@example.org/", "https://example.org:/",
        "https://example.org:123456/", "https://example.org:80x/", "https://.example.org/", "https://example.org./", "https://example",
        "https://exa_mple.org/", "https://example.org/é", "https://example.org/\"", "https://example.org/<a>", "https://", "http:/a.b",
        "https://example.org?q", "https://example.org#f", "https://a..b/", "https://-a.b/", "https://a.b/{x}", "https://a.b/|", "https://a.b/\\",
    ]

    @Test func theShortcutAcceptsOnlyWhatTheWholeCheckAccepts() {
        for url in Self.crafted + Self.contentURLs() where URLRule.isPlainlyWellFormed(url) {
            #expect(URLRule.problemThroughFoundation(url) == nil, "\(url)")
        }
    }

    @Test func theShortcutTakesTheCommonShapes() {
        for url in ["https://example.org", "https://www.example.org/about/", "http://a.b/c?d=e#f", "https://a.b:8443/x"] {
            #expect(URLRule.isPlainlyWellFormed(url), "\(url)")
        }
        for url in ["https://example.org/%20", "HTTPS://example.org", "https://[::1]/", "https://example"] {
            #expect(!URLRule.isPlainlyWellFormed(url), "\(url)")
        }
    }

    @Test func theShippedContentsURLsAreJudgedAlikeEitherWay() {
        let urls = Self.contentURLs()
        #expect(urls.count > 100)
        for url in urls { #expect(URLRule.problem(url) == URLRule.problemThroughFoundation(url), "\(url)") }
    }

    /// Every `http(s)://…` run of characters in the shipped content's files.
    static func contentURLs() -> [String] {
        let content = root.appendingPathComponent("content")
        var urls: [String] = []
        guard let files = FileManager.default.enumerator(atPath: content.path) else { return [] }
        for case let file as String in files where file.hasSuffix(".md") {
            guard let text = try? String(contentsOf: content.appendingPathComponent(file), encoding: .utf8) else { continue }
            for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\"" || $0 == "(" || $0 == ")" || $0 == "<" || $0 == ">" })
            where word.hasPrefix("http://") || word.hasPrefix("https://") {
                urls.append(String(word))
            }
        }
        return urls
    }
}
