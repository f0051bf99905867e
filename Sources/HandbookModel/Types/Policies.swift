extension EntityType {
    /// Policies being tracked.
    public static let policies = EntityType(folder: "policies", rank: 4)
}

extension TypeDescriptor {
    /// Policies: bills, consultations, commitments, with their history.
    public static let policies = TypeDescriptor(
        type: .policies, singular: "policy", plural: "policies", nameField: .title,
        fields: [
            FieldSchema(.title, .text(maxLength: 200), required: true, "the policy's title"),
            FieldSchema(.jurisdiction, .jurisdiction, required: true, "a country code, an ISO 3166-2 code, or EU, UN, INT"),
            FieldSchema(.kind, .choice(["bill", "consultation", "strategy", "regulation", "commitment", "petition", "other"]), "what kind of policy it is"),
            FieldSchema(.status, .choice(Schemas.policyStatuses), required: true, "where it stands now; equals the last stage's status"),
            FieldSchema(.url, .url, label: "Link", "the official page"),
            FieldSchema(.stages, .list(.record([
                FieldSchema(.date, .date, required: true, "when, YYYY-MM-DD"),
                FieldSchema(.status, .choice(Schemas.policyStatuses), required: true, "the status it reached"),
                FieldSchema(.note, .text(maxLength: 500), "what happened"),
                FieldSchema(.url, .url, label: "Link", "a source for this stage"),
            ]), minimum: 0), "its history, oldest first"),
            FieldSchema(.supporters, .list(.reference(.organisations), minimum: 0), label: "Supported by", inverse: "Supports", relation: "supported-by", "organisations for it (slugs)"),
            FieldSchema(.opponents, .list(.reference(.organisations), minimum: 0), label: "Opposed by", inverse: "Opposes", relation: "opposed-by", "organisations against it (slugs)"),
        ],
        navigationOrder: 4, displayOrder: .latestFirst(.lastItem(.stages, .date)), facets: [.country, .kind, .topic, .status],
        cardFields: [CardField(.jurisdiction), CardField(.kind), CardField(.status)], cardDate: .lastItem(.stages, .date),
        schemaOrg: SchemaOrgMapping("Legislation", [.text("legislationJurisdiction", .jurisdiction), .choiceLabel("legislationLegalForce", .status)]),
        help: "a bill, consultation or commitment on democratic reform, with its stages")
}
