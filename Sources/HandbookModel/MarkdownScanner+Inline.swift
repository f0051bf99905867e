#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Inline constructs: code spans, links' addresses and titles, autolinks, tags, comments and their kin.
extension MarkdownScanner {
    /// The bytes that may start an inline construct (`<`, `[`, `\`, `]`, `` ` ``), marked by the high bit of each
    /// byte of `word` (eight bytes, first in the lowest); exact up to the first such byte, 0 when there is none.
    /// A byte that is not one may be marked after the first that is (a borrow carries), never before it.
    @inline(__always)
    static func specials(in word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func zeros(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        return zeros(word ^ (ones &* 0x3C)) | zeros(word ^ (ones &* 0x5B)) | zeros(word ^ (ones &* 0x5C))
            | zeros(word ^ (ones &* 0x5D)) | zeros(word ^ (ones &* 0x60))
    }

    /// Reads inline text from `start` to `limit` (the end of the paragraph or heading), leaving out links' addresses
    /// and tags; returns where reading stopped (`limit`, or the text's end).
    mutating func inline(from start: Int, to limit: Int, _ visit: MarkdownText.Visit) -> Int {
        var index = start
        let base = UnsafeRawPointer(text.baseAddress!)
        while index < limit {
            // Most bytes start no construct: eight at a time are passed over up to the first that may.
            if index + 8 <= limit {
                let found = Self.specials(in: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                if found == 0 {
                    index += 8
                    continue
                }
                index += found.trailingZeroBitCount / 8
            } else if Self.specials(in: UInt64(text[index])) == 0 {
                index += 1
                continue
            }
            switch text[index] {
            case UInt8(ascii: "\\"):
                index += 2
            case UInt8(ascii: "`"):
                let length = run(of: UInt8(ascii: "`"), at: index)
                index = codeSpanEnd(from: index + length, length: length) ?? index + length
            case UInt8(ascii: "["):
                brackets += 1
                index += 1
                if imageDepth == nil, index >= 2, text[index - 2] == UInt8(ascii: "!") {
                    // An image's description, up to its `]`: a run of its own (the page shows it only where the image
                    // is not shown). Whether a `(…)` or a reference follows is not asked: readers of these runs
                    // read them both ways.
                    split(at: index, visit)
                    imageDepth = brackets
                }
            case UInt8(ascii: "]"):
                index += 1
                guard brackets > 0 else { break }
                if let depth = imageDepth, brackets == depth {
                    split(at: index - 1, visit)
                    imageDepth = nil
                }
                brackets -= 1
                if self[index] == UInt8(ascii: "("), let end = linkTail(from: index + 1) {
                    skip(index, to: end, visit)
                    index = end
                }
            case UInt8(ascii: "<"):
                if let end = autolink(at: index) {
                    // Shown as its own text: read, and not taken for a tag.
                    index = end
                } else if let end = tag(at: index) {
                    skip(index, to: end, visit)
                    index = end
                } else {
                    index += 1
                }
            default:
                index += 1
            }
        }
        // Every construct ends within the block; an escape of its last line feed may step onto the next line's start.
        return min(max(index, limit), count)
    }

    /// Searches from `start` to the block's end for the mark `key` stands for, with `found` (which returns the
    /// index after the mark at an index, or nil); remembers a failure, so a later search in the block fails at once.
    mutating func search(_ key: Closing, from start: Int, _ found: (UnsafeBufferPointer<UInt8>, Int) -> Int?) -> Int? {
        if let failed = failedUntil[key], start < failed { return nil }
        var index = start
        while index < blockEnd {
            if let end = found(text, index) { return end }
            index += 1
        }
        failedUntil[key] = blockEnd
        return nil
    }

    /// The end of a code span whose opening run of `length` backticks ends at `from`: after a run of exactly
    /// as many in the block; nil when there is none (the backticks are text).
    mutating func codeSpanEnd(from: Int, length: Int) -> Int? {
        if let failed = failedUntil[.backticks(length)], from < failed { return nil }
        var index = from
        while index < blockEnd {
            if text[index] == UInt8(ascii: "`") {
                let closing = run(of: UInt8(ascii: "`"), at: index)
                if closing == length { return index + closing }
                index += closing
            } else {
                index += 1
            }
        }
        failedUntil[.backticks(length)] = blockEnd
        return nil
    }

    /// After `](`: the end of an inline link's address, title and `)`, or nil when they are not one.
    mutating func linkTail(from start: Int) -> Int? {
        var index = skipSpace(from: start)
        if self[index] == UInt8(ascii: "<") {
            index += 1
            while index < count && text[index] != UInt8(ascii: ">") {
                let byte = text[index]
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "<") { return nil }
                index += byte == UInt8(ascii: "\\") ? 2 : 1
            }
            guard index < count else { return nil }
            index += 1
        } else {
            // Up to 32 nested parentheses, as libcmark allows.
            var depth = 0
            while index < blockEnd {
                let byte = text[index]
                if byte <= 0x20 { break }
                if byte == UInt8(ascii: "\\") { index += 2; continue }
                if byte == UInt8(ascii: "(") {
                    depth += 1
                    if depth > 32 { return nil }
                }
                if byte == UInt8(ascii: ")") {
                    if depth == 0 { break }
                    depth -= 1
                }
                index += 1
            }
            guard depth == 0 else { return nil }
        }
        let beforeTitle = index
        index = skipSpace(from: index)
        if index > beforeTitle, let end = title(at: index) { index = skipSpace(from: end) }
        return self[index] == UInt8(ascii: ")") ? index + 1 : nil
    }

    /// A link title opening at `start` (`"…"`, `'…'` or `(…)`) within the block: the index after it, or nil.
    mutating func title(at start: Int) -> Int? {
        let opening = self[start]
        guard opening == UInt8(ascii: "\"") || opening == UInt8(ascii: "'") || opening == UInt8(ascii: "(") else { return nil }
        let closing = opening == UInt8(ascii: "(") ? UInt8(ascii: ")") : opening
        if let failed = failedUntil[.title(closing)], start < failed { return nil }
        var index = start + 1
        while index < blockEnd {
            if text[index] == closing { return index + 1 }
            index += text[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        failedUntil[.title(closing)] = blockEnd
        return nil
    }

    /// Past spaces and tabs and at most one line feed, within the block (or before `limit`).
    func skipSpace(from start: Int, limit: Int? = nil) -> Int {
        let limit = limit ?? blockEnd
        var index = start, feeds = 0
        while index < limit {
            let byte = text[index]
            if byte == UInt8(ascii: "\n") {
                feeds += 1
                if feeds > 1 { break }
            } else if byte != 0x20 && byte != 0x09 && byte != 0x0D {
                break
            }
            index += 1
        }
        return index
    }

    /// `<scheme:…>` or `<user@host>`: the index after its `>`, or nil.
    func autolink(at start: Int) -> Int? {
        var index = start + 1
        let first = self[index]
        guard isLetter(first) || isDigit(first) || first == UInt8(ascii: ".") || first == UInt8(ascii: "_") || first == UInt8(ascii: "-") || first == UInt8(ascii: "+") else { return nil }
        var colon = -1, at = -1
        while index < count {
            let byte = text[index]
            if byte == UInt8(ascii: ">") { break }
            if byte <= 0x20 || byte == UInt8(ascii: "<") { return nil }
            if byte == UInt8(ascii: ":") && colon < 0 { colon = index }
            if byte == UInt8(ascii: "@") && at < 0 { at = index }
            index += 1
        }
        guard index < count else { return nil }
        if colon > 0 {
            // A scheme: a letter, then 1 to 31 letters, digits, `+`, `.` or `-`, then the colon.
            let length = colon - start - 1
            if length >= 2 && length <= 32 && isLetter(text[start + 1])
                && (start + 1..<colon).allSatisfy({ isLetter(text[$0]) || isDigit(text[$0]) || [0x2B, 0x2E, 0x2D].contains(text[$0]) }) {
                return index + 1
            }
        }
        // An email address: a local part, `@`, then labels of letters, digits and `-` joined by dots.
        guard at > start + 1, at + 1 < index else { return nil }
        for offset in start + 1..<at where !(isLetter(text[offset]) || isDigit(text[offset]) || Self.emailLocal.contains(text[offset])) { return nil }
        for offset in at + 1..<index where !(isLetter(text[offset]) || isDigit(text[offset]) || text[offset] == UInt8(ascii: "-") || text[offset] == UInt8(ascii: ".")) { return nil }
        return index + 1
    }

    static let emailLocal: Set<UInt8> = Set(".!#$%&'*+/=?^_`{|}~-".utf8)

    /// At `<`: the end of an HTML tag, comment, processing instruction, declaration or CDATA section as
    /// CommonMark defines them, within the block; nil when it is none (the `<` is text).
    mutating func tag(at start: Int) -> Int? {
        let next = self[start + 1]
        if next == UInt8(ascii: "!") {
            if matches("<!--", at: start) {
                // The text may not start with `>` or `->`, and ends at the first `--`, which must close it.
                if self[start + 4] == UInt8(ascii: ">") || (self[start + 4] == UInt8(ascii: "-") && self[start + 5] == UInt8(ascii: ">")) { return nil }
                guard let end = search(.comment, from: start + 4, { Self.has($0, "--", at: $1) ? $1 + 2 : nil }) else { return nil }
                return self[end] == UInt8(ascii: ">") ? end + 1 : nil
            }
            if matches("<![CDATA[", at: start) { return search(.cdata, from: start + 9, { Self.has($0, "]]>", at: $1) ? $1 + 3 : nil }) }
            if isLetter(self[start + 2]) { return search(.declaration, from: start + 2, { $0[$1] == UInt8(ascii: ">") ? $1 + 1 : nil }) }
            return nil
        }
        if next == UInt8(ascii: "?") { return search(.instruction, from: start + 2, { Self.has($0, "?>", at: $1) ? $1 + 2 : nil }) }
        if next == UInt8(ascii: "/") {
            guard let name = tagName(at: start + 2) else { return nil }
            let index = skipSpace(from: name)
            return self[index] == UInt8(ascii: ">") ? index + 1 : nil
        }
        guard let name = tagName(at: start + 1) else { return nil }
        return openTagEnd(afterName: name)
    }

    /// A tag name (a letter, then letters, digits and `-`) starting at `start`: the index after it, or nil.
    func tagName(at start: Int) -> Int? {
        guard isLetter(self[start]) else { return nil }
        var index = start + 1
        while index < count && (isLetter(text[index]) || isDigit(text[index]) || text[index] == UInt8(ascii: "-")) { index += 1 }
        return index
    }

    /// After an open tag's name: its attributes (each after white space: a name of letters, digits, `_`, `.`,
    /// `:` and `-` not starting with a digit, `.` or `-`, then perhaps `=` and a value, unquoted or in quotes),
    /// white space, perhaps `/`, then `>`: the index after it, or nil.
    mutating func openTagEnd(afterName name: Int) -> Int? {
        var index = name
        while true {
            let spaced = skipSpace(from: index)
            let byte = self[spaced]
            if byte == UInt8(ascii: ">") { return spaced + 1 }
            if byte == UInt8(ascii: "/") { return self[spaced + 1] == UInt8(ascii: ">") ? spaced + 2 : nil }
            // An attribute needs white space before it, and a name.
            guard spaced > index, isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") else { return nil }
            index = spaced + 1
            while index < count, isLetter(text[index]) || isDigit(text[index]) || [0x5F, 0x2E, 0x3A, 0x2D].contains(text[index]) { index += 1 }
            let beforeValue = skipSpace(from: index)
            guard self[beforeValue] == UInt8(ascii: "=") else { continue }
            var value = skipSpace(from: beforeValue + 1)
            let quote = self[value]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                guard let end = search(.attributeQuote(quote), from: value + 1, { $0[$1] == quote ? $1 + 1 : nil }) else { return nil }
                index = end
            } else {
                let start = value
                while value < count {
                    let byte = text[value]
                    if byte <= 0x20 || [0x22, 0x27, 0x3D, 0x3C, 0x3E, 0x60].contains(byte) { break }
                    value += 1
                }
                guard value > start else { return nil }
                index = value
            }
        }
    }

    func matches(_ needle: StaticString, at start: Int, ignoringCase: Bool = false) -> Bool {
        Self.has(text, needle, at: start, ignoringCase: ignoringCase)
    }

    /// Whether `text` holds `needle` at `start` (with `ignoringCase`, its ASCII capitals as small letters).
    static func has(_ text: UnsafeBufferPointer<UInt8>, _ needle: StaticString, at start: Int, ignoringCase: Bool = false) -> Bool {
        let length = needle.utf8CodeUnitCount
        guard start >= 0, start + length <= text.count else { return false }
        let bytes = needle.utf8Start
        for offset in 0..<length {
            var byte = text[start + offset]
            if ignoringCase && byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            if byte != bytes[offset] { return false }
        }
        return true
    }

    func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
