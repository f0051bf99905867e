#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Unicode's explicit directional formatting characters: embeddings and overrides (U+202A, U+202B, U+202D,
/// U+202E, closed by U+202C) and isolates (U+2066–U+2068, closed by U+2069). One left open reorders all the text
/// after it up to the end of its paragraph, which on a page is whatever follows a name in the same list item
/// or line: a name could make the words after it read backwards. Closed, they only shape the text they enclose.
public enum DirectionalFormatting {
    /// The byte offset of the first opening character in `bytes` (valid UTF-8) that is not closed before the
    /// text ends; nil when every one is closed. For a value of front matter, which is published as it is.
    public static func firstUnclosed(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var state = State()
        if let offset = state.read(bytes, at: 0, byLine: false, references: false) { return offset }
        return state.open.first?.offset
    }

    /// The same for a Markdown body as its page shows it: only the text a reader sees is read (`MarkdownText`: a
    /// closing character hidden in a link's address closes nothing), a character reference (`&#x202E;`, `&#8238;`)
    /// counts as the character it stands for, and each line must close what it opens. An image's description is
    /// the line's text where the image is not shown and an attribute, apart from it, where it is: the line is read
    /// both ways, and must close what it opens in each (a closing character in a shown image's description closes
    /// nothing around the image).
    public static func firstUnclosed(inBody body: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = body.baseAddress else { return nil }
        var withImages = State(), withoutImages = State()
        var found: Int?
        MarkdownText.forEachRun(withKindsIn: body) { run, kind in
            guard found == nil, let start = run.baseAddress else { return }
            let offset = base.distance(to: start)
            found = withImages.read(run, at: offset, byLine: true, references: true)
            if found == nil && kind == .text {
                found = withoutImages.read(run, at: offset, byLine: true, references: true)
            }
        }
        return found ?? [withImages.open.first?.offset, withoutImages.open.first?.offset].compactMap { $0 }.min()
    }

