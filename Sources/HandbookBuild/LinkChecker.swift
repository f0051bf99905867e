import HandbookModel
import HandbookRender

/// Checks that every internal link and asset reference in the built HTML resolves to a built file.
public enum LinkChecker {
    /// A link that leads nowhere.
    public struct BrokenLink: Hashable, Sendable {
        /// The page holding the link, relative to the output root.
        public var page: String
        /// The link as written.
        public var target: String
    }

    /// Every broken internal link in `files`; `baseURL` links count as internal.
    public static func check(_ files: [OutputFile], baseURL: String) -> [BrokenLink] {
        let paths = Set(files.map(\.path))
        let basePath = Self.basePath(baseURL)
        let pages = files.filter { $0.path.hasSuffix(".html") }
        let found = Parallel.map(pages) { page -> [BrokenLink] in
            var broken: [BrokenLink] = []
            let directory = page.path.split(separator: "/").dropLast().map(String.init)
            for link in links(in: page.bytes) {
                guard let target = resolve(link, from: directory, baseURL: baseURL, basePath: basePath, isRootRelative: page.path == "404.html") else { continue }
                if !paths.contains(target) && !paths.contains(target.isEmpty ? "index.html" : target + (target.hasSuffix("/") ? "index.html" : "/index.html")) {
                    broken.append(BrokenLink(page: page.path, target: link))
                }
            }
            return broken
        }
        return found.flatMap { $0 }
    }

    /// The values of `href` and `src` attributes, entities decoded.
    static func links(in bytes: [UInt8]) -> [String] {
        var links: [String] = []
        let patterns: [[UInt8]] = [Array(" href=\"".utf8), Array(" src=\"".utf8)]
        var i = 0
        while i < bytes.count {
            var matched: [UInt8]?
            for pattern in patterns where i + pattern.count <= bytes.count && bytes[i] == pattern[0] && Array(bytes[i..<(i + pattern.count)]) == pattern {
                matched = pattern
            }
            guard let pattern = matched else { i += 1; continue }
            let start = i + pattern.count
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\"") { end += 1 }
            links.append(String(decoding: bytes[start..<end], as: UTF8.self).replacingOccurrences(of: "&amp;", with: "&"))
            i = end
        }
        return links
    }

    /// The output path a link leads to, or nil for links outside the site (other hosts, mailto:, fragments).
    static func resolve(_ link: String, from directory: [String], baseURL: String, basePath: String, isRootRelative: Bool) -> String? {
        var target = link
        if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]) }
        if let query = target.firstIndex(of: "?") { target = String(target[..<query]) }
        if target.isEmpty { return nil }
        var parts: [String]
        if target.hasPrefix(baseURL) {
            parts = []
            target = String(target.dropFirst(baseURL.count))
        } else if target.contains(":") {
            return nil
        } else if target.hasPrefix("/") {
            guard target.hasPrefix(basePath) else { return "\u{0}outside-site" + target }
            parts = []
            target = String(target.dropFirst(basePath.count))
        } else {
            parts = directory
        }
        let trailingSlash = target.hasSuffix("/")
        for segment in target.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if parts.isEmpty { return "\u{0}above-root/" + link } else { parts.removeLast() }
            default: parts.append(String(segment))
            }
        }
        return parts.joined(separator: "/") + (trailingSlash && !parts.isEmpty ? "/" : "")
    }

    static func basePath(_ baseURL: String) -> String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let afterHost = baseURL[schemeEnd.upperBound...]
        guard let slash = afterHost.firstIndex(of: "/") else { return "/" }
        return String(afterHost[slash...])
    }
}
