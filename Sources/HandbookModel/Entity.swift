/// A validated entry of the handbook: its identity, typed fields and Markdown body.
///
/// What validation produced is kept in one shared, immutable storage object, so passing an entry around
/// (every page, card and index does) costs one reference count, not one per field.
public struct Entity: Sendable {
    private final class Storage: Sendable {
        let reference: EntityReference
        let path: String
        let name: String
        let fields: [FieldEntry]
        /// Each field's `FieldName.key`, in the same order: pages look fields up by name millions of times a build.
        let keys: [UInt64]
        let body: [UInt8]
        let bodyLine: Int
        /// Every reference in the fields, and the topic ids: read by many outputs for every entry, so gathered once.
        let references: [EntityReference]
        let topics: [String]

        init(reference: EntityReference, path: String, name: String, fields: [FieldEntry], body: [UInt8], bodyLine: Int) {
            self.reference = reference
            self.path = path
            self.name = name
            self.fields = fields
            let keys = fields.map { FieldName.key(of: $0.key) }
            self.keys = keys
            self.body = body
            self.bodyLine = bodyLine
            references = Entity.references(in: fields)
            self.topics = Self.topics(in: fields, keys: keys)
        }

        /// The texts of the `topics` list among `fields` (whose `FieldName.key`s are `keys`), in order.
        private static func topics(in fields: [FieldEntry], keys: [UInt64]) -> [String] {
            guard let index = position(of: .topics, in: fields, keys: keys), case .list(let items) = fields[index].value else { return [] }
            var topics: [String] = []
            topics.reserveCapacity(items.count)
            for item in items { if case .text(let topic) = item { topics.append(topic) } }
            return topics
        }

        /// The position of `field` in `fields`, or nil.
        func position(of field: FieldName) -> Int? {
            Self.position(of: field, in: fields, keys: keys)
        }

        /// The position of `field` in `fields`, whose `FieldName.key`s are `keys`, or nil.
        static func position(of field: FieldName, in fields: [FieldEntry], keys: [UInt64]) -> Int? {
            keys.withUnsafeBufferPointer { keys in
                fields.withUnsafeBufferPointer { fields in
                    for index in keys.indices where keys[index] == field.key && fields[index].key == field.rawValue { return index }
                    return nil
                }
            }
        }
    }

    private let storage: Storage
    /// When the file last changed (seconds since 1970, UTC): its last commit, else its modification time.
    public var lastChanged: Int64?
    /// When the file was added (its first commit), when known.
    public var added: Int64?

    /// The entry's type and slug.
    public var reference: EntityReference { storage.reference }
    /// The file it came from, as shown in diagnostics.
    public var path: String { storage.path }
    /// The entry's display name: its type's name field, or the slug when that is missing.
    public var name: String { storage.name }
    /// Typed fields, in schema order.
    public var fields: [FieldEntry] { storage.fields }
    /// The Markdown body as UTF-8 bytes.
    public var body: [UInt8] { storage.body }
    /// The line on which the body starts.
    public var bodyLine: Int { storage.bodyLine }

    /// Creates an entity; its name is read from `nameField`.
    public init(reference: EntityReference, path: String, fields: [FieldEntry], body: [UInt8], bodyLine: Int,
                nameField: FieldName, lastChanged: Int64? = nil) {
        let name = fields.first { $0.key == nameField.rawValue }?.value.text ?? reference.slug
        storage = Storage(reference: reference, path: path, name: name, fields: fields, body: body, bodyLine: bodyLine)
        self.lastChanged = lastChanged
    }

    /// Creates an entity with its name given (as read back from bytes, `ByteRecordCoding`), undated.
    init(reference: EntityReference, path: String, name: String, fields: [FieldEntry], body: [UInt8], bodyLine: Int) {
        storage = Storage(reference: reference, path: path, name: name, fields: fields, body: body, bodyLine: bodyLine)
    }

    /// The value of a field, or nil when absent.
    public subscript(field: FieldName) -> FieldValue? {
        storage.position(of: field).map { storage.fields[$0].value }
    }

    /// Where a field's key was written, for a diagnostic about it; the file's first line when it is absent.
    public func location(of field: FieldName) -> SourceLocation {
        SourceLocation(path: path, position: storage.position(of: field).map { storage.fields[$0].position } ?? TextPosition(line: 1, column: 1))
    }

    /// True when `draft: true`: validated but not published.
    public var isDraft: Bool {
        self[.draft] == .boolean(true)
    }

    /// The entry's topic ids.
    public var topics: [String] { storage.topics }

    /// The texts of a list field (`sources`, `authors`).
    public func texts(_ field: FieldName) -> [String] {
        (self[field]?.list ?? []).compactMap(\.text)
    }

    /// The references of a list field (`organisers`, `partners`).
    public func references(_ field: FieldName) -> [EntityReference] {
        (self[field]?.list ?? []).compactMap { value in
            if case .reference(let reference) = value { return reference }
            return nil
        }
    }

    /// The value at a path: a field, or a field of the last record of a list.
    public subscript(path: FieldPath) -> FieldValue? {
        switch path {
        case .field(let name): return self[name]
        case .lastItem(let list, let name): return self[list]?.list?.last?[name]
        }
    }

    /// The country an entry is in or about: its `country`, or the country part of a policy's
    /// `jurisdiction` (`GB` of `GB-SCT`; `EU`, `UN` and `INT` as they are).
    public var countryCode: String? {
        if let country = self[.country]?.text { return country }
        guard let jurisdiction = self[.jurisdiction]?.text else { return nil }
        return String(jurisdiction.prefix { $0 != "-" })
    }
}

extension Entity {
    /// Every reference in the entry's fields, nested ones included, in field order.
    public var references: [EntityReference] { storage.references }

    /// Every reference in a set of fields, nested ones included, in field order.
    public static func references(in fields: [FieldEntry]) -> [EntityReference] {
        var found: [EntityReference] = []
        for field in fields { gather(field.value, into: &found) }
        return found
    }

    /// Appends every reference in `value` to `found`, in order: plain recursion, with no closure made for each value
    /// (every entry's fields are walked once when it is made).
    private static func gather(_ value: FieldValue, into found: inout [EntityReference]) {
        switch value {
        case .reference(let reference):
            // Room for a few at the first: most entries name a handful.
            if found.capacity == 0 { found.reserveCapacity(4) }
            found.append(reference)
        case .list(let items): for item in items { gather(item, into: &found) }
        case .record(let entries): for entry in entries { gather(entry.value, into: &found) }
        default: break
        }
    }

    /// Calls `body` with every reference in `value`, nested ones included, in order, gathering nothing.
    public static func forEachReference(in value: FieldValue, _ body: (EntityReference) -> Void) {
        switch value {
        case .reference(let reference): body(reference)
        case .list(let items): for item in items { forEachReference(in: item, body) }
        case .record(let entries): for entry in entries { forEachReference(in: entry.value, body) }
        default: break
        }
    }
}
