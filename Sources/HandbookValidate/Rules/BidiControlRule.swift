import HandbookModel

/// Every explicit directional embedding, override or isolate (see `DirectionalFormatting`) in front matter,
/// `handbook.yml` or a body is closed where it is opened: within its value, or its line of a body as the page shows
/// it (a character reference such as `&#x202E;` counts; a closing character in a link's address does not).
///
/// Left open, one reorders whatever follows it on the page up to the end of its paragraph (the rest of a list
/// item after a name, the facts after a value), and a reader sees text that is not what was written. Names in
/// right-to-left scripts need none of these characters to show correctly; closed, they are allowed.
enum BidiControlRule: Rule {
    static let id: RuleID = "bidi-control"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "every directional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069) is closed within its value, or its line of a body"

    /// Checks every key and scalar of a front matter (or `handbook.yml`), naming each by its field path.
    static func check(_ node: YAMLNode, _ reporter: inout Reporter) {
        FrontMatterTexts.forEach(in: node) { text in
            guard let problem = unclosed(text.text) else { return true }
            if text.isKey {
                reporter.error(id, text.position, "the key '\(text.field)' opens \(problem.opening) and does not close it; close it with \(problem.closing), or remove it")
            } else {
                reporter.error(id, text.position, "'\(text.field)' opens \(problem.opening) and does not close it, so the text after it on the page would be reordered; close it with \(problem.closing), or remove it")
            }
            return true
        }
    }

    /// Checks a Markdown body that starts on line `line`, pointing at the first unclosed character's line and column.
    static func check(body: [UInt8], line: Int, _ reporter: inout Reporter) {
        body.withUnsafeBufferPointer { bytes in
            guard DirectionalFormatting.mayHold(bytes, references: true), let offset = DirectionalFormatting.firstUnclosed(inBody: bytes) else { return }
            let names = DirectionalFormatting.names(at: offset, in: bytes)
            reporter.error(id, FrontMatterTexts.position(of: offset, in: bytes, firstLine: line),
                "the body opens \(names.opening) and does not close it on its line, so the text after it on the page would be reordered; close it with \(names.closing), or remove it (the first is shown)")
        }
    }

    /// The names of the first unclosed character of `text` and of its closing character, or nil.
    private static func unclosed(_ text: String) -> (opening: String, closing: String)? {
        var text = text
        return text.withUTF8 { bytes in
            DirectionalFormatting.firstUnclosed(in: bytes).map { DirectionalFormatting.names(at: $0, in: bytes) }
        }
    }

    /// Whether `text` holds one of these characters: the test `Validator.checkCharacters` walks a front matter with first.
    static func mayReport(_ text: String) -> Bool {
        DirectionalFormatting.mayHold(text)
    }
}
