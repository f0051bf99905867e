import HandbookModel
import HandbookRender
import HandbookValidate

/// Checks that every internal link and asset reference in the built HTML resolves to a built file.
public enum LinkChecker {
    /// A link that leads nowhere.
    public struct BrokenLink: Hashable, Sendable {
        /// The page holding the link, relative to the output root.
        public var page: String
        /// The link as written.
        public var target: String
        /// Where the link's address starts in the page.
        public var position: TextPosition
        /// Why it leads nowhere.
        public var problem: Problem

        /// Why a link leads nowhere.
        public enum Problem: Hashable, Sendable {
            /// It names this path inside the site, and no file was built there.
            case missing(String)
            /// It starts with '/' but not with the site's base path.
            case outsideBase(String)
            /// It has more `../` than the page is deep.
            case aboveRoot
        }

        /// The broken link as a `broken-link` diagnostic on the page under `outputPath`, as every problem is shown.
        public func diagnostic(outputPath: String) -> Diagnostic {
            let message: String
            switch problem {
            case .missing(let path): message = BrokenLinkRule.missing(target, path: path)
            case .outsideBase(let basePath): message = BrokenLinkRule.outsideBase(target, basePath: basePath)
            case .aboveRoot: message = BrokenLinkRule.aboveRoot(target)
            }
            return BrokenLinkRule.diagnostic(at: SourceLocation(path: outputPath + "/" + page, position: position), message)
        }
    }

    /// Every broken internal link in `files`; `baseURL` links count as internal.
    public static func check(_ files: [OutputFile], baseURL: String) -> [BrokenLink] {
        broken(Parallel.map(files) { links(of: $0) }.compactMap { $0 }, paths: Set(files.map(\.path)), baseURL: baseURL)
    }

    /// The links of one built page (nil for a file that is not HTML), kept so the check can run once every
    /// file is known without holding every page's bytes.
    public struct PageLinks: Sendable {
        /// The page, relative to the output root.
        public var page: String
        /// Each `href` and `src` value with where it starts.
        public var links: [(link: String, position: TextPosition)]
    }

    /// The links of a page, or nil when the file is not HTML.
    public static func links(of file: OutputFile) -> PageLinks? {
        guard file.path.hasSuffix(".html") else { return nil }
        return PageLinks(page: file.path, links: links(in: file.bytes))
    }

    /// The links among `pages` that lead to none of `paths`.
    public static func broken(_ pages: [PageLinks], paths: Set<String>, baseURL: String) -> [BrokenLink] {
        let basePath = Links.basePath(of: baseURL)
        let found = Parallel.map(pages) { page -> [BrokenLink] in
            var broken: [BrokenLink] = []
            let directory = page.page.split(separator: "/").dropLast().map(String.init)
            for (link, position) in page.links {
                let problem: BrokenLink.Problem
                switch resolve(link, from: directory, baseURL: baseURL, basePath: basePath) {
                case .external:
                    continue
                case .path(let target):
                    let index = target.isEmpty ? "index.html" : target + (target.hasSuffix("/") ? "index.html" : "/index.html")
                    if paths.contains(target) || paths.contains(index) { continue }
                    problem = .missing(target)
                case .outsideBase:
                    problem = .outsideBase(basePath)
                case .aboveRoot:
                    problem = .aboveRoot
                }
                broken.append(BrokenLink(page: page.page, target: link, position: position, problem: problem))
            }
            return broken
        }
        return found.flatMap { $0 }.sorted { ($0.page, $0.position.line, $0.position.column) < ($1.page, $1.position.line, $1.position.column) }
    }

    /// The values of `href` and `src` attributes, entities decoded, each with where its value starts.
    static func links(in bytes: [UInt8]) -> [(link: String, position: TextPosition)] {
        var links: [(link: String, position: TextPosition)] = []
        let patterns: [[UInt8]] = [Array(" href=\"".utf8), Array(" src=\"".utf8)]
        // Lines are counted as the scan passes them, so positions cost one pass over the page.
        var line = 1
        var lineStart = 0
        var counted = 0
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
            while counted < start {
                if bytes[counted] == UInt8(ascii: "\n") { line += 1; lineStart = counted + 1 }
                counted += 1
            }
            // Columns count Unicode scalars: every byte but UTF-8 continuation bytes starts one.
            let column = bytes[lineStart..<start].lazy.filter { $0 & 0xC0 != 0x80 }.count + 1
            links.append((String(decoding: bytes[start..<end], as: UTF8.self).replacingOccurrences(of: "&amp;", with: "&"),
                          TextPosition(line: line, column: column)))
            i = end
        }
        return links
    }

    /// Where a link leads.
    enum Resolution: Equatable {
        /// Outside the site: another host, mailto:, a bare fragment.
        case external
        /// This output path (a directory ends in '/', the root is "").
        case path(String)
        /// A root-relative address outside the site's base path.
        case outsideBase
        /// Above the site's root.
        case aboveRoot
    }

    /// Where a link leads from a page in `directory`.
    static func resolve(_ link: String, from directory: [String], baseURL: String, basePath: String) -> Resolution {
        var target = link
        if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]) }
        if let query = target.firstIndex(of: "?") { target = String(target[..<query]) }
        if target.isEmpty { return .external }
        var parts: [String]
        if target.hasPrefix(baseURL) {
            parts = []
            target = String(target.dropFirst(baseURL.count))
        } else if !BodyLinks.isLocal(target) {
            // A scheme before the first `/` (`https:`, `mailto:`) or `//`: another site. A colon further on (`../a:b/`)
            // is part of a path in this one.
            return .external
        } else if target.hasPrefix("/") {
            guard target.hasPrefix(basePath) else { return .outsideBase }
            parts = []
            target = String(target.dropFirst(basePath.count))
        } else {
            parts = directory
        }
        let trailingSlash = target.hasSuffix("/")
        for segment in target.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if parts.isEmpty { return .aboveRoot } else { parts.removeLast() }
            default: parts.append(String(segment))
            }
        }
        return .path(parts.joined(separator: "/") + (trailingSlash && !parts.isEmpty ? "/" : ""))
    }

}
