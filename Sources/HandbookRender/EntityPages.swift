import HandbookModel
import Mustache

/// One page per published entry: its facts, body, topics, sources and what links to it.
struct EntityPages: PageGenerator {
    static let name = "entry pages"
    static let inputs = OutputInputs.entryPages
    let site: SiteContext

    /// The pages of the changed entries and of the entries their roles are shown on.
    func files(showing changed: ChangedEntries) -> [OutputFile] {
        var shown = changed.all
        for reference in changed.all {
            if let owner = site.index.roleOwners[reference] { shown.insert(owner) }
        }
        let affected = pages().filter { page in
            if case .entity(let reference) = page.subject { return shown.contains(reference) }
            return false
        }
        return Parallel.map(affected) { render($0) }
    }

    func pages() -> [Page] {
        let links = site.index.links
        return site.index.entities.enumerated().map { position, entity in
            let reference = entity.reference
            // A role (a funder that is also an organisation here) is shown on its owner's page; its own address
            // sends readers on there, as Hugo's aliases do, so links made before the two were joined still work.
            let owner = site.index.roleOwners[reference]
            // An entry's own page is where its links lead, made once with the index; a role's folder is made here.
            return Page(path: owner == nil ? links.entity(at: position) : links.page(reference), section: reference.type.folder,
                        subject: .entity(reference), inSitemap: owner == nil, redirect: owner.map { _ in links.entity(reference) })
        }
    }

