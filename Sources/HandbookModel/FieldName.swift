/// The name of a front-matter field: the only way code names a field, so a misspelt field is a
/// compile error rather than an empty value. Every constant here is a field of some schema, and every
/// schema field has a constant (`FieldNameTests` checks both ways against the type descriptors).
public struct FieldName: Hashable, Sendable, CustomStringConvertible {
    /// The key as written in front matter.
    public let rawValue: String
    /// `rawValue`'s `key(of:)`, worked out once: an entry's fields are found by comparing it first.
    public let key: UInt64

    /// A field name; use the constants below outside schema declarations.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
        key = Self.key(of: rawValue)
    }

    /// The key as written.
    public var description: String { rawValue }

    /// Equal for equal names (the name's length and first seven bytes), so a field is looked for by comparing
    /// two integers, and names only where those agree.
    public static func key(of name: String) -> UInt64 {
        // Through the contiguous bytes: the UTF-8 view of a short string is decoded a byte at a time.
        name.withContiguousUTF8 { bytes in
            var key = UInt64(truncatingIfNeeded: bytes.count) << 56
            for index in 0..<min(7, bytes.count) { key |= UInt64(bytes[index]) << UInt64(8 * index) }
            return key
        }
    }

    public static func == (a: FieldName, b: FieldName) -> Bool { a.key == b.key && a.rawValue == b.rawValue }

    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}

extension FieldName {
    // Names and common fields.
    public static let name = FieldName("name")
    public static let title = FieldName("title")
    public static let summary = FieldName("summary")
    public static let aliases = FieldName("aliases")
    public static let topics = FieldName("topics")
    public static let reviewed = FieldName("reviewed")
    public static let sources = FieldName("sources")
    public static let draft = FieldName("draft")
    // Places and identity.
    public static let website = FieldName("website")
    public static let country = FieldName("country")
    public static let region = FieldName("region")
    public static let city = FieldName("city")
    public static let place = FieldName("place")
    public static let jurisdiction = FieldName("jurisdiction")
    public static let kind = FieldName("kind")
    public static let founded = FieldName("founded")
    public static let identifiers = FieldName("identifiers")
    public static let email = FieldName("email")
    public static let phone = FieldName("phone")
    public static let social = FieldName("social")
    public static let url = FieldName("url")
    public static let status = FieldName("status")
    // Relationships.
    public static let networks = FieldName("networks")
    public static let partners = FieldName("partners")
    public static let partOf = FieldName("part_of")
    public static let speakers = FieldName("speakers")
    public static let mentions = FieldName("mentions")
    public static let funders = FieldName("funders")
    public static let organisations = FieldName("organisations")
    public static let organisation = FieldName("organisation")
    public static let commissioners = FieldName("commissioners")
    public static let organisers = FieldName("organisers")
    public static let supporters = FieldName("supporters")
    public static let opponents = FieldName("opponents")
    public static let publishers = FieldName("publishers")
    public static let resources = FieldName("resources")
    public static let about = FieldName("about")
    public static let recipient = FieldName("recipient")
    // Organisations.
    public static let offers = FieldName("offers")
    public static let asks = FieldName("asks")
    // Case studies and events: time.
    public static let start = FieldName("start")
    public static let end = FieldName("end")
    public static let timezone = FieldName("timezone")
    public static let methods = FieldName("methods")
    public static let participants = FieldName("participants")
    public static let selection = FieldName("selection")
    public static let outcome = FieldName("outcome")
    public static let location = FieldName("location")
    public static let online = FieldName("online")
    public static let cost = FieldName("cost")
    public static let sequence = FieldName("sequence")
    public static let `repeat` = FieldName("repeat")
    public static let frequency = FieldName("frequency")
    public static let interval = FieldName("interval")
    public static let until = FieldName("until")
    public static let count = FieldName("count")
    // Funders.
    public static let grants = FieldName("grants")
    public static let openCalls = FieldName("open_calls")
    public static let amount = FieldName("amount")
    public static let currency = FieldName("currency")
    public static let date = FieldName("date")
    public static let purpose = FieldName("purpose")
    public static let deadline = FieldName("deadline")
    // Press contacts.
    public static let role = FieldName("role")
    public static let outlet = FieldName("outlet")
    public static let basis = FieldName("basis")
    public static let consentDate = FieldName("consent_date")
    public static let verified = FieldName("verified")
    // Policies.
    public static let stages = FieldName("stages")
    public static let note = FieldName("note")
    // Resources.
    public static let authors = FieldName("authors")
    public static let year = FieldName("year")
    // Pages.
    public static let order = FieldName("order")
    // handbook.yml.
    public static let description = FieldName("description")
    public static let baseURL = FieldName("base_url")
    public static let language = FieldName("language")
    public static let reviewAfterMonths = FieldName("review_after_months")
    public static let repository = FieldName("repository")
    public static let branch = FieldName("branch")

    /// Every constant above, for the check against the schemas.
    public static let declared: [FieldName] = [
        .name, .title, .summary, .aliases, .topics, .reviewed, .sources, .draft, .website, .country, .region, .city, .place,
        .jurisdiction, .kind, .founded, .identifiers, .email, .phone, .social, .url, .status, .networks, .partners, .partOf, .speakers, .mentions,
        .funders, .organisations, .organisation, .commissioners, .organisers, .supporters, .opponents, .publishers,
        .resources, .about, .recipient, .offers, .asks, .start, .end, .timezone, .methods, .participants, .selection,
        .outcome, .location, .online, .cost, .sequence, .repeat, .frequency, .interval, .until, .count, .grants,
        .openCalls, .amount, .currency, .date, .purpose, .deadline, .role, .outlet, .basis, .consentDate, .verified,
        .stages, .note, .authors, .year, .order, .description, .baseURL, .language, .reviewAfterMonths,
        .repository, .branch,
    ]
}