    /// Whether `bytes` holds one of these characters (or, with `references`, a numeric character reference, which may
    /// stand for one): most text holds none, and is passed over without reading it further.
    public static func mayHold(_ bytes: UnsafeBufferPointer<UInt8>, references: Bool) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let count = bytes.count
        var index = 0
        // Curly quotes and dashes start with E2 too: each E2 found is looked at.
        while index < count, let found = memchr(base + index, 0xE2, count - index) {
            index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if index + 2 < count {
                let second = bytes[index + 1], third = bytes[index + 2]
                if second == 0x80 && third >= 0xAA && third <= 0xAE || second == 0x81 && third >= 0xA6 && third <= 0xA9 { return true }
            }
            index += 1
        }
        guard references else { return false }
        index = 0
        while index < count, let found = memchr(base + index, 0x26, count - index) {
            index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if index + 1 < count && bytes[index + 1] == 0x23 { return true }
            index += 1
        }
        return false
    }

    /// Whether `text` holds one of these characters (see `mayHold(_:references:)`).
    public static func mayHold(_ text: String) -> Bool {
        text.withContiguousUTF8 { mayHold($0, references: false) }
    }

    /// The embeddings, overrides and isolates opened and not closed yet, as the Unicode Bidirectional Algorithm
    /// (UAX #9) closes them: U+202C closes the last embedding or override unless an isolate was opened after it,
    /// U+2069 closes the last isolate and everything opened inside it, and a closing character with nothing to
    /// close does nothing.
    struct State {
        var open: [(offset: Int, isIsolate: Bool)] = []

        /// Reads `bytes`, which start at byte `base` of the text; returns the offset of an opening character left
        /// open at a line's end when `byLine`, else nil. With `references`, `&#…;` counts as its character.
        mutating func read(_ bytes: UnsafeBufferPointer<UInt8>, at base: Int, byLine: Bool, references: Bool) -> Int? {
            guard let start = bytes.baseAddress else { return nil }
            let count = bytes.count
            var index = 0
            // Where the next E2 byte is, searched for again only once passed: each `&` found before it would
            // otherwise search the rest of the run again (quadratic in the number of `&`).
            var e2 = -1
            while index < count {
                if open.isEmpty {
                    // Nothing open: only the next E2 byte (or `&`) can matter.
                    if e2 < index {
                        e2 = memchr(start + index, 0xE2, count - index).map { start.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? count
                    }
                    let ampersand = references ? memchr(start + index, 0x26, e2 - index).map { start.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? e2 : e2
                    index = min(e2, ampersand)
                    guard index < count else { return nil }
                }
                let byte = bytes[index]
                if byte == 0x0A && byLine && !open.isEmpty { return open[0].offset }
                var scalar: UInt32 = 0
                var length = 1
                if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80 || bytes[index + 1] == 0x81 {
                    scalar = 0x2000 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                    length = 3
                } else if byte == 0x26 && references, let (value, size) = Self.reference(bytes, at: index) {
                    scalar = value
                    length = size
                }
                take(scalar, at: base + index)
                index += length
            }
            return nil
        }

        /// Opens or closes for `scalar` (anything else does nothing), found at `offset`.
        mutating func take(_ scalar: UInt32, at offset: Int) {
            switch scalar {
            case 0x202A, 0x202B, 0x202D, 0x202E: open.append((offset, false))
            case 0x2066, 0x2067, 0x2068: open.append((offset, true))
            case 0x202C: if let last = open.last, !last.isIsolate { open.removeLast() }
            case 0x2069: if let last = open.lastIndex(where: \.isIsolate) { open.removeSubrange(last...) }
            default: break
            }
        }

        /// A numeric character reference at `index` (`&#8238;`, `&#x202E;`): the scalar and its length in bytes.
        static func reference(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int)? {
            var cursor = index + 1
            guard cursor < bytes.count, bytes[cursor] == 0x23 else { return nil }
            cursor += 1
            let hex = cursor < bytes.count && (bytes[cursor] | 0x20) == 0x78
            if hex { cursor += 1 }
            var value: UInt32 = 0
            let digitsStart = cursor
            while cursor < bytes.count, cursor - digitsStart < 8 {
                let byte = bytes[cursor]
                if byte >= 0x30 && byte <= 0x39 {
                    value = value * (hex ? 16 : 10) + UInt32(byte - 0x30)
                } else if hex, (byte | 0x20) >= 0x61, (byte | 0x20) <= 0x66 {
                    value = value * 16 + UInt32((byte | 0x20) - 0x61 + 10)
                } else {
                    break
                }
                cursor += 1
            }
            guard cursor > digitsStart, cursor < bytes.count, bytes[cursor] == 0x3B else { return nil }
            return (value, cursor + 1 - index)
        }
    }

    /// True for an embedding, override or isolate, or the character that closes one (U+202A–U+202E, U+2066–U+2069).
    public static func isFormatting(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// The name of the opening character at `offset` (the character, or a reference to it) and of the character
    /// that closes it, for a message: ("U+202E RIGHT-TO-LEFT OVERRIDE", "U+202C POP DIRECTIONAL FORMATTING").
    public static func names(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (opening: String, closing: String) {
        var scalar: UInt32 = 0
        if offset + 2 < bytes.count && bytes[offset] == 0xE2 {
            scalar = 0x2000 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
        } else if let (value, _) = State.reference(bytes, at: offset) {
            scalar = value
        }
        let names: [UInt32: String] = [0x202A: "U+202A LEFT-TO-RIGHT EMBEDDING", 0x202B: "U+202B RIGHT-TO-LEFT EMBEDDING",
                                       0x202D: "U+202D LEFT-TO-RIGHT OVERRIDE", 0x202E: "U+202E RIGHT-TO-LEFT OVERRIDE",
                                       0x2066: "U+2066 LEFT-TO-RIGHT ISOLATE", 0x2067: "U+2067 RIGHT-TO-LEFT ISOLATE",
                                       0x2068: "U+2068 FIRST STRONG ISOLATE"]
        let isolate = scalar >= 0x2066 && scalar <= 0x2068
        return (names[scalar] ?? "a directional formatting character", isolate ? "U+2069 POP DIRECTIONAL ISOLATE" : "U+202C POP DIRECTIONAL FORMATTING")
    }
}
