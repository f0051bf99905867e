import Foundation
import HandbookLoad
import HandbookModel
import Mustache

/// A file of the built site: its path relative to the output directory and its bytes.
public struct OutputFile: Sendable, Hashable {
    /// The path relative to the output root, such as `organisations/g1000/index.html`.
    public var path: String
    /// The file's content.
    public var bytes: [UInt8]

    /// Creates a file.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// Creates a text file.
    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

/// A theme ready to render: compiled templates and static assets.
public struct Theme: Sendable {
    /// The compiled templates.
    public let library: MustacheLibrary
    /// Static files copied under `assets/`.
    public let assets: [String: [UInt8]]

    /// Templates every theme must provide.
    public static let requiredTemplates = ["layout", "home", "list", "entity", "topics", "topic", "page", "privacy", "search", "404"]

    /// Compiles a loaded theme; template errors name the file, line and column.
    public init(_ files: ThemeFiles) throws(ThemeError) {
        do {
            library = try MustacheLibrary(templates: files.templates)
        } catch {
            throw ThemeError(message: (files.templatePaths[error.template].map { "\($0)" } ?? error.template) + String(error.description.dropFirst(error.template.count)))
        }
        for name in Self.requiredTemplates where !library.contains(name) {
            throw ThemeError(message: "the theme has no \(name).mustache template")
        }
        assets = files.assets
    }
}

/// A theme that cannot be used, with the template's path, line and column where that applies.
public struct ThemeError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// The message shown to the user.
    public var description: String { message }

    /// Creates an error.
    public init(message: String) {
        self.message = message
    }
}

/// Renders every page, data file and asset of the site, in parallel, in a stable order.
public struct SiteRenderer: Sendable {
    let index: SiteIndex
    let theme: Theme
    /// The absolute URL the site is published at, ending in `/`.
    let baseURL: String
    /// What every page shares, computed once: cards, display order, footer links.
    let prepared: Prepared

    /// Creates a renderer and prepares what all pages share.
    public init(index: SiteIndex, theme: Theme, baseURL: String) {
        self.index = index
        self.theme = theme
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.prepared = Prepared(index: index)
    }

    /// Built once per build so no page scans the whole site again: per-entry cards, each type's display
    /// order (a rank per entry, so filter pages sort their subset in k log k) and the footer links.
    struct Prepared: Sendable {
        var cards: [EntityReference: MustacheValue] = [:]
        var rank: [EntityReference: Int] = [:]
        var ordered: [EntityType: [EntityReference]] = [:]
        var footer: [MustacheValue] = []
        /// Each entry's Markdown body as HTML (headings demoted), rendered once for pages, API and feeds.
        var bodies: [EntityReference: String] = [:]
        /// The events each organisation organises and each topic covers, in display order.
        var eventsByOrganiser: [String: [EntityReference]] = [:]
        var eventsByTopic: [String: [EntityReference]] = [:]

        init(index: SiteIndex) {
            let renderer = CardMaker(index: index)
            let cardList = Parallel.map(index.entities) { renderer.card($0) }
            for (entity, card) in zip(index.entities, cardList) { cards[entity.reference] = card }
            let rendered = Parallel.map(index.entities) { entity in
                Markdown.hasContent(entity.body) ? Markdown.html(ArraySlice(entity.body), demotingHeadings: true) : ""
            }
            for (entity, body) in zip(index.entities, rendered) { bodies[entity.reference] = body }
            for type in EntityType.allCases {
                let sorted = renderer.displayOrder(type, index.entities(of: type))
                ordered[type] = sorted.map(\.reference)
                for (position, entity) in sorted.enumerated() { rank[entity.reference] = position }
            }
            footer = (ordered[.pages] ?? []).compactMap { reference in
                index.entity(reference).map { ["label": .string($0.name), "url": .string(Links.entity(reference))] as MustacheValue }
            }
            if index.entity(EntityReference(type: .pages, slug: "privacy")) == nil {
                footer.append(["label": "Privacy", "url": "privacy/"])
            }
            for reference in ordered[.events] ?? [] {
                guard let event = index.entity(reference) else { continue }
                for organiser in event["organisers"]?.list ?? [] {
                    if case .reference(let organisation) = organiser { eventsByOrganiser[organisation.slug, default: []].append(reference) }
                }
                for topic in (event["topics"]?.list ?? []).compactMap(\.text) { eventsByTopic[topic, default: []].append(reference) }
            }
        }
    }

