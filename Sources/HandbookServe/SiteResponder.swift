/// Answers requests from the current generation of the site: files with their type and tag (304 when the
/// client has them), folders through their `index.html` (301 to the address with `/` first), the site's
/// `404.html` for misses, 405 for methods other than GET and HEAD, 400 for a target that could lead
/// anywhere but a file of the site, and the live-reload endpoints under `/_handbook/`.
struct SiteResponder: Sendable {
    /// The generation to serve.
    let current: @Sendable () -> ServedGeneration
    /// The live-reload channel.
    let liveReload: LiveReload
    /// The host names a request may carry (any port); nil accepts any. Bound to loopback, the server
    /// accepts only loopback names, so a page elsewhere cannot reach it through a DNS name it controls
    /// (DNS rebinding).
    let allowedHosts: Set<String>?

    /// Fields every response carries: caches must ask again (the site changes under them), and browsers
    /// must not guess types.
    static let common: [(name: String, value: String)] = [("Cache-Control", "no-cache"), ("X-Content-Type-Options", "nosniff")]

    func respond(_ request: HTTPRequest) -> HTTPResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            return HTTPResponse.text(405, "Only GET and HEAD are served.", headers: [("Allow", "GET, HEAD")] + Self.common)
        }
        // Browsers always send Host; only an HTTP/1.0 client may leave it out. A target in absolute form names the host
        // itself, which then counts instead (RFC 9112, 3.2.2).
        if let allowedHosts, let host = RequestPath.authority(of: request.target) ?? request.header("host"),
           !allowedHosts.contains(Self.hostName(host)) {
            return HTTPResponse.text(403, "This preview answers only to localhost, 127.0.0.1 and [::1].", headers: Self.common)
        }
        let path: RequestPath
        switch RequestPath.parse(request.target) {
        case .success(let parsed): path = parsed
        case .failure: return HTTPResponse.text(400, "Not a path of this site.", headers: Self.common)
        }
        switch path.key {
        case LiveReload.eventsPath: return liveReload.response()
        case LiveReload.scriptPath: return asset(LiveReload.script, type: MediaType.byExtension["js"]!, request)
        case ErrorOverlay.stylesheetPath: return asset(ErrorOverlay.stylesheet, type: MediaType.byExtension["css"]!, request)
        default: break
        }
        let generation = current()
        if let page = generation.errorPage {
            return HTTPResponse(status: 500, headers: [("Content-Type", page.type)] + Self.common, body: page.bytes)
        }
        let file = path.isFolder ? path.key + "index.html" : path.key
        if let found = generation.file(file) { return served(found, status: 200, request) }
        if !path.isFolder && generation.has(path.key + "/index.html") {
            return HTTPResponse(status: 301, headers: [("Location", path.raw + "/" + path.query)] + Self.common)
        }
        return notFound(generation)
    }

    /// A file, or 304 when the client's `If-None-Match` names its tag.
    private func served(_ file: ServedGeneration.File, status: Int, _ request: HTTPRequest) -> HTTPResponse {
        let headers = [("Content-Type", file.type), ("ETag", file.tag)] + Self.common
        if status == 200, let ifNoneMatch = request.header("if-none-match"), EntityTag.matches(ifNoneMatch, file.tag) {
            return HTTPResponse(status: 304, headers: headers)
        }
        return HTTPResponse(status: status, headers: headers, body: file.bytes)
    }

    /// One of the server's own files.
    private func asset(_ bytes: [UInt8], type: String, _ request: HTTPRequest) -> HTTPResponse {
        served(ServedGeneration.File(bytes: bytes, tag: EntityTag.of(bytes), type: type), status: 200, request)
    }

    /// The site's `404.html` with status 404 (plain text when the site has none).
    private func notFound(_ generation: ServedGeneration) -> HTTPResponse {
        guard let page = generation.file("404.html") else {
            return HTTPResponse.text(404, "Nothing here.", headers: Self.common)
        }
        return HTTPResponse(status: 404, headers: [("Content-Type", page.type)] + Self.common, body: page.bytes)
    }

    /// The host of a `Host` field, without its port, lowercased: `127.0.0.1`, `[::1]`, `localhost`.
    static func hostName(_ field: String) -> String {
        let lowered = field.lowercased()
        if lowered.hasPrefix("[") {
            guard let close = lowered.firstIndex(of: "]") else { return lowered }
            return String(lowered[...close])
        }
        return String(lowered.split(separator: ":", maxSplits: 1).first ?? "")
    }

    /// The names a loopback-only server answers to.
    static let loopbackNames: Set<String> = ["localhost", "127.0.0.1", "[::1]"]
}
