extension EntityType {
    /// Case studies of democratic processes.
    public static let caseStudies = EntityType(folder: "case-studies", rank: 1)
}

extension TypeDescriptor {
    /// Case studies: a citizens' assembly, a jury, a participatory budget, as it happened.
    public static let caseStudies = TypeDescriptor(
        type: .caseStudies, singular: "case study", plural: "case studies", nameField: .title,
        fields: [
            FieldSchema(.title, .text(maxLength: 200), required: true, "the case study's title"),
            FieldSchema(.organisations, .list(.reference(.organisations), minimum: 1), inverse: "Ran", relation: "run-by", "who ran it (organisation slugs, at least one)"),
            FieldSchema(.commissioners, .list(.reference(.organisations), minimum: 0), label: "Commissioned by", inverse: "Commissioned", relation: "commissioned-by", "who commissioned it (organisation slugs)"),
            FieldSchema(.funders, .list(.reference(.funders), minimum: 0), label: "Funded by", inverse: "Funded", relation: "funded-by", "who paid for it (funder slugs)"),
            FieldSchema(.methods, .list(.method, minimum: 1), "method ids from handbook.yml (at least one)"),
            FieldSchema(.country, .countryOrInternational, required: true, "where it happened: ISO 3166-1 code, or EU for a process across the European Union, UN for one of the United Nations, INT for one across several countries"),
            FieldSchema(.region, .region, "an ISO 3166-2 code or free text"),
            FieldSchema(.place, .text(maxLength: 200), "the town or place"),
            FieldSchema(.start, .partialDate, required: true, "when it started: YYYY, YYYY-MM or YYYY-MM-DD"),
            FieldSchema(.end, .partialDate, "when it ended, not before start"),
            FieldSchema(.participants, .integer(minimum: 0), "how many people took part"),
            FieldSchema(.selection, .choice(["random", "stratified-random", "open", "mixed"]), "how participants were chosen"),
            FieldSchema(.status, .choice(["planned", "ongoing", "completed"]), "where it stands"),
            FieldSchema(.outcome, .text(maxLength: nil), "what came of it"),
            FieldSchema(.website, .url, "its website"),
            FieldSchema(.resources, .list(.reference(.resources), minimum: 0), label: "Reports and evaluations", inverse: "Reports on", relation: "reported-in", "reports and evaluations (resource slugs)"),
        ],
        navigationOrder: 1, facets: [.country, .topic, .status], cardFields: [CardField(.country), CardField(.status)],
        cardDate: .field(.start), fieldLabels: [.organisations: "Run by"],
        schemaOrg: SchemaOrgMapping("Article", [.name("headline"), .organisations("author", .organisations), .date("temporalCoverage", .start)]),
        help: "a democratic process as it happened: an assembly, a jury, a participatory budget")
}
