extension EntityType {
    /// Funders of the sector.
    public static let funders = EntityType(folder: "funders", rank: 2)
}

extension TypeDescriptor {
    /// Funders: their grants and open calls.
    public static let funders = TypeDescriptor(
        type: .funders, singular: "funder", plural: "funders", nameField: .name,
        fields: [
            FieldSchema(.name, .text(maxLength: 200), required: true, "the funder's name"),
            FieldSchema(.website, .url, "its website"),
            FieldSchema(.country, .country, "where it is based: ISO 3166-1 code"),
            FieldSchema(.kind, .choice(["trust", "foundation", "government", "lottery", "philanthropist", "corporate", "other"]), "what kind of funder it is"),
            FieldSchema(.organisation, .reference(.organisations), "when the funder is also an organisation in the handbook (a foundation that runs its own programmes): its slug; the two are shown and searched as one entry"),
            FieldSchema(.grants, .list(.record([
                FieldSchema(.recipient, .reference(.organisations), required: true, "who received it (organisation slug)"),
                FieldSchema(.amount, .number(minimum: 0), "how much"),
                FieldSchema(.currency, .currency, "ISO 4217 code such as GBP; required with amount"),
                FieldSchema(.date, .partialDate, "when it was awarded: YYYY, YYYY-MM or YYYY-MM-DD"),
                FieldSchema(.purpose, .text(maxLength: 500), "what it was for"),
                FieldSchema(.url, .url, label: "Link", "where it is published"),
            ]), minimum: 0), inverse: "Grants from", relation: "funds", "grants it has made"),
            FieldSchema(.openCalls, .list(.record([
                FieldSchema(.title, .text(maxLength: 200), required: true, "the call's title"),
                FieldSchema(.deadline, .date, required: true, "the closing date, YYYY-MM-DD"),
                FieldSchema(.url, .url, label: "Link", "where to apply"),
                FieldSchema(.amount, .number(minimum: 0), "how much is available"),
                FieldSchema(.currency, .currency, "ISO 4217 code; required with amount"),
            ]), minimum: 0), "calls for applications; they appear in the calendar as deadlines"),
        ],
        navigationOrder: 2, facets: [.country, .kind, .topic], cardFields: [CardField(.country), CardField(.kind)],
        schemaOrg: SchemaOrgMapping("Organization", [
            .text("sameAs", .website), .postalAddress(country: .country, locality: .city), .text("email", .email),
        ]),
        help: "a trust, foundation or public body that funds the sector, with its grants and open calls",
        roleField: .organisation)
}
