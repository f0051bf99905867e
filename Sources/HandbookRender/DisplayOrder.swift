import HandbookModel

/// Orders a type's entries as its list shows them, following its descriptor's `displayOrder`, and says
/// which events are upcoming.
struct DisplayOrder: Sendable {
    let index: SiteIndex

    /// Names alphabetically (ignoring case and accents); events upcoming first, then past, newest first;
    /// policies by their last stage, most recent first; pages by their `order`.
    func sorted(_ type: EntityType, _ entities: [Entity]) -> [Entity] {
        switch index.types[type].displayOrder {
        case .upcomingThenPast:
            let keyed = entities.map { (upcoming: isUpcoming($0), start: startKey($0), entity: $0) }
            let upcoming = keyed.filter(\.upcoming).sorted { $0.start != $1.start ? $0.start < $1.start : $0.entity.reference < $1.entity.reference }
            let past = keyed.filter { !$0.upcoming }.sorted { $0.start != $1.start ? $0.start > $1.start : $0.entity.reference < $1.entity.reference }
            return (upcoming + past).map(\.entity)
        case .latestFirst(let path):
            let keyed = entities.map { (last: date($0, path) ?? PartialDate(year: 0), name: index.sortKey($0), entity: $0) }
            return keyed.sorted { lhs, rhs in
                if lhs.last != rhs.last { return lhs.last > rhs.last }
                return lhs.name != rhs.name ? lhs.name < rhs.name : lhs.entity.reference < rhs.entity.reference
            }.map(\.entity)
        case .byNumber(let field):
            let keyed = entities.map { entity -> (order: Int, name: String, entity: Entity) in
                var order = Int.max
                if case .integer(let value)? = entity[field] { order = value }
                return (order, index.sortKey(entity), entity)
            }
            return keyed.sorted { lhs, rhs in
                lhs.order != rhs.order ? lhs.order < rhs.order : (lhs.name != rhs.name ? lhs.name < rhs.name : lhs.entity.reference < rhs.entity.reference)
            }.map(\.entity)
        case .byName:
            return entities.map { (index.sortKey($0), $0) }
                .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1.reference < $1.1.reference }
                .map(\.1)
        }
    }

    /// The list page's groups: "Upcoming" and "Past" for types ordered that way, else one group.
    func groups(_ type: EntityType, _ entries: [Entity]) -> [(heading: String?, entries: [Entity])] {
        guard case .upcomingThenPast = index.types[type].displayOrder else { return [(nil, entries)] }
        let upcoming = entries.filter { isUpcoming($0) }
        let past = entries.filter { !isUpcoming($0) }
        return [("Upcoming", upcoming), ("Past", past)].filter { !$0.1.isEmpty }
    }

    func date(_ entity: Entity, _ path: FieldPath) -> PartialDate? {
        guard case .date(let date)? = entity[path] else { return nil }
        return date
    }

    /// Sortable start: the date and the time of day (all-day events first on their day).
    func startKey(_ entity: Entity) -> String {
        Timespan(of: entity, defaultZone: index.settings.timezone)?.start.description ?? ""
    }

    /// True when the entry (or its repeats) has not ended before today.
    func isUpcoming(_ entity: Entity) -> Bool {
        if case .date(let until)? = entity[.repeat]?[.until], until >= index.today { return true }
        return Timespan(of: entity, defaultZone: index.settings.timezone).map { $0.lastDate >= index.today } ?? false
    }
}
