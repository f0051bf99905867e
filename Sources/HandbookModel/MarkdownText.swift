#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The parts of a Markdown body a reader sees as text, found on its bytes without parsing it: what the search
/// index reads of a body, so that a link's address (`https`, `org`, a domain's words) or a tag that raw HTML being
/// off leaves out of the page does not make an entry a match, and what `bidi-control` reads of a body.
///
/// Left out: inline links' and images' addresses and titles (`[text](address "title")`: the text stays), link
/// reference definitions (`[label]: address`), inline HTML tags, comments, processing instructions and
/// declarations, HTML blocks (CommonMark's seven kinds, from their start line to their end condition), and a fenced
/// code block's info string. Kept: everything else, with autolinks (their address is their text on the page), code
/// spans, fenced and indented code read as they are shown.
///
/// It follows CommonMark 0.30 where these constructs begin and end (a tag's attributes, a comment's text, a link
/// destination's nested parentheses up to 32, the block starts that end a paragraph), not all of it: a reference
/// link's label (`[text][label]`) is read, an entity (`&amp;`) is read as its name, and inside a list item or a
/// block quote only the first line's block starts are seen. Every search for a closing mark that fails remembers
/// where it failed, so no input makes the scan quadratic. `MarkdownTextTests` compares what it keeps with the text of
/// libcmark's HTML for every body of the shipped content and of the real data.
public enum MarkdownText {
    /// Gives `visit` each run of `body` that a reader sees, in order; runs do not overlap and are never empty.
    public static func forEachRun(in body: UnsafeBufferPointer<UInt8>, _ visit: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard !body.isEmpty else { return }
        var scanner = Scanner(body)
        scanner.scan(visit)
    }

    private struct Scanner {
        let text: UnsafeBufferPointer<UInt8>
        let count: Int
        /// Where the run being read began.
        var runStart = 0
        /// `[` seen in the current paragraph and not closed yet: a `](` closes a link only after one.
        var brackets = 0
        /// The fence of the fenced code block being read (its byte and length), if any.
        var fence: (byte: UInt8, length: Int)?
        /// Where the paragraph (or heading) being read ends: no inline construct reaches past it. A line before it
        /// continues the paragraph.
        var blockEnd = 0
        /// For each closing mark a search failed to find, where that search ended (the block's end): a later search
        /// for it in the same block fails at once.
        var failedUntil: [Int: Int] = [:]

        init(_ text: UnsafeBufferPointer<UInt8>) {
            self.text = text
            count = text.count
        }

        subscript(_ index: Int) -> UInt8 { index < count && index >= 0 ? text[index] : 0 }

        mutating func scan(_ visit: (UnsafeBufferPointer<UInt8>) -> Void) {
            var index = 0
            while index < count {
                index = line(from: index, visit)
            }
            emit(upTo: count, visit)
        }

        /// Gives the run read so far, up to `end`, if it is not empty.
        func emit(upTo end: Int, _ visit: (UnsafeBufferPointer<UInt8>) -> Void) {
            if end > runStart { visit(UnsafeBufferPointer(rebasing: text[runStart..<end])) }
        }

        /// Leaves out `start..<end`: the run so far is given, and the next begins at `end`.
        mutating func skip(_ start: Int, to end: Int, _ visit: (UnsafeBufferPointer<UInt8>) -> Void) {
            emit(upTo: start, visit)
            runStart = max(runStart, end)
        }

        // MARK: Lines and blocks

        /// Where the line starting at `start` ends (its line feed, or the end of the text).
        func lineEnd(_ start: Int) -> Int {
            guard start < count, let base = text.baseAddress else { return count }
            guard let found = memchr(base + start, 0x0A, count - start) else { return count }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }

        /// The index after the line holding `index` (past its line feed).
        func nextLine(_ index: Int) -> Int { min(count, lineEnd(index) + 1) }

        func isBlank(_ start: Int, _ end: Int) -> Bool {
            var index = start
            while index < end {
                let byte = text[index]
                guard byte == 0x20 || byte == 0x09 || byte == 0x0D else { return false }
                index += 1
            }
            return true
        }