    /// Every output file, sorted by path.
    public func render() -> [OutputFile] {
        (pages() + data() + search()).sorted { $0.path < $1.path }
    }

    /// The HTML pages, the theme's assets, the sitemap and robots.txt.
    public func pages() -> [OutputFile] {
        let jobs = pageJobs()
        var files = Parallel.map(jobs) { job in render(job) }.flatMap { $0 }
        for (path, bytes) in theme.assets {
            files.append(OutputFile(path: "assets/" + path, bytes: bytes))
        }
        files.append(OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(baseURL)sitemap.xml\n"))
        files.append(OutputFile(path: "sitemap.xml", text: sitemap(jobs)))
        return files
    }

    /// The data for other tools: JSON API, graph, schemas, 360Giving, calendars and feeds.
    public func data() -> [OutputFile] {
        var files = DataAPI(index: index, baseURL: baseURL, bodies: prepared.bodies).files()
        files += JSONSchemaExport(index: index, baseURL: baseURL).files()
        files.append(GrantsExport(index: index, baseURL: baseURL).file())
        files += FeedsExport(index: index, baseURL: baseURL, bodies: prepared.bodies).files()
        files += calendars()
        return files
    }

    /// The client-side search index (see `SearchIndex` for the format).
    public func search() -> [OutputFile] {
        SearchIndex(index: index).files()
    }
}

// MARK: - Jobs

extension SiteRenderer {
    enum Job: Sendable {
        case home
        case list(EntityType, Facet?, String?)
        case entity(EntityReference)
        case topics
        case topic(String)
        case privacy
        case search
        case notFound

        /// The page's directory URL relative to the site root.
        var path: String {
            switch self {
            case .home: return ""
            case .list(let type, let facet?, let value?): return Links.facet(type, facet, value)
            case .list(let type, _, _): return Links.list(type)
            case .entity(let reference): return Links.entity(reference)
            case .topics: return "topics/"
            case .topic(let id): return Links.topic(id)
            case .privacy: return "privacy/"
            case .search: return "search/"
            case .notFound: return "404.html"
            }
        }
    }

    /// The list types shown in the navigation, in reading order.
    static let listedTypes: [EntityType] = [.organisations, .caseStudies, .funders, .events, .policies, .resources, .pressContacts]

    func pageJobs() -> [Job] {
        var jobs: [Job] = [.home, .topics, .search, .notFound]
        if index.entity(EntityReference(type: .pages, slug: "privacy")) == nil { jobs.append(.privacy) }
        for type in Self.listedTypes {
            jobs.append(.list(type, nil, nil))
            for (facet, values) in (index.facets[type] ?? [:]).sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                for value in values.keys.sorted() { jobs.append(.list(type, facet, value)) }
            }
        }
        for entity in index.entities { jobs.append(.entity(entity.reference)) }
        for topic in index.settings.topics { jobs.append(.topic(topic.id)) }
        return jobs
    }

    func render(_ job: Job) -> [OutputFile] {
        let path = job.path
        let root = job.isNotFound ? basePath : Links.root(from: path)
        var context = baseContext(root: root, section: job.section)
        let page: PageInfo
        switch job {
        case .home: page = home(&context, root: root)
        case .list(let type, let facet, let value): page = list(type, facet: facet, value: value, &context, root: root)
        case .entity(let reference): page = entity(reference, &context, root: root)
        case .topics: page = topics(&context, root: root)
        case .topic(let id): page = topic(id, &context, root: root)
        case .privacy: page = PageInfo(template: "privacy", title: "Privacy", description: "Why the handbook lists people and organisations, and how to have an entry corrected or removed.")
        case .search: page = search(&context)
        case .notFound: page = PageInfo(template: "404", title: "Page not found", description: "There is no page at this address.")
        }
        let url = baseURL + (job.isNotFound ? "" : path)
        let jsonLD = page.jsonLD ?? (job.isNotFound ? nil : StructuredData.collection(name: page.title, url: url, description: page.description))
        context["page"] = [
            "title": .string(page.title),
            "fullTitle": .string(job.isHome ? index.settings.title : "\(page.title) — \(index.settings.title)"),
            "description": .string(page.description),
            "canonical": .string(url),
            "ogType": .string(page.ogType),
            "jsonld": MustacheValue(jsonLD?.encodedForScript),
            "isHome": .bool(job.isHome),
            "isSearch": .bool(job.section == "search"),
            "noindex": .bool(job.isNotFound),
        ]
        let content = theme.library.render(page.template, .object(context))
        context["content"] = .string(content)
        var files = [OutputFile(path: Links.file(path), text: theme.library.render("layout", .object(context)))]
        if case .entity(let reference) = job, reference.type == .events, let event = index.entity(reference) {
            files.append(OutputFile(path: Links.eventCalendar(reference.slug),
                                    text: ICalendar.calendar(name: event.name, events: [event], index: index, baseURL: baseURL, isFeed: false)))
        }
        return files
    }

