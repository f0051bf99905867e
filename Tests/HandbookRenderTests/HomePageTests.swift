import HandbookLoad
import HandbookModel
@testable import HandbookRender
import HandbookTestSupport
import Mustache
import Testing

/// The home page's events: the next few, or, with none to come, a pointer to the ones that have taken place.
@Suite struct HomePageTests {
    func home(_ entities: [Entity]) throws -> [String: MustacheValue] {
        let theme = try Theme(ThemeLoader.load(SharedFolder.packageRoot.appendingPathComponent("themes/default").path))
        let index = SiteIndex(settings: Settings(), entities: entities, today: PartialDate(year: 2026, month: 6, day: 1))
        return HomePage(site: SiteContext(index: index, theme: theme, baseURL: "https://example.org/")).content(of: Page(path: "", section: ""), root: "./").data
    }

    func event(_ slug: String, year: Int) -> Entity {
        .fixture(.events, slug, ["title": .text(slug), "start": .date(PartialDate(year: year, month: 3, day: 1)), "online": .text("https://a.example/")])
    }

    @Test func withNoneToComeThePastOnesArePointedTo() throws {
        let past = try home([event("one", year: 2025), event("two", year: 2024)])
        #expect(past["hasUpcoming"] == .bool(false))
        #expect(past["pastEvents"] == .string("2 events"))
        let coming = try home([event("one", year: 2025), event("three", year: 2027)])
        #expect(coming["hasUpcoming"] == .bool(true))
        #expect(coming["pastEvents"] == .null)
        #expect(try home([])["pastEvents"] == .null)
    }
}
