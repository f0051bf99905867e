extension EntityType {
    /// Free pages such as "About".
    public static let pages = EntityType(folder: "pages", rank: 7)
}

extension TypeDescriptor {
    /// Pages: free text at the site root, linked from the footer in their `order`.
    public static let pages = TypeDescriptor(
        type: .pages, singular: "page", plural: "pages", urlFolder: "", nameField: .title,
        fields: [
            FieldSchema(.title, .text(maxLength: 200), required: true, "the page's title"),
            FieldSchema(.order, .integer(minimum: nil), "its place in the navigation, lowest first"),
        ],
        navigationOrder: nil, displayOrder: .byNumber(.order), facets: [.topic], expectsReview: false,
        schemaOrg: SchemaOrgMapping("WebPage"), template: "page",
        help: "a page of free text, such as About, at the site's root")
}