    /// The path part of the base URL (`/handbook/`), for pages served at any depth such as 404.html.
    var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let afterHost = baseURL[schemeEnd.upperBound...]
        guard let slash = afterHost.firstIndex(of: "/") else { return "/" }
        return String(afterHost[slash...])
    }
}

extension SiteRenderer.Job {
    var isHome: Bool {
        if case .home = self { return true }
        return false
    }

    var isNotFound: Bool {
        if case .notFound = self { return true }
        return false
    }

    /// The navigation section the page belongs to.
    var section: String {
        switch self {
        case .list(let type, _, _): return type.folder
        case .entity(let reference): return reference.type.folder
        case .topics, .topic: return "topics"
        case .search: return "search"
        default: return ""
        }
    }
}

// MARK: - Page contexts

extension SiteRenderer {
    struct PageInfo {
        var template: String
        var title: String
        var description: String
        var ogType = "website"
        var jsonLD: JSONValue?
    }

    func baseContext(root: String, section: String) -> [String: MustacheValue] {
        var nav: [MustacheValue] = Self.listedTypes.map { type in
            ["label": .string(type.plural.prefix(1).uppercased() + type.plural.dropFirst()), "url": .string(Links.list(type)), "current": .bool(section == type.folder)]
        }
        nav.append(["label": "Topics", "url": "topics/", "current": .bool(section == "topics")])
        return [
            "root": .string(root),
            "site": ["title": .string(index.settings.title), "description": .string(index.settings.description),
                     "language": .string(index.settings.language), "baseURL": .string(baseURL)],
            "nav": .list(nav),
            "footerLinks": .list(prepared.footer),
        ]
    }

    /// The search page: the form and its filters (the script adds results; without it the page points to the lists).
    func search(_ context: inout [String: MustacheValue]) -> PageInfo {
        context["searchTypes"] = .list(SearchIndex.typeOrder.filter { !index.entities(of: $0).isEmpty }.map { type in
            ["value": .string(type.folder), "label": .string(type.plural.capitalisedFirst)]
        })
        context["searchTopics"] = .list(index.settings.topics.map { ["value": .string($0.id), "label": .string($0.label)] })
        var countries = Set<String>()
        for entity in index.entities {
            if let code = entity.countryCode { countries.insert(code) }
        }
        context["searchCountries"] = .list(countries.map { (code: $0, name: Formatting.jurisdiction($0)) }
            .sorted { (Formatting.sortKey($0.name), $0.code) < (Formatting.sortKey($1.name), $1.code) }
            .map { ["value": .string($0.code.lowercased()), "label": .string($0.name)] })
        return PageInfo(template: "search", title: "Search", description: "Search the handbook's organisations, case studies, funders, events, policies and resources.")
    }

    func home(_ context: inout [String: MustacheValue], root: String) -> PageInfo {
        context["counts"] = .list(Self.listedTypes.map { type in
            let count = index.entities(of: type).count
            return ["label": .string(Self.counted(count, type)), "url": .string(Links.list(type))]
        })
        let upcoming = upcomingEvents().prefix(5)
        context["upcoming"] = .list(upcoming.map { card($0, root: root) })
        context["hasUpcoming"] = .bool(!upcoming.isEmpty)
        let recent = index.recentlyChanged(10)
        context["recent"] = .list(recent.map { entity in
            var item = card(entity, root: root)
            item = item.merging(["changed": MustacheValue(entity.lastChanged.map { Formatting.words(Formatting.date(fromUnix: $0)) }),
                                 "typeLabel": .string(entity.reference.type.singular.capitalisedFirst)])
            return item
        })
        context["hasRecent"] = .bool(!recent.isEmpty)
        return PageInfo(template: "home", title: index.settings.title, description: index.settings.description,
                        jsonLD: StructuredData.website(index.settings, url: baseURL))
    }

