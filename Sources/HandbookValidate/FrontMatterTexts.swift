import HandbookModel

/// Every text of a front matter (or `handbook.yml`), keys and scalars alike, with its field path
/// (`offers[2]`, `identifiers.GB`) and where it is written: what the rules on characters (`control-character`,
/// `bidi-control`) read, and how a body's byte offset becomes a line and column.
enum FrontMatterTexts {
    /// One key or scalar.
    struct Text {
        let text: String
        /// The field path: of the scalar, or of the value the key names.
        let field: String
        let isKey: Bool
        let position: TextPosition
    }

    /// Gives `visit` each key and scalar of `node` in document order; a key for which `visit` returns false has
    /// its value passed over (a key reported once is not reported again through its value).
    static func forEach(in node: YAMLNode, field: String = "", _ visit: (Text) -> Bool) {
        switch node.value {
        case .scalar(let text, _):
            _ = visit(Text(text: text, field: field, isKey: false, position: node.position))
        case .sequence(let items):
            for (index, item) in items.enumerated() { forEach(in: item, field: field + FieldReader.itemSuffix(index), visit) }
        case .mapping(let pairs):
            for pair in pairs {
                let name = field.isEmpty ? pair.key : field + "." + pair.key
                guard visit(Text(text: pair.key, field: name, isKey: true, position: pair.keyPosition)) else { continue }
                forEach(in: pair.value, field: name, visit)
            }
        }
    }

    /// Whether any key or scalar of `node` passes `test`: one walk, with no field path spelt out, for the rules on
    /// characters, which nearly every front matter passes.
    static func any(in node: YAMLNode, _ test: (String) -> Bool) -> Bool {
        switch node.value {
        case .scalar(let text, _): return test(text)
        case .sequence(let items): return items.contains { any(in: $0, test) }
        case .mapping(let pairs): return pairs.contains { test($0.key) || any(in: $0.value, test) }
        }
    }

    /// The line and column of byte `offset` of a body whose first line is `line` (columns count characters).
    static func position(of offset: Int, in body: UnsafeBufferPointer<UInt8>, firstLine line: Int) -> TextPosition {
        var lineNumber = line, column = 1
        for index in 0..<offset {
            if body[index] == 0x0A {
                lineNumber += 1
                column = 1
            } else if body[index] & 0xC0 != 0x80 {
                column += 1
            }
        }
        return TextPosition(line: lineNumber, column: column)
    }
}
