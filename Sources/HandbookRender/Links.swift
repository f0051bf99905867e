import HandbookModel

/// Where every page lives in the output, as paths relative to the site root (directory URLs end in `/`).
public struct Links: Sendable {
    /// The types, whose descriptors give their URL folders.
    let types: TypeCatalog
    /// Entries that are a role of another entry (a funder that is an organisation in the handbook), and that
    /// entry: links to the role lead to its section on the other's page.
    let roleOwners: [EntityReference: EntityReference]

    /// Where readers go for each of the entries given at creation (`entity(_:)`), made once: pages link to
    /// entries hundreds of thousands of times a build.
    private let made: [EntityReference: String]
    /// The same links by the entries' positions in the order given (the site index's): a page that knows an
    /// entry's position links to it without a table lookup.
    private let byPosition: [String]

    /// Links for `types`, with `roleOwners` from the site index; the links to `entries` are made at once.
    init(types: TypeCatalog, roleOwners: [EntityReference: EntityReference] = [:], entries: [EntityReference] = []) {
        self.types = types
        self.roleOwners = roleOwners
        var made: [EntityReference: String] = [:]
        made.reserveCapacity(entries.count)
        let byPosition = entries.map { Self.entity($0, types: types, roleOwners: roleOwners) }
        for (reference, link) in zip(entries, byPosition) { made[reference] = link }
        self.made = made
        self.byPosition = byPosition
    }

    /// Where a reader goes for an entry: its page, `organisations/g1000/`, or `about/` for a type at the site
    /// root; for a role, its section on the owner's page (`organisations/bertelsmann-stiftung/#funder`).
    public func entity(_ reference: EntityReference) -> String {
        made[reference] ?? Self.entity(reference, types: types, roleOwners: roleOwners)
    }

    /// `entity(_:)` of the entry at `position` among those given at creation (the site index's order).
    public func entity(at position: Int) -> String {
        byPosition[position]
    }

    private static func entity(_ reference: EntityReference, types: TypeCatalog, roleOwners: [EntityReference: EntityReference]) -> String {
        guard let owner = roleOwners[reference] else { return page(reference, types: types) }
        return page(owner, types: types) + "#" + Links.roleAnchor(reference.type, types: types)
    }

    /// The entry's own folder in the output, whatever it is a role of: where its page (or, for a role, the
    /// page that sends readers on to its owner's) and its other files are written.
    public func page(_ reference: EntityReference) -> String {
        Self.page(reference, types: types)
    }

    private static func page(_ reference: EntityReference, types: TypeCatalog) -> String {
        types[reference.type].urlFolder + reference.slug + "/"
    }

    /// The id of a role's section on its owner's page: the role type's singular, hyphenated (`funder`).
    public static func roleAnchor(_ type: EntityType, types: TypeCatalog) -> String {
        String(types[type].singular.map { $0 == " " ? "-" : $0 })
    }

    /// `organisations/`.
    public func list(_ type: EntityType) -> String {
        types[type].urlFolder
    }

    /// `organisations/by-country/`: the folder of one filter's pages.
    public func facetIndex(_ type: EntityType, _ facet: Facet) -> String {
        "\(list(type))by-\(facet.rawValue)/"
    }

    /// `organisations/by-country/gb/`.
    public func facet(_ type: EntityType, _ facet: Facet, _ value: String) -> String {
        "\(list(type))by-\(facet.rawValue)/\(value.lowercased())/"
    }

    /// `methods/citizens-assembly/`.
    public static func method(_ id: String) -> String {
        "methods/\(id)/"
    }

    /// `topics/sortition/`.
    public static func topic(_ id: String) -> String {
        "topics/\(id)/"
    }

    /// `events/meetup/event.ics`.
    public func calendar(_ reference: EntityReference) -> String {
        entity(reference) + "event.ics"
    }

    /// The path part of a base URL: `/handbook/` of `https://example.org/handbook/`, `/` without one.
    public static func basePath(of baseURL: String) -> String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let afterHost = baseURL[schemeEnd.upperBound...]
        guard let slash = afterHost.firstIndex(of: "/") else { return "/" }
        return String(afterHost[slash...])
    }

    /// The relative prefix from a page at `path` (a directory URL or file path) back to the site root: `../../`, or `./` at the root.
    public static func root(from path: String) -> String {
        // Counted in UTF-8 (a page's path is made of slugs and folders): splitting into characters cost ten
        // thousand instructions a page.
        var components = 0, inComponent = false
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                inComponent = false
            } else if !inComponent {
                inComponent = true
                components += 1
            }
        }
        let depth = components - (path.utf8.last == UInt8(ascii: "/") ? 0 : 1)
        return depth <= 0 ? "./" : String(repeating: "../", count: depth)
    }

    /// The output file of a directory URL: `organisations/g1000/` → `organisations/g1000/index.html`.
    public static func file(_ path: String) -> String {
        path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }
}

