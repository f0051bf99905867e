import Foundation
@testable import HandbookServe
import Testing

/// No request target leads outside the site: each of these is refused (400) or not found (404), and none
/// is ever answered with a file that is not the site's.
@Suite struct PathTraversalTests {
    /// Targets that try to step out of the site, or around its paths.
    static let corpus = [
        "/../../../../etc/passwd",
        "/..",
        "/organisations/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/.%2e/etc/passwd",
        "/..%2f..%2fetc%2fpasswd",
        "/..%2F..%2Fetc%2Fpasswd",
        "/organisations/..%2f..%2fPackage.swift",
        "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/..\\..\\etc\\passwd",
        "/%5c..%5c..%5cetc%5cpasswd",
        "/..%5c..%5cetc%5cpasswd",
        "/index.html%00.css",
        "/%00",
        "/robots.txt%00",
        "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
        "/%c0%af..%c0%afetc%c0%afpasswd",
        "/%e0%80%ae%e0%80%ae/etc/passwd",
        "/%c1%9c..%c1%9cetc",
        "/%ff%fe",
        "/%25%32%65%25%32%65/etc/passwd",
        "/%252e%252e/%252e%252e/etc/passwd",
        "//etc/passwd",
        "/%2fetc%2fpasswd",
        "/etc/passwd",
        "/proc/self/environ",
        "/./robots.txt",
        "/organisations/./example-network/",
        "/organisations//example-network/",
        "/%",
        "/%2",
        "/%zz",
        "etc/passwd",
        "*",
        "http://127.0.0.1/../../etc/passwd",
        "http://127.0.0.1/%2e%2e/etc/passwd",
        "/" + String(repeating: "../", count: 40) + "etc/passwd",
        "/assets/../../../Package.swift",
        "/Package.swift",
        "/content/handbook.yml",
        "/handbook.yml",
        "/_handbook/../robots.txt",
        "/_handbook/%2e%2e/robots.txt",
    ]

    /// Over a real socket: refused or 404, never a file from outside; the body is never the passwd file.
    @Test func everyTraversalIsRefusedOrNotFound() throws {
        let served = try ServedFixture()
        let passwd = (try? String(contentsOfFile: "/etc/passwd", encoding: .utf8)) ?? "root:x:0:0"
        for target in Self.corpus {
            let client = try served.client()
            client.send("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            let reply = try client.reply()
            #expect(reply.status == 400 || reply.status == 404, "\(target) → \(reply.status)")
            #expect(!reply.text.contains("root:x:0:0") && !reply.text.contains(passwd.prefix(20)), "\(target)")
            #expect(!reply.text.contains("swift-tools-version"), "\(target)")
        }
    }

    /// The resolver itself: each refusal for its reason, and ordinary paths kept as they are.
    @Test func theResolverRefusesForTheRightReason() throws {
        func refusal(_ target: String) -> RequestPath.Refusal? {
            if case .failure(let refusal) = RequestPath.parse(target) { return refusal }
            return nil
        }
        #expect(refusal("/%2e%2e/x") == .dotSegment)
        #expect(refusal("/..%2fx") == .dotSegment)
        #expect(refusal("//x") == .dotSegment)
        #expect(refusal("/a\\b") == .forbiddenByte)
        #expect(refusal("/a%5cb") == .forbiddenByte)
        #expect(refusal("/a%00") == .forbiddenByte)
        #expect(refusal("/a%0d%0aSet-Cookie:x") == .forbiddenByte)
        #expect(refusal("/%c0%ae%c0%ae/") == .invalidUTF8)
        #expect(refusal("/%ed%a0%80") == .invalidUTF8, "a UTF-16 surrogate")
        #expect(refusal("/%f4%90%80%80") == .invalidUTF8, "past U+10FFFF")
        #expect(refusal("/%zz") == .badEscape)
        #expect(refusal("/%4") == .badEscape)
        #expect(refusal("x") == .notAPath)
        #expect(refusal("*") == .notAPath)
        #expect(try RequestPath.parse("/organisations/?country=be#top").get() == RequestPath(key: "organisations/", raw: "/organisations/", query: "?country=be"))
        #expect(try RequestPath.parse("/search/%C3%A9t%C3%A9/").get().key == "search/été/")
        #expect(try RequestPath.parse("/%252e%252e/").get().key == "%2e%2e/", "decoded once only")
        #expect(try RequestPath.parse("HTTP://127.0.0.1:8000/feed.xml").get().key == "feed.xml")
        #expect(try RequestPath.parse("http://127.0.0.1").get().key == "")
        #expect(try RequestPath.parse("/").get().isFolder)
    }
}
