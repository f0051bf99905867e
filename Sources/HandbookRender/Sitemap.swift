import Mustache

/// `sitemap.xml` with every page the page generators make (entries with their last change), and
/// `robots.txt` pointing to it.
struct Sitemap: OutputGenerator {
    static let name = "sitemap and robots"
    let site: SiteContext

    func files() -> [OutputFile] {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for generator in Outputs.pages {
            for entry in generator.init(site: site).sitemapEntries() {
                out += "  <url><loc>\(HTML.escape(site.baseURL + entry.path))</loc>"
                if let changed = entry.lastChanged { out += "<lastmod>\(Formatting.date(fromUnix: changed))</lastmod>" }
                out += "</url>\n"
            }
        }
        return [
            OutputFile(path: "sitemap.xml", text: out + "</urlset>\n"),
            OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(site.baseURL)sitemap.xml\n"),
        ]
    }
}
