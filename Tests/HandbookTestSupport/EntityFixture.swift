import HandbookModel

extension Entity {
    /// An entry for tests: `slug` of `type` at `<folder>/<slug>.md`, with `fields` in key order (each at line 1).
    public static func fixture(_ type: EntityType, _ slug: String, _ fields: [String: FieldValue], body: String = "",
                               bodyLine: Int = 1, changed: Int64? = nil) -> Entity {
        Entity(reference: EntityReference(type: type, slug: slug), path: "\(type.folder)/\(slug).md",
               fields: fields.sorted { $0.key < $1.key }.map { FieldEntry(key: $0.key, value: $0.value, position: TextPosition(line: 1, column: 1)) },
               body: Array(body.utf8), bodyLine: bodyLine, nameField: TypeCatalog.standard[type].nameField, lastChanged: changed)
    }
}
