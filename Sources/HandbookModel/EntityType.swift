/// The kinds of entry in the content tree; each has its own folder under `content/`.
public enum EntityType: String, CaseIterable, Hashable, Comparable, Sendable {
    case organisations
    case caseStudies = "case-studies"
    case funders
    case pressContacts = "press-contacts"
    case policies
    case events
    case resources
    case pages

    /// The folder under `content/`, which is also the URL segment and the API name.
    public var folder: String { rawValue }

    /// The type from a folder name, or nil.
    public init?(folder: String) {
        self.init(rawValue: folder)
    }

    /// One entry of this type, in words: "organisation", "case study".
    public var singular: String {
        switch self {
        case .organisations: return "organisation"
        case .caseStudies: return "case study"
        case .funders: return "funder"
        case .pressContacts: return "press contact"
        case .policies: return "policy"
        case .events: return "event"
        case .resources: return "resource"
        case .pages: return "page"
        }
    }

    /// Several entries of this type, in words: "organisations", "case studies".
    public var plural: String {
        switch self {
        case .caseStudies: return "case studies"
        case .pressContacts: return "press contacts"
        default: return rawValue
        }
    }

    /// The field that names an entry of this type (`name` or `title`).
    public var nameField: String {
        switch self {
        case .organisations, .funders, .pressContacts: return "name"
        default: return "title"
        }
    }

    /// Orders types as SPEC lists them.
    public static func < (lhs: EntityType, rhs: EntityType) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
