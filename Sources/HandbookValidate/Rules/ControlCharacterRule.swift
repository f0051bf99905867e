import HandbookModel

/// No control characters or noncharacters (see `ControlCharacters`) in front matter, `handbook.yml` or a body.
///
/// YAML's double-quoted escapes (`"\x07"`, `"\u0000"`, `"\e"`) and a Markdown body can carry them past the
/// YAML reader, which refuses them only when written raw. Published, they would make `feed.xml` and the
/// graph files not well-formed XML, HTML invalid and calendars unreadable, and reach readers' terminals, so
/// they are refused here, where the fix is one deletion; the writers replace any that reach them anyway.
enum ControlCharacterRule: Rule {
    static let id: RuleID = "control-character"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "no control characters (C0 but tab and line breaks, DEL, C1) or noncharacters (U+FFFE, U+FFFF, …) in front matter or a body"

    /// Whether `text` holds a forbidden character: the test `Validator.checkCharacters` walks a front matter with first.
    static func mayReport(_ text: String) -> Bool {
        ControlCharacters.firstForbidden(in: text) != nil
    }

    /// Reports every forbidden character in the keys and scalars of a front matter (or `handbook.yml`), naming each by
    /// its field path (a key's value is not read when the key holds one).
    static func check(_ node: YAMLNode, _ reporter: inout Reporter) {
        FrontMatterTexts.forEach(in: node) { text in
            guard let scalar = ControlCharacters.firstForbidden(in: text.text) else { return true }
            if text.isKey {
                reporter.error(id, text.position, "the key '\(text.field)' holds \(describe(scalar)); remove it")
                return false
            }
            reporter.error(id, text.position, "'\(text.field)' holds \(describe(scalar)), which no page, feed or calendar can show; remove it")
            return true
        }
    }

    /// Checks a Markdown body that starts on line `line`, pointing at the first forbidden character's line and column.
    static func check(body: [UInt8], line: Int, _ reporter: inout Reporter) {
        body.withUnsafeBufferPointer { bytes in
            guard let offset = ControlCharacters.firstForbidden(in: bytes) else { return }
            let length = ControlCharacters.forbiddenLength(bytes, at: offset)
            let scalar = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<(offset + length)]), as: UTF8.self).unicodeScalars.first!
            reporter.error(id, FrontMatterTexts.position(of: offset, in: bytes, firstLine: line),
                "the body holds \(describe(scalar)), which no page or feed can show; remove it (the first is shown)")
        }
    }

    /// "the control character U+0007".
    static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let kind = scalar.value >= 0xA0 ? "the noncharacter" : "the control character"
        return "\(kind) U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
