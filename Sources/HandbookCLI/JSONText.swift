import HandbookModel

/// Writes JSON text by hand where key order matters (front matter in file order) and Foundation would sort or reorder.
enum JSONText {
    /// A JSON string literal.
    static func string(_ text: String) -> String {
        JSONString.literal(text)
    }

    /// A YAML node as indented JSON: mappings keep file order, scalars are strings.
    static func node(_ node: YAMLNode, indent: String = "") -> String {
        let inner = indent + "  "
        switch node.value {
        case .scalar(let text, let style):
            return style == .plain && node.isNull ? "null" : string(text)
        case .sequence(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { inner + self.node($0, indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .mapping(let pairs):
            if pairs.isEmpty { return "{}" }
            return "{\n" + pairs.map { inner + string($0.key) + ": " + self.node($0.value, indent: inner) }.joined(separator: ",\n") + "\n" + indent + "}"
        }
    }
}