    func content(of page: Page, root: String) -> PageContent {
        guard case .entity(let reference) = page.subject, let entity = site.index.entity(reference) else {
            return PageContent(template: "page", title: "", description: "")
        }
        let index = site.index
        if let owner = index.roleOwners[reference], let ownerEntity = index.entity(owner), let redirect = page.redirect {
            let singular = index.types[reference.type].singular
            return PageContent(template: "moved", title: entity.name, description: "\(entity.name) as a \(singular) is shown on the page of \(ownerEntity.name).",
                               data: ["moved": ["name": .string(entity.name), "singular": .string(singular),
                                                "ownerName": .string(ownerEntity.name), "url": .string(root + redirect)]])
        }
        let descriptor = index.types[reference.type]
        let presenter = FieldPresenter(index: index, root: root, plans: site.factPlans)
        let body = site.bodies[reference]
        let topics = entity.topics
        let roles = index.roles[reference] ?? []
        var sources = entity.texts(.sources)
        for role in roles { for url in index.entity(role)?.texts(.sources) ?? [] where !sources.contains(url) { sources.append(url) } }
        let facts = presenter.facts(for: entity)
        let backlinks = backlinkGroups([reference] + roles)
        let related = relatedEntries(reference)
        // Organisations show their neighbourhood in the social graph as a small drawing.
        let ego = reference.type == .organisations ? EgoNetwork.svg(for: reference, site: site, root: root) : nil
        let reviewed: MustacheValue
        if case .date(let date)? = entity[.reviewed] { reviewed = .string(Formatting.words(date)) } else { reviewed = .null }
        let isEvent = reference.type == Calendars.type
        let organisesEvents = reference.type == .organisations && site.eventsByOrganiser[reference.slug] != nil
        // Every name is given for every entry (null where it does not apply), so a misspelt name is caught by
        // TemplateNameTests; all in one literal, so the object is made at its size once.
        let object: MustacheFields = [
            "name": .string(entity.name),
            "summary": MustacheValue(entity[.summary]?.text),
            "typeSingular": .string(descriptor.singularTitle),
            "typePlural": .string(descriptor.pluralTitle),
            "listURL": .string(descriptor.urlFolder),
            "isPage": .bool(!descriptor.isListed),
            "facts": .list(facts),
            "hasFacts": .bool(!facts.isEmpty),
            "bodyHTML": .utf8(body),
            "hasBody": .bool(!body.isEmpty),
            "hasTopics": .bool(!topics.isEmpty),
            "hasSources": .bool(!sources.isEmpty),
            "hasBacklinks": .bool(!backlinks.isEmpty),
            "hasConnections": .bool(!backlinks.isEmpty || ego != nil),
            "egoSVG": ego.map { .utf8($0.svg) } ?? .null,
            "egoCaption": MustacheValue(ego.map { ego in
                let linked = ego.total == 1 ? "the entry it is linked to" : "the \(ego.total) entries it is linked to"
                return ego.shown < ego.total ? "\(entity.name) and \(ego.shown) of \(linked); all are listed on this page."
                    : "\(entity.name) and \(linked); each link is also listed on this page."
            }),
            "topics": .list(topics.map { id in
                ["label": .string(index.settings.topicLabel(id)), "url": .string(Links.topic(id))]
            }),
            "sources": .list(sources.map { url in ["html": .utf8(presenter.link(url))] }),
            "backlinks": .list(backlinks),
            "roles": .list(roles.compactMap { roleSection($0, presenter: presenter) }),
            "hasRelated": .bool(!related.isEmpty),
            "related": .list(related),
            "updated": MustacheValue(entity.lastChanged.map { Formatting.words(Formatting.date(fromUnix: $0)) }),
            "updatedISO": MustacheValue(entity.lastChanged.map { Formatting.date(fromUnix: $0).description }),
            "reviewed": reviewed,
            "calendarURL": isEvent ? .string(Calendars.eventFileName) : .null,
            "isCancelled": .bool(isEvent && EventStatus(of: entity) == .cancelled),
            // A past event says so, and offers no "Add to calendar".
            "hasPassed": .bool(isEvent && !DisplayOrder(index: index).isUpcoming(entity)),
            "privacyURL": reference.type == .pressContacts ? .string(PrivacyPage.path) : .null,
            "eventsFeedURL": organisesEvents ? .string(Calendars.fileName) : .null,
            "contribute": site.contribute.map { $0.entry(entity, path: index.links.entity(reference)) } ?? .null,
            "isContributePage": .bool(reference == EntityReference(type: .pages, slug: ContributeLinks.contributePageSlug)),
            "isPrivacyPage": .bool(reference == EntityReference(type: .pages, slug: PrivacyPage.slug)),
        ]
        let url = site.baseURL + index.links.entity(reference)
        let description = entity[.summary]?.text ?? "\(descriptor.singularTitle) in the \(index.settings.title)."
        return PageContent(template: descriptor.template, title: entity.name, description: description, ogType: "article",
                           jsonLD: StructuredData.entity(entity, url: url, index: index), data: ["entity": .fields(object)])
    }

    /// A role shown on its owner's page ("As a funder"): its facts without the link back or what the owner's
    /// details already say (the same country, kind or website), its summary and body, and where to edit it.
    func roleSection(_ role: EntityReference, presenter: FieldPresenter) -> MustacheValue? {
        guard let entity = site.index.entity(role), let owner = site.index.roleOwners[role].flatMap({ site.index.entity($0) }) else { return nil }
        let descriptor = site.index.types[role.type]
        var excluded = Set(descriptor.roleField.map { [$0] } ?? [])
        for field in descriptor.fields where entity[field.name] != nil && entity[field.name] == owner[field.name] { excluded.insert(field.name) }
        // A field both give with different values is named for the role here ("Kind of funder"), so the page does not
        // say "Kind: Research" above and "Kind: Foundation" below.
        var renamed: [String: String] = [:]
        let ownerDescriptor = site.index.types[owner.reference.type]
        for field in descriptor.fields where entity[field.name] != nil && !excluded.contains(field.name) {
            let label = descriptor.label(field.name) ?? field.label
            if ownerDescriptor.fields.contains(where: { owner[$0.name] != nil && (ownerDescriptor.label($0.name) ?? $0.label) == label }) {
                renamed[label] = "\(label) of \(descriptor.singular)"
            }
        }
        let facts = presenter.facts(for: entity, excluding: excluded, renaming: renamed)
        let body = site.bodies[role]
        return ["id": .string(Links.roleAnchor(role.type, types: site.index.types)),
                "heading": .string("As a \(descriptor.singular)"),
                "summary": MustacheValue(entity[.summary]?.text),
                "facts": .list(facts), "hasFacts": .bool(!facts.isEmpty),
                "bodyHTML": .utf8(body), "hasBody": .bool(!body.isEmpty),
                "contribute": site.contribute.map { $0.entry(entity, path: site.index.links.page(role)) } ?? .null]
    }

