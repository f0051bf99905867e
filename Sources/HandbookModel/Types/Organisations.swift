extension EntityType {
    /// Organisations working on democracy.
    public static let organisations = EntityType(folder: "organisations", rank: 0)
}

extension TypeDescriptor {
    /// Organisations: who they are, where, and whom they work with.
    public static let organisations = TypeDescriptor(
        type: .organisations, singular: "organisation", plural: "organisations", nameField: .name,
        fields: [
            FieldSchema(.name, .text(maxLength: 200), required: true, "the organisation's name"),
            FieldSchema(.website, .url, "its website"),
            FieldSchema(.country, .countryOrInternational, required: true, "where it is based: ISO 3166-1 code such as GB or BE, or INT for an international body with no single base"),
            FieldSchema(.region, .region, "an ISO 3166-2 code such as GB-SCT, or free text"),
            FieldSchema(.city, .text(maxLength: 100), "its city"),
            FieldSchema(.kind, .choice(["charity", "nonprofit", "social-enterprise", "foundation", "research", "network", "campaign", "public-body", "company", "other"]), "what kind of body it is"),
            FieldSchema(.founded, .partialDate, "when it was founded: YYYY, YYYY-MM or YYYY-MM-DD"),
            FieldSchema(.identifiers, .dictionary(keyDescription: "an org-id scheme such as GB-CHC or GB-COH", value: .text(maxLength: 100)), "registry numbers by org-id scheme, as 360Giving uses them"),
            FieldSchema(.partOf, .reference(.organisations), label: "Part of", inverse: "Includes", relation: "part-of", "the larger body it belongs to or is hosted by (an organisation slug), such as a programme run by a charity"),
            FieldSchema(.networks, .list(.reference(.organisations), minimum: 0), label: "Member of", inverse: "Members", relation: "member-of", "networks it belongs to (organisation slugs)"),
            FieldSchema(.partners, .list(.reference(.organisations), minimum: 0), inverse: "Named as a partner by", relation: "partner-of", "organisations it works with (slugs)"),
            FieldSchema(.funders, .list(.reference(.funders), minimum: 0), label: "Funded by", inverse: "Funds", relation: "funded-by", "who funds it (funder slugs)"),
            FieldSchema(.offers, .list(.text(maxLength: 300), minimum: 0), "what it can offer the sector"),
            FieldSchema(.asks, .list(.text(maxLength: 300), minimum: 0), "what it needs from the sector"),
            FieldSchema(.email, .email, "a public contact address"),
            FieldSchema(.social, .record(Schemas.socialNetworks.map { FieldSchema(FieldName($0), .url, "its \($0) profile") }), "social media profiles by network"),
        ],
        navigationOrder: 0, facets: [.country, .kind, .topic], cardFields: [CardField(.country), CardField(.kind)],
        schemaOrg: SchemaOrgMapping("Organization", [
            .text("sameAs", .website), .postalAddress(country: .country, locality: .city), .date("foundingDate", .founded), .text("email", .email),
        ]),
        help: "an organisation working on democracy", suggestionForm: "suggest-organisation.yml")
}
