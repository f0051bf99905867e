import Foundation
import HandbookBuild
import HandbookModel
import HandbookServe
import Testing

/// The server over a real loopback socket: statuses, headers and bodies for every kind of request.
@Suite(.serialized) struct ServeHTTPTests {
    /// Every kind of file the site has is sent with its type, a tag, and no-cache.
    @Test func everyFileTypeHasItsContentType() throws {
        let served = try ServedFixture()
        let expected = [
            "/": "text/html; charset=utf-8",
            "/organisations/example-network/": "text/html; charset=utf-8",
            "/assets/style.css": "text/css; charset=utf-8",
            "/assets/handbook.js": "text/javascript; charset=utf-8",
            "/assets/favicon.svg": "image/svg+xml",
            "/api/index.json": "application/json",
            "/events.ics": "text/calendar; charset=utf-8",
            "/feed.xml": "application/atom+xml",
            "/feed.json": "application/feed+json",
            "/sitemap.xml": "application/xml",
            "/api/graph.graphml": "application/graphml+xml",
            "/api/graph.gexf": "application/gexf+xml",
            "/robots.txt": "text/plain; charset=utf-8",
        ]
        for (path, type) in expected.sorted(by: { $0.key < $1.key }) {
            let reply = try served.get(path)
            #expect(reply.status == 200, "\(path)")
            #expect(reply.header("content-type") == type, "\(path)")
            #expect(reply.header("etag")?.hasPrefix("\"") == true, "\(path)")
            #expect(reply.header("cache-control") == "no-cache", "\(path)")
            #expect(reply.header("x-content-type-options") == "nosniff", "\(path)")
            #expect(Int(reply.header("content-length") ?? "") == reply.body.count, "\(path)")
        }
    }

    /// Pages carry the live-reload script before `</body>`; data files are served as built.
    @Test func pagesCarryTheReloadScriptAndDataDoesNot() throws {
        let served = try ServedFixture()
        let page = try served.get("/organisations/example-network/")
        #expect(page.text.contains("<script src=\"/_handbook/reload.js\" data-version=\"1\" defer></script>\n</body>"))
        #expect(page.text.contains("Members meet monthly."))
        #expect(!page.text.contains("handbook-errors"))
        let data = try served.get("/api/index.json")
        #expect(!data.text.contains("_handbook"))
        let script = try served.get("/_handbook/reload.js")
        #expect(script.status == 200 && script.header("content-type") == "text/javascript; charset=utf-8")
        #expect(script.text.contains("new EventSource(\"/_handbook/events\")"))
    }

    /// A folder is served through its index.html; without its final `/` it is redirected, query kept.
    @Test func foldersServeTheirIndexAndRedirectToTheSlash() throws {
        let served = try ServedFixture()
        let folder = try served.get("/organisations/")
        #expect(folder.status == 200 && folder.text.contains("Example Network"))
        let redirect = try served.get("/organisations?country=be")
        #expect(redirect.status == 301)
        #expect(redirect.header("location") == "/organisations/?country=be")
        let nested = try served.get("/organisations/example-network")
        #expect(nested.status == 301 && nested.header("location") == "/organisations/example-network/")
        #expect(try served.get("/index.html").status == 200)
    }

    /// A miss is answered with the site's own 404 page and status 404.
    @Test func missesGetTheSites404Page() throws {
        let served = try ServedFixture()
        for path in ["/nowhere/", "/organisations/nobody/", "/assets/missing.css", "/nowhere"] {
            let reply = try served.get(path)
            #expect(reply.status == 404, "\(path)")
            #expect(reply.text.contains("Page not found"), "\(path)")
            #expect(reply.header("content-type") == "text/html; charset=utf-8")
        }
    }

    /// HEAD: the same head as GET (its length), no body, and the connection goes on.
    @Test func headSendsTheHeadOnly() throws {
        let served = try ServedFixture()
        let get = try served.get("/organisations/")
        let client = try served.client()
        client.request("HEAD", "/organisations/")
        let head = try client.reply(head: true)
        #expect(head.status == 200)
        #expect(head.header("content-length") == String(get.body.count))
        #expect(head.header("etag") == get.header("etag"))
        #expect(head.body.isEmpty)
        // Had a body been sent, it would be read here as the next response's head.
        client.request("GET", "/robots.txt")
        let next = try client.reply()
        #expect(next.status == 200 && next.text.hasPrefix("User-agent"))
    }