    /// What links to an entry (and to its roles), as relationships read the other way ("Members (20)", "Funds"):
    /// grouped by the linking type (canonical order) and field (schema order), each group in display order. The
    /// link a role makes to its owner is the role itself, shown in its own section, not a connection.
    func backlinkGroups(_ references: [EntityReference]) -> [MustacheValue] {
        // The few groups an entry has are found by looking through them, not hashed.
        var groups: [(group: FieldGroup, members: [Int])] = []
        // An entry that names both the owner and its role through one field is listed once. One entry's own links
        // are already once each, and never from itself (`SiteIndex.inbound`): the sets are for an entry with roles.
        let withRoles = references.count > 1
        let own = withRoles ? Set(references) : []
        var seen: Set<Inbound> = []
        for reference in references {
            for link in site.index.inbound[reference] ?? [] {
                if withRoles { guard !own.contains(link.source), seen.insert(link).inserted else { continue } }
                let group = FieldGroup(type: link.source.type, field: link.field)
                if let slot = groups.firstIndex(where: { $0.group == group }) {
                    groups[slot].members.append(link.sourcePosition)
                } else {
                    groups.append((group, [link.sourcePosition]))
                }
            }
        }
        // Only the few groups found are put in order (type, then field), not every field of every type looked up.
        let types = site.index.types
        let ordered = groups.compactMap { group, members -> (type: Int, field: Int, group: FieldGroup, members: [Int])? in
            guard let type = types.descriptors.firstIndex(where: { $0.type == group.type }),
                  let field = types.descriptors[type].fields.firstIndex(where: { $0.name == group.field }) else { return nil }
            return (type, field, group, members)
        }.sorted { ($0.type, $0.field) < ($1.type, $1.field) }
        return ordered.map { item in
            let descriptor = types.descriptors[item.type]
            let label = descriptor.fields[item.field].inverseLabel ?? descriptor.pluralTitle
            let members = item.members
            return ["heading": .string(members.count > 1 ? "\(label) (\(members.count))" : label),
                    "entries": .list(site.inDisplayOrder(positions: members).map { site.linkItem(at: $0) })]
        }
    }

    /// The entries related to this one, each with its type and what the two share ("MASS LBP, Local government").
    func relatedEntries(_ reference: EntityReference) -> [MustacheValue] {
        site.related.related(to: reference).map { match in
            // Three things, by their words: a country and a topic both called "European Union" are said once.
            var labels: [String] = []
            for thing in match.shared where labels.count < 3 {
                let words = label(thing)
                if !labels.contains(words) { labels.append(words) }
            }
            let shared = labels.joined(separator: ", ")
            return ["name": .string(match.entity.name), "url": .string(site.index.links.entity(at: match.position)),
                    "type": .string(site.index.types[match.entity.reference.type].singularTitle),
                    "shared": .string(shared)]
        }
    }

    /// What two entries share, in words.
    func label(_ shared: RelatedEntries.Shared) -> String {
        switch shared {
        case .entry(let reference): return site.index.entity(reference)?.name ?? reference.slug
        case .region(let region): return Formatting.region(region)
        case .country(let code): return Formatting.country(code)
        case .method(let id): return site.index.settings.methodLabel(id)
        case .topic(let id): return site.index.settings.topicLabel(id)
        }
    }

    /// A type and one of its fields.
    struct FieldGroup: Hashable {
        var type: EntityType
        var field: FieldName
    }
}
