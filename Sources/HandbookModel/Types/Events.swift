extension EntityType {
    /// Events: meetings, conferences, deadlines.
    public static let events = EntityType(folder: "events", rank: 5)
}

extension TypeDescriptor {
    /// Events, with times in their time zone; they feed the calendars.
    public static let events = TypeDescriptor(
        type: .events, singular: "event", plural: "events", nameField: .title,
        fields: [
            FieldSchema(.title, .text(maxLength: 200), required: true, "the event's title"),
            FieldSchema(.start, .dateOrDateTime, required: true, "YYYY-MM-DD for all day, or YYYY-MM-DDTHH:MM"),
            FieldSchema(.end, .dateOrDateTime, "not before start; for an all-day event the last day"),
            FieldSchema(.timezone, .timezone, "IANA name such as Europe/London; default from handbook.yml"),
            FieldSchema(.location, .text(maxLength: 300), "where it takes place; or give online"),
            FieldSchema(.online, .url, "where to join online; or give location"),
            FieldSchema(.organisers, .list(.reference(.organisations), minimum: 1), inverse: "Organised", relation: "organised-by", "who runs it (organisation slugs, at least one)"),
            FieldSchema(.speakers, .list(.reference(.organisations), minimum: 0), label: "Speakers from", inverse: "Spoke at", relation: "speakers-from", "the organisations its speakers came from (slugs), as the programme names them"),
            FieldSchema(.url, .url, label: "Link", "registration or details"),
            FieldSchema(.cost, .text(maxLength: 200), "what it costs"),
            FieldSchema(.status, .choice(EventStatus.choices), "default scheduled"),
            FieldSchema(.sequence, .integer(minimum: 0, maximum: Int(Int32.max)), "raise by one on a significant change, so calendars update"),
            FieldSchema(.repeat, .record([
                FieldSchema(.frequency, .choice(RepeatFrequency.choices), required: true, "how often"),
                FieldSchema(.interval, .integer(minimum: 1, maximum: 100), "every how many weeks or months (default 1)"),
                FieldSchema(.until, .date, "the last date; or give count"),
                FieldSchema(.count, .integer(minimum: 1, maximum: 1000), "how many times; or give until"),
            ]), "for standing meetings"),
        ],
        oneOfRequired: [[.location, .online]],
        navigationOrder: 3, displayOrder: .upcomingThenPast, facets: [.topic, .status],
        cardFields: [CardField(.status, unless: "scheduled")], cardDate: .field(.start),
        fieldLabels: [.organisers: "Organised by", .url: "Details and registration"],
        schemaOrg: SchemaOrgMapping("Event", [.eventDetails, .organisations("organizer", .organisers)]),
        help: "a meeting, conference or standing meeting, in person or online", suggestionForm: "suggest-event.yml")
}
