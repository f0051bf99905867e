/// `404.html`, served by static hosts at any depth, so its links start from the site's base path.
struct NotFoundPage: PageGenerator {
    static let name = "404 page"
    static let inputs = OutputInputs.structure
    let site: SiteContext

    func pages() -> [Page] {
        [Page(path: "404.html", section: "", inSitemap: false)]
    }

    func content(of page: Page, root: String) -> PageContent {
        PageContent(template: "404", title: "Page not found", description: "There is no page at this address.")
    }
}
