import HandbookModel

/// A document's typed fields with the positions of their keys, as document rules read them.
struct DocumentFields {
    let info: RawDocumentInfo
    let entries: [FieldEntry]
    /// Where the front matter starts, for problems that belong to no single field.
    let start: TextPosition
    /// The front matter as written, so a rule can tell "missing" from "given but invalid" (already reported).
    let raw: YAMLNode

    /// True when the key is written with a value, valid or not.
    func isWritten(_ field: FieldName) -> Bool {
        raw.pairs?.contains { $0.key == field.rawValue && !$0.value.isNull } ?? false
    }

    subscript(field: FieldName) -> FieldValue? {
        entries.first { $0.key == field.rawValue }?.value
    }

    func position(_ field: FieldName) -> TextPosition {
        entries.first { $0.key == field.rawValue }?.position ?? start
    }

    var isDraft: Bool { self[.draft] == .boolean(true) }
}
