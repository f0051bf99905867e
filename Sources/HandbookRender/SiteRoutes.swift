import Foundation
import HandbookModel

/// The site as a map from each output path to what makes it, for serving it without writing it
/// (`handbook serve`): a page is rendered when it is asked for, from its generator's cheap list of pages;
/// every other file is made by running its generator once, on the first request for a path no page has,
/// and kept for as long as these routes are served.
public final class SiteRoutes: @unchecked Sendable {
    /// What the generators read.
    public let site: SiteContext
    private let generators: [any PageGenerator]
    /// Each page's file path (`organisations/g1000/index.html`), with its generator and page.
    private let pages: [String: (generator: Int, page: Page)]
    /// What makes files in batches: each non-page output, then each page generator's extra files.
    private let batches: [Batch]
    /// Which batch made each path in the routes before these: tried first, so a data file asked for again
    /// after a save runs its own generator rather than every one before it.
    private let hints: [String: Int]
    private let lock = NSLock()
    private var made: [Int: [String: OutputFile]] = [:]
    /// One lock per batch, so two requests for the same batch run its generator once.
    private let making: [NSLock]

    private enum Batch {
        case output(any OutputGenerator.Type)
        case extras(generator: Int)
    }

    /// Routes for `site`; `previous` (the routes of the site before a change) tells which generator made what.
    public init(site: SiteContext, outputs: [any OutputGenerator.Type] = Outputs.standard, previous: SiteRoutes? = nil) {
        self.site = site
        var generators: [any PageGenerator] = []
        var batches: [Batch] = []
        for output in outputs {
            if let pageType = output as? any PageGenerator.Type {
                generators.append(pageType.init(site: site))
            } else {
                batches.append(.output(output))
            }
        }
        batches += generators.indices.map { Batch.extras(generator: $0) }
        var pages: [String: (generator: Int, page: Page)] = [:]
        for (index, generator) in generators.enumerated() {
            for page in generator.pages() { pages[Links.file(page.path)] = (index, page) }
        }
        self.generators = generators
        self.pages = pages
        self.batches = batches
        self.making = batches.map { _ in NSLock() }
        self.hints = previous?.madePaths() ?? [:]
    }

    /// How many pages the site has.
    public var pageCount: Int { pages.count }

    /// The file at `path` (relative to the site root, such as `organisations/g1000/index.html`), or nil when
    /// the site has none there. Pages are rendered anew on each call; other files are made once.
    public func file(at path: String) -> OutputFile? {
        if let route = pages[path] { return generators[route.generator].render(route.page) }
        // Only page generators make HTML (a test holds this for the whole site), so a miss on a page's
        // address (the usual 404, or asking whether a folder has an index) runs no generator.
        if path.hasSuffix(".html") && !path.hasPrefix(ThemeAssets.folder) { return nil }
        if let hint = hints[path], hint < batches.count, let file = batch(hint)[path] { return file }
        for index in batches.indices {
            if let file = batch(index)[path] { return file }
        }
        return nil
    }

    /// True when `path` is one of the site's pages (no generator runs to answer).
    public func isPage(_ path: String) -> Bool {
        pages[path] != nil
    }

    /// Every path of the site, sorted (runs every generator that has not run yet).
    public func allPaths() -> [String] {
        var paths = Set(pages.keys)
        for index in batches.indices { paths.formUnion(batch(index).keys) }
        return paths.sorted()
    }

    /// The files of one batch, made on first use.
    private func batch(_ index: Int) -> [String: OutputFile] {
        if let done = madeBatch(index) { return done }
        making[index].lock()
        defer { making[index].unlock() }
        if let done = madeBatch(index) { return done }
        let files: [OutputFile]
        switch batches[index] {
        case .output(let output): files = output.init(site: site).files()
        case .extras(let generator): files = generators[generator].extraFiles()
        }
        var byPath: [String: OutputFile] = [:]
        for file in files { byPath[file.path] = file }
        lock.lock()
        made[index] = byPath
        lock.unlock()
        return byPath
    }

    private func madeBatch(_ index: Int) -> [String: OutputFile]? {
        lock.lock()
        defer { lock.unlock() }
        return made[index]
    }

    /// Which batch made each path made so far.
    private func madePaths() -> [String: Int] {
        lock.lock()
        defer { lock.unlock() }
        var paths: [String: Int] = [:]
        for (index, files) in made {
            for path in files.keys { paths[path] = index }
        }
        return paths
    }
}
