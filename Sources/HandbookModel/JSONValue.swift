/// A JSON value with a deterministic encoding: object keys sorted, no whitespace, numbers as written.
public indirect enum JSONValue: Hashable, Sendable {
    case string(String)
    /// A number, kept as its text so amounts are never rounded.
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    /// Text, or null when nil.
    public init(_ text: String?) {
        self = text.map(JSONValue.string) ?? .null
    }

    /// The compact encoding, keys sorted.
    public var encoded: String {
        var out = ""
        encode(into: &out)
        return out
    }

    /// The encoding made safe inside an HTML `<script>` element: `<`, `>` and `&` as \u escapes.
    public var encodedForScript: String {
        var out = ""
        for scalar in encoded.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    func encode(into out: inout String) {
        switch self {
        case .string(let text): out += JSONString.literal(text)
        case .number(let text): out += text
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.encode(into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                out += JSONString.literal(key)
                out += ":"
                members[key]!.encode(into: &out)
            }
            out += "}"
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral {
    /// Creates a string value.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}
