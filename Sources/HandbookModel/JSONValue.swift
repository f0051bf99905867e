/// A JSON value with a deterministic encoding: object keys sorted, no whitespace, numbers as written.
public enum JSONValue: Hashable, Sendable {
    case string(String)
    /// A number, kept as its text so amounts are never rounded.
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])
    /// JSON already encoded (compact, keys sorted), written as it is: a value many files repeat, encoded once.
    case encoded([UInt8])

    /// Text, or null when nil.
    public init(_ text: String?) {
        self = text.map(JSONValue.string) ?? .null
    }

    /// The compact encoding, keys sorted.
    public var encoded: String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The compact encoding as UTF-8 bytes, keys sorted.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        encode(into: &out)
        return out
    }

    /// The encoding made safe inside an HTML `<script>` element: `<`, `>` and `&` as \u escapes.
    public var encodedForScript: String {
        String(decoding: encodedForScriptBytes, as: UTF8.self)
    }

    /// `encodedForScript` as UTF-8 bytes, for a page that takes them as they are.
    public var encodedForScriptBytes: [UInt8] {
        let plain = bytes
        var out: [UInt8] = []
        out.reserveCapacity(plain.count + 64)
        // `<`, `>` and `&` are rare in JSON-LD: runs without them are copied whole.
        plain.withUnsafeBufferPointer { plain in
            guard let base = plain.baseAddress else { return }
            var start = 0
            var index = 0
            while index < plain.count {
                // Eight bytes at a time while none of them is one of the three.
                if index + 8 <= plain.count && !Self.holdsScriptSpecial(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                    continue
                }
                let at = index
                index += 1
                let escape: StaticString
                switch plain[at] {
                case UInt8(ascii: "<"): escape = "\\u003c"
                case UInt8(ascii: ">"): escape = "\\u003e"
                case UInt8(ascii: "&"): escape = "\\u0026"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: plain[start..<at]))
                out.append(contentsOf: UnsafeBufferPointer(start: escape.utf8Start, count: escape.utf8CodeUnitCount))
                start = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: plain[start...]))
        }
        return out
    }

    /// True when a byte of `word` is `<`, `>` or `&`; each test is exact per byte.
    @inline(__always)
    static func holdsScriptSpecial(_ word: UInt64) -> Bool {
        WordBytes.matches(UInt8(ascii: "<"), in: word) | WordBytes.matches(UInt8(ascii: ">"), in: word) | WordBytes.matches(UInt8(ascii: "&"), in: word) != 0
    }

    /// Appends the compact encoding to a byte buffer.
    public func encode(into out: inout [UInt8]) {
        switch self {
        case .string(let text): JSONString.append(text, to: &out)
        case .number(var text): text.withUTF8 { out.append(contentsOf: $0) }
        case .bool(let value): Self.append(value ? "true" : "false", to: &out)
        case .null: Self.append("null", to: &out)
        case .encoded(let bytes):
            out.append(contentsOf: bytes)
        case .array(let items):
            out.append(0x5B)
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(0x2C) }
                item.encode(into: &out)
            }
            out.append(0x5D)
        case .object(let members):
            // The members sorted once, as pairs: sorting the keys and looking each one up hashed it again.
            Self.encode(members: members.sorted(by: { $0.key < $1.key }), into: &out)
        }
    }

    /// Appends `{"key":value,…}` of members in the order given (an object's are sorted by key).
    public static func encode(members: [(key: String, value: JSONValue)], into out: inout [UInt8]) {
        out.append(0x7B)
        for (index, member) in members.enumerated() {
            if index > 0 { out.append(0x2C) }
            JSONString.append(member.key, to: &out)
            out.append(0x3A)
            member.value.encode(into: &out)
        }
        out.append(0x7D)
    }
}

extension JSONValue {
    /// Appends a word of the program's own (`true`, `null`) from its constants, with no array made for it.
    static func append(_ word: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
    }
}

extension JSONValue: ExpressibleByStringLiteral {
    /// Creates a string value.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}
