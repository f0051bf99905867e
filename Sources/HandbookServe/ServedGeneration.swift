import Foundation
import HandbookRender

/// One version of the served site: the routes to serve (the last site without errors, or none yet), the
/// problems to lay over its pages, and the files served so far with their tags, made at most once each
/// (until the next rebuild replaces the whole generation).
final class ServedGeneration: @unchecked Sendable {
    /// A file as served: bytes (HTML with the live-reload script, and the overlay when there are problems),
    /// tag and type.
    struct File: Sendable {
        var bytes: [UInt8]
        var tag: String
        var type: String
    }

    /// The version pages are told about; each rebuild has a new one.
    let version: Int
    /// The site's routes, or nil when no build has succeeded yet.
    let routes: SiteRoutes?
    /// What is wrong, shown over every page.
    let problems: [OverlayProblem]
    /// The page shown for every address while there is no site (the problems alone); nil when there is one.
    let errorPage: File?
    /// What goes before every page's `</body>`: the script's tag and the overlay.
    private let insertion: [UInt8]
    private let lock = NSLock()
    private var files: [String: File] = [:]
    /// At most this many files are kept; past it the cache starts again (a crawl of 10,000 pages
    /// would otherwise keep them all).
    private let capacity = 4096

    init(version: Int, routes: SiteRoutes?, problems: [OverlayProblem]) {
        self.version = version
        self.routes = routes
        self.problems = problems
        insertion = LiveReload.tag(version: version) + ErrorOverlay.html(problems)
        if routes == nil {
            let bytes = ErrorOverlay.page(problems, version: version)
            errorPage = File(bytes: bytes, tag: EntityTag.of(bytes), type: MediaType.byExtension["html"]!)
        } else {
            errorPage = nil
        }
    }

    /// The file at `path` (a key of the site), or nil when the site has none.
    func file(_ path: String) -> File? {
        lock.lock()
        let kept = files[path]
        lock.unlock()
        if let kept { return kept }
        guard let routes, let made = routes.file(at: path) else { return nil }
        let type = MediaType.of(path)
        var shown = insertion
        // A theme whose partials ran away cut this page (or an earlier one) short: said over the page, as `build` refuses it.
        if let error = routes.site.theme.renderProblem {
            let found = error.problems.map { problem in
                OverlayProblem(path: problem.location?.path ?? "", line: problem.location?.line ?? 0, column: problem.location?.column ?? 0,
                               rule: "template", message: problem.message + " (build refuses this theme)", source: nil)
            }
            shown = LiveReload.tag(version: version) + ErrorOverlay.html(problems + found)
        }
        let bytes = MediaType.isHTML(type) ? LiveReload.inject(shown, into: made.bytes) : made.bytes
        let file = File(bytes: bytes, tag: EntityTag.of(bytes), type: type)
        lock.lock()
        if files.count >= capacity { files.removeAll(keepingCapacity: true) }
        files[path] = file
        lock.unlock()
        return file
    }

    /// True when the site has a page at `path` or makes a file there.
    func has(_ path: String) -> Bool {
        routes?.isPage(path) == true || file(path) != nil
    }

}
