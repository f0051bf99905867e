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
    /// An object as a dictionary literal makes it: its members in a list, found by comparing keys made from
    /// their names (see `MustacheFields`) rather than by hashing the name for a dictionary. Equal to the
    /// `object` with the same members.
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

    /// A plain value (text, a flag, null) as text marked with its kind, for comparing; nil for a list or an object.
    var cacheText: String? {
        switch self {
        case .string, .utf8: return "t" + text
        case .bool(let value): return value ? "T" : "F"
        case .null: return "n"
        case .list, .object, .fields: return nil
        }
    }

    /// For an object of members, what tells it apart from others (see `MustacheFields.identity`); nil otherwise.
    var identity: UInt? {
        if case .fields(let fields) = self { return fields.identity }
        return nil
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

/// An object's members (in no particular order), each name once (a later duplicate replaces the earlier value, as in a
/// dictionary). Each name is kept with a 64-bit key made from its bytes (`key(_:)`), so finding a member
/// compares integers and only the name whose key matches as text: a lookup asks every object up the stack in
/// turn, and hashing the name for a dictionary at each cost more than the whole scan.
public struct MustacheFields: Sendable, ExpressibleByDictionaryLiteral {
    /// One member: its name, the name's key, its value.
    struct Member: Sendable {
        var key: UInt64
        var name: String
        var value: MustacheValue
    }

    /// Names, keys and values in one buffer, so looking a name up holds one reference, not three.
    private(set) var members: [Member] = []

    /// No members.
    public init() {}

    init(_ elements: [(String, MustacheValue)]) {
        // Each pair is moved out of the literal's array, last first (members' order means nothing): no name or
        // value is retained for the copy and released with the literal (a build makes a quarter of a million).
        var elements = elements
        members.reserveCapacity(elements.count)
        while let (name, value) = elements.popLast() { members.append(Member(key: Self.key(name), name: name, value: value)) }
        if hasDuplicate() {
            // A later duplicate replaces the earlier value, as in a dictionary: rare, so put right afterwards.
            let all = members
            members = []
            for member in all.reversed() { self[member.name] = member.value }
        }
    }

    /// True when two members have the same name.
    private func hasDuplicate() -> Bool {
        // A page's objects have up to forty members: past a few, the keys are sorted and neighbours compared, and
        // only equal keys (nearly always a repeated name) are looked at by name.
        if members.count > 8 {
            let keys = members.map(\.key).sorted()
            if !zip(keys, keys.dropFirst()).contains(where: { $0 == $1 }) { return false }
        }
        return members.withUnsafeBufferPointer { members in
            for later in members.indices {
                for earlier in 0..<later where members[earlier].key == members[later].key && members[earlier].name == members[later].name {
                    return true
                }
            }
            return false
        }
    }

    /// Members from a literal.
    public init(dictionaryLiteral elements: (String, MustacheValue)...) {
        self.init(elements)
    }

    /// The key of a name: its UTF-8 bytes mixed a word at a time (a name of a dozen bytes is two overlapping words,
    /// not a multiplication for every byte: a build keys over a million names, as its template objects are made).
    /// Every byte counts, so names that differ have different keys but by a rare chance, and a key that matches is
    /// checked against the name. Equal names have equal keys; a template's names are keyed once, when it is compiled.
    static func key(_ name: String) -> UInt64 {
        // Through the contiguous bytes: the UTF-8 view of a short string is decoded a byte at a time.
        name.withUTF8Bytes { bytes in
            let count = bytes.count
            guard let base = bytes.baseAddress, count > 0 else { return 0 }
            let raw = UnsafeRawPointer(base)
            var first: UInt64, last: UInt64
            if count >= 8 {
                // The first and last eight bytes, and any between folded into the first.
                first = raw.loadUnaligned(as: UInt64.self)
                last = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                var offset = 8
                while offset < count - 8 {
                    first = (first ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
                    first ^= first >> 32
                    offset += 8
                }
            } else if count >= 4 {
                first = UInt64(raw.loadUnaligned(as: UInt32.self))
                last = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            } else {
                first = UInt64(base[0]) | UInt64(base[count / 2]) << 8 | UInt64(base[count - 1]) << 16
                last = 0
            }
            var key = (first &* 0x9E37_79B9_7F4A_7C15) ^ (last &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(count)
            key ^= key >> 29
            return key
        }
    }

    /// The position of the member `name`, whose key is `key`, or nil.
    @inline(__always)
    func position(of name: String, key: UInt64) -> Int? {
        // Through the buffer: iterating the array would copy (and retain) every member passed over.
        members.withUnsafeBufferPointer { members in
            for index in members.indices where members[index].key == key && members[index].name == name { return index }
            return nil
        }
    }

    /// `body`'s result for the member `name` (whose key is `key`), read in place, or nil when there is none.
    @inline(__always)
    func withValue<Result>(of name: String, key: UInt64, _ body: (MustacheValue) -> Result) -> Result? {
        guard let index = position(of: name, key: key) else { return nil }
        return members.withUnsafeBufferPointer { members in body(members[index].value) }
    }

    /// The member `name`, or nil; setting nil removes it.
    public subscript(name: String) -> MustacheValue? {
        get { withValue(of: name, key: Self.key(name)) { $0 } }
        set {
            let key = Self.key(name)
            if let index = position(of: name, key: key) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append(Member(key: key, name: name, value: newValue))
            }
        }
    }

    /// How many members there are.
    public var count: Int { members.count }

    /// What tells these members apart from any other object's while they are kept: where they are stored
    /// (copies share it; a change makes new storage).
    var identity: UInt {
        members.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    }

    /// The members as a dictionary.
    public var dictionary: [String: MustacheValue] {
        Dictionary(uniqueKeysWithValues: members.map { ($0.name, $0.value) })
    }
}
