/// The front-matter schema of every type and of handbook.yml (SPEC "Types", "handbook.yml"), as data.
///
/// The validator checks files against these tables, `handbook new` writes scaffolds from them and
/// the build publishes them as JSON Schema: one source of truth.
public enum Schemas {
    /// The fields of a type, its own first and the common fields after them.
    public static func fields(of type: EntityType) -> [FieldSchema] {
        table[type] ?? []
    }

    /// The fields of `content/handbook.yml`.
    public static let settings: [FieldSchema] = [
        FieldSchema("title", .text(maxLength: 120), required: true, "the handbook's name"),
        FieldSchema("description", .text(maxLength: 300), "one sentence saying what the handbook is"),
        FieldSchema("base_url", .url, "where the site is published; an absolute URL ending in '/'"),
        FieldSchema("language", .language, "the content's language as a BCP 47 tag (default en-GB)"),
        FieldSchema("timezone", .timezone, "the IANA time zone for event times without one (default Europe/London)"),
        FieldSchema("review_after_months", .integer(minimum: 1), "months after which an entry's 'reviewed' date is stale (default 12)"),
        FieldSchema("topics", .vocabulary, "topic ids and their labels"),
        FieldSchema("methods", .vocabulary, "method ids and their labels"),
    ]

    /// Fields every type has (SPEC "Fields common to every type").
    public static let common: [FieldSchema] = [
        FieldSchema("summary", .text(maxLength: 300), "one or two sentences for lists, search results and social cards"),
        FieldSchema("topics", .list(.topic, minimum: 0), "topic ids from handbook.yml"),
        FieldSchema("reviewed", .date, "when a librarian last checked this entry (YYYY-MM-DD)"),
        FieldSchema("sources", .list(.url, minimum: 0), "where the facts came from: links"),
        FieldSchema("draft", .boolean, "true keeps the entry out of the published site"),
    ]

    static let organisationKinds = ["charity", "nonprofit", "social-enterprise", "foundation", "research", "network", "campaign", "public-body", "company", "other"]
    static let socialNetworks = ["mastodon", "bluesky", "twitter", "linkedin", "youtube"]

