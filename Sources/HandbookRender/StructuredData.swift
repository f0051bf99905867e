import HandbookModel

/// schema.org JSON-LD for each page: Organization, Event, Article, Legislation, Dataset, WebSite.
enum StructuredData {
    /// An entry's JSON-LD, encoded: its members are gathered in a short list (a page has a dozen), not a
    /// dictionary, and written in key order as a dictionary's would be.
    static func entity(_ entity: Entity, url: String, index: SiteIndex) -> JSONValue {
        let mapping = index.descriptor(entity.reference).schemaOrg
        // An entry's object has a dozen members or so: room for them at once.
        var object = Members(reserving: 16)
        object["@context"] = "https://schema.org"
        object["url"] = .string(url)
        object["name"] = .string(entity.name)
        if let summary = entity[.summary]?.text { object["description"] = .string(summary) }
        var type = mapping.type
        if let choice = mapping.typeByChoice, let value = entity[choice.field]?.text, let chosen = choice.types[value] { type = chosen }
        object["@type"] = .string(type)
        for property in mapping.properties {
            switch property {
            case .text(let name, let field):
                if let text = entity[field]?.text { object[name] = .string(text) }
            case .choiceLabel(let name, let field):
                if let text = entity[field]?.text { object[name] = .string(Formatting.choice(text)) }
            case .date(let name, let field):
                if case .date(let date)? = entity[field] { object[name] = .string(date.description) }
            case .organisations(let name, let field):
                let items: [JSONValue] = entity.references(field).compactMap { reference in
                    index.entity(reference).map { .object(["@type": "Organization", "name": .string($0.name)]) }
                }
                if !items.isEmpty { object[name] = .array(items) }
            case .people(let name, let field):
                let people: [JSONValue] = entity.texts(field).map { .object(["@type": "Person", "name": .string($0)]) }
                if !people.isEmpty { object[name] = .array(people) }
            case .postalAddress(let country, let locality):
                if let code = entity[country]?.text, code != Jurisdictions.international {
                    object["address"] = .object(["@type": "PostalAddress", "addressCountry": .string(code), "addressLocality": JSONValue(entity[locality]?.text)])
                }
            case .name(let name):
                object[name] = .string(entity.name)
            case .pageURL(let name):
                object[name] = .string(url)
            case .eventDetails:
                eventDetails(entity, index: index, into: &object)
            }
        }
        if let changed = entity.lastChanged { object["dateModified"] = .string(Formatting.date(fromUnix: changed).description) }
        return .encoded(object.encoded())
    }

    /// An object's members in the order they were first set, each name once (setting a name again replaces its
    /// value, as in a dictionary).
    struct Members {
        private var members: [(key: String, value: JSONValue)] = []

        /// No members yet.
        init() {}

        /// No members yet, with room for `capacity` of them.
        init(reserving capacity: Int) {
            members.reserveCapacity(capacity)
        }

        /// The member `key`; setting replaces it or adds it.
        subscript(key: String) -> JSONValue? {
            get { members.first { $0.key == key }?.value }
            set {
                let slot = members.firstIndex { $0.key == key }
                switch (slot, newValue) {
                case (let slot?, let value?): members[slot].value = value
                case (let slot?, nil): members.remove(at: slot)
                case (nil, let value?): members.append((key, value))
                case (nil, nil): break
                }
            }
        }

        /// `{"key":value,…}` with the keys in the order `JSONValue.object` writes them.
        func encoded() -> [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(512)
            JSONValue.encode(members: members.sorted(by: { $0.key < $1.key }), into: &out)
            return out
        }
    }

    /// An event's status, attendance mode, places, start and end.
    static func eventDetails(_ entity: Entity, index: SiteIndex, into object: inout Members) {
        switch EventStatus(of: entity) {
        case .cancelled: object["eventStatus"] = "https://schema.org/EventCancelled"
        case .postponed: object["eventStatus"] = "https://schema.org/EventPostponed"
        case .scheduled: object["eventStatus"] = "https://schema.org/EventScheduled"
        }
        let location = entity[.location]?.text
        let online = entity[.online]?.text
        object["eventAttendanceMode"] = .string(location != nil && online != nil ? "https://schema.org/MixedEventAttendanceMode"
            : online != nil ? "https://schema.org/OnlineEventAttendanceMode" : "https://schema.org/OfflineEventAttendanceMode")
        var places: [JSONValue] = []
        if let location { places.append(.object(["@type": "Place", "name": .string(location)])) }
        if let online { places.append(.object(["@type": "VirtualLocation", "url": .string(online)])) }
        object["location"] = places.count == 1 ? places[0] : .array(places)
        let span = Timespan(of: entity, defaultZone: index.settings.timezone)
        object["startDate"] = JSONValue(span.map { iso($0.start) })
        if let end = span?.end { object["endDate"] = .string(iso(end)) }
    }

    /// ISO 8601: a date, or a date-time with its offset (computed from the time zone when not written).
    static func iso(_ moment: Moment) -> String {
        guard case .time(let time, let zone) = moment else { return moment.description }
        if time.offsetMinutes != nil { return time.description }
        guard let offset = TimeZoneOffsets.offsetMinutes(of: time, in: zone) else { return time.description }
        var zoned = time
        zoned.offsetMinutes = offset
        return zoned.description
    }

    static func collection(name: String, url: String, description: String) -> JSONValue {
        .object(["@context": "https://schema.org", "@type": "CollectionPage", "name": .string(name), "url": .string(url), "description": .string(description)])
    }

    static func website(_ settings: Settings, url: String) -> JSONValue {
        .object(["@context": "https://schema.org", "@type": "WebSite", "name": .string(settings.title), "url": .string(url),
                 "description": .string(settings.description), "inLanguage": .string(settings.language)])
    }
}
