import HandbookLoad
import HandbookModel
@testable import HandbookRender
import HandbookTestSupport
import Mustache
import Testing

/// The keys cards carry for the list script (facet values to filter by, sort keys) and the "Sort by"
/// choices and filter markup each list page offers.
@Suite struct ListSortTests {
    static let today = PartialDate(year: 2026, month: 11, day: 22)

    func entity(_ type: EntityType, _ slug: String, _ fields: [String: FieldValue], changed: Int64? = nil) -> Entity {
        Entity.fixture(type, slug, fields, changed: changed)
    }

    func index(_ entities: [Entity]) -> SiteIndex {
        SiteIndex(settings: Settings(), entities: entities, today: Self.today)
    }

    /// The `data-` attributes a card is written with, as `name=value` pairs in order.
    func attributes(_ entity: Entity, in index: SiteIndex) -> [String] {
        Card(entity: entity, index: index).dataAttributes.map { "\($0.name)=\($0.value)" }
    }

    @Test func cardsCarryTheirFacetsThenTheirSortKeys() {
        // 2026-05-01T12:00:00Z
        let organisation = entity(.organisations, "ecoles", ["name": .text("Écoles Unies"), "country": .text("BE"),
                                                             "topics": .list([.text("sortition"), .text("budgets")])], changed: 1_777_636_800)
        let site = index([organisation])
        #expect(attributes(organisation, in: site) == ["country=be", "topic=sortition budgets", "sort-name=ecoles unies", "sort-updated=2026-05-01"])
    }

    @Test func theDateKeyIsTheCardDateAsWrittenSoItSortsByDayThenTime() {
        let timed = entity(.events, "meetup", ["title": .text("Meet-up"), "start": .dateTime(DateTimeValue(parsing: "2026-12-03T18:30")!),
                                               "location": .text("Brussels")])
        let allDay = entity(.events, "festival", ["title": .text("Festival"), "start": .date(PartialDate(year: 2026, month: 12, day: 3)), "location": .text("Glasgow")])
        let policy = entity(.policies, "bill", ["title": .text("Bill"), "jurisdiction": .text("GB"), "stages": .list([
            .record([FieldEntry(key: "date", value: .date(PartialDate(year: 2024, month: 2)), position: TextPosition(line: 1, column: 1))]),
            .record([FieldEntry(key: "date", value: .date(PartialDate(year: 2025, month: 7, day: 9)), position: TextPosition(line: 1, column: 1))]),
        ])])
        let site = index([timed, allDay, policy])
        let keys = [timed, allDay, policy].map { ListSort.date.key($0, index: site) }
        #expect(keys == ["2026-12-03T18:30", "2026-12-03", "2025-07-09"])
        #expect(keys[1]! < keys[0]!, "an all-day event sorts before a timed one on its day")
        let undated = entity(.organisations, "o", ["name": .text("O")])
        #expect(ListSort.date.key(undated, index: index([undated])) == nil, "a type without a card date has no date key")
        #expect(!attributes(undated, in: index([undated])).contains { $0.hasPrefix("sort-date=") || $0.hasPrefix("sort-updated=") })
    }

    /// The choices of a type's "Sort by" menu as `value:label` (`-` marks a descending order).
    func choices(_ type: EntityType) -> [String] {
        guard let sort = ListSort.choices(TypeCatalog.standard[type]).members, case .list(let options)? = sort["options"] else { return [] }
        return options.map { option in
            guard let fields = option.members, case .string(let value)? = fields["value"], case .string(let label)? = fields["label"],
                  case .bool(let descending)? = fields["descending"] else { return "?" }
            return (descending ? "-" : "") + value + ":" + label
        }
    }

    @Test func eachListOffersItsOwnOrderFirstThenTheOthersItHas() {
        #expect(choices(.organisations) == [":Name (A–Z)", "-updated:Recently updated"])
        #expect(choices(.caseStudies) == [":Name (A–Z)", "-date:Date (newest first)", "-updated:Recently updated"])
        #expect(choices(.events) == [":Date (nearest first)", "name:Name (A–Z)", "-date:Date (newest first)", "-updated:Recently updated"])
        #expect(choices(.policies) == [":Date (newest first)", "name:Name (A–Z)", "-updated:Recently updated"])
    }

    func site(_ entities: [Entity]) throws -> SiteContext {
        let theme = try Theme(ThemeLoader.load(SharedFolder.packageRoot.appendingPathComponent("themes/default").path))
        return SiteContext(index: index(entities), theme: theme, baseURL: "https://example.org/")
    }

    func page(_ site: SiteContext, _ path: String) -> String {
        let file = ListPages(site: site).files().first { $0.path == path + "index.html" }
        return String(decoding: file?.bytes ?? [], as: UTF8.self)
    }

    @Test func aListOfSeveralEntriesHasTheSortMenuAndTheFilterScriptsParts() throws {
        let site = try site([
            entity(.organisations, "a", ["name": .text("A"), "country": .text("BE")]),
            entity(.organisations, "b", ["name": .text("B"), "country": .text("NL"), "topics": .list([.text("sortition")])]),
            entity(.funders, "f", ["name": .text("F"), "country": .text("GB")]),
        ])
        let list = page(site, "organisations/")
        #expect(list.contains(#"<p class="sort" data-sort hidden><label for="sort-order">Sort by</label> <select id="sort-order">"#))
        #expect(list.contains(#"<option value="">Name (A–Z)</option>\#n<option value="updated" data-descending>Recently updated</option>\#n</select>"#))
        #expect(list.contains(#"data-facet="country" data-value="be">Belgium <span class="count">(1)</span></a>"#))
        #expect(list.contains(#"<div class="selected-filters" data-selected-filters hidden>"#))
        #expect(list.contains("No organisations match all of these filters."))
        #expect(list.contains(#"<li class="card" data-country="be" data-sort-name="a">"#))
        // A filter page is a plain page: the same filters as links, no chips or no-result message; one
        // entry has nothing to sort.
        let filtered = page(site, "organisations/by-country/be/")
        #expect(filtered.contains(#"aria-current="page">Belgium <span class="count">(1)</span>"#))
        #expect(!filtered.contains("data-selected-filters") && !filtered.contains("data-no-match") && !filtered.contains(#"id="sort-order""#))
        #expect(!page(site, "funders/").contains(#"id="sort-order""#), "a list of one entry has no sort menu")
    }
}
