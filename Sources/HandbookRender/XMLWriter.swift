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

    /// Appends element text with `&`, `<`, `>`, `"` and `'` escaped, a carriage return as `&#13;` (a reader
    /// would turn a raw one into a line feed), and any character XML forbids even escaped (C0 controls,
    /// U+FFFE, U+FFFF; see `ControlCharacters`) replaced with U+FFFD.
    mutating func text(_ value: String) {
        append(value, breaks: [0x0D])
    }

    /// Appends an attribute value (in double quotes) as `text` does, with tab and line feed as character
    /// references too: a reader turns raw ones in an attribute into spaces.
    mutating func attribute(_ value: String) {
        append(value, breaks: [0x09, 0x0A, 0x0D])
    }

    /// Escapes `value` into the bytes, writing each byte of `breaks` as a character reference.
    private mutating func append(_ value: String, breaks: [UInt8]) {
        let start = bytes.count
        HTML.escape(value, into: &bytes)
        ControlCharacters.replace(in: &bytes, from: start)
        guard bytes[start...].contains(where: breaks.contains) else { return }
        let escaped = bytes[start...].flatMap { byte in breaks.contains(byte) ? Array("&#\(byte);".utf8) : [byte] }
        bytes.replaceSubrange(start..., with: escaped)
    }

    /// Appends `<name>text</name>` and a line break.
    mutating func element(_ name: String, _ value: String) {
        raw("<" + name + ">")
        text(value)
        raw("</" + name + ">\n")
    }
}