    func list(_ type: EntityType, facet: Facet?, value: String?, _ context: inout [String: MustacheValue], root: String) -> PageInfo {
        var references = prepared.ordered[type] ?? []
        var heading = type.plural.capitalisedFirst
        if let facet, let value {
            references = index.facets[type]?[facet]?[value] ?? []
            heading += " " + facetPhrase(facet, value)
        }
        context["type"] = ["plural": .string(type.plural), "singular": .string(type.singular), "url": .string(Links.list(type)),
                           "folder": .string(type.folder)]
        context["heading"] = .string(heading)
        context["isFiltered"] = .bool(facet != nil)
        context["count"] = .string(Self.counted(references.count, type))
        let filterGroups = filters(type, current: facet.flatMap { f in value.map { (f, $0) } })
        context["filters"] = .list(filterGroups)
        context["hasFilters"] = .bool(!filterGroups.isEmpty)
        context["groups"] = .list(groups(type, references).map { group in
            ["heading": MustacheValue(group.heading), "entries": .list(group.entries.map { card($0, root: root) })]
        })
        context["isEmpty"] = .bool(references.isEmpty)
        if type == .events {
            let feed = baseURL + "events.ics"
            let webcal = feed.hasPrefix("https://") ? "webcal://" + feed.dropFirst("https://".count)
                : feed.hasPrefix("http://") ? "webcal://" + feed.dropFirst("http://".count) : feed
            context["subscribe"] = ["https": .string(feed), "webcal": .string(String(webcal)), "file": "events.ics"]
        }
        let description = facet == nil ? "Every \(type.singular) in the \(index.settings.title)." : "\(heading), in the \(index.settings.title)."
        return PageInfo(template: "list", title: heading, description: description)
    }

    func entity(_ reference: EntityReference, _ context: inout [String: MustacheValue], root: String) -> PageInfo {
        guard let entity = index.entity(reference) else { return PageInfo(template: "page", title: "", description: "") }
        let presenter = FieldPresenter(index: index, root: root)
        let body = prepared.bodies[reference] ?? ""
        let hasBody = !body.isEmpty
        let topics = (entity["topics"]?.list ?? []).compactMap(\.text)
        let sources = (entity["sources"]?.list ?? []).compactMap(\.text)
        let facts = presenter.facts(for: entity)
        let backlinks = backlinkGroups(reference)
        var object: [String: MustacheValue] = [
            "name": .string(entity.name),
            "summary": MustacheValue(entity["summary"]?.text),
            "typeSingular": .string(reference.type.singular.capitalisedFirst),
            "typePlural": .string(reference.type.plural.capitalisedFirst),
            "listURL": .string(Links.list(reference.type)),
            "isPage": .bool(reference.type == .pages),
            "facts": .list(facts),
            "hasFacts": .bool(!facts.isEmpty),
            "bodyHTML": .string(hasBody ? body : ""),
            "hasBody": .bool(hasBody),
            "hasTopics": .bool(!topics.isEmpty),
            "hasSources": .bool(!sources.isEmpty),
            "hasBacklinks": .bool(!backlinks.isEmpty),
            "topics": .list(topics.map { id in
                ["label": .string(index.settings.topicLabel(id)), "url": .string(Links.topic(id))]
            }),
            "sources": .list(sources.map { url in ["html": .string(presenter.link(url))] }),
            "backlinks": .list(backlinks),
            "updated": MustacheValue(entity.lastChanged.map { Formatting.words(Formatting.date(fromUnix: $0)) }),
            "updatedISO": MustacheValue(entity.lastChanged.map { Formatting.date(fromUnix: $0).description }),
        ]
        if case .date(let reviewed)? = entity["reviewed"] { object["reviewed"] = .string(Formatting.words(reviewed)) }
        if reference.type == .events {
            object["calendarURL"] = .string("event.ics")
            object["isCancelled"] = .bool(entity["status"]?.text == "cancelled")
        }
        if reference.type == .pressContacts { object["privacyURL"] = .string(privacyPath) }
        if reference.type == .organisations, prepared.eventsByOrganiser[reference.slug] != nil {
            object["eventsFeedURL"] = .string("events.ics")
        }
        context["entity"] = .object(object)
        let url = baseURL + Links.entity(reference)
        let description = entity["summary"]?.text ?? "\(reference.type.singular.capitalisedFirst) in the \(index.settings.title)."
        return PageInfo(template: reference.type == .pages ? "page" : "entity",
                        title: entity.name, description: description, ogType: "article",
                        jsonLD: StructuredData.entity(entity, url: url, index: index))
    }

