import HandbookModel
import Mustache

/// An entry as lists, topic pages and the home page show it: name, link, summary, a line of facts, a
/// date, and what the list's script reads from the card's `data-` attributes (facet values to filter
/// by, keys to sort by). Made once per entry per build.
struct Card: Sendable {
    var name: String
    var url: String
    var summary: String?
    var meta: String?
    var date: String?
    /// The card's `data-` attributes, by name without the prefix: every facet it has a value for (`country`,
    /// its values lower case and space-separated), then every order it has a key for (`sort-name`). The one
    /// list the template writes, so a facet or an order added to its enum reaches the cards with no template change.
    var dataAttributes: [(name: String, value: String)]

    /// The card of an entry, from its type's card fields and card date.
    init(entity: Entity, index: SiteIndex) {
        let descriptor = index.descriptor(entity.reference)
        var meta: [String] = []
        for cardField in descriptor.cardFields {
            // A named entry shows as its name (a press office's organisation).
            if case .reference(let target)? = entity[cardField.name] {
                if let named = index.entity(target) { meta.append(named.name) }
                continue
            }
            guard let text = entity[cardField.name]?.text, text != cardField.hiddenValue,
                  let kind = descriptor.field(cardField.name)?.kind else { continue }
            meta.append(Formatting.plain(text, kind: kind))
        }
        name = entity.name
        url = index.links.entity(entity.reference)
        summary = entity[.summary]?.text
        self.meta = meta.isEmpty ? nil : meta.joined(separator: " · ")
        date = descriptor.cardDate.flatMap { path in
            // In the entry's own time zone, as its page and calendars read it.
            let zone = entity[.timezone]?.text ?? index.settings.timezone
            guard let start = Moment(entity[path], zone: zone) else { return nil }
            // Several days show as a span ("3 to 5 December 2026"); a time, or one day, as it is.
            if path == .field(.start), !start.hasTime, let end = Moment(entity[.end], zone: zone), !end.hasTime {
                return Formatting.words(from: start.date, to: end.date)
            }
            // A clock time says whose clock, as the entry's page does ("6 April 2017, 19:00 (Vancouver time)").
            if case .time(let time, let zone) = start, time.offsetMinutes == nil {
                return "\(Formatting.words(start)) (\(Formatting.zoneName(zone)))"
            }
            return Formatting.words(start)
        }
        // Facets in their enum's order, whatever the type's order (a table by case, not a dictionary: an entry has a few).
        var facetValues = [String?](repeating: nil, count: Self.facets.count)
        for (facet, values) in SiteIndex.facetValues(of: entity, types: index.types) {
            guard let place = Self.facets.firstIndex(of: facet) else { continue }
            facetValues[place] = values.map { $0.lowercased() }.joined(separator: " ")
        }
        var attributes: [(name: String, value: String)] = []
        for (facet, values) in zip(Self.facets, facetValues) {
            if let values, !values.isEmpty { attributes.append((facet.rawValue, values)) }
        }
        for (order, name) in zip(ListSort.allCases, Self.sortNames) {
            if let key = order.key(entity, index: index) { attributes.append((name, key)) }
        }
        dataAttributes = attributes
    }

    /// Every facet, in the order the attributes are written.
    private static let facets = Facet.allCases
    /// Each order's attribute name (`sort-name`), in `ListSort.allCases` order.
    private static let sortNames = ListSort.allCases.map { "sort-" + $0.rawValue }

    /// The card for a template.
    var mustache: MustacheValue {
        [
            "name": .string(name),
            "url": .string(url),
            "summary": MustacheValue(summary),
            "meta": MustacheValue(meta),
            "date": MustacheValue(date),
            "data": .list(dataAttributes.map { ["name": .string($0.name), "value": .string($0.value)] }),
        ]
    }
}
