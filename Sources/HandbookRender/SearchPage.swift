import HandbookModel
import Mustache

/// The search page: the form and its filters (the script adds results; without it the page points to the lists).
struct SearchPage: PageGenerator {
    static let name = "search page"
    static let inputs = OutputInputs.structure
    let site: SiteContext
    /// The page's navigation section.
    static let section = "search"

    func pages() -> [Page] {
        [Page(path: "search/", section: Self.section)]
    }

    func content(of page: Page, root: String) -> PageContent {
        let index = site.index
        var data: [String: MustacheValue] = [:]
        data["searchTypes"] = .list(index.types.searchOrder.filter { !index.entities(of: $0.type).isEmpty }.map { descriptor in
            ["value": .string(descriptor.type.folder), "label": .string(descriptor.pluralTitle)]
        })
        data["searchTopics"] = .list(index.settings.topics.map { ["value": .string($0.id), "label": .string($0.label)] })
        var countries = Set<String>()
        for entity in index.entities {
            if let code = entity.countryCode { countries.insert(code) }
        }
        data["searchCountries"] = .list(countries.map { (code: $0, name: Formatting.jurisdiction($0)) }
            .sorted { (Formatting.sortKey($0.name), $0.code) < (Formatting.sortKey($1.name), $1.code) }
            .map { ["value": .string($0.code.lowercased()), "label": .string($0.name)] })
        return PageContent(template: "search", title: "Search",
                           description: "Search the handbook's organisations, case studies, funders, events, policies and resources.", data: data)
    }
}