        /// The first byte of the line at `start` after up to three spaces, or nil when it is indented four or more.
        func firstByte(ofLineAt start: Int, _ end: Int) -> Int? {
            var first = start
            while first < end && text[first] == 0x20 && first - start < 4 { first += 1 }
            return first - start < 4 ? first : nil
        }

        /// Past the container markers a line may start with (`>` of a block quote, a list item's bullet or number),
        /// and the spaces after them.
        func afterContainers(_ first: Int, _ end: Int) -> Int {
            var index = first
            while index < end {
                let byte = text[index]
                if byte == UInt8(ascii: ">") {
                    index += 1
                } else if (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "*")) && (self[index + 1] == 0x20 || self[index + 1] == 0x09) {
                    index += 1
                } else if isDigit(byte) {
                    var digits = index
                    while digits < end && isDigit(text[digits]) && digits - index < 9 { digits += 1 }
                    let marker = self[digits]
                    guard marker == UInt8(ascii: ".") || marker == UInt8(ascii: ")"), self[digits + 1] == 0x20 || self[digits + 1] == 0x09 else { return index }
                    index = digits + 1
                } else {
                    return index
                }
                while index < end && (text[index] == 0x20 || text[index] == 0x09) { index += 1 }
            }
            return index
        }

        /// Reads one line from `start` (a line's start) and returns where the next begins.
        mutating func line(from start: Int, _ visit: (UnsafeBufferPointer<UInt8>) -> Void) -> Int {
            let end = lineEnd(start)
            let next = min(count, end + 1)
            if let open = fence {
                // Code is read as it is, up to the closing fence (a run of the same byte, as long, alone on its line).
                if let first = firstByte(ofLineAt: start, end) {
                    let inner = afterContainers(first, end)
                    let length = run(of: open.byte, at: inner)
                    if length >= open.length && isBlank(inner + length, end) {
                        fence = nil
                        skip(start, to: next, visit)
                    }
                }
                return next
            }
            // A line before the paragraph's end continues it, and is read as inline text.
            if start < blockEnd { return inline(from: start, visit) }
            brackets = 0
            if isBlank(start, end) { return next }
            guard let first = firstByte(ofLineAt: start, end) else {
                // Indented code (no paragraph is open here): shown as it is.
                return next
            }
            let inner = afterContainers(first, end)
            if let opened = fenceOpening(inner, end) {
                fence = opened
                skip(start, to: next, visit)
                return next
            }
            if let blockEnd = htmlBlock(inner, end, interrupting: false) {
                skip(start, to: blockEnd, visit)
                return blockEnd
            }
            if let definitionEnd = referenceDefinition(inner) {
                skip(start, to: definitionEnd, visit)
                return definitionEnd
            }
            // A heading is a block of one line; any other text starts a paragraph, which runs to the next line that
            // is blank or starts a block.
            blockEnd = isHeading(inner, end) || isThematicBreak(inner, end) ? next : paragraphEnd(after: next)
            return inline(from: start, visit)
        }

        /// The start of the first line from `start` that ends a paragraph: a blank line, or one that starts another
        /// block (a heading, a thematic break or setext underline, a fence, a block quote, a list item, an HTML
        /// block of the first six kinds); the text's end when none does.
        func paragraphEnd(after start: Int) -> Int {
            var line = start
            while line < count {
                let end = lineEnd(line)
                if isBlank(line, end) { return line }
                if let first = firstByte(ofLineAt: line, end) {
                    let byte = text[first]
                    if byte == UInt8(ascii: ">") || isHeading(first, end) || isThematicBreak(first, end) || isUnderline(first, end)
                        || fenceOpening(first, end) != nil || htmlBlock(first, end, interrupting: true) != nil || isListItem(first, end) {
                        return line
                    }
                }
                line = min(count, end + 1)
            }
            return count
        }

        /// How many `byte` in a row there are from `index`.
        func run(of byte: UInt8, at index: Int) -> Int {
            var end = index
            while end < count && text[end] == byte { end += 1 }
            return end - index
        }

