/// A node of parsed YAML front matter, with the position where it starts.
public struct YAMLNode: Hashable, Sendable {
    /// How a scalar was written; only plain scalars may be read as numbers, booleans or dates.
    public enum ScalarStyle: String, Hashable, Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The node's content.
    public enum Value: Hashable, Sendable {
        /// Text, exactly as written after YAML's quoting and folding rules.
        case scalar(String, ScalarStyle)
        /// A block or flow sequence.
        case sequence([YAMLNode])
        /// A block or flow mapping, keys in file order.
        case mapping([YAMLPair])
    }

    /// The node's content.
    public var value: Value
    /// Where the node starts.
    public var position: TextPosition

    /// Creates a node.
    public init(_ value: Value, at position: TextPosition) {
        self.value = value
        self.position = position
    }

    /// The scalar's text, or nil for a collection.
    public var scalarText: String? {
        if case .scalar(let text, _) = value { return text }
        return nil
    }

    /// True for an empty plain scalar (`key:` with nothing after it), which YAML reads as null.
    public var isNull: Bool {
        if case .scalar(let text, .plain) = value {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    /// The mapping's pairs, or nil for a scalar or sequence.
    public var pairs: [YAMLPair]? {
        if case .mapping(let pairs) = value { return pairs }
        return nil
    }

    /// The sequence's items, or nil for a scalar or mapping.
    public var items: [YAMLNode]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    /// The node's kind as messages name it after "not": "text", "a list" or "a mapping".
    public var kindName: String {
        switch value {
        case .scalar: return "text"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

/// One key and its value in a YAML mapping.
public struct YAMLPair: Hashable, Sendable {
    /// The key's text.
    public var key: String
    /// Where the key starts.
    public var keyPosition: TextPosition
    /// The value.
    public var value: YAMLNode

    /// Creates a pair.
    public init(key: String, keyPosition: TextPosition, value: YAMLNode) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}
