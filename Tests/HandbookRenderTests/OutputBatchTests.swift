import HandbookLoad
import HandbookModel
@testable import HandbookRender
import HandbookTestSupport
import Testing

/// Outputs hand their files over in batches, each let go once written: the data API a block at a time (each entry's
/// encoding let go once its block holds it), the graph exports a form at a time; every file once, the same bytes as
/// made all at once.
@Suite struct OutputBatchTests {
    static let site: SiteContext = {
        // Enough organisations for several blocks (more than 64 entries), and a type with one block.
        let organisations = (0..<200).map { number in
            Entity(reference: EntityReference(type: .organisations, slug: "o\(number)"), path: "organisations/o\(number).md",
                   fields: [FieldEntry(key: "name", value: .text("Organisation \(number)"), position: TextPosition(line: 1, column: 1))],
                   body: Array("Body of \(number).\n".utf8), bodyLine: 3, nameField: .name, lastChanged: 1_790_000_000)
        }
        let funders = (0..<5).map { number in
            Entity(reference: EntityReference(type: .funders, slug: "f\(number)"), path: "funders/f\(number).md",
                   fields: [FieldEntry(key: "name", value: .text("Funder \(number)"), position: TextPosition(line: 1, column: 1))],
                   body: [], bodyLine: 3, nameField: .name, lastChanged: nil)
        }
        let index = SiteIndex(settings: Settings(title: "Handbook", topics: [], methods: []), entities: organisations + funders,
                              today: PartialDate(year: 2026, month: 11, day: 30))
        return SiteContext(index: index, theme: try! Theme(ThemeLoader.load(SharedFolder.packageRoot.appendingPathComponent("themes/default").path)), baseURL: "https://example.org/")
    }()

    @Test func aBlockAtATimeHoldsEveryFileOnceWithTheSameBytes() {
        let api = DataAPI(site: Self.site)
        var batches: [[OutputFile]] = []
        api.files { batches.append($0) }
        // One file a batch: each list and each block is handed on as soon as it is made.
        #expect(batches.allSatisfy { $0.count == 1 })
        let delivered = batches.flatMap { $0 }.sorted { $0.path < $1.path }
        let whole = api.files().sorted { $0.path < $1.path }
        #expect(delivered.map(\.path) == whole.map(\.path))
        #expect(delivered.map(\.bytes) == whole.map(\.bytes))
        #expect(Set(delivered.map(\.path)).count == delivered.count)
        // 200 organisations are spread over four blocks; every entry is in the one its slug names.
        #expect(delivered.filter { $0.path.hasPrefix("api/organisations/") }.count == DataAPI.blockCount(200))
        #expect(delivered.contains { $0.path == "api/organisations.json" } && delivered.contains { $0.path == "api/funders/0.json" })
    }

    @Test func theGraphsFormsAreHandedOverOneAtATime() {
        var batches: [[OutputFile]] = []
        GraphExports(site: Self.site).files { batches.append($0) }
        #expect(batches.map { $0.map(\.path) } == [[GraphExports.jsonPath], [GraphExports.graphMLPath], [GraphExports.gexfPath]])
    }

    /// Every output, whether it hands its files over in batches or all at once, gives the same files either way.
    @Test func everyOutputsBatchesHoldTheFilesItMakesWhole() {
        for generator in Outputs.standard {
            let output = generator.init(site: Self.site)
            var delivered: [OutputFile] = []
            output.files { delivered += $0 }
            let whole = output.files()
            #expect(delivered.map(\.path).sorted() == whole.map(\.path).sorted(), "\(generator.name)")
            #expect(Dictionary(uniqueKeysWithValues: delivered.map { ($0.path, $0.bytes) })
                == Dictionary(uniqueKeysWithValues: whole.map { ($0.path, $0.bytes) }), "\(generator.name)")
        }
    }
}
