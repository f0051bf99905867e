import HandbookModel
import Mustache

/// The list of methods with how many entries used each.
struct MethodIndexPage: PageGenerator {
    static let name = "method index"
    static let inputs = OutputInputs.structure
    let site: SiteContext
    /// Where the list of methods lives.
    static let path = "methods/"

    func pages() -> [Page] {
        [Page(path: Self.path, section: "")]
    }

    func content(of page: Page, root: String) -> PageContent {
        let index = site.index
        return PageContent(template: "methods", title: "Methods", description: "The democratic methods in the \(index.settings.title), with every use of each.",
                           data: ["methods": site.vocabularyList(index.settings.methods, page: Links.method, uses: index.methods)])
    }
}
