/// The data a template renders: text, booleans, lists, objects and null, as the Mustache spec describes them.
public enum MustacheValue: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    /// Text (numbers are given as their text).
    case string(String)
    /// A boolean.
    case bool(Bool)
    /// A list: sections repeat for each item.
    case list([MustacheValue])
    /// An object: sections push it onto the context stack.
    case object([String: MustacheValue])
    /// A small object, as a dictionary literal makes it: its members in a short list, found by comparing names
    /// rather than hashing them (a lookup asks each object up the stack in turn). Equal to the `object` with the
    /// same members.
    case fields(MustacheFields)
    /// Text already encoded as UTF-8 (a template rendered into bytes, as a page's content is for its layout):
    /// interpolated as it is, without being made into a `String` first.
    case utf8([UInt8])
    /// Nothing: renders as empty text and is falsey.
    case null

    /// Creates text.
    public init(stringLiteral value: String) { self = .string(value) }
    /// Creates a boolean.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// Creates a list.
    public init(arrayLiteral elements: MustacheValue...) { self = .list(elements) }
    /// Creates an object.
    public init(dictionaryLiteral elements: (String, MustacheValue)...) {
        guard elements.count <= MustacheFields.limit else {
            var object: [String: MustacheValue] = [:]
            for (key, value) in elements { object[key] = value }
            self = .object(object)
            return
        }
        self = .fields(MustacheFields(elements))
    }

    /// Text, or null when nil.
    public init(_ text: String?) {
        self = text.map(MustacheValue.string) ?? .null
    }

    /// False, null and empty lists are falsey; everything else, including empty text, is truthy.
    public var isFalsey: Bool {
        switch self {
        case .bool(let value): return !value
        case .null: return true
        case .list(let items): return items.isEmpty
        default: return false
        }
    }

    /// The text an interpolation of this value produces.
    public var text: String {
        switch self {
        case .string(let text): return text
        case .utf8(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .bool(let value): return value ? "true" : "false"
        case .null: return ""
        case .list, .object, .fields: return ""
        }
    }

    /// The member `name` of an object, or nil.
    public subscript(name: String) -> MustacheValue? {
        switch self {
        case .object(let members): return members[name]
        case .fields(let fields): return fields[name]
        default: return nil
        }
    }

    /// An object's members (of either form), or nil for anything else.
    public var members: [String: MustacheValue]? {
        switch self {
        case .object(let members): return members
        case .fields(let fields): return fields.dictionary
        default: return nil
        }
    }

    /// Equal values render alike: objects compare by their members, whichever form holds them.
    public static func == (a: MustacheValue, b: MustacheValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x == y
        case (.utf8(let x), .utf8(let y)): return x == y
        case (.string, .utf8), (.utf8, .string): return a.text == b.text
        case (.bool(let x), .bool(let y)): return x == y
        case (.list(let x), .list(let y)): return x == y
        case (.null, .null): return true
        default:
            guard let x = a.members, let y = b.members else { return false }
            return x == y
        }
    }

    /// Hashes as `==` compares.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .string, .utf8: hasher.combine(0); hasher.combine(text)
        case .bool(let flag): hasher.combine(1); hasher.combine(flag)
        case .list(let items): hasher.combine(2); hasher.combine(items)
        case .null: hasher.combine(3)
        case .object, .fields: hasher.combine(4); hasher.combine(members ?? [:])
        }
    }
}

/// A small object's members in order, each name once (a later duplicate replaces the earlier value, as in a
/// dictionary).
public struct MustacheFields: Sendable {
    /// Above this many members, a dictionary literal makes a dictionary-backed object instead.
    public static let limit = 24
    /// Names and values in one buffer, so looking a name up holds one reference, not two.
    private var members: [(name: String, value: MustacheValue)] = []

    init(_ elements: [(String, MustacheValue)]) {
        members.reserveCapacity(elements.count)
        for (name, value) in elements {
            if let index = members.firstIndex(where: { $0.name == name }) { members[index].value = value } else {
                members.append((name, value))
            }
        }
    }

    /// The member `name`, or nil.
    public subscript(name: String) -> MustacheValue? {
        // Found by index: iterating would copy (and retain) every member passed over.
        guard let index = members.firstIndex(where: { $0.name == name }) else { return nil }
        return members[index].value
    }

    /// The members as a dictionary.
    public var dictionary: [String: MustacheValue] {
        Dictionary(uniqueKeysWithValues: members.map { ($0.name, $0.value) })
    }
}
