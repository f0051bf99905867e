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
    func isWritten(_ key: String) -> Bool {
        raw.pairs?.contains { $0.key == key && !$0.value.isNull } ?? false
    }

    subscript(key: String) -> FieldValue? {
        entries.first { $0.key == key }?.value
    }

    func position(_ key: String) -> TextPosition {
        entries.first { $0.key == key }?.position ?? start
    }

    var isDraft: Bool { self["draft"] == .boolean(true) }
}
