/// A front-matter value after validation, typed by its field's schema. Text, numbers and collections are held
/// in place (a build reads hundreds of thousands of them); the larger dates and references in a box of their
/// own, so a value is no larger than its text.
public enum FieldValue: Hashable, Sendable {
    /// Text.
    case text(String)
    /// A whole number.
    case integer(Int)
    /// A number, kept as written so amounts are never rounded.
    case number(String)
    /// A boolean.
    case boolean(Bool)
    /// A year, month or date.
    indirect case date(PartialDate)
    /// A date with a time.
    indirect case dateTime(DateTimeValue)
    /// A reference to another entry.
    indirect case reference(EntityReference)
    /// A list.
    case list([FieldValue])
    /// A mapping, keys in schema order (or file order for free keys).
    case record([FieldEntry])

    /// The text of a text-like value (text, codes, URLs), or nil.
    public var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// The items of a list, or nil.
    public var list: [FieldValue]? {
        if case .list(let items) = self { return items }
        return nil
    }

    /// The entries of a record, or nil.
    public var record: [FieldEntry]? {
        if case .record(let entries) = self { return entries }
        return nil
    }

    /// The value of a field in a record.
    public subscript(field: FieldName) -> FieldValue? {
        // Through the buffer: `first` would copy (and retain) every entry passed over.
        guard case .record(let entries) = self else { return nil }
        return entries.withUnsafeBufferPointer { entries in
            for index in entries.indices where entries[index].key == field.rawValue { return entries[index].value }
            return nil
        }
    }
}

/// One key and value of a record, with the key's position for later diagnostics.
public struct FieldEntry: Hashable, Sendable {
    /// The key.
    public var key: String
    /// The value.
    public var value: FieldValue
    /// Where the key was written.
    public var position: TextPosition

    /// Creates an entry.
    public init(key: String, value: FieldValue, position: TextPosition) {
        self.key = key
        self.value = value
        self.position = position
    }
}
