import HandbookModel
import Mustache

/// One page per topic declared in handbook.yml: everything tagged with it, grouped by type.
struct TopicPages: PageGenerator {
    static let name = "topic pages"
    let site: SiteContext

    func pages() -> [Page] {
        site.index.settings.topics.map { Page(path: Links.topic($0.id), section: PageLayout.topicsSection, subject: .topic($0.id)) }
    }

    func content(of page: Page, root: String) -> PageContent {
        guard case .topic(let id) = page.subject else { return PageContent(template: "topic", title: "", description: "") }
        let index = site.index
        let label = index.settings.topicLabel(id)
        let references = index.topics[id] ?? []
        var byType: [EntityType: [EntityReference]] = [:]
        for reference in references { byType[reference.type, default: []].append(reference) }
        var data: [String: MustacheValue] = ["label": .string(label)]
        data["eventsFeedURL"] = site.eventsByTopic[id] != nil ? .string(Calendars.fileName) : .null
        let order = DisplayOrder(index: index)
        data["groups"] = .list(index.types.descriptors.compactMap { descriptor in
            guard let members = byType[descriptor.type], !members.isEmpty else { return nil }
            let entries = order.groups(descriptor.type, site.inDisplayOrder(members)).flatMap(\.entries)
            return ["heading": .string(descriptor.plural.capitalisedFirst), "entries": .list(entries.map(site.card))]
        })
        data["isEmpty"] = .bool(references.isEmpty)
        return PageContent(template: "topic", title: label, description: "Everything in the \(index.settings.title) on \(label).", data: data)
    }
}
