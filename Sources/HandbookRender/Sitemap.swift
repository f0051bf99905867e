/// `sitemap.xml` with every page the page generators make (entries with their last change), and
/// `robots.txt` pointing to it.
struct Sitemap: OutputGenerator {
    static let name = "sitemap and robots"
    static let inputs = OutputInputs.structure
    let site: SiteContext

    func files() -> [OutputFile] {
        // Room for every page's line at once (under a hundred bytes each besides the site's address): grown by doubling,
        // a sitemap of a megabyte was copied into a larger buffer at each of a dozen steps.
        let pages = Outputs.pages.map { $0.init(site: site).sitemapEntries() }
        var xml = XMLWriter(capacity: 1024 + pages.reduce(0) { $0 + $1.count } * (128 + site.baseURL.utf8.count))
        xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n")
        for entries in pages {
            for entry in entries {
                xml.raw("  <url><loc>")
                xml.text(site.baseURL + entry.path)
                xml.raw("</loc>")
                if let changed = entry.lastChanged { xml.raw(string: "<lastmod>\(Formatting.date(fromUnix: changed))</lastmod>") }
                xml.raw("</url>\n")
            }
        }
        xml.raw("</urlset>\n")
        return [
            OutputFile(path: "sitemap.xml", bytes: xml.bytes),
            OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(site.baseURL)sitemap.xml\n"),
        ]
    }
}
