/// The fields every type shares and the fields of handbook.yml, as data; each type's own fields are in
/// its `TypeDescriptor`.
///
/// The validator checks files against these tables, `handbook new` writes scaffolds from them and
/// the build publishes them as JSON Schema: one source of truth.
public enum Schemas {
    /// The fields of `content/handbook.yml`.
    public static let settings: [FieldSchema] = [
        FieldSchema(.title, .text(maxLength: 120), required: true, "the handbook's name"),
        FieldSchema(.description, .text(maxLength: 300), "one sentence saying what the handbook is"),
        FieldSchema(.baseURL, .url, "where the site is published; an absolute URL ending in '/'"),
        FieldSchema(.language, .language, "the content's language as a BCP 47 tag (default en-GB)"),
        FieldSchema(.timezone, .timezone, "the IANA time zone for event times without one (default Europe/London)"),
        FieldSchema(.reviewAfterMonths, .integer(minimum: 1, maximum: 1200), "months after which an entry's 'reviewed' date is stale (default 12)"),
        FieldSchema(.repository, .text(maxLength: 140), "the GitHub repository the content is kept in, written owner/name; pages then link to its editor and issue forms"),
        FieldSchema(.branch, .text(maxLength: 100), "the branch 'Edit this page' links open (default main)"),
        FieldSchema(.topics, .vocabulary, "topic ids and their labels"),
        FieldSchema(.methods, .vocabulary, "method ids and their labels"),
    ]

    /// Fields every type has, after its own.
    public static let common: [FieldSchema] = [
        FieldSchema(.summary, .text(maxLength: 300), "one or two sentences for lists, search results and social cards"),
        FieldSchema(.aliases, .list(.text(maxLength: 200), minimum: 0), label: "Also known as",
                    "other names it is known by: short names, acronyms, former names; search finds it by them as by its name"),
        FieldSchema(.topics, .list(.topic, minimum: 0), "topic ids from handbook.yml"),
        FieldSchema(.reviewed, .date, "when a librarian last checked this entry (YYYY-MM-DD)"),
        FieldSchema(.sources, .list(.url, minimum: 0), "where the facts came from: links"),
        FieldSchema(.draft, .boolean, "true keeps the entry out of the published site"),
    ]

    /// The networks an organisation's `social` record may name.
    public static let socialNetworks = ["mastodon", "bluesky", "twitter", "linkedin", "youtube"]

    /// Policy statuses, in the order a policy usually moves through them.
    public static let policyStatuses = ["proposed", "consultation", "in-progress", "passed", "enacted", "rejected", "withdrawn", "stalled"]
}
