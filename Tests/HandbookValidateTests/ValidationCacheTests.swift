import HandbookLoad
import HandbookModel
@testable import HandbookValidate
import Testing

/// What every document's checks depend on besides the document (`ValidationCache.key`) is digested the same way
/// every time, and changes with each thing it covers, so a kept result is reused exactly while it still holds.
@Suite struct ValidationCacheTests {
    static let today = PartialDate(year: 2026, month: 11, day: 30)

    static func tree(settings: String = "title: T\n", slugs: [String] = ["a", "b"]) -> LoadedTree {
        let documents = slugs.map { RawDocument(type: .organisations, slug: $0, path: "content/organisations/\($0).md", frontMatter: nil, body: [], bodyLine: 1) }
        var tree = LoadedTree(settings: nil, settingsPath: "content/handbook.yml", documents: documents, diagnostics: [], fileCount: documents.count + 1)
        tree.settingsDigest = ByteDigest.of(Array(settings.utf8))
        return tree
    }

    static func key(_ tree: LoadedTree, today: PartialDate = today, types: TypeCatalog = .standard) -> ByteDigest {
        ValidationCache.key(of: tree, today: today, types: types)
    }

    @Test func theSameContextGivesTheSameKey() {
        #expect(Self.key(Self.tree()) == Self.key(Self.tree()))
    }

    @Test func eachPartOfTheContextChangesTheKey() {
        let base = Self.key(Self.tree())
        #expect(Self.key(Self.tree(settings: "title: U\n")) != base)
        #expect(Self.key(Self.tree(slugs: ["a", "b", "c"])) != base)
        #expect(Self.key(Self.tree(slugs: ["a", "c"])) != base)
        #expect(Self.key(Self.tree(), today: PartialDate(year: 2026, month: 12, day: 1)) != base)
    }

    /// A catalog whose one difference is a field's kind, or whether it is required, checks differently.
    @Test func aFieldsKindIsPartOfTheKey() {
        func catalog(_ kind: FieldKind, required: Bool = false) -> TypeCatalog {
            TypeCatalog.standard.adding(TypeDescriptor(
                type: EntityType(folder: "networks", rank: 8), singular: "network", plural: "networks", nameField: .name,
                fields: [FieldSchema(.name, .text(maxLength: 200), required: true, "name"), FieldSchema(.country, kind, required: required, "where")],
                navigationOrder: 7, facets: [], cardFields: [], schemaOrg: SchemaOrgMapping("Organization"), help: "a network"))
        }
        let tree = Self.tree()
        let base = Self.key(tree, types: catalog(.country))
        #expect(Self.key(tree, types: catalog(.country)) == base)
        #expect(Self.key(tree, types: catalog(.countryOrInternational)) != base)
        #expect(Self.key(tree, types: catalog(.country, required: true)) != base)
        #expect(Self.key(tree, types: catalog(.list(.country, minimum: 1))) != Self.key(tree, types: catalog(.list(.country, minimum: 0))))
    }
}
