import HandbookModel

/// Where every page lives in the output, as paths relative to the site root (directory URLs end in `/`).
public enum Links {
    /// `organisations/g1000/`.
    public static func entity(_ reference: EntityReference) -> String {
        reference.type == .pages ? "\(reference.slug)/" : "\(reference.type.folder)/\(reference.slug)/"
    }

    /// `organisations/`.
    public static func list(_ type: EntityType) -> String {
        "\(type.folder)/"
    }

    /// `organisations/by-country/gb/`.
    public static func facet(_ type: EntityType, _ facet: Facet, _ value: String) -> String {
        "\(type.folder)/by-\(facet.rawValue)/\(value.lowercased())/"
    }

    /// `topics/sortition/`.
    public static func topic(_ id: String) -> String {
        "topics/\(id)/"
    }

    /// `events/meetup/event.ics`.
    public static func eventCalendar(_ slug: String) -> String {
        "events/\(slug)/event.ics"
    }

    /// The relative prefix from a page at `path` (a directory URL or file path) back to the site root: `../../`, or `./` at the root.
    public static func root(from path: String) -> String {
        let depth = path.split(separator: "/", omittingEmptySubsequences: true).count - (path.hasSuffix("/") ? 0 : 1)
        return depth <= 0 ? "./" : String(repeating: "../", count: depth)
    }

    /// The output file of a directory URL: `organisations/g1000/` → `organisations/g1000/index.html`.
    public static func file(_ path: String) -> String {
        path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }
}

/// The properties list pages can be filtered by.
public enum Facet: String, CaseIterable, Sendable {
    case country, kind, topic, status

    /// The heading of the filter.
    public var label: String {
        switch self {
        case .country: return "Country"
        case .kind: return "Kind"
        case .topic: return "Topic"
        case .status: return "Status"
        }
    }
}
