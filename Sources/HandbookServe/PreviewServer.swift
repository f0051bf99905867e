import Dispatch
import Foundation
import HandbookBuild
import HandbookRender

/// `handbook serve`: prepares the site in memory, serves it over HTTP, watches the content and the theme,
/// and on a change prepares it again (reusing what did not change), swaps the new version in and tells
/// every open page to reload. Problems never stop it: the last site without errors stays served, with
/// the problems laid over every page, until they are fixed.
public final class PreviewServer: @unchecked Sendable {
    /// How to serve.
    public struct Options: Sendable {
        /// What to prepare (the output path and link check are not used; the base URL becomes the server's).
        public var build: Pipeline.BuildOptions
        /// The addresses to listen on; loopback (IPv4 and IPv6) by default.
        public var hosts = ListenAddress.loopbackHosts
        /// The port; 0 for a free one.
        public var port: UInt16 = 8000
        /// What clients may send and how long they may take.
        public var limits = HTTPLimits()
        /// Seconds without a further change before a rebuild starts (a steady stream of changes still
        /// rebuilds every five times this).
        public var quiet = 0.05
        /// Scan for changes instead of asking the kernel.
        public var polling = false
        /// Seconds between comments on a quiet live-reload stream.
        public var heartbeat = 15.0

        /// Options for serving what `build` describes.
        public init(build: Pipeline.BuildOptions) {
            self.build = build
        }
    }

    /// What one preparation did, for the terminal.
    public struct Rebuild: Sendable {
        /// The preparation, or nil when the content folder could not be read.
        public var prepared: PreparedSite?
        /// Why the content folder could not be read.
        public var failure: String?
        /// The paths whose change started it (empty for the first).
        public var changed: [String]
        /// How long it took, in seconds.
        public var seconds: Double
        /// The version pages are now told about.
        public var version: Int
        /// True when this preparation's site is served; false when the last one without errors still is.
        public var isServed: Bool
    }

    /// The addresses listened on, with the port bound.
    public let addresses: [ListenAddress]
    private var options: Options
    private let http: HTTPServer
    private let liveReload: LiveReload
    private let current: CurrentGeneration
    private let cache = PreviewCache()
    private let report: @Sendable (Rebuild) -> Void
    private var watcher: Watcher?
    /// The routes of the last preparation without errors.
    private var lastGood: SiteRoutes?
    /// Rebuilds run one at a time (the watcher's thread, or a caller of `rebuild`).
    private let rebuilding = NSLock()

    /// Listens (nothing is served until `start()`); `report` hears about every preparation.
    public init(_ options: Options, report: @escaping @Sendable (Rebuild) -> Void) throws(ServeError) {
        let liveReload = LiveReload(heartbeat: options.heartbeat)
        let current = CurrentGeneration(ServedGeneration(version: 0, routes: nil, problems: []))
        let listened = options.hosts.compactMap { ListenAddress(host: $0, port: 0) }
        let loopbackOnly = listened.allSatisfy(\.isLoopback)
        // The loopback names, and the addresses listened on as a browser writes them (`127.0.0.2`, `[::1]`).
        let names = SiteResponder.loopbackNames.union(listened.map { $0.isIPv6 ? "[\($0.host)]" : $0.host })
        let responder = SiteResponder(current: { current.value }, liveReload: liveReload, allowedHosts: loopbackOnly ? names : nil)
        // IPv6 loopback is skipped on a machine without IPv6; any address asked for explicitly is not.
        let optional: Set<String> = options.hosts == ListenAddress.loopbackHosts ? ["::1"] : []
        http = try HTTPServer(hosts: options.hosts, port: options.port, optional: optional, limits: options.limits,
                              handler: { request in responder.respond(request) })
        addresses = http.addresses
        self.liveReload = liveReload
        self.current = current
        self.report = report
        self.options = options
        // Canonical links, feeds and the 404 page's links point at this server.
        self.options.build.baseURL = http.addresses[0].url
    }

    /// The site's address on the first listening address: `http://127.0.0.1:8000/`.
    public var url: String { addresses[0].url }

    /// The version pages are told about now.
    public var version: Int { current.value.version }

    /// How many pages listen for reloads now.
    public var listeners: Int { liveReload.listeners }

    /// Prepares the site, then starts serving and watching. Returns the first preparation.
    @discardableResult
    public func start() -> Rebuild {
        let first = rebuild(changed: [])
        http.start()
        let themeRoot = Self.trimmed(options.build.themePath)
        let watcher = Watcher(roots: [Self.trimmed(options.build.contentPath), themeRoot], quiet: options.quiet, longest: options.quiet * 5,
                              polling: options.polling) { [weak self] changed in
            guard let self else { return }
            self.rebuild(changed: changed)
        }
        watcher.start()
        self.watcher = watcher
        return first
    }

    /// Stops watching and serving: live-reload streams end, connections close.
    public func stop() {
        watcher?.stop()
        liveReload.close()
        http.stop()
    }

    /// Prepares the site again after `changed` paths changed (all of it when empty), serves the result and
    /// tells every page. Called by the watcher; tests may call it too.
    @discardableResult
    public func rebuild(changed: Set<String>) -> Rebuild {
        rebuilding.lock()
        defer { rebuilding.unlock() }
        let started = DispatchTime.now().uptimeNanoseconds
        let themeRoot = Self.trimmed(options.build.themePath)
        if changed.contains(where: { $0 == themeRoot || $0.hasPrefix(themeRoot + "/") }) { cache.forgetTheme() }
        var prepared: PreparedSite?
        var failure: String?
        do {
            prepared = try Pipeline.prepare(options.build, cache: cache)
        } catch {
            failure = error.description
        }
        if let routes = prepared?.routes { lastGood = routes }
        let problems = OverlayProblem.problems(of: prepared, failure: failure, contentPath: options.build.contentPath)
        let previous = current.value
        let version = previous.version + 1
        current.value = ServedGeneration(version: version, routes: prepared?.routes ?? lastGood, problems: problems)
        liveReload.publish(version)
        let result = Rebuild(prepared: prepared, failure: failure, changed: changed.filter(Self.isWorthNaming).sorted(),
                             seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9, version: version,
                             isServed: prepared?.routes != nil)
        // The site before is freed only now (tens of milliseconds for a large one), after pages were told to reload.
        withExtendedLifetime(previous) { report(result) }
        return result
    }

    /// Whether a changed path is worth naming to the user: not an editor's or a tool's passing file (sed's
    /// `sedAbc123`, vim's `4913`, `.swp` files, `name~` backups), which is gone by the time of the rebuild or
    /// is never read.
    static func isWorthNaming(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if name.hasPrefix(".") || name.hasSuffix("~") { return false }
        return name.contains(".") || access(path, F_OK) == 0
    }

    /// A folder path without a final `/`, as the watcher reports paths under it.
    private static func trimmed(_ path: String) -> String {
        path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}

/// The generation being served, swapped whole by a rebuild while requests read it.
private final class CurrentGeneration: @unchecked Sendable {
    private let lock = NSLock()
    private var generation: ServedGeneration

    init(_ generation: ServedGeneration) {
        self.generation = generation
    }

    var value: ServedGeneration {
        get {
            lock.lock()
            defer { lock.unlock() }
            return generation
        }
        set {
            lock.lock()
            generation = newValue
            lock.unlock()
        }
    }
}
