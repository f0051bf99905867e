import HandbookModel
import Mustache

/// The list of topics with their counts.
struct TopicIndexPage: PageGenerator {
    static let name = "topic index"
    static let inputs = OutputInputs.structure
    let site: SiteContext
    /// Where the list of topics lives.
    static let path = "topics/"

    func pages() -> [Page] {
        [Page(path: Self.path, section: PageLayout.topicsSection)]
    }

    func content(of page: Page, root: String) -> PageContent {
        let index = site.index
        return PageContent(template: "topics", title: "Topics", description: "Everything in the \(index.settings.title), by topic.",
                           data: ["topics": site.vocabularyList(index.settings.topics, page: Links.topic, uses: index.topics)])
    }
}
