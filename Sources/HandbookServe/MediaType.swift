/// The `Content-Type` of each kind of file the site has, by name first (the feeds), then by extension.
enum MediaType {
    /// Files whose name says more than their extension.
    static let byName = [
        "feed.xml": "application/atom+xml",
        "feed.json": "application/feed+json",
    ]

    /// Types by extension; text types say they are UTF-8, as everything the build writes is.
    static let byExtension = [
        "html": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "json": "application/json",
        "ics": "text/calendar; charset=utf-8",
        "xml": "application/xml",
        "svg": "image/svg+xml",
        "graphml": "application/graphml+xml",
        "gexf": "application/gexf+xml",
        "txt": "text/plain; charset=utf-8",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "ico": "image/vnd.microsoft.icon",
        "woff": "font/woff",
        "woff2": "font/woff2",
        "webmanifest": "application/manifest+json",
    ]

    /// What to send for anything else: browsers will not guess a type from it (nosniff is sent too).
    static let fallback = "application/octet-stream"

    /// The type of the file at `path`.
    static func of(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if let type = byName[name] { return type }
        guard let dot = name.lastIndex(of: ".") else { return fallback }
        return byExtension[name[name.index(after: dot)...].lowercased()] ?? fallback
    }

    /// True for an HTML page, into which serve mode adds its script.
    static func isHTML(_ type: String) -> Bool {
        type.hasPrefix("text/html")
    }
}
