import HandbookModel

/// The text of a new entry for `handbook new`: every required field with a placeholder, every optional
/// field commented out, each with a comment saying what it is, all from the schema tables.
public enum Scaffold {
    /// The file text for a new entry of a type called `name`.
    public static func text(for descriptor: TypeDescriptor, name: String) -> String {
        var lines = ["---"]
        for field in descriptor.fields {
            let comment = "# \(field.isRequired ? "required" : "optional"): \(field.summary)"
            if field.name == descriptor.nameField {
                lines.append("\(field.name): \(quoted(name))  \(comment)")
            } else if field.isRequired {
                lines.append("\(field.name): \(placeholder(field.kind))  \(comment)")
            } else {
                lines.append("# \(field.name): \(placeholder(field.kind))  \(comment)")
            }
        }
        lines.append("---")
        lines.append("")
        lines.append("Write about \(name) here, in Markdown. Say where the facts come from in `sources`.")
        lines.append("")
        return lines.joined(separator: "\n")
    }

    /// An empty value of the field's shape, to be filled in.
    static func placeholder(_ kind: FieldKind) -> String {
        switch kind {
        case .list: return "[]"
        case .record, .dictionary, .vocabulary: return "{}"
        default: return "\"\""
        }
    }

    /// A double-quoted YAML scalar (a JSON string literal is one).
    static func quoted(_ text: String) -> String {
        JSONString.literal(text)
    }
}
