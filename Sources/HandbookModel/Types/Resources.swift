extension EntityType {
    /// Research, reports, guides and data.
    public static let resources = EntityType(folder: "resources", rank: 6)
}

extension TypeDescriptor {
    /// Resources: reports, papers, datasets, guides.
    public static let resources = TypeDescriptor(
        type: .resources, singular: "resource", plural: "resources", nameField: .title,
        fields: [
            FieldSchema(.title, .text(maxLength: 300), required: true, "the resource's title"),
            FieldSchema(.url, .url, required: true, label: "Link", "where to find it"),
            FieldSchema(.kind, .choice(["report", "paper", "dataset", "guide", "toolkit", "video", "other"]), "what kind of resource it is"),
            FieldSchema(.authors, .list(.text(maxLength: 200), minimum: 0), "who wrote it"),
            FieldSchema(.publishers, .list(.reference(.organisations), minimum: 0), label: "Published by", inverse: "Published", relation: "published-by", "who published it (organisation slugs)"),
            FieldSchema(.year, .year, "the year it was published"),
            FieldSchema(.about, .list(.reference(.caseStudies), minimum: 0), inverse: "Written about in", relation: "about", "case studies it is about (slugs)"),
            FieldSchema(.mentions, .list(.reference(.organisations), minimum: 0), label: "Organisations it names", inverse: "Named in", relation: "names", "organisations it names as examples or sources (slugs)"),
        ],
        navigationOrder: 5, facets: [.kind, .topic], cardFields: [CardField(.kind)], fieldLabels: [.about: "About"],
        schemaOrg: SchemaOrgMapping("CreativeWork", typeByChoice: (.kind, ["dataset": "Dataset", "report": "Report"]), [
            .text("url", .url), .pageURL("mainEntityOfPage"), .people("author", .authors), .organisations("publisher", .publishers),
            .date("datePublished", .year),
        ]),
        help: "a report, paper, dataset, guide or video")
}
