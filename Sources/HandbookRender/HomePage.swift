import HandbookModel
import Mustache

/// The home page: counts of each listed type, upcoming events and recently changed entries.
struct HomePage: PageGenerator {
    static let name = "home page"
    static let inputs = OutputInputs.dates
    let site: SiteContext

    func pages() -> [Page] {
        [Page(path: "", section: "")]
    }

    func content(of page: Page, root: String) -> PageContent {
        let index = site.index
        var data: [String: MustacheValue] = [:]
        // Tiles show what the handbook has, not its gaps: a type with no entries yet gets none.
        data["counts"] = .list(index.types.listed.filter { !index.entities(of: $0.type).isEmpty }.map { descriptor in
            ["label": .string(site.counted(index.entities(of: descriptor.type).count, descriptor.type)), "url": .string(descriptor.urlFolder)]
        })
        let upcoming = site.upcomingEvents().prefix(5)
        data["upcoming"] = .list(upcoming.map { site.card($0) })
        data["hasUpcoming"] = .bool(!upcoming.isEmpty)
        // With none to come, the ones that have taken place are pointed to, not passed over as if there were none.
        let events = index.entities(of: Calendars.type).count
        data["pastEvents"] = upcoming.isEmpty && events > 0 ? .string(site.counted(events, Calendars.type)) : .null
        data["subscribe"] = index.entities(of: Calendars.type).isEmpty ? .null : Calendars.subscription(baseURL: site.baseURL)
        let recent = index.recentlyChanged(10)
        data["recent"] = .list(recent.map { entity in
            site.card(entity).merging([
                "changed": MustacheValue(entity.lastChanged.map { Formatting.words(Formatting.date(fromUnix: $0)) }),
                // "added" when its only commit is the last change, "updated" after that; unknown without git.
                "change": MustacheValue(entity.added.map { $0 == entity.lastChanged ? "added" : "updated" }),
                "typeLabel": .string(index.descriptor(entity.reference).singularTitle),
            ])
        })
        data["hasRecent"] = .bool(!recent.isEmpty)
        return PageContent(template: "home", title: index.settings.title, description: index.settings.description,
                           jsonLD: StructuredData.website(index.settings, url: site.baseURL), data: data)
    }
}

extension MustacheValue {
    /// An object with `other`'s members added (or replaced).
    func merging(_ other: [String: MustacheValue]) -> MustacheValue {
        guard var members = self.members else { return self }
        for (key, value) in other { members[key] = value }
        return .object(members)
    }
}