    func topics(_ context: inout [String: MustacheValue], root: String) -> PageInfo {
        context["topics"] = .list(index.settings.topics.map { topic in
            ["label": .string(topic.label), "url": .string(Links.topic(topic.id)), "count": .string(String(index.topics[topic.id]?.count ?? 0))]
        })
        return PageInfo(template: "topics", title: "Topics", description: "Everything in the \(index.settings.title), by topic.")
    }

    func topic(_ id: String, _ context: inout [String: MustacheValue], root: String) -> PageInfo {
        let label = index.settings.topicLabel(id)
        let references = index.topics[id] ?? []
        var byType: [EntityType: [EntityReference]] = [:]
        for reference in references { byType[reference.type, default: []].append(reference) }
        context["label"] = .string(label)
        if prepared.eventsByTopic[id] != nil { context["eventsFeedURL"] = .string("events.ics") }
        context["groups"] = .list(EntityType.allCases.compactMap { type in
            guard let members = byType[type], !members.isEmpty else { return nil }
            let entries = groups(type, members).flatMap(\.entries)
            return ["heading": .string(type.plural.capitalisedFirst), "entries": .list(entries.map { card($0, root: root) })]
        })
        context["isEmpty"] = .bool(references.isEmpty)
        return PageInfo(template: "topic", title: label, description: "Everything in the \(index.settings.title) on \(label).")
    }

    /// The privacy page: the content's own `pages/privacy.md`, or the theme's default; both live at `privacy/`.
    var privacyPath: String { "privacy/" }
}

// MARK: - Lists, cards, filters

extension SiteRenderer {
    static func counted(_ count: Int, _ type: EntityType) -> String {
        "\(count) \(count == 1 ? type.singular : type.plural)"
    }

    /// The entry's card, made once per build.
    func card(_ entity: Entity, root: String) -> MustacheValue {
        prepared.cards[entity.reference] ?? CardMaker(index: index).card(entity)
    }

    func facetPhrase(_ facet: Facet, _ value: String) -> String {
        switch facet {
        case .country: return "in " + Formatting.country(value)
        case .kind: return "of kind “\(Formatting.choice(value))”"
        case .topic: return "on " + (index.settings.topicLabel(value))
        case .status: return "with status “\(Formatting.choice(value))”"
        }
    }

    func filters(_ type: EntityType, current: (Facet, String)?) -> [MustacheValue] {
        let facets = index.facets[type] ?? [:]
        return Facet.allCases.compactMap { facet in
            guard let values = facets[facet], !values.isEmpty else { return nil }
            var labelled: [FilterOption] = values.keys.map { value in
                let label = optionLabel(facet, value)
                return FilterOption(value: value, label: label, key: Formatting.sortKey(label))
            }
            labelled.sort { $0.key != $1.key ? $0.key < $1.key : $0.value < $1.value }
            let options: [MustacheValue] = labelled.map { item in
                let isCurrent = current.map { $0.0 == facet && $0.1 == item.value } ?? false
                return ["label": .string(item.label), "count": .string(String(values[item.value]?.count ?? 0)),
                        "url": .string(Links.facet(type, facet, item.value)), "value": .string(item.value.lowercased()), "current": .bool(isCurrent)]
            }
            let isOpen = current?.0 == facet || values.count <= 8
            return ["label": .string(facet.label), "facet": .string(facet.rawValue), "options": .list(options), "open": .bool(isOpen)]
        }
    }

    func optionLabel(_ facet: Facet, _ value: String) -> String {
        switch facet {
        case .country: return Formatting.country(value)
        case .topic: return index.settings.topicLabel(value)
        case .kind, .status: return Formatting.choice(value)
        }
    }

    struct FilterOption {
        var value: String
        var label: String
        var key: String
    }

    struct Group {
        var heading: String?
        var entries: [Entity]
    }

