import HandbookModel
import Mustache

/// Writes XML (the sitemap, the Atom feed) straight into UTF-8 bytes: markup as it is, text escaped.
struct XMLWriter {
    /// What has been written.
    private(set) var bytes: [UInt8] = []

    /// Appends markup as it is.
    mutating func raw(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    /// Appends bytes already encoded (markup, or text escaped once for many uses).
    mutating func append(encoded: [UInt8]) {
        bytes.append(contentsOf: encoded)
    }

    /// Appends text or an attribute value with `&`, `<`, `>`, `"` and `'` escaped, and any character XML
    /// forbids even escaped (C0 controls, U+FFFE, U+FFFF; see `ControlCharacters`) replaced with U+FFFD.
    mutating func text(_ value: String) {
        let start = bytes.count
        HTML.escape(value, into: &bytes)
        ControlCharacters.replace(in: &bytes, from: start)
    }

    /// Appends `<name>text</name>` and a line break.
    mutating func element(_ name: String, _ value: String) {
        raw("<" + name + ">")
        text(value)
        raw("</" + name + ">\n")
    }
}
