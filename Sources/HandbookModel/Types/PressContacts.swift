extension EntityType {
    /// Press contacts.
    public static let pressContacts = EntityType(folder: "press-contacts", rank: 3)
}

extension TypeDescriptor {
    /// Press contacts: published details only, with the basis for listing them.
    public static let pressContacts = TypeDescriptor(
        type: .pressContacts, singular: "press contact", plural: "press contacts", nameField: .name,
        fields: [
            FieldSchema(.name, .text(maxLength: 200), required: true, "a person, or a desk such as \"Press office\""),
            FieldSchema(.role, .text(maxLength: 200), required: true, "their role"),
            FieldSchema(.organisation, .reference(.organisations), inverse: "Press contacts", relation: "press-contact-of", "the organisation (slug); or give outlet"),
            FieldSchema(.outlet, .text(maxLength: 200), "the publication they write for; or give organisation"),
            FieldSchema(.email, .email, "a published address; prefer role mailboxes such as press@"),
            FieldSchema(.phone, .phone, "a published work line only"),
            FieldSchema(.basis, .choice(ContactBasis.choices), required: true, "why the details may be listed"),
            FieldSchema(.consentDate, .date, label: "Consent given", "when the person agreed to be listed (required with basis: consent)"),
            FieldSchema(.verified, .date, required: true, "when the details were last checked, YYYY-MM-DD"),
            FieldSchema(.sources, .list(.url, minimum: 1), required: true, "where these details are published: links"),
        ],
        oneOfRequired: [[.organisation, .outlet]],
        navigationOrder: 6, facets: [.topic], cardFields: [CardField(.organisation), CardField(.outlet)], reviewField: .verified,
        schemaOrg: SchemaOrgMapping("ContactPoint", [.text("contactType", .role), .text("email", .email), .text("telephone", .phone)]),
        help: "a journalist's or an organisation's published press contact")
}
