import Foundation
@testable import HandbookModel
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
        for url in Self.crafted + Self.contentURLs() where WebAddress.isPlainlyWellFormed(url) {
            #expect(WebAddress.problemInFull(url) == nil, "\(url)")
        }
    }

    @Test func theShortcutTakesTheCommonShapes() {
        for url in ["https://example.org", "https://www.example.org/about/", "http://a.b/c?d=e#f", "https://a.b:8443/x"] {
            #expect(WebAddress.isPlainlyWellFormed(url), "\(url)")
        }
        for url in ["https://example.org/%20", "HTTPS://example.org", "https://[::1]/", "https://example"] {
            #expect(!WebAddress.isPlainlyWellFormed(url), "\(url)")
        }
    }

    @Test func theShippedContentsURLsAreJudgedAlikeEitherWay() {
        let urls = Self.contentURLs()
        #expect(urls.count > 100)
        for url in urls { #expect(WebAddress.problem(url) == WebAddress.problemInFull(url), "\(url)") }
    }

    @Test(arguments: ["https://x..org/", "https://-x.org/", "https://x-.org/", "https://x.org./", "https://[::1]:99999/", "https://x.org:0/",
                      "https://x.org:65536/", "https://x.org/%zz/", "https://x.org/a%2", "https://exa_mple.org/",
                      "https://" + String(repeating: "a", count: 64) + ".org/",
                      // Found by a review: a browser reads each of these as another host than a URL parser would, or
                      // not at all.
                      "https://good.example\\@evil.example/", "https://[foo]/", "https://[]/", "https://[::1%25eth0]/",
                      "https://ex\u{200B}ample.org/", "https://a.b\u{3002}evil.example/", "https://\u{2603}.example/",
                      "https://exa\u{2044}mple.org/", "https://example.123/", "https://999.999.999.999/", "https://user@a.example/",
                      "https://" + Array(repeating: String(repeating: "a", count: 63), count: 4).joined(separator: ".") + ".org/"])
    func invalidHostsPortsAndEscapesAreRefused(_ url: String) {
        #expect(!WebAddress.isPlainlyWellFormed(url), "\(url)")
        #expect(WebAddress.problem(url) != nil, "\(url)")
    }

    @Test(arguments: ["https://x.org:65535/", "https://x.org:1/a", "https://a-b.c-d.org/%20%C3%A9", "https://bücher.example/", "https://[::1]:8080/",
                      "https://127.0.0.1/", "https://xn--bcher-kva.example/", "https://[2001:db8::1]/",
                      "https://" + String(repeating: "a", count: 63) + ".org/"])
    func validHostsPortsAndEscapesAreAccepted(_ url: String) {
        #expect(WebAddress.problem(url) == nil, "\(url): \(WebAddress.problem(url) ?? "")")
    }

    /// A refusal says what is wrong where a reader could not see it.
    @Test func refusalsNameWhatIsWrong() {
        #expect(WebAddress.problem("http:/example.org/") == "needs two slashes after 'http:', as in http://example.org/")
        #expect(WebAddress.problem("https://exam\u{00A0}ple.org/")?.contains("holds U+A0, a space or an invisible character") == true)
        #expect(WebAddress.problem("https://ex\u{200B}ample.org/")?.contains("holds U+200B") == true)
        #expect(WebAddress.problem("ftp://example.org/")?.contains("uses another scheme") == true)
    }

    @Test func aBaseURLTakesNoQueryFragmentOrUser() {
        #expect(WebAddress.baseURLProblem("https://x.org/handbook/") == nil)
        #expect(WebAddress.baseURLProblem("https://x.org/?q=1")?.contains("query") == true)
        #expect(WebAddress.baseURLProblem("https://x.org/#f")?.contains("fragment") == true)
        #expect(WebAddress.baseURLProblem("https://x.org/?q=1#f/")?.contains("query") == true)
        #expect(WebAddress.baseURLProblem("https://user@x.org/")?.contains("user") == true)
        #expect(WebAddress.baseURLProblem("https://x..org/")?.contains("empty part") == true)
        // Sitemaps, feeds and calendars take it as it is: ASCII, scheme and host in lower case (a path may hold capitals).
        #expect(WebAddress.baseURLProblem("https://münchen.example/")?.contains("xn--") == true)
        #expect(WebAddress.baseURLProblem("HTTPS://A.EXAMPLE/")?.contains("'https://a.example/'") == true)
        #expect(WebAddress.baseURLProblem("https://a.example:8080/Handbook/") == nil)
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
