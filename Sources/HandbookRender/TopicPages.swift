import HandbookModel
import Mustache

/// One page per topic declared in handbook.yml: everything tagged with it, grouped by type.
struct TopicPages: PageGenerator {
    static let name = "topic pages"
    static let inputs = OutputInputs.structure
    let site: SiteContext

    func pages() -> [Page] {
        site.index.settings.topics.map { Page(path: Links.topic($0.id), section: PageLayout.topicsSection, subject: .topic($0.id)) }
    }

    func content(of page: Page, root: String) -> PageContent {
        guard case .topic(let id) = page.subject else { return PageContent(template: "topic", title: "", description: "") }
        let index = site.index
        let label = index.settings.topicLabel(id)
        let references = index.topics[id] ?? []
        var data: [String: MustacheValue] = ["label": .string(label)]
        data["eventsFeedURL"] = site.eventsByTopic[id] != nil ? .string(Calendars.fileName) : .null
        let groups = site.groupedByType(references)
        data["groups"] = .list(groups)
        // A topic of several types says what is on the page first, with a link to each.
        data["hasContents"] = .bool(groups.count > 1)
        data["isEmpty"] = .bool(references.isEmpty)
        return PageContent(template: "topic", title: label, description: "Everything in the \(index.settings.title) on \(label).", data: data)
    }
}
