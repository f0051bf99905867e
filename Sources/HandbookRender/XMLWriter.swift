import HandbookModel
import Mustache

/// Writes XML (the sitemap, the Atom feed, the drawings) straight into UTF-8 bytes: markup as it is, text escaped.
/// Not copyable, as the buffer it writes into is not: pass it `inout`, and take the bytes with `bytes`.
struct XMLWriter: ~Copyable {
    /// What has been written.
    private var buffer: ByteBuffer

    /// An empty writer; `capacity` is how many bytes it will likely hold, so they are not copied as it grows.
    init(capacity: Int = 256) {
        buffer = ByteBuffer(capacity: capacity)
    }

    /// What has been written, as an array.
    var bytes: [UInt8] { buffer.array() }

    /// Appends markup written in the code as it is: its bytes are copied from the program's constants, with no
    /// string made or retained (a drawing writes millions of such pieces a build).
    @inline(__always)
    mutating func raw(_ markup: StaticString) {
        buffer.append(markup)
    }

    /// Appends markup made at run time (a class name, an attribute list) as it is.
    mutating func raw(string markup: String) {
        buffer.append(markup)
    }

    /// Appends bytes already encoded (markup, or text escaped once for many uses).
    mutating func append(encoded: [UInt8]) {
        buffer.append(encoded)
    }

    /// Appends element text with `&`, `<`, `>`, `"` and `'` escaped, a carriage return as `&#13;` (a reader
    /// would turn a raw one into a line feed), and any character XML forbids even escaped (C0 controls,
    /// U+FFFE, U+FFFF; see `ControlCharacters`) replaced with U+FFFD.
    mutating func text(_ value: String) {
        append(value, breaks: 1 << 0x0D)
    }

    /// Appends text as `text` does, cut to `limit` characters with an ellipsis (`GraphPicture.shortened`); the
    /// shortened text is written from the value's bytes, not made first.
    mutating func text(_ value: String, shortenedTo limit: Int) {
        switch GraphPicture.cut(value, to: limit) {
        case .whole:
            text(value)
        case .bytes(let count):
            // Printable ASCII: escaping needs no more than HTML's references.
            value.withUTF8Bytes { HTML.escape(UnsafeBufferPointer(rebasing: $0.prefix(count)), into: &buffer) }
            buffer.append("…" as StaticString)
        case .characters:
            text(GraphPicture.shortened(value, to: limit))
        }
    }

    /// How many bytes have been written.
    var count: Int { buffer.count }

    /// Appends again the bytes written at `range` (text escaped once and written twice).
    mutating func repeatWritten(_ range: Range<Int>) {
        buffer.appendWritten(range)
    }

    /// Appends an attribute value (in double quotes) as `text` does, with tab and line feed as character
    /// references too: a reader turns raw ones in an attribute into spaces.
    mutating func attribute(_ value: String) {
        append(value, breaks: 1 << 0x09 | 1 << 0x0A | 1 << 0x0D)
    }

    /// Appends a coordinate with one decimal and no trailing zero: short, and the same on every machine.
    mutating func number(_ value: Double) {
        let tenths = Int((value * 10).rounded())
        // Into room asked for once (a sign, 19 digits, a point and a digit): a page's drawing writes a hundred.
        buffer.write(upTo: 22) { Self.write(tenths: tenths, at: $0) }
    }

    /// Writes a number of tenths as `number` does and returns how many bytes it took (at most 22).
    @inline(__always)
    private static func write(tenths: Int, at target: UnsafeMutablePointer<UInt8>) -> Int {
        var at = target
        if tenths < 0 {
            at.pointee = UInt8(ascii: "-")
            at += 1
        }
        let magnitude = tenths.magnitude
        at += ByteBuffer.write(decimal: Int(magnitude / 10), at: at)
        if magnitude % 10 != 0 {
            at[0] = UInt8(ascii: ".")
            at[1] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            at += 2
        }
        return at - target
    }

    /// Appends ` name="value"` for a coordinate.
    mutating func attribute(_ name: StaticString, number value: Double) {
        buffer.append(UInt8(ascii: " "))
        raw(name)
        let tenths = Int((value * 10).rounded())
        // `="`, the number and `"` into room asked for once.
        buffer.write(upTo: 25) { target in
            target[0] = UInt8(ascii: "=")
            target[1] = UInt8(ascii: "\"")
            let length = 2 + Self.write(tenths: tenths, at: target + 2)
            target[length] = UInt8(ascii: "\"")
            return length + 1
        }
    }

    /// Appends ` name="value"` for a count or a position.
    mutating func attribute(_ name: StaticString, integer value: Int) {
        attribute(name) { $0.integer(value) }
    }

    /// Appends ` name="`, the value `write` writes, and the closing quote.
    @inline(__always)
    private mutating func attribute(_ name: StaticString, _ write: (inout XMLWriter) -> Void) {
        buffer.append(UInt8(ascii: " "))
        raw(name)
        buffer.append(UInt8(ascii: "="))
        buffer.append(UInt8(ascii: "\""))
        write(&self)
        buffer.append(UInt8(ascii: "\""))
    }

    /// Appends a non-negative integer in decimal.
    mutating func integer(_ value: Int) {
        buffer.append(decimal: value)
    }

    /// Escapes `value` into the bytes, writing each control byte whose bit is set in `breaks` as a character
    /// reference (a mask, not a list: a drawing writes hundreds of thousands of texts a build).
    private mutating func append(_ value: String, breaks: UInt32) {
        let start = buffer.count
        HTML.escape(value, into: &buffer)
        // Most text is printable ASCII, which holds neither a forbidden character nor a break: one pass finds so.
        let plain = buffer.withUnsafeBytes { written in ControlCharacters.isPrintableASCII(UnsafeBufferPointer(rebasing: written[start...])) }
        if plain { return }
        var text = buffer.bytes(from: start)
        buffer.removeLast(from: start)
        ControlCharacters.replace(in: &text)
        for byte in text {
            if byte < 32 && breaks & (1 << UInt32(byte)) != 0 { buffer.append("&#\(byte);") } else { buffer.append(byte) }
        }
    }

    /// Appends `<name>text</name>` and a line break.
    mutating func element(_ name: String, _ value: String) {
        raw("<")
        raw(string: name)
        raw(">")
        text(value)
        raw("</")
        raw(string: name)
        raw(">\n")
    }
}
