import HandbookModel

/// schema.org JSON-LD for each page: Organization, Event, Article, Legislation, Dataset, WebSite.
enum StructuredData {
    static func entity(_ entity: Entity, url: String, index: SiteIndex) -> JSONValue {
        var object: [String: JSONValue] = ["@context": "https://schema.org", "url": .string(url), "name": .string(entity.name)]
        if let summary = entity["summary"]?.text { object["description"] = .string(summary) }
        func names(_ field: String) -> JSONValue? {
            let items = (entity[field]?.list ?? []).compactMap { value -> JSONValue? in
                guard case .reference(let reference) = value, let target = index.entity(reference) else { return nil }
                return .object(["@type": "Organization", "name": .string(target.name)])
            }
            return items.isEmpty ? nil : .array(items)
        }
        switch entity.reference.type {
        case .organisations, .funders:
            object["@type"] = "Organization"
            if let website = entity["website"]?.text { object["sameAs"] = .string(website) }
            if let country = entity["country"]?.text, country != "INT" {
                object["address"] = .object(["@type": "PostalAddress", "addressCountry": .string(country), "addressLocality": JSONValue(entity["city"]?.text)])
            }
            if case .date(let founded)? = entity["founded"] { object["foundingDate"] = .string(founded.description) }
            if let email = entity["email"]?.text { object["email"] = .string(email) }
        case .caseStudies:
            object["@type"] = "Article"
            object["headline"] = .string(entity.name)
            if let organisers = names("organisations") { object["author"] = organisers }
            if case .date(let start)? = entity["start"] { object["temporalCoverage"] = .string(start.description) }
        case .policies:
            object["@type"] = "Legislation"
            if let jurisdiction = entity["jurisdiction"]?.text { object["legislationJurisdiction"] = .string(jurisdiction) }
            if let status = entity["status"]?.text { object["legislationLegalForce"] = .string(Formatting.choice(status)) }
        case .events:
            object["@type"] = "Event"
            let status = entity["status"]?.text ?? "scheduled"
            object["eventStatus"] = .string(status == "cancelled" ? "https://schema.org/EventCancelled"
                : status == "postponed" ? "https://schema.org/EventPostponed" : "https://schema.org/EventScheduled")
            let location = entity["location"]?.text
            let online = entity["online"]?.text
            object["eventAttendanceMode"] = .string(location != nil && online != nil ? "https://schema.org/MixedEventAttendanceMode"
                : online != nil ? "https://schema.org/OnlineEventAttendanceMode" : "https://schema.org/OfflineEventAttendanceMode")
            var places: [JSONValue] = []
            if let location { places.append(.object(["@type": "Place", "name": .string(location)])) }
            if let online { places.append(.object(["@type": "VirtualLocation", "url": .string(online)])) }
            object["location"] = places.count == 1 ? places[0] : .array(places)
            object["startDate"] = JSONValue(isoStart(entity["start"], entity: entity, index: index))
            if let end = isoStart(entity["end"], entity: entity, index: index) { object["endDate"] = .string(end) }
            if let organisers = names("organisers") { object["organizer"] = organisers }
        case .resources:
            object["@type"] = entity["kind"]?.text == "dataset" ? "Dataset" : entity["kind"]?.text == "report" ? "Report" : "CreativeWork"
            if let link = entity["url"]?.text { object["url"] = .string(link) }
            object["mainEntityOfPage"] = .string(url)
            let authors = (entity["authors"]?.list ?? []).compactMap { $0.text.map { JSONValue.object(["@type": "Person", "name": .string($0)]) } }
            if !authors.isEmpty { object["author"] = .array(authors) }
            if let publishers = names("publishers") { object["publisher"] = publishers }
            if case .date(let year)? = entity["year"] { object["datePublished"] = .string(year.description) }
        case .pressContacts:
            object["@type"] = "ContactPoint"
            object["contactType"] = JSONValue(entity["role"]?.text)
            if let email = entity["email"]?.text { object["email"] = .string(email) }
            if let phone = entity["phone"]?.text { object["telephone"] = .string(phone) }
        case .pages:
            object["@type"] = "WebPage"
        }
        if let changed = entity.lastChanged { object["dateModified"] = .string(Formatting.date(fromUnix: changed).description) }
        return .object(object)
    }

    /// An ISO 8601 start or end: a date, or a date-time with its offset (computed from the time zone when not written).
    static func isoStart(_ value: FieldValue?, entity: Entity, index: SiteIndex) -> String? {
        switch value {
        case .date(let date)?: return date.description
        case .dateTime(let time)?:
            if time.offsetMinutes != nil { return time.description }
            let zone = entity["timezone"]?.text ?? index.settings.timezone
            guard let offset = TimeZoneOffsets.offsetMinutes(of: time, in: zone) else { return time.description }
            var zoned = time
            zoned.offsetMinutes = offset
            return zoned.description
        default: return nil
        }
    }

    static func collection(name: String, url: String, description: String) -> JSONValue {
        .object(["@context": "https://schema.org", "@type": "CollectionPage", "name": .string(name), "url": .string(url), "description": .string(description)])
    }

    static func website(_ settings: Settings, url: String) -> JSONValue {
        .object(["@context": "https://schema.org", "@type": "WebSite", "name": .string(settings.title), "url": .string(url),
                 "description": .string(settings.description), "inLanguage": .string(settings.language)])
    }
}
