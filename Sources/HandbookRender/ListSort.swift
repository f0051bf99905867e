import HandbookModel
import Mustache

/// The orders a reader can choose on a list page ("Sort by"), declared once: `Card` writes each entry's
/// key for every order (`data-sort-name`, `data-sort-date`, `data-sort-updated`) and `ListPages` offers
/// the orders a type has. The page is written in its type's display order, which the script restores;
/// the other orders sort the cards by these keys, within each group (upcoming and past events).
enum ListSort: String, CaseIterable, Sendable {
    /// By name, alphabetically, ignoring case and accents.
    case name
    /// By the date the card shows, newest first (types with a card date).
    case date
    /// By the entry's last change, most recent first (every type, so every list has a choice to make).
    case updated

    /// The choice as the "Sort by" menu words it.
    var label: String {
        switch self {
        case .name: return "Name (A–Z)"
        case .date: return "Date (newest first)"
        case .updated: return "Recently updated"
        }
    }

    /// True when the script puts the highest key first.
    var descending: Bool {
        self != .name
    }

    /// The entry's key for this order, as a string that sorts the way the order does; nil when it has
    /// none (the script puts such cards last).
    func key(_ entity: Entity, index: SiteIndex) -> String? {
        switch self {
        case .name:
            return index.sortKey(entity)
        case .date:
            // As written (`2026-12-03T18:30`): these strings sort by day, all-day before timed.
            return index.descriptor(entity.reference).cardDate.flatMap { Moment(entity[$0], zone: index.settings.timezone)?.description }
        case .updated:
            return entity.lastChanged.map { Formatting.date(fromUnix: $0).description }
        }
    }

    /// True when a type's entries can be sorted this way.
    func applies(to descriptor: TypeDescriptor) -> Bool {
        self != .date || descriptor.cardDate != nil
    }

    /// The "Sort by" choices of a type's list as a template reads them: the order the page is written
    /// in first (value "", so the script can return to it), then every other order the type has.
    static func choices(_ descriptor: TypeDescriptor) -> MustacheValue {
        let written: (label: String, same: ListSort?)
        switch descriptor.displayOrder {
        case .byName: written = (ListSort.name.label, .name)
        case .latestFirst: written = (ListSort.date.label, .date)
        case .upcomingThenPast: written = ("Date (nearest first)", nil)
        case .byNumber: written = ("Default order", nil)
        }
        var options: [MustacheValue] = [["value": "", "label": .string(written.label), "descending": false]]
        for order in allCases where order != written.same && order.applies(to: descriptor) {
            options.append(["value": .string(order.rawValue), "label": .string(order.label), "descending": .bool(order.descending)])
        }
        return ["options": .list(options)]
    }
}
