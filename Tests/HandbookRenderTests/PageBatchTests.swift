import HandbookLoad
import HandbookModel
@testable import HandbookRender
import HandbookTestSupport
import Testing

/// A generator of many pages hands them over a batch at a time, each made while the one before is handed on:
/// every page once, in order, the same bytes as made all at once.
@Suite struct PageBatchTests {
    static let site: SiteContext = {
        let theme = try! Theme(ThemeLoader.load(SharedFolder.packageRoot.appendingPathComponent("themes/default").path))
        let entities = (0..<600).map { number in
            Entity(reference: EntityReference(type: .organisations, slug: "o\(number)"), path: "organisations/o\(number).md",
                   fields: [FieldEntry(key: "name", value: .text("Organisation \(number)"), position: TextPosition(line: 1, column: 1))],
                   body: Array("Body of \(number).\n".utf8), bodyLine: 3, nameField: .name, lastChanged: 1_790_000_000)
        }
        let index = SiteIndex(settings: Settings(title: "Handbook", topics: [], methods: []), entities: entities,
                              today: PartialDate(year: 2026, month: 11, day: 30))
        return SiteContext(index: index, theme: theme, baseURL: "https://example.org/")
    }()

    @Test func batchesHoldEveryPageOnceInOrder() {
        let generator = EntityPages(site: Self.site)
        var batches: [[OutputFile]] = []
        generator.files { batches.append($0) }
        #expect(batches.count == 3)
        #expect(batches.allSatisfy { $0.count <= generator.pageBatch })
        let whole = generator.files()
        #expect(batches.flatMap { $0 }.map(\.path) == whole.map(\.path))
        #expect(batches.flatMap { $0 }.map(\.bytes) == whole.map(\.bytes))
    }
}
