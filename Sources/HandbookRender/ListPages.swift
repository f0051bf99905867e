import HandbookModel
import Mustache

/// Each listed type's list page and its filter pages (`organisations/by-country/be/`), with the filters.
struct ListPages: PageGenerator {
    static let name = "list and filter pages"
    static let inputs = OutputInputs.structure
    let site: SiteContext

    func pages() -> [Page] {
        var pages: [Page] = []
        for descriptor in site.index.types.listed {
            let type = descriptor.type
            pages.append(Page(path: site.index.links.list(type), section: type.folder, subject: .list(type, facet: nil, value: nil)))
            for (facet, values) in (site.index.facets[type] ?? [:]).sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                // The facet's folder has a page of its own (a static host answers a folder without one with 404).
                pages.append(Page(path: site.index.links.facetIndex(type, facet), section: type.folder, subject: .list(type, facet: facet, value: nil)))
                for value in values.keys.sorted() {
                    pages.append(Page(path: site.index.links.facet(type, facet, value), section: type.folder, subject: .list(type, facet: facet, value: value)))
                }
            }
        }
        return pages
    }

    func content(of page: Page, root: String) -> PageContent {
        guard case .list(let type, let facet, let value) = page.subject else { return PageContent(template: "list", title: "", description: "") }
        if let facet, value == nil { return facetIndex(type, facet) }
        let index = site.index
        let descriptor = index.types[type]
        var references = site.ordered[type] ?? []
        var heading = descriptor.pluralTitle
        if let facet, let value {
            references = index.facets[type]?[facet]?[value] ?? []
            heading += " " + phrase(facet, value, settings: index.settings)
        }
        var data: [String: MustacheValue] = [:]
        data["type"] = ["plural": .string(descriptor.plural), "singular": .string(descriptor.singular), "url": .string(descriptor.urlFolder),
                        "folder": .string(type.folder)]
        data["heading"] = .string(heading)
        data["isFiltered"] = .bool(facet != nil)
        data["count"] = .string(site.counted(references.count, type))
        let filterGroups = filters(type, current: facet.flatMap { f in value.map { (f, $0) } })
        data["filters"] = .list(filterGroups)
        data["hasFilters"] = .bool(!filterGroups.isEmpty)
        data["groups"] = .list(DisplayOrder(index: index).groups(type, site.inDisplayOrder(references)).map { group in
            ["heading": MustacheValue(group.heading), "entries": .list(group.entries.map { site.card($0) })]
        })
        data["isEmpty"] = .bool(references.isEmpty)
        // One entry has no order to choose.
        data["sort"] = references.count > 1 ? ListSort.choices(descriptor) : .null
        data["subscribe"] = type == Calendars.type ? Calendars.subscription(baseURL: site.baseURL) : .null
        data["suggest"] = site.contribute?.suggestion(descriptor) ?? .null
        let description = facet == nil ? "Every \(descriptor.singular) in the \(index.settings.title)." : "\(heading), in the \(index.settings.title)."
        return PageContent(template: "list", title: heading, description: description, data: data)
    }

    /// `organisations/by-country/`: every value of one filter, with how many entries have it.
    func facetIndex(_ type: EntityType, _ facet: Facet) -> PageContent {
        let index = site.index
        let descriptor = index.types[type]
        let heading = "\(descriptor.pluralTitle) by \(facet.label.lowercased())"
        let values = (index.facets[type]?[facet] ?? [:]).map { value, members in
            (value: value, label: optionLabel(facet, value, settings: index.settings), count: members.count)
        }.sorted { (Formatting.sortKey($0.label), $0.value) < (Formatting.sortKey($1.label), $1.value) }
        let options: [MustacheValue] = values.map { item in
            ["label": .string(item.label), "url": .string(index.links.facet(type, facet, item.value)), "count": .string(String(item.count))]
        }
        let data: [String: MustacheValue] = [
            "heading": .string(heading),
            "type": ["plural": .string(descriptor.pluralTitle), "url": .string(descriptor.urlFolder)],
            "options": .list(options),
        ]
        return PageContent(template: "facet", title: heading, description: "\(heading), in the \(index.settings.title).", data: data)
    }

    /// "in Belgium", "of kind “Charity”", "on Sortition", "with status “Completed”".
    func phrase(_ facet: Facet, _ value: String, settings: Settings) -> String {
        switch facet {
        case .country:
            switch value {
            case Jurisdictions.international: return "working internationally"
            case Jurisdictions.europeanUnion, Jurisdictions.unitedNations: return "of the " + Formatting.jurisdiction(value)
            default: return "in " + Formatting.countryInSentence(value)
            }
        case .kind: return "of kind “\(Formatting.choice(value))”"
        case .topic: return "on " + settings.topicLabel(value)
        case .status: return "with status “\(Formatting.choice(value))”"
        }
    }

    func optionLabel(_ facet: Facet, _ value: String, settings: Settings) -> String {
        switch facet {
        case .country: return Formatting.jurisdiction(value)
        case .topic: return settings.topicLabel(value)
        case .kind, .status: return Formatting.choice(value)
        }
    }

    /// The filter groups of a type's list, with counts, the current value marked.
    func filters(_ type: EntityType, current: (Facet, String)?) -> [MustacheValue] {
        let facets = site.index.facets[type] ?? [:]
        return Facet.allCases.compactMap { facet in
            guard let values = facets[facet], !values.isEmpty else { return nil }
            var labelled: [(value: String, label: String, key: String)] = values.keys.map { value in
                let label = optionLabel(facet, value, settings: site.index.settings)
                return (value, label, Formatting.sortKey(label))
            }
            labelled.sort { $0.key != $1.key ? $0.key < $1.key : $0.value < $1.value }
            let options: [MustacheValue] = labelled.map { item in
                let isCurrent = current.map { $0.0 == facet && $0.1 == item.value } ?? false
                return ["label": .string(item.label), "count": .string(String(values[item.value]?.count ?? 0)),
                        "url": .string(site.index.links.facet(type, facet, item.value)), "value": .string(item.value.lowercased()), "current": .bool(isCurrent)]
            }
            let isOpen = current?.0 == facet || values.count <= 8
            return ["label": .string(facet.label), "facet": .string(facet.rawValue), "options": .list(options), "open": .bool(isOpen)]
        }
    }
}