    /// The entries in display order (a subset is sorted by the precomputed rank), grouped for the list page.
    func groups(_ type: EntityType, _ references: [EntityReference]) -> [Group] {
        let entries = references.sorted { (prepared.rank[$0] ?? 0) < (prepared.rank[$1] ?? 0) }.compactMap(index.entity)
        guard type == .events else { return [Group(heading: nil, entries: entries)] }
        let maker = CardMaker(index: index)
        let upcoming = entries.filter { maker.isUpcoming($0) }
        let past = entries.filter { !maker.isUpcoming($0) }
        return [Group(heading: "Upcoming", entries: upcoming), Group(heading: "Past", entries: past)].filter { !$0.entries.isEmpty }
    }

    func sortedByName(_ entities: [Entity]) -> [Entity] {
        CardMaker(index: index).sortedByName(entities)
    }

    func upcomingEvents() -> [Entity] {
        let maker = CardMaker(index: index)
        return (prepared.ordered[.events] ?? []).compactMap(index.entity).filter { maker.isUpcoming($0) && $0["status"]?.text != "cancelled" }
    }

    func backlinkGroups(_ reference: EntityReference) -> [MustacheValue] {
        var byType: [EntityType: [EntityReference]] = [:]
        for source in index.backlinks[reference] ?? [] { byType[source.type, default: []].append(source) }
        return EntityType.allCases.compactMap { type in
            guard let members = byType[type] else { return nil }
            let entries = members.sorted { (prepared.rank[$0] ?? 0) < (prepared.rank[$1] ?? 0) }.compactMap(index.entity)
            return ["heading": .string(type.plural.capitalisedFirst),
                    "entries": .list(entries.map { ["name": .string($0.name), "url": .string(Links.entity($0.reference))] })]
        }
    }
}

/// Makes the card of an entry and knows each type's display order; used once per build by `Prepared`.
struct CardMaker: Sendable {
    let index: SiteIndex

    func card(_ entity: Entity) -> MustacheValue {
        var meta: [String] = []
        let type = entity.reference.type
        if let country = entity["country"]?.text { meta.append(Formatting.country(country)) }
        if let jurisdiction = entity["jurisdiction"]?.text { meta.append(Formatting.jurisdiction(jurisdiction)) }
        if let kind = entity["kind"]?.text { meta.append(Formatting.choice(kind)) }
        if let status = entity["status"]?.text, type != .events || status != "scheduled" { meta.append(Formatting.choice(status)) }
        var date: String?
        switch entity["start"] {
        case .date(let start)?: date = Formatting.words(start)
        case .dateTime(let start)?: date = Formatting.words(start)
        default: break
        }
        if type == .policies, let last = lastStageDate(entity) { date = Formatting.words(last) }
        let facets = SiteIndex.facetValues(of: entity)
        func value(_ facet: Facet) -> String {
            facets.first { $0.0 == facet }?.1.map { $0.lowercased() }.joined(separator: " ") ?? ""
        }
        return [
            "name": .string(entity.name),
            "url": .string(Links.entity(entity.reference)),
            "summary": MustacheValue(entity["summary"]?.text),
            "meta": MustacheValue(meta.isEmpty ? nil : meta.joined(separator: " · ")),
            "date": MustacheValue(date),
            "country": .string(value(.country)),
            "kind": .string(value(.kind)),
            "topic": .string(value(.topic)),
            "status": .string(value(.status)),
        ]
    }

    /// Names alphabetically (ignoring case and accents); events upcoming first, then past, newest first;
    /// policies by their last stage, most recent first; pages by their `order`.
    func displayOrder(_ type: EntityType, _ entities: [Entity]) -> [Entity] {
        switch type {
        case .events:
            let keyed = entities.map { (upcoming: isUpcoming($0), start: startKey($0), entity: $0) }
            let upcoming = keyed.filter(\.upcoming).sorted { $0.start != $1.start ? $0.start < $1.start : $0.entity.reference < $1.entity.reference }
            let past = keyed.filter { !$0.upcoming }.sorted { $0.start != $1.start ? $0.start > $1.start : $0.entity.reference < $1.entity.reference }
            return (upcoming + past).map(\.entity)
        case .policies:
            let keyed = entities.map { (last: lastStageDate($0) ?? PartialDate(year: 0), name: Formatting.sortKey($0.name), entity: $0) }
            return keyed.sorted { lhs, rhs in
                if lhs.last != rhs.last { return lhs.last > rhs.last }
                return lhs.name != rhs.name ? lhs.name < rhs.name : lhs.entity.reference < rhs.entity.reference
            }.map(\.entity)
        case .pages:
            let keyed = entities.map { (order: $0.orderValue, name: Formatting.sortKey($0.name), entity: $0) }
            return keyed.sorted { lhs, rhs in
                lhs.order != rhs.order ? lhs.order < rhs.order : (lhs.name != rhs.name ? lhs.name < rhs.name : lhs.entity.reference < rhs.entity.reference)
            }.map(\.entity)
        default:
            return sortedByName(entities)
        }
    }

