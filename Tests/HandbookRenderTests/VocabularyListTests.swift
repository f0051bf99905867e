import HandbookLoad
import HandbookModel
@testable import HandbookRender
import HandbookTestSupport
import Mustache
import Testing

/// The topics' and methods' index pages list them in the order of their labels, whatever order handbook.yml gives.
@Suite struct VocabularyListTests {
    @Test func labelsAreInAlphabeticalOrder() throws {
        let theme = try Theme(ThemeLoader.load(SharedFolder.packageRoot.appendingPathComponent("themes/default").path))
        let settings = Settings(title: "T", topics: [("z", "Sortition"), ("a", "Économie"), ("m", "assemblies")], methods: [])
        let index = SiteIndex(settings: settings, entities: [], today: PartialDate(year: 2026, month: 1, day: 1))
        let site = SiteContext(index: index, theme: theme, baseURL: "https://example.org/")
        guard case .list(let items) = site.vocabularyList(settings.topics, page: Links.topic, uses: [:]) else {
            Issue.record("not a list")
            return
        }
        #expect(items.map { $0["label"] } == [.string("assemblies"), .string("Économie"), .string("Sortition")])
    }
}
