/// How a type's pages are described to search engines as schema.org JSON-LD, as data the renderer reads.
public struct SchemaOrgMapping: Sendable {
    /// The schema.org type (`Organization`, `Event`…).
    public var type: String
    /// A choice field whose value picks another schema.org type (a resource of kind `dataset` is a `Dataset`).
    public var typeByChoice: (field: FieldName, types: [String: String])?
    /// The properties, applied in order (a later one replaces an earlier one of the same name).
    public var properties: [Property]

    /// Creates a mapping.
    public init(_ type: String, typeByChoice: (field: FieldName, types: [String: String])? = nil, _ properties: [Property] = []) {
        self.type = type
        self.typeByChoice = typeByChoice
        self.properties = properties
    }

    /// One schema.org property and where its value comes from.
    public enum Property: Sendable {
        /// A text field as it is (`sameAs` ← `website`).
        case text(String, FieldName)
        /// A choice field's label (`legislationLegalForce` ← `status`, "In progress").
        case choiceLabel(String, FieldName)
        /// A date field as ISO 8601 (`foundingDate` ← `founded`).
        case date(String, FieldName)
        /// Referenced organisations as `Organization` objects with their names.
        case organisations(String, FieldName)
        /// A list of names as `Person` objects.
        case people(String, FieldName)
        /// A `PostalAddress` from a country code (left out for `INT`) and a locality.
        case postalAddress(country: FieldName, locality: FieldName)
        /// The entry's name (`headline`).
        case name(String)
        /// The address of the entry's page (`mainEntityOfPage`).
        case pageURL(String)
        /// An event's status, attendance mode, places, start and end, computed in its time zone.
        case eventDetails
    }
}