    func sortedByName(_ entities: [Entity]) -> [Entity] {
        entities.map { (Formatting.sortKey($0.name), $0) }
            .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1.reference < $1.1.reference }
            .map(\.1)
    }

    func lastStageDate(_ entity: Entity) -> PartialDate? {
        guard case .date(let date)? = entity["stages"]?.list?.last?["date"] else { return nil }
        return date
    }

    /// Sortable start: the date and the time of day (all-day events first on their day).
    func startKey(_ entity: Entity) -> String {
        switch entity["start"] {
        case .date(let date)?: return date.description
        case .dateTime(let value)?: return value.description
        default: return ""
        }
    }

    /// True when the event (or its repeats) has not ended before today.
    func isUpcoming(_ entity: Entity) -> Bool {
        let last: PartialDate?
        switch entity["end"] ?? entity["start"] {
        case .date(let date)?: last = date
        case .dateTime(let value)?: last = value.date
        default: last = nil
        }
        if case .date(let until)? = entity["repeat"]?["until"], until >= index.today { return true }
        return (last.map { $0 >= index.today } ?? false)
    }
}

// MARK: - Calendars

extension SiteRenderer {
    /// `events.ics` (every event and open-call deadline), one calendar per organiser and per topic with events.
    func calendars() -> [OutputFile] {
        let events = (prepared.ordered[.events] ?? []).compactMap(index.entity)
        var deadlines: [ICalendar.Item] = []
        for funder in index.entities(of: .funders) {
            for (position, call) in (funder["open_calls"]?.list ?? []).enumerated() {
                deadlines.append(.deadline(funder: funder, call: call, number: position + 1))
            }
        }
        let title = index.settings.title
        var files = [OutputFile(path: "events.ics", text: ICalendar.calendar(
            name: "\(title): events and deadlines", items: events.map(ICalendar.Item.event) + deadlines,
            index: index, baseURL: baseURL, isFeed: true))]
        for (slug, references) in prepared.eventsByOrganiser.sorted(by: { $0.key < $1.key }) {
            let organiser = index.entity(EntityReference(type: .organisations, slug: slug))?.name ?? slug
            files.append(OutputFile(path: "organisations/\(slug)/events.ics", text: ICalendar.calendar(
                name: "\(title): events by \(organiser)", events: references.compactMap(index.entity), index: index, baseURL: baseURL, isFeed: true)))
        }
        for (id, references) in prepared.eventsByTopic.sorted(by: { $0.key < $1.key }) where index.settings.topics.contains(where: { $0.id == id }) {
            let label = index.settings.topicLabel(id)
            files.append(OutputFile(path: "topics/\(id)/events.ics", text: ICalendar.calendar(
                name: "\(title): \(label) events", events: references.compactMap(index.entity), index: index, baseURL: baseURL, isFeed: true)))
        }
        return files
    }
}

// MARK: - Sitemap

extension SiteRenderer {
    func sitemap(_ jobs: [Job]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for job in jobs where !job.isNotFound {
            out += "  <url><loc>\(HTML.escape(baseURL + job.path))</loc>"
            if case .entity(let reference) = job, let changed = index.entity(reference)?.lastChanged {
                out += "<lastmod>\(Formatting.date(fromUnix: changed))</lastmod>"
            }
            out += "</url>\n"
        }
        return out + "</urlset>\n"
    }
}

extension MustacheValue {
    /// An object with `other`'s members added (or replaced).
    func merging(_ other: [String: MustacheValue]) -> MustacheValue {
        guard case .object(var members) = self else { return self }
        for (key, value) in other { members[key] = value }
        return .object(members)
    }
}

extension Entity {
    /// A page's navigation order (pages without one come last).
    var orderValue: Int {
        if case .integer(let order)? = self["order"] { return order }
        return Int.max
    }
}

extension String {
    var capitalisedFirst: String {
        prefix(1).uppercased() + dropFirst()
    }
}