        /// Whether the line from `first` to `end` is an ATX heading (one to six `#`, then a space or the line's end).
        func isHeading(_ first: Int, _ end: Int) -> Bool {
            let length = run(of: UInt8(ascii: "#"), at: first)
            return length >= 1 && length <= 6 && (first + length >= end || text[first + length] == 0x20 || text[first + length] == 0x09)
        }

        /// Three or more `*`, `-` or `_` (the same), with only spaces or tabs between.
        func isThematicBreak(_ first: Int, _ end: Int) -> Bool {
            let byte = self[first]
            guard byte == UInt8(ascii: "*") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") else { return false }
            var marks = 0
            for index in first..<end {
                if text[index] == byte { marks += 1 } else if text[index] != 0x20 && text[index] != 0x09 && text[index] != 0x0D { return false }
            }
            return marks >= 3
        }

        /// A setext heading's underline: `=` or `-` only, then spaces.
        func isUnderline(_ first: Int, _ end: Int) -> Bool {
            let byte = self[first]
            guard byte == UInt8(ascii: "=") || byte == UInt8(ascii: "-") else { return false }
            return isBlank(first + run(of: byte, at: first), end)
        }

        /// A list item that can interrupt a paragraph: a bullet, or the number 1, then a space and some text.
        func isListItem(_ first: Int, _ end: Int) -> Bool {
            let byte = self[first]
            var after: Int
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "*") {
                after = first + 1
            } else if byte == UInt8(ascii: "1"), self[first + 1] == UInt8(ascii: ".") || self[first + 1] == UInt8(ascii: ")") {
                after = first + 2
            } else {
                return false
            }
            guard self[after] == 0x20 || self[after] == 0x09 else { return false }
            after += 1
            return !isBlank(after, end)
        }

        /// A fence opening at `first` (three or more backticks or tildes; a backtick fence's info string has none).
        func fenceOpening(_ first: Int, _ end: Int) -> (byte: UInt8, length: Int)? {
            let byte = self[first]
            guard byte == UInt8(ascii: "`") || byte == UInt8(ascii: "~") else { return nil }
            let length = run(of: byte, at: first)
            guard length >= 3 else { return nil }
            if byte == UInt8(ascii: "`") {
                var index = first + length
                while index < end {
                    if text[index] == byte { return nil }
                    index += 1
                }
            }
            return (byte, length)
        }

        // MARK: Inline

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

        /// Reads inline text from `start` to the end of its line, leaving out links' addresses and tags; returns
        /// where the next line begins (a construct that runs over several lines of the block takes them with it).
        mutating func inline(from start: Int, _ visit: (UnsafeBufferPointer<UInt8>) -> Void) -> Int {
            var index = start, limit = nextLine(start)
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
                case UInt8(ascii: "]"):
                    index += 1
                    guard brackets > 0 else { break }
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
                if index > limit { limit = nextLine(index - 1) }
            }
            return min(index, count)
        }

        /// Searches from `start` to the block's end for the mark `key` stands for, with `found` (which returns the
        /// index after the mark at an index, or nil); remembers a failure, so a later search in the block fails at once.
        mutating func search(_ key: Int, from start: Int, _ found: (UnsafeBufferPointer<UInt8>, Int) -> Int?) -> Int? {
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
            if let failed = failedUntil[1_000 + length], from < failed { return nil }
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
            failedUntil[1_000 + length] = blockEnd
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
            if let failed = failedUntil[Int(closing)], start < failed { return nil }
            var index = start + 1
            while index < blockEnd {
                if text[index] == closing { return index + 1 }
                index += text[index] == UInt8(ascii: "\\") ? 2 : 1
            }
            failedUntil[Int(closing)] = blockEnd
            return nil
        }

        /// Past spaces and tabs and at most one line feed, within the block.
        func skipSpace(from start: Int) -> Int {
            var index = start, feeds = 0
            while index < blockEnd {
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
                    guard let end = search(1, from: start + 4, { Self.has($0, "--", at: $1) ? $1 + 2 : nil }) else { return nil }
                    return self[end] == UInt8(ascii: ">") ? end + 1 : nil
                }
                if matches("<![CDATA[", at: start) { return search(2, from: start + 9, { Self.has($0, "]]>", at: $1) ? $1 + 3 : nil }) }
                if isLetter(self[start + 2]) { return search(3, from: start + 2, { $0[$1] == UInt8(ascii: ">") ? $1 + 1 : nil }) }
                return nil
            }
            if next == UInt8(ascii: "?") { return search(4, from: start + 2, { Self.has($0, "?>", at: $1) ? $1 + 2 : nil }) }
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
                    guard let end = search(10 + Int(quote), from: value + 1, { $0[$1] == quote ? $1 + 1 : nil }) else { return nil }
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

        // MARK: HTML blocks and definitions

        /// An HTML block starting at `first` (the line's first byte after up to three spaces, the line ending at
        /// `end`): the index after its last line, or nil when the line starts none. With `interrupting`, only the
        /// kinds that may end a paragraph (all but the seventh), and without looking for where the block ends.
        func htmlBlock(_ first: Int, _ end: Int, interrupting: Bool) -> Int? {
            guard self[first] == UInt8(ascii: "<") else { return nil }
            // 1: script, pre, style, textarea, up to the line holding any of their closing tags.
            for name in Self.rawTags where matchesTag(name, at: first + 1, end: end) { return interrupting ? end : lineClosingRawTag(from: first) }
            // 2 to 5: a comment, a processing instruction, CDATA, a declaration, up to the line holding their end
            // (which may be on the first line, even overlapping the opening: `<!-->`).
            if matches("<!--", at: first) { return interrupting ? end : lineContaining("-->", from: first + 2) }
            if matches("<?", at: first) { return interrupting ? end : lineContaining("?>", from: first + 1) }
            if matches("<![CDATA[", at: first) { return interrupting ? end : lineContaining("]]>", from: first + 9) }
            if matches("<!", at: first) && isLetter(self[first + 2]) { return interrupting ? end : lineContaining(">", from: first + 2) }
            // 6: a block-level tag, open or closing, up to a blank line.
            let nameStart = self[first + 1] == UInt8(ascii: "/") ? first + 2 : first + 1
            if let nameEnd = tagName(at: nameStart), Self.blockTags.contains(lowercased(nameStart, nameEnd)) {
                let after = self[nameEnd]
                if nameEnd >= end || after <= 0x20 || after == UInt8(ascii: ">") || (after == UInt8(ascii: "/") && self[nameEnd + 1] == UInt8(ascii: ">")) {
                    return interrupting ? end : blankLineEnd(from: first)
                }
            }
            // 7: a whole open or closing tag alone on its line (never interrupting a paragraph).
            guard !interrupting, self[first + 1] != UInt8(ascii: "!"), self[first + 1] != UInt8(ascii: "?"), autolink(at: first) == nil else { return nil }
            var probe = self
            probe.blockEnd = end
            guard let tagEnd = probe.tag(at: first), tagEnd <= end, isBlank(tagEnd, end) else { return nil }
            return blankLineEnd(from: first)
        }

        /// Whether the tag `name` (lower case) starts at `start`, followed by a space, `>` or the line's end.
        func matchesTag(_ name: StaticString, at start: Int, end: Int) -> Bool {
            guard matches(name, at: start, ignoringCase: true) else { return false }
            let after = start + name.utf8CodeUnitCount
            return after >= end || self[after] <= 0x20 || self[after] == UInt8(ascii: ">")
        }

        /// The index after the line holding `</script>`, `</pre>`, `</style>` or `</textarea>` (any case), from
        /// `start`; the text's end when none does.
        func lineClosingRawTag(from start: Int) -> Int {
            var index = start
            while index + 2 < count {
                if text[index] == UInt8(ascii: "<") && text[index + 1] == UInt8(ascii: "/") {
                    for name in Self.rawTags where matches(name, at: index + 2, ignoringCase: true)
                        && self[index + 2 + name.utf8CodeUnitCount] == UInt8(ascii: ">") {
                        return nextLine(index)
                    }
                }
                index += 1
            }
            return count
        }

        /// The tags whose HTML block (the first kind) runs to the line of one's closing tag, blank lines included.
        static let rawTags: [StaticString] = ["script", "pre", "style", "textarea"]

        /// The index after the line holding `needle`, from `start`; the text's end when none does.
        func lineContaining(_ needle: StaticString, from start: Int) -> Int {
            var index = start
            while index < count {
                if matches(needle, at: index) { return nextLine(index) }
                index += 1
            }
            return count
        }

        /// The start of the first blank line after the line at `start` (the block's end), or the text's end.
        func blankLineEnd(from start: Int) -> Int {
            var line = nextLine(start)
            while line < count {
                if isBlank(line, lineEnd(line)) { return line }
                line = nextLine(line)
            }
            return count
        }

        func lowercased(_ start: Int, _ end: Int) -> String {
            String(decoding: text[start..<end].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        }

        /// CommonMark's block-level tag names (an HTML block of the sixth kind starts with one).
        static let blockTags: Set<String> = [
            "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col", "colgroup",
            "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frame",
            "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link",
            "main", "menu", "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p", "param", "section", "source",
            "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul",
        ]

        /// A link reference definition at `first` (`[label]: address`, optionally a title), where no paragraph is
        /// open: the index after its line(s), or nil.
        func referenceDefinition(_ first: Int) -> Int? {
            guard self[first] == UInt8(ascii: "[") else { return nil }
            var index = first + 1
            var hasText = false
            while index < count && text[index] != UInt8(ascii: "]") {
                let byte = text[index]
                if byte == UInt8(ascii: "[") { return nil }
                if byte == UInt8(ascii: "\n") && isBlank(index + 1, lineEnd(index + 1)) { return nil }
                if byte > 0x20 { hasText = true }
                index += byte == UInt8(ascii: "\\") ? 2 : 1
            }
            guard hasText, index < count, self[index + 1] == UInt8(ascii: ":") else { return nil }
            index = definitionSpace(from: index + 2)
            // The address: in angle brackets, or a run without spaces; then an optional title, then the line's end.
            if self[index] == UInt8(ascii: "<") {
                while index < count && text[index] != UInt8(ascii: ">") && text[index] != UInt8(ascii: "\n") { index += 1 }
                guard self[index] == UInt8(ascii: ">") else { return nil }
                index += 1
            } else {
                let start = index
                while index < count && text[index] > 0x20 { index += 1 }
                guard index > start else { return nil }
            }
            let end = lineEnd(index)
            if isBlank(index, end) {
                // A title may follow on the next line.
                let next = nextLine(index)
                let title = definitionSpace(from: next)
                if next < count, let titleEnd = definitionTitleEnd(from: title), isBlank(titleEnd, lineEnd(titleEnd)) {
                    return nextLine(titleEnd)
                }
                return nextLine(index)
            }
            guard let titleEnd = definitionTitleEnd(from: definitionSpace(from: index)), isBlank(titleEnd, lineEnd(titleEnd)) else { return nil }
            return nextLine(titleEnd)
        }

        /// Past spaces and tabs and at most one line feed (a definition is read before any block's end is known).
        func definitionSpace(from start: Int) -> Int {
            var index = start, feeds = 0
            while index < count {
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

        /// A definition's title opening at `start`, not past a blank line: the index after it, or nil.
        func definitionTitleEnd(from start: Int) -> Int? {
            let opening = self[start]
            guard opening == UInt8(ascii: "\"") || opening == UInt8(ascii: "'") || opening == UInt8(ascii: "(") else { return nil }
            let closing = opening == UInt8(ascii: "(") ? UInt8(ascii: ")") : opening
            var index = start + 1
            while index < count && text[index] != closing {
                if text[index] == UInt8(ascii: "\n") && isBlank(index + 1, lineEnd(index + 1)) { return nil }
                index += text[index] == UInt8(ascii: "\\") ? 2 : 1
            }
            return index < count ? index + 1 : nil
        }
    }
}