    /// A tag the client has gives 304 with no body; any other gives the file.
    @Test func aKnownTagGives304() throws {
        let served = try ServedFixture()
        let first = try served.get("/assets/style.css")
        let tag = try #require(first.header("etag"))
        let again = try served.get("/assets/style.css", headers: ["If-None-Match: \(tag)"])
        #expect(again.status == 304)
        #expect(again.body.isEmpty)
        #expect(again.header("etag") == tag)
        #expect(try served.get("/assets/style.css", headers: ["If-None-Match: W/\(tag)"]).status == 304)
        #expect(try served.get("/assets/style.css", headers: ["If-None-Match: \"other\", \(tag)"]).status == 304)
        let other = try served.get("/assets/style.css", headers: ["If-None-Match: \"other\""])
        #expect(other.status == 200 && other.body == first.body)
    }

    /// Methods other than GET and HEAD get 405 with `Allow`.
    @Test func otherMethodsGet405() throws {
        let served = try ServedFixture()
        for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "BREW"] {
            let reply = try served.get("/", method: method, headers: method == "POST" ? ["Content-Length: 0"] : [])
            #expect(reply.status == 405, "\(method)")
            #expect(reply.header("allow") == "GET, HEAD", "\(method)")
        }
    }

    /// Over-long request lines, too many or too large header fields and large bodies are refused with the
    /// status that says which, and the connection is closed.
    @Test func oversizeRequestsAreRefused() throws {
        let served = try ServedFixture()
        let long = try served.client()
        long.send("GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        #expect(try long.reply().status == 414)
        #expect(long.closedByServer())

        let endless = try served.client()
        endless.send("GET /" + String(repeating: "a", count: 9000))
        #expect(try endless.reply().status == 414, "a request line too long is refused before it ends")

        let many = try served.client()
        many.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (0..<101).map { "X-Field-\($0): 1\r\n" }.joined() + "\r\n")
        #expect(try many.reply().status == 431)
        #expect(many.closedByServer())

        let large = try served.client()
        large.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Large: " + String(repeating: "b", count: 20_000) + "\r\n\r\n")
        #expect(try large.reply().status == 431)

        let body = try served.client()
        body.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000\r\n\r\n")
        #expect(try body.reply().status == 413)
        #expect(body.closedByServer())

        let chunked = try served.client()
        chunked.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
        #expect(try chunked.reply().status == 501)

        // A small body is read and dropped, and the connection goes on.
        let small = try served.client()
        small.send("GET /robots.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n\r\nhelloGET /robots.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        #expect(try small.reply().status == 200)
        #expect(try small.reply().status == 200)
    }

    /// Malformed requests get 400, another major version 505, a foreign Host 403.
    @Test func malformedRequestsAreRefused() throws {
        let served = try ServedFixture()
        let cases: [(String, Int)] = [
            ("GET / HTTP/1.1\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
            ("GET  / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 400),
            ("GET / HTTP/2.0\r\nHost: 127.0.0.1\r\n\r\n", 505),
            ("GET / HTTX/1.1\r\nHost: 127.0.0.1\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost : 127.0.0.1\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n folded\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n", 403),
            ("GET / HTTP/1.1\r\nHost: localhost.evil.example:80\r\n\r\n", 403),
            // A target in absolute form names its host, which counts rather than the Host field's.
            ("GET http://evil.example/robots.txt HTTP/1.1\r\nHost: localhost\r\n\r\n", 403),
            ("GET http://localhost:8000/robots.txt HTTP/1.1\r\nHost: evil.example\r\n\r\n", 200),
        ]
        for (request, status) in cases {
            let client = try served.client()
            client.send(request)
            #expect(try client.reply().status == status, "\(request.debugDescription)")
        }
        for host in ["localhost:8000", "127.0.0.1", "[::1]:1234", "LOCALHOST"] {
            #expect(try served.get("/robots.txt", headers: []).status == 200)
            let client = try served.client()
            client.send("GET /robots.txt HTTP/1.1\r\nHost: \(host)\r\n\r\n")
            #expect(try client.reply().status == 200, "\(host)")
        }
        // HTTP/1.0 needs no Host, and is closed after its response.
        let old = try served.client()
        old.send("GET /robots.txt HTTP/1.0\r\n\r\n")
        let reply = try old.reply()
        #expect(reply.status == 200 && reply.header("connection") == "close")
        #expect(old.closedByServer())
    }

    /// Two requests on one connection, one after the other and pipelined in one write.
    @Test func keepAliveServesSeveralRequestsOnOneConnection() throws {
        let served = try ServedFixture()
        let client = try served.client()
        client.request("GET", "/robots.txt")
        let first = try client.reply()
        #expect(first.status == 200 && first.header("connection") == "keep-alive")
        client.request("GET", "/organisations/")
        #expect(try client.reply().status == 200)
        client.send("GET /robots.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        #expect(try client.reply().status == 200)
        let last = try client.reply()
        #expect(last.status == 404 && last.header("connection") == "close")
        #expect(client.closedByServer())
    }

    /// A client that starts a request and stalls gets 408; an idle kept-alive one is closed quietly.
    @Test func slowClientsAreTimedOut() throws {
        var limits = HTTPLimits()
        limits.requestTimeout = 0.5
        limits.idleTimeout = 0.5
        let served = try ServedFixture(limits: limits)
        let slow = try served.client()
        let started = Date()
        slow.send("GET / HTTP/1.1\r\nHost: 127.")
        #expect(try slow.reply().status == 408)
        #expect(slow.closedByServer())
        #expect(Date().timeIntervalSince(started) < 5)

        // Dribbling a byte at a time does not extend the time for the whole request.
        let dribble = try served.client()
        let dribbleStart = Date()
        var refused = false
        for byte in "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaa".utf8 {
            dribble.send([byte])
            usleep(50_000)
            if Date().timeIntervalSince(dribbleStart) > 0.8 { break }
        }
        refused = (try? dribble.reply().status) == 408
        #expect(refused)

        let idle = try served.client()
        idle.request("GET", "/robots.txt")
        #expect(try idle.reply().status == 200)
        #expect(idle.closedByServer())
        #expect(idle.received.isEmpty)
    }

    /// Past the cap, a connection is answered 503 and closed; a freed slot serves again.
    @Test func connectionsBeyondTheCapGet503() throws {
        var limits = HTTPLimits()
        limits.connections = 2
        let served = try ServedFixture(limits: limits)
        let first = try served.client()
        let second = try served.client()
        for client in [first, second] {
            client.request("GET", "/robots.txt")
            #expect(try client.reply().status == 200)
        }
        let third = try served.client()
        let refused = try third.reply()
        #expect(refused.status == 503)
        #expect(refused.header("retry-after") == "1")
        #expect(third.closedByServer())
        first.request("GET", "/robots.txt", headers: ["Connection: close"])
        #expect(try first.reply().status == 200)
        #expect(first.closedByServer())
        #expect(served.eventually { (try? served.get("/robots.txt").status) == 200 })
    }

    /// Another loopback address answers to its own name too.
    @Test func anotherLoopbackAddressAnswersToItsName() throws {
        let build = Pipeline.BuildOptions(contentPath: ServedFixture.fixture, themePath: ServedFixture.defaultTheme, outputPath: "", baseURL: nil,
                                          checkLinks: false, today: PartialDate(year: 2026, month: 11, day: 22))
        var options = PreviewServer.Options(build: build)
        options.hosts = ["127.0.0.2"]
        options.port = 0
        let server = try PreviewServer(options) { _ in }
        server.start()
        defer { server.stop() }
        #expect(server.addresses.map(\.description) == ["127.0.0.2:\(server.addresses[0].port)"])
        let client = try TestClient(port: server.addresses[0].port, host: "127.0.0.2")
        client.send("GET /robots.txt HTTP/1.1\r\nHost: 127.0.0.2:\(server.addresses[0].port)\r\n\r\n")
        #expect(try client.reply().status == 200)
        client.send("GET /robots.txt HTTP/1.1\r\nHost: 127.0.0.3\r\n\r\n")
        #expect(try client.reply().status == 403)
    }

    /// IPv6 loopback is served too, at the same port.
    @Test func ipv6LoopbackIsServed() throws {
        let served = try ServedFixture()
        guard served.server.addresses.count == 2 else { return }
        #expect(served.server.addresses[1].host == "::1" && served.server.addresses[1].port == served.port)
        let client = try TestClient(port: served.port, ipv6: true)
        client.send("GET /robots.txt HTTP/1.1\r\nHost: [::1]\r\n\r\n")
        #expect(try client.reply().status == 200)
    }
}