    static let table: [EntityType: [FieldSchema]] = [
        .organisations: [
            FieldSchema("name", .text(maxLength: 200), required: true, "the organisation's name"),
            FieldSchema("website", .url, "its website"),
            FieldSchema("country", .countryOrInternational, required: true, "where it is based: ISO 3166-1 code such as GB or BE, or INT for an international body with no single base"),
            FieldSchema("region", .region, "an ISO 3166-2 code such as GB-SCT, or free text"),
            FieldSchema("city", .text(maxLength: 100), "its city"),
            FieldSchema("kind", .choice(organisationKinds), "what kind of body it is"),
            FieldSchema("founded", .partialDate, "when it was founded: YYYY, YYYY-MM or YYYY-MM-DD"),
            FieldSchema("identifiers", .dictionary(keyDescription: "an org-id scheme such as GB-CHC or GB-COH", value: .text(maxLength: 100)), "registry numbers by org-id scheme, as 360Giving uses them"),
            FieldSchema("networks", .list(.reference(.organisations), minimum: 0), "networks it belongs to (organisation slugs)"),
            FieldSchema("partners", .list(.reference(.organisations), minimum: 0), "organisations it works with (slugs)"),
            FieldSchema("funders", .list(.reference(.funders), minimum: 0), "who funds it (funder slugs)"),
            FieldSchema("offers", .list(.text(maxLength: 300), minimum: 0), "what it can offer the sector"),
            FieldSchema("asks", .list(.text(maxLength: 300), minimum: 0), "what it needs from the sector"),
            FieldSchema("email", .email, "a public contact address"),
            FieldSchema("social", .record(socialNetworks.map { FieldSchema($0, .url, "its \($0) profile") }), "social media profiles by network"),
        ],
        .caseStudies: [
            FieldSchema("title", .text(maxLength: 200), required: true, "the case study's title"),
            FieldSchema("organisations", .list(.reference(.organisations), minimum: 1), "who ran it (organisation slugs, at least one)"),
            FieldSchema("commissioners", .list(.reference(.organisations), minimum: 0), "who commissioned it (organisation slugs)"),
            FieldSchema("funders", .list(.reference(.funders), minimum: 0), "who paid for it (funder slugs)"),
            FieldSchema("methods", .list(.method, minimum: 1), "method ids from handbook.yml (at least one)"),
            FieldSchema("country", .country, required: true, "where it happened: ISO 3166-1 code"),
            FieldSchema("region", .region, "an ISO 3166-2 code or free text"),
            FieldSchema("place", .text(maxLength: 200), "the town or place"),
            FieldSchema("start", .partialDate, required: true, "when it started: YYYY, YYYY-MM or YYYY-MM-DD"),
            FieldSchema("end", .partialDate, "when it ended, not before start"),
            FieldSchema("participants", .integer(minimum: 0), "how many people took part"),
            FieldSchema("selection", .choice(["random", "stratified-random", "open", "mixed"]), "how participants were chosen"),
            FieldSchema("status", .choice(["planned", "ongoing", "completed"]), "where it stands"),
            FieldSchema("outcome", .text(maxLength: nil), "what came of it"),
            FieldSchema("website", .url, "its website"),
            FieldSchema("resources", .list(.reference(.resources), minimum: 0), "reports and evaluations (resource slugs)"),
        ],
        .funders: [
            FieldSchema("name", .text(maxLength: 200), required: true, "the funder's name"),
            FieldSchema("website", .url, "its website"),
            FieldSchema("country", .country, "where it is based: ISO 3166-1 code"),
            FieldSchema("kind", .choice(["trust", "foundation", "government", "lottery", "philanthropist", "corporate", "other"]), "what kind of funder it is"),
            FieldSchema("grants", .list(.record([
                FieldSchema("recipient", .reference(.organisations), required: true, "who received it (organisation slug)"),
                FieldSchema("amount", .number(minimum: 0), "how much"),
                FieldSchema("currency", .currency, "ISO 4217 code such as GBP; required with amount"),
                FieldSchema("date", .partialDate, "when it was awarded: YYYY, YYYY-MM or YYYY-MM-DD"),
                FieldSchema("purpose", .text(maxLength: 500), "what it was for"),
                FieldSchema("url", .url, "where it is published"),
            ]), minimum: 0), "grants it has made"),
            FieldSchema("open_calls", .list(.record([
                FieldSchema("title", .text(maxLength: 200), required: true, "the call's title"),
                FieldSchema("deadline", .date, required: true, "the closing date, YYYY-MM-DD"),
                FieldSchema("url", .url, "where to apply"),
                FieldSchema("amount", .number(minimum: 0), "how much is available"),
                FieldSchema("currency", .currency, "ISO 4217 code; required with amount"),
            ]), minimum: 0), "calls for applications; they appear in the calendar as deadlines"),
        ],
        .pressContacts: [
            FieldSchema("name", .text(maxLength: 200), required: true, "a person, or a desk such as \"Press office\""),
            FieldSchema("role", .text(maxLength: 200), required: true, "their role"),
            FieldSchema("organisation", .reference(.organisations), "the organisation (slug); or give outlet"),
            FieldSchema("outlet", .text(maxLength: 200), "the publication they write for; or give organisation"),
            FieldSchema("email", .email, "a published address; prefer role mailboxes such as press@"),
            FieldSchema("phone", .phone, "a published work line only"),
            FieldSchema("basis", .choice(["organisational", "consent", "public-record"]), required: true, "why the details may be listed"),
            FieldSchema("consent_date", .date, "when the person agreed to be listed (required with basis: consent)"),
            FieldSchema("verified", .date, required: true, "when the details were last checked, YYYY-MM-DD"),
            FieldSchema("sources", .list(.url, minimum: 1), required: true, "where these details are published: links"),
        ],
        .policies: [
            FieldSchema("title", .text(maxLength: 200), required: true, "the policy's title"),
            FieldSchema("jurisdiction", .jurisdiction, required: true, "a country code, an ISO 3166-2 code, or EU, UN, INT"),
            FieldSchema("kind", .choice(["bill", "consultation", "strategy", "regulation", "commitment", "petition", "other"]), "what kind of policy it is"),
            FieldSchema("status", .choice(policyStatuses), required: true, "where it stands now; equals the last stage's status"),
            FieldSchema("url", .url, "the official page"),
            FieldSchema("stages", .list(.record([
                FieldSchema("date", .date, required: true, "when, YYYY-MM-DD"),
                FieldSchema("status", .choice(policyStatuses), required: true, "the status it reached"),
                FieldSchema("note", .text(maxLength: 500), "what happened"),
                FieldSchema("url", .url, "a source for this stage"),
            ]), minimum: 0), "its history, oldest first"),
            FieldSchema("supporters", .list(.reference(.organisations), minimum: 0), "organisations for it (slugs)"),
            FieldSchema("opponents", .list(.reference(.organisations), minimum: 0), "organisations against it (slugs)"),
        ],
        .events: [
            FieldSchema("title", .text(maxLength: 200), required: true, "the event's title"),
            FieldSchema("start", .dateOrDateTime, required: true, "YYYY-MM-DD for all day, or YYYY-MM-DDTHH:MM"),
            FieldSchema("end", .dateOrDateTime, "not before start; for an all-day event the last day"),
            FieldSchema("timezone", .timezone, "IANA name such as Europe/London; default from handbook.yml"),
            FieldSchema("location", .text(maxLength: 300), "where it takes place; or give online"),
            FieldSchema("online", .url, "where to join online; or give location"),
            FieldSchema("organisers", .list(.reference(.organisations), minimum: 1), "who runs it (organisation slugs, at least one)"),
            FieldSchema("url", .url, "registration or details"),
            FieldSchema("cost", .text(maxLength: 200), "what it costs"),
            FieldSchema("status", .choice(["scheduled", "cancelled", "postponed"]), "default scheduled"),
            FieldSchema("sequence", .integer(minimum: 0), "raise by one on a significant change, so calendars update"),
            FieldSchema("repeat", .record([
                FieldSchema("frequency", .choice(["weekly", "monthly"]), required: true, "how often"),
                FieldSchema("interval", .integer(minimum: 1), "every how many weeks or months (default 1)"),
                FieldSchema("until", .date, "the last date; or give count"),
                FieldSchema("count", .integer(minimum: 1), "how many times; or give until"),
            ]), "for standing meetings"),
        ],
        .resources: [
            FieldSchema("title", .text(maxLength: 300), required: true, "the resource's title"),
            FieldSchema("url", .url, required: true, "where to find it"),
            FieldSchema("kind", .choice(["report", "paper", "dataset", "guide", "toolkit", "video", "other"]), "what kind of resource it is"),
            FieldSchema("authors", .list(.text(maxLength: 200), minimum: 0), "who wrote it"),
            FieldSchema("publishers", .list(.reference(.organisations), minimum: 0), "who published it (organisation slugs)"),
            FieldSchema("year", .year, "the year it was published"),
            FieldSchema("about", .list(.reference(.caseStudies), minimum: 0), "case studies it is about (slugs)"),
        ],
        .pages: [
            FieldSchema("title", .text(maxLength: 200), required: true, "the page's title"),
            FieldSchema("order", .integer(minimum: nil), "its place in the navigation, lowest first"),
        ],
    ].mapValues { own in own + common.filter { field in !own.contains { $0.name == field.name } } }

    /// Policy statuses, in the order a policy usually moves through them.
    public static let policyStatuses = ["proposed", "consultation", "in-progress", "passed", "enacted", "rejected", "withdrawn", "stalled"]
}
