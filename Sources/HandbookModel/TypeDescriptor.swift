/// Everything the tool knows about one type of entry, in one value: its identity, how to name it in
/// words, its front-matter schema, its place in the navigation and search, how it is listed, filtered,
/// carded and described to search engines, and what `handbook new` says about it.
///
/// Adding a type is one new descriptor listed in `TypeCatalog.standard` (plus a template if it needs a
/// special one); every stage of the pipeline reads descriptors, never a list of types of its own. A class,
/// never changed once made: pages ask for their types' descriptors thousands of times, and a copy is then
/// one reference, not its twenty members each retained.
public final class TypeDescriptor: Sendable {
    /// The type's identity.
    public let type: EntityType
    /// One entry of this type, in words: "organisation", "case study".
    public let singular: String
    /// Several entries, in words: "organisations", "case studies".
    public let plural: String
    /// `singular` and `plural` as headings and labels begin them: "Case study", "Case studies" (made once: every
    /// page and related entry shows one).
    public let singularTitle: String
    public let pluralTitle: String
    /// The URL folder of its pages, ending in `/` (`organisations/`), or empty for pages at the site root.
    public let urlFolder: String
    /// The field that names an entry (`name` or `title`).
    public let nameField: FieldName
    /// The front-matter fields: the type's own, then the common fields it does not redefine.
    public let fields: [FieldSchema]
    /// Groups of fields of which at least one must be given (an event's `location` or `online`).
    public let oneOfRequired: [[FieldName]]
    /// Its place in the navigation, the home page's counts and search order; nil for types shown only
    /// through their own pages (such as `pages`), which come after the listed ones in search.
    public let navigationOrder: Int?
    /// How its list page orders entries.
    public let displayOrder: DisplayOrder
    /// The filters of its list pages.
    public let facets: [Facet]
    /// The fields a card shows in its line of facts, in order.
    public let cardFields: [CardField]
    /// The date a card shows.
    public let cardDate: FieldPath?
    /// The date a librarian last checked an entry (`reviewed`; a press contact's `verified`).
    public let reviewField: FieldName
    /// Whether an entry never reviewed belongs in the librarian's review queue.
    public let expectsReview: Bool
    /// Labels that read better than the field name on its pages ("Run by" for a case study's organisations).
    public let fieldLabels: [FieldName: String]
    /// How its pages are described to search engines.
    public let schemaOrg: SchemaOrgMapping
    /// The theme template for its pages.
    public let template: String
    /// One line for `handbook new --help`: what an entry of this type is.
    public let help: String
    /// The file name of the issue form in `.github/ISSUE_TEMPLATE/` for suggesting a new entry of this type, if
    /// there is one; list pages link to it when a repository is set.
    public let suggestionForm: String?
    /// The field by which an entry of this type names the entry of another type that is the same real-world
    /// body (a funder's `organisation`): the two are then one entry to readers, with this one shown as a
    /// role on the other's page ("As a funder"), searched and drawn in the graph as the other.
    public let roleField: FieldName?

    /// Creates a descriptor; the common fields are added after the type's own.
    public init(type: EntityType, singular: String, plural: String, urlFolder: String? = nil, nameField: FieldName,
                fields: [FieldSchema], oneOfRequired: [[FieldName]] = [], navigationOrder: Int?,
                displayOrder: DisplayOrder = .byName, facets: [Facet], cardFields: [CardField] = [], cardDate: FieldPath? = nil,
                reviewField: FieldName = .reviewed, expectsReview: Bool = true,
                fieldLabels: [FieldName: String] = [:], schemaOrg: SchemaOrgMapping, template: String = "entity", help: String,
                suggestionForm: String? = nil, roleField: FieldName? = nil) {
        self.type = type
        self.singular = singular
        self.plural = plural
        singularTitle = singular.capitalisedFirst
        pluralTitle = plural.capitalisedFirst
        self.urlFolder = urlFolder ?? type.folder + "/"
        self.nameField = nameField
        self.fields = fields + Schemas.common.filter { field in !fields.contains { $0.name == field.name } }
        self.oneOfRequired = oneOfRequired
        self.navigationOrder = navigationOrder
        self.displayOrder = displayOrder
        self.facets = facets
        self.cardFields = cardFields
        self.cardDate = cardDate
        self.reviewField = reviewField
        self.expectsReview = expectsReview
        self.fieldLabels = fieldLabels
        self.schemaOrg = schemaOrg
        self.template = template
        self.help = help
        self.suggestionForm = suggestionForm
        self.roleField = roleField
    }

    /// The field's schema, or nil when the type has no such field.
    public func field(_ name: FieldName) -> FieldSchema? {
        fields.first { $0.name == name }
    }

    /// The label of a field on this type's pages.
    public func label(_ name: FieldName) -> String? {
        fieldLabels[name]
    }

    /// True when the type is in the navigation and has list pages.
    public var isListed: Bool { navigationOrder != nil }

    /// How a type's list orders its entries.
    public enum DisplayOrder: Sendable {
        /// Alphabetically by name, ignoring case and accents.
        case byName
        /// Upcoming first (soonest first), then past (newest first), shown as two groups.
        case upcomingThenPast
        /// By the date of the last entry of a dated list (a policy's last stage), most recent first.
        case latestFirst(FieldPath)
        /// By a whole-number field (a page's `order`), lowest first, entries without one last.
        case byNumber(FieldName)
    }

    /// A field a card shows, unless it has the type's default value.
    public struct CardField: Sendable {
        /// The field.
        public var name: FieldName
        /// A value not worth showing (an event's `status: scheduled`).
        public var hiddenValue: String?

        /// Creates a card field.
        public init(_ name: FieldName, unless hiddenValue: String? = nil) {
            self.name = name
            self.hiddenValue = hiddenValue
        }
    }
}

/// A field, or a field of the last item of a list of records (`stages[-1].date`).
public enum FieldPath: Sendable, Equatable {
    /// A top-level field.
    case field(FieldName)
    /// A field of the last record of a list.
    case lastItem(FieldName, FieldName)
}
