/// The data a template renders: text, booleans, lists, objects and null, as the Mustache spec describes them.
public indirect enum MustacheValue: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    /// Text (numbers are given as their text).
    case string(String)
    /// A boolean.
    case bool(Bool)
    /// A list: sections repeat for each item.
    case list([MustacheValue])
    /// An object: sections push it onto the context stack.
    case object([String: MustacheValue])
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
        var object: [String: MustacheValue] = [:]
        for (key, value) in elements { object[key] = value }
        self = .object(object)
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
        case .bool(let value): return value ? "true" : "false"
        case .null: return ""
        case .list, .object: return ""
        }
    }

    /// The member `name` of an object, or nil.
    public subscript(name: String) -> MustacheValue? {
        if case .object(let members) = self { return members[name] }
        return nil
    }
}
