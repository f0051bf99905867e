import HandbookModel
import Mustache

/// An output made of HTML pages: it lists its pages and fills each one's template context; the layout,
/// navigation, canonical address and structured data are added the same way for all of them.
protocol PageGenerator: OutputGenerator {
    /// The site being built.
    var site: SiteContext { get }
    /// The pages this generator makes.
    func pages() -> [Page]
    /// One page's template, title, description and template data; `root` leads back to the site root.
    func content(of page: Page, root: String) -> PageContent
    /// The files it makes besides its pages (data the pages are made from), for serving one file on request;
    /// `files()` includes them.
    func extraFiles() -> [OutputFile]
}

/// One page: its directory URL (relative to the site root), its navigation section and what it shows.
struct Page: Sendable {
    /// `organisations/g1000/`, `` for the home page, `404.html` for the error page.
    var path: String
    /// The navigation section it belongs to (a type's folder, `topics`, `search`), or empty.
    var section: String
    /// What the generator needs to render it.
    var subject: Subject = .none
    /// Whether the sitemap lists it.
    var inSitemap = true
    /// Where the page sends readers on to (a path from the site root), for an entry shown on another's page.
    var redirect: String?

    /// What a page is about.
    enum Subject: Sendable {
        case none
        case entity(EntityReference)
        case list(EntityType, facet: Facet?, value: String?)
        case topic(String)
    }

    var isHome: Bool { path.isEmpty }
}

/// What a page shows: its template and the data for it.
struct PageContent {
    var template: String
    var title: String
    var description: String
    var ogType = "website"
    var jsonLD: JSONValue?
    /// Members added to the template's context.
    var data: [String: MustacheValue] = [:]
}

extension PageGenerator {
    /// Every page, rendered into the theme's layout, in parallel, and the extra files.
    func files() -> [OutputFile] {
        Parallel.map(pages()) { page in render(page) } + extraFiles()
    }

    /// The pages a batch at a time (so ten thousand pages are not all held at once), then the extra files. Each
    /// batch is made while the one before it is handed on: writing a batch (making its folders, under the output's
    /// lock) would otherwise leave the other cores idle once this is the last generator running. The last batches
    /// shrink (`batchSize`), so the one handed on with nothing left to make beside it is short.
    func files(in deliver: ([OutputFile]) -> Void) {
        let pages = pages()
        var made: [OutputFile] = []
        var start = 0
        while start < pages.count {
            let batch = Array(pages[start..<(start + Self.batchSize(remaining: pages.count - start, full: pageBatch))])
            let previous = made
            made = Parallel.overlapping({ Parallel.map(batch) { page in render(page) } }, alongside: {
                if !previous.isEmpty { deliver(previous) }
            })
            start += batch.count
        }
        if !made.isEmpty { deliver(made) }
        let extra = extraFiles()
        if !extra.isEmpty { deliver(extra) }
    }

    /// Pages rendered before they are handed on: enough to keep every core busy between hand-overs.
    var pageBatch: Int { 256 }

    /// The size of the next batch with `remaining` pages to make: `full`, then, over the last `2 × full` pages, half of
    /// what remains (never below an eighth of `full`, nor above what remains).
    static func batchSize(remaining: Int, full: Int) -> Int {
        min(remaining, max(1, min(full, max(full / 8, remaining / 2))))
    }

    /// Most page generators make pages only.
    func extraFiles() -> [OutputFile] { [] }

    func render(_ page: Page) -> OutputFile {
        let root = page.inSitemap ? Links.root(from: page.path) : site.basePath
        let content = self.content(of: page, root: root)
        var context = PageLayout.context(site: site, root: root, section: page.section)
        for (key, value) in content.data { context[key] = value }
        // A page that sends readers on names the page it sends them to as canonical (without the section's anchor).
        let url = site.baseURL + (page.redirect.map { String($0.prefix { $0 != "#" }) } ?? (page.inSitemap ? page.path : ""))
        let jsonLD = content.jsonLD ?? (page.inSitemap ? StructuredData.collection(name: content.title, url: url, description: content.description) : nil)
        let settings = site.index.settings
        context["page"] = [
            "title": .string(content.title),
            "fullTitle": .string(page.isHome ? settings.title : "\(content.title) — \(settings.title)"),
            "description": .string(content.description),
            "canonical": .string(url),
            "ogType": .string(content.ogType),
            "jsonld": jsonLD.map { .utf8($0.encodedForScriptBytes) } ?? .null,
            "isHome": .bool(page.isHome),
            "isSearch": .bool(page.section == SearchPage.section),
            "isGraph": .bool(page.section == GraphMapPage.section),
            "noindex": .bool(!page.inSitemap),
            "redirect": MustacheValue(page.redirect.map { root + $0 }),
        ]
        context["content"] = .utf8(site.theme.library.renderBytes(content.template, .fields(context), misses: site.misses, cache: site.partials))
        // Every value is escaped and `check` refuses control characters; this pass makes sure that a page is
        // valid HTML even for text check never saw (a theme's, or a body from an unchecked tree).
        var bytes = site.theme.library.renderBytes("layout", .fields(context), misses: site.misses, cache: site.partials)
        ControlCharacters.replace(in: &bytes)
        return OutputFile(path: Links.file(page.path), bytes: bytes)
    }

    /// The pages' addresses and last changes, for the sitemap.
    func sitemapEntries() -> [(path: String, lastChanged: Int64?)] {
        pages().filter(\.inSitemap).map { page in
            var changed: Int64?
            if case .entity(let reference) = page.subject { changed = site.index.entity(reference)?.lastChanged }
            return (page.path, changed)
        }
    }
}

/// What every page's layout shows: the site, the navigation and the footer.
enum PageLayout {
    /// The navigation section of the topic pages.
    static let topicsSection = "topics"

    static func context(site: SiteContext, root: String, section: String) -> MustacheFields {
        [
            "root": .string(root),
            "site": site.layout.site,
            "nav": site.layout.nav[section] ?? site.layout.nav[""]!,
            "footerLinks": site.layout.footer,
            "contribute": site.layout.contribute,
        ]
    }

    /// What every page's layout shows, made once per build: the site, the navigation as each section
    /// shows it (its own entry marked current), and the footer.
    struct Shared: Sendable {
        let site: MustacheValue
        let nav: [String: MustacheValue]
        let footer: MustacheValue
        /// The repository's guide and forms (`ContributeLinks.shared`), or null when no repository is set.
        let contribute: MustacheValue

        init(index: SiteIndex, baseURL: String, footer: [MustacheValue], contribute: MustacheValue) {
            self.contribute = contribute
            let settings = index.settings
            site = ["title": .string(settings.title), "description": .string(settings.description),
                    "language": .string(settings.language), "baseURL": .string(baseURL)]
            let sections = [""] + index.types.descriptors.map(\.type.folder) + [PageLayout.topicsSection, SearchPage.section]
            var nav: [String: MustacheValue] = [:]
            for section in sections {
                var items: [MustacheValue] = index.types.listed.map { descriptor in
                    ["label": .string(descriptor.pluralTitle), "url": .string(descriptor.urlFolder),
                     "current": .bool(section == descriptor.type.folder)]
                }
                items.append(["label": "Topics", "url": .string(TopicIndexPage.path), "current": .bool(section == PageLayout.topicsSection)])
                nav[section] = .list(items)
            }
            self.nav = nav
            self.footer = .list(footer)
        }
    }
}
