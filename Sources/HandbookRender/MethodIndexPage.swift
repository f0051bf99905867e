import HandbookModel
import Mustache

/// The list of methods with how many entries used each.
struct MethodIndexPage: PageGenerator {
    static let name = "method index"
    let site: SiteContext
    /// Where the list of methods lives.
    static let path = "methods/"

    func pages() -> [Page] {
        [Page(path: Self.path, section: "")]
    }

    func content(of page: Page, root: String) -> PageContent {
        let index = site.index
        let methods: [MustacheValue] = index.settings.methods.map { method in
            ["label": .string(method.label), "url": .string(Links.method(method.id)), "count": .string(String(index.methods[method.id]?.count ?? 0))]
        }
        return PageContent(template: "methods", title: "Methods", description: "The democratic methods in the \(index.settings.title), with every use of each.",
                           data: ["methods": .list(methods)])
    }
}
