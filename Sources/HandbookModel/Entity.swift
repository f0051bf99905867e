/// A validated entry of the handbook: its identity, typed fields and Markdown body.
public struct Entity: Sendable {
    /// The entry's type and slug.
    public var reference: EntityReference
    /// The file it came from, as shown in diagnostics.
    public var path: String
    /// Typed fields, in schema order.
    public var fields: [FieldEntry]
    /// The Markdown body as UTF-8 bytes.
    public var body: [UInt8]
    /// The line on which the body starts.
    public var bodyLine: Int
    /// When the file last changed (seconds since 1970, UTC): its last commit, else its modification time.
    public var lastChanged: Int64?

    /// Creates an entity.
    public init(reference: EntityReference, path: String, fields: [FieldEntry], body: [UInt8], bodyLine: Int, lastChanged: Int64? = nil) {
        self.reference = reference
        self.path = path
        self.fields = fields
        self.body = body
        self.bodyLine = bodyLine
        self.lastChanged = lastChanged
    }

    /// The value of a field, or nil when absent.
    public subscript(field: String) -> FieldValue? {
        fields.first { $0.key == field }?.value
    }

    /// The entry's display name (`name` or `title`), falling back to the slug.
    public var name: String {
        self[reference.type.nameField]?.text ?? reference.slug
    }

    /// True when `draft: true`: validated but not published.
    public var isDraft: Bool {
        self["draft"] == .boolean(true)
    }
}

extension Entity {
    /// Every reference in the entry's fields, nested ones included, in field order.
    public var references: [EntityReference] {
        Self.references(in: fields)
    }

    /// Every reference in a set of fields, nested ones included, in field order.
    public static func references(in fields: [FieldEntry]) -> [EntityReference] {
        var found: [EntityReference] = []
        func walk(_ value: FieldValue) {
            switch value {
            case .reference(let reference): found.append(reference)
            case .list(let items): items.forEach(walk)
            case .record(let entries): entries.forEach { walk($0.value) }
            default: break
            }
        }
        fields.forEach { walk($0.value) }
        return found
    }
}
