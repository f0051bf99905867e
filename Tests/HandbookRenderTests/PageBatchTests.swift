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
        // Full batches, then halves of what remains down to an eighth of a batch: the last one, handed on with nothing
        // made beside it, is short.
        #expect(batches.map(\.count) == [256, 172, 86, 43, 32, 11])
        let whole = generator.files()
        #expect(batches.flatMap { $0 }.map(\.path) == whole.map(\.path))
        #expect(batches.flatMap { $0 }.map(\.bytes) == whole.map(\.bytes))
    }

    /// Batch sizes cover every page once, never grow, stay within a full batch, and end with a short one.
    @Test func batchesShrinkTowardsTheEnd() {
        for full in [1, 8, 256] {
            for count in [0, 1, 7, 31, 32, 33, 255, 256, 257, 600, 10_000] {
                var sizes: [Int] = []
                var remaining = count
                while remaining > 0 {
                    let size = EntityPages.batchSize(remaining: remaining, full: full)
                    sizes.append(size)
                    remaining -= size
                }
                #expect(sizes.reduce(0, +) == count && remaining == 0, "\(count) pages, batches of \(full)")
                #expect(sizes.allSatisfy { $0 >= 1 && $0 <= full }, "\(count) pages, batches of \(full)")
                #expect(zip(sizes, sizes.dropFirst()).allSatisfy { $0 >= $1 }, "\(sizes)")
                if let last = sizes.last { #expect(last <= max(1, full / 8), "\(sizes)") }
            }
        }
    }
}
