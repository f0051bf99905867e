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
    /// Facet values, lower case and space-separated, by facet.
    var facetValues: [Facet: String]
    /// The entry's key for each order a list can be sorted in (absent when it has none).
    var sortKeys: [ListSort: String]

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
            guard let start = Moment(entity[path], zone: index.settings.timezone) else { return nil }
            // Several days show as a span ("3 to 5 December 2026"); a time, or one day, as it is.
            if path == .field(.start), !start.hasTime, let end = Moment(entity[.end], zone: index.settings.timezone), !end.hasTime {
                return Formatting.words(from: start.date, to: end.date)
            }
            return Formatting.words(start)
        }
        var facetValues: [Facet: String] = [:]
        for (facet, values) in SiteIndex.facetValues(of: entity, types: index.types) {
            facetValues[facet] = values.map { $0.lowercased() }.joined(separator: " ")
        }
        self.facetValues = facetValues
        var sortKeys: [ListSort: String] = [:]
        for order in ListSort.allCases { sortKeys[order] = order.key(entity, index: index) }
        self.sortKeys = sortKeys
    }

    /// The card's `data-` attributes, by name without the prefix: every facet it has a value for
    /// (`country`), then every sort key (`sort-name`). The one list the template writes, so a facet or
    /// an order added to its enum reaches the cards with no template change.
    var dataAttributes: [(name: String, value: String)] {
        var attributes: [(name: String, value: String)] = []
        for facet in Facet.allCases {
            if let values = facetValues[facet], !values.isEmpty { attributes.append((facet.rawValue, values)) }
        }
        for order in ListSort.allCases {
            if let key = sortKeys[order] { attributes.append(("sort-" + order.rawValue, key)) }
        }
        return attributes
    }

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
