/// What a front-matter field holds; the validator, the scaffolds and the JSON Schemas all read these.
public indirect enum FieldKind: Hashable, Sendable {
    /// Text on one or more lines, optionally limited in length (in characters).
    case text(maxLength: Int?)
    /// An absolute http or https URL.
    case url
    /// An email address, `local@domain.tld`.
    case email
    /// A telephone number: digits with spaces, `+`, `-`, `(`, `)`, `.`.
    case phone
    /// A calendar date, `YYYY-MM-DD`.
    case date
    /// A year, year and month, or date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    case partialDate
    /// A date (all day) or a date-time `YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]`.
    case dateOrDateTime
    /// A four-digit year.
    case year
    /// A whole number, at least `minimum` and at most `maximum` (bounds that keep the outputs' arithmetic sane).
    case integer(minimum: Int?, maximum: Int? = nil)
    /// A number, at least `minimum`.
    case number(minimum: Double?)
    /// `true` or `false`.
    case boolean
    /// One of a fixed list of words.
    case choice([String])
    /// An ISO 3166-1 alpha-2 country code.
    case country
    /// An ISO 3166-1 alpha-2 country code, or `INT` (international), `EU` or `UN`.
    case countryOrInternational
    /// An ISO 3166-2 subdivision code, or free text.
    case region
    /// A country code, an ISO 3166-2 code, or `EU`, `UN`, `INT`.
    case jurisdiction
    /// An ISO 4217 currency code.
    case currency
    /// An IANA time zone name.
    case timezone
    /// A BCP 47 language tag.
    case language
    /// An id declared under `topics` in handbook.yml.
    case topic
    /// An id declared under `methods` in handbook.yml.
    case method
    /// The slug of an entry of the given type.
    case reference(EntityType)
    /// A list of values of one kind, with at least `minimum` items.
    case list(FieldKind, minimum: Int)
    /// A mapping with fixed keys, each with its own schema.
    case record([FieldSchema])
    /// A mapping from free keys (described by `keyDescription`) to values of one kind.
    case dictionary(keyDescription: String, value: FieldKind)
    /// A mapping of ids (slugs) to labels, as topics and methods in handbook.yml.
    case vocabulary
}

/// One field of a type's front matter. A class, never changed once made: pages and checks walk their types'
/// fields for every entry, and a copy is then one reference, not its seven members each retained.
public final class FieldSchema: Hashable, Sendable {
    /// The key as written in front matter.
    public let name: FieldName
    /// What the field holds.
    public let kind: FieldKind
    /// Whether the field must be present.
    public let isRequired: Bool
    /// One line saying what the field is for: scaffold comments, JSON Schema descriptions, docs.
    public let summary: String
    /// Its heading on an entry's page: given, or the name in words ("open_calls" → "Open calls").
    public let label: String
    /// For a field that names other entries, the heading on their pages of the entries that name them
    /// this way ("Members" for `networks`): the relationship read the other way.
    public let inverseLabel: String?
    /// For a field that names other entries, the kind of edge each name makes in the social graph, read
    /// from the entry that names (`member-of`: this organisation is a member of that one).
    public let relation: String?

    /// Creates a field.
    public init(_ name: FieldName, _ kind: FieldKind, required: Bool = false, label: String? = nil, inverse inverseLabel: String? = nil,
                relation: String? = nil, _ summary: String) {
        self.name = name
        self.kind = kind
        self.isRequired = required
        self.summary = summary
        self.inverseLabel = inverseLabel
        self.relation = relation
        let words = name.rawValue.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        self.label = label ?? words.capitalisedFirst
    }

    /// Fields are equal when every member is.
    public static func == (a: FieldSchema, b: FieldSchema) -> Bool {
        a === b || (a.name == b.name && a.kind == b.kind && a.isRequired == b.isRequired && a.summary == b.summary
            && a.label == b.label && a.inverseLabel == b.inverseLabel && a.relation == b.relation)
    }

    /// Hashes as `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(kind)
        hasher.combine(isRequired)
        hasher.combine(summary)
        hasher.combine(label)
        hasher.combine(inverseLabel)
        hasher.combine(relation)
    }
}
