#if canImport(Glibc)
import Glibc
#endif

/// The parts of a Markdown body a reader sees as words, found on its bytes without parsing it: what the search
/// index reads of a body, so that a link's address (`https`, `org`, a domain's words) or a tag that raw HTML being
/// off leaves out of the page does not make an entry a match.
///
/// Left out: inline links' and images' addresses and titles (`[text](address "title")`: the text stays), link
/// reference definitions (`[label]: address`), autolinks (`<https://…>`), inline HTML tags, comments, processing
/// instructions and declarations, HTML blocks (CommonMark's seven kinds, from their start line to their end
/// condition), and a fenced code block's info string. Kept as text: everything else, with code spans and fenced
/// code read literally (a `<b>` or `](x)` in them is shown, so it is read).
///
/// It follows CommonMark where these constructs begin and end, not all of it: a reference link's label
/// (`[text][label]`) is read, an entity (`&amp;`) is read as its name, and an HTML block inside a list item or a
/// block quote is taken for inline tags (its tags are left out, its text read). `MarkdownTextTests` compares what
/// it keeps with the text of libcmark's HTML for every body of the shipped content.
public enum MarkdownText {
    /// Gives `visit` each run of `body` that a reader sees, in order; runs do not overlap and are never empty.
    public static func forEachRun(in body: UnsafeBufferPointer<UInt8>, _ visit: (UnsafeBufferPointer<UInt8>) -> Void) {
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
        /// Whether the last line was a paragraph's: an HTML block of the seventh kind and a link reference
        /// definition cannot interrupt a paragraph.
        var inParagraph = false

        init(_ text: UnsafeBufferPointer<UInt8>) {
            self.text = text
            count = text.count
        }

        subscript(_ index: Int) -> UInt8 { index < count ? text[index] : 0 }

        mutating func scan(_ visit: (UnsafeBufferPointer<UInt8>) -> Void) {
            var index = 0
            while index < count {
                index = line(from: index, visit)
            }
            emit(upTo: count, visit)
        }

        /// Gives the run read so far, up to `end`, if it is not empty.
        mutating func emit(upTo end: Int, _ visit: (UnsafeBufferPointer<UInt8>) -> Void) {
            if end > runStart { visit(UnsafeBufferPointer(rebasing: text[runStart..<end])) }
        }

        /// Leaves out `start..<end`: the run so far is given, and the next begins at `end`.
        mutating func skip(_ start: Int, to end: Int, _ visit: (UnsafeBufferPointer<UInt8>) -> Void) {
            emit(upTo: start, visit)
            runStart = max(runStart, end)
        }

        /// Where the line starting at `start` ends (its line feed, or the end of the text).
        func lineEnd(_ start: Int) -> Int {
            guard start < count, let base = text.baseAddress else { return count }
            guard let found = memchr(base + start, 0x0A, count - start) else { return count }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }

        /// The index after the line starting at `start` (past its line feed).
        func nextLine(_ start: Int) -> Int { min(count, lineEnd(start) + 1) }

        func isBlank(_ start: Int, _ end: Int) -> Bool {
            (start..<end).allSatisfy { text[$0] == 0x20 || text[$0] == 0x09 || text[$0] == 0x0D }
        }

        /// Reads one line from `start` (at a line's start) and returns where the next begins.
        mutating func line(from start: Int, _ visit: (UnsafeBufferPointer<UInt8>) -> Void) -> Int {
            let end = lineEnd(start)
            let next = min(count, end + 1)
            var indent = 0, first = start
            while first < end && text[first] == 0x20 && indent < 4 { indent += 1; first += 1 }
            if let open = fence {
                // Code is read as it is, up to the closing fence (a run of the same byte, as long, alone on its line).
                let length = run(of: open.byte, at: first)
                if indent < 4 && length >= open.length && isBlank(first + length, end) {
                    fence = nil
                    skip(start, to: next, visit)
                }
                return next
            }
            if isBlank(start, end) {
                brackets = 0
                inParagraph = false
                return next
            }
            if indent < 4 {
                if let opened = fenceOpening(first, end) {
                    fence = opened
                    skip(start, to: next, visit)
                    brackets = 0
                    inParagraph = false
                    return next
                }
                if let blockEnd = htmlBlock(first, end) {
                    skip(start, to: blockEnd, visit)
                    brackets = 0
                    inParagraph = false
                    return blockEnd
                }
                if !inParagraph, let definitionEnd = referenceDefinition(first) {
                    skip(start, to: definitionEnd, visit)
                    return definitionEnd
                }
            }
            // A heading is a line of its own; any other line of text is a paragraph's, or continues one.
            inParagraph = !(indent < 4 && isHeading(first, end))
            return inline(from: start, to: next, visit)
        }

        /// The high bit of each byte of `word` (eight bytes, first in the lowest) that may start an inline construct
        /// (`<`, `[`, `\\`, `]`, `` ` ``), exact up to the first such byte; 0 when there is none. A byte that is not
        /// one may be marked after the first that is (a borrow carries), never before it.
        @inline(__always)
        static func specials(in word: UInt64) -> UInt64 {
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            func zeros(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
            return zeros(word ^ (ones &* 0x3C)) | zeros(word ^ (ones &* 0x5B)) | zeros(word ^ (ones &* 0x5C))
                | zeros(word ^ (ones &* 0x5D)) | zeros(word ^ (ones &* 0x60))
        }

        /// Whether the line from `first` to `end` is an ATX heading (one to six `#`, then a space or the line's end).
        func isHeading(_ first: Int, _ end: Int) -> Bool {
            let length = run(of: UInt8(ascii: "#"), at: first)
            return length >= 1 && length <= 6 && (first + length >= end || text[first + length] == 0x20 || text[first + length] == 0x09)
        }

        /// How many `byte` in a row there are from `index`.
        func run(of byte: UInt8, at index: Int) -> Int {
            var end = index
            while end < count && text[end] == byte { end += 1 }
            return end - index
        }

        /// A fence opening at `first` (three or more backticks or tildes; a backtick fence's info string has none).
        func fenceOpening(_ first: Int, _ end: Int) -> (byte: UInt8, length: Int)? {
            let byte = self[first]
            guard byte == UInt8(ascii: "`") || byte == UInt8(ascii: "~") else { return nil }
            let length = run(of: byte, at: first)
            guard length >= 3 else { return nil }
            if byte == UInt8(ascii: "`") && (first + length..<end).contains(where: { text[$0] == byte }) { return nil }
            return (byte, length)
        }

        /// Reads inline text from `start` to the end of its line, leaving out links' addresses, autolinks and tags;
        /// returns where the next line begins (a construct that runs over several lines takes them with it).
        mutating func inline(from start: Int, to next: Int, _ visit: (UnsafeBufferPointer<UInt8>) -> Void) -> Int {
            var index = start, limit = next
            let base = UnsafeRawPointer(text.baseAddress!)
            while index < limit {
                // Most bytes are none of `<`, `[`, `\\`, `]` and `` ` ``: eight at a time are passed over up to the first that is.
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
                    if let end = autolinkOrTag(at: index) {
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

        /// The end of a code span whose opening run of `length` backticks ends at `from`: after a run of exactly
        /// as many, before the paragraph ends (a blank line); nil when there is none (the backticks are text).
        func codeSpanEnd(from: Int, length: Int) -> Int? {
            var index = from
            while index < count {
                let byte = text[index]
                if byte == UInt8(ascii: "`") {
                    let closing = run(of: byte, at: index)
                    if closing == length { return index + closing }
                    index += closing
                } else if byte == UInt8(ascii: "\n") {
                    if isBlank(index + 1, lineEnd(index + 1)) { return nil }
                    index += 1
                } else {
                    index += 1
                }
            }
            return nil
        }

        /// After `](`: the end of an inline link's address and title and its `)`, or nil when they are not one.
        func linkTail(from start: Int) -> Int? {
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
                var depth = 0
                while index < count {
                    let byte = text[index]
                    if byte <= 0x20 { break }
                    if byte == UInt8(ascii: "\\") { index += 2; continue }
                    if byte == UInt8(ascii: "(") { depth += 1 }
                    if byte == UInt8(ascii: ")") {
                        if depth == 0 { break }
                        depth -= 1
                    }
                    index += 1
                }
                guard depth == 0, index <= count else { return nil }
            }
            let beforeTitle = index
            index = skipSpace(from: index)
            let opening = self[index]
            if index > beforeTitle && (opening == UInt8(ascii: "\"") || opening == UInt8(ascii: "'") || opening == UInt8(ascii: "(")) {
                let closing = opening == UInt8(ascii: "(") ? UInt8(ascii: ")") : opening
                index += 1
                while index < count && text[index] != closing {
                    if text[index] == UInt8(ascii: "\n") && isBlank(index + 1, lineEnd(index + 1)) { return nil }
                    index += text[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                guard index < count else { return nil }
                index = skipSpace(from: index + 1)
            }
            return self[index] == UInt8(ascii: ")") ? index + 1 : nil
        }

        /// Past spaces and tabs and at most one line feed.
        func skipSpace(from start: Int) -> Int {
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

        /// At `<`: the end of an autolink, an HTML tag, comment, processing instruction, declaration or CDATA
        /// section, or nil when it is none (the `<` is text).
        func autolinkOrTag(at start: Int) -> Int? {
            let next = self[start + 1]
            if next == UInt8(ascii: "!") {
                if matches("<!--", at: start) { return find("-->", from: start + 4, withinParagraph: true) }
                if matches("<![CDATA[", at: start) { return find("]]>", from: start + 9, withinParagraph: true) }
                if isLetter(self[start + 2]) { return find(">", from: start + 2, withinParagraph: true) }
                return nil
            }
            if next == UInt8(ascii: "?") { return find("?>", from: start + 2, withinParagraph: true) }
            if next == UInt8(ascii: "/") {
                guard let name = tagName(at: start + 2) else { return nil }
                let index = skipSpace(from: name)
                return self[index] == UInt8(ascii: ">") ? index + 1 : nil
            }
            if let end = autolink(at: start) { return end }
            guard let name = tagName(at: start + 1) else { return nil }
            return openTagEnd(afterName: name)
        }

        /// `<scheme:…>` or `<user@host>`: the index after its `>`, or nil.
        func autolink(at start: Int) -> Int? {
            var index = start + 1
            var hasColon = false, hasAt = false
            while index < count {
                let byte = text[index]
                if byte == UInt8(ascii: ">") { break }
                if byte <= 0x20 || byte == UInt8(ascii: "<") { return nil }
                if byte == UInt8(ascii: ":") { hasColon = true }
                if byte == UInt8(ascii: "@") { hasAt = true }
                index += 1
            }
            guard index < count, hasColon || hasAt else { return nil }
            if hasColon {
                // A scheme: a letter, then 1 to 31 letters, digits, `+`, `.` or `-`, then the colon.
                var end = start + 1
                guard isLetter(self[end]) else { return nil }
                while end < index && text[end] != UInt8(ascii: ":") {
                    let byte = text[end]
                    guard isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") else {
                        return hasAt ? index + 1 : nil
                    }
                    end += 1
                }
                let length = end - start - 1
                guard length >= 2 && length <= 32 else { return hasAt ? index + 1 : nil }
            }
            return index + 1
        }

        /// A tag name (a letter, then letters, digits and `-`) starting at `start`: the index after it, or nil.
        func tagName(at start: Int) -> Int? {
            guard isLetter(self[start]) else { return nil }
            var index = start + 1
            while index < count && (isLetter(text[index]) || isDigit(text[index]) || text[index] == UInt8(ascii: "-")) { index += 1 }
            return index
        }

        /// After an open tag's name: the index past its `>` (attributes' quoted values may hold `>`), or nil.
        func openTagEnd(afterName name: Int) -> Int? {
            let byte = self[name]
            guard byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte <= 0x20 && byte > 0 else { return nil }
            var index = name
            while index < count {
                let byte = text[index]
                switch byte {
                case UInt8(ascii: ">"): return index + 1
                case UInt8(ascii: "<"): return nil
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    index += 1
                    while index < count && text[index] != byte { index += 1 }
                    guard index < count else { return nil }
                    index += 1
                case UInt8(ascii: "\n"):
                    if isBlank(index + 1, lineEnd(index + 1)) { return nil }
                    index += 1
                default:
                    index += 1
                }
            }
            return nil
        }

        /// The index after the first `needle` from `start`, or nil (not past a blank line when `withinParagraph`).
        func find(_ needle: StaticString, from start: Int, withinParagraph: Bool) -> Int? {
            var index = start
            while index < count {
                if matches(needle, at: index) { return index + needle.utf8CodeUnitCount }
                if withinParagraph && text[index] == UInt8(ascii: "\n") && isBlank(index + 1, lineEnd(index + 1)) { return nil }
                index += 1
            }
            return nil
        }

        func matches(_ needle: StaticString, at start: Int, ignoringCase: Bool = false) -> Bool {
            let length = needle.utf8CodeUnitCount
            guard start + length <= count else { return false }
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

        /// An HTML block starting at `first` (the line's first byte after up to three spaces, the line ending at
        /// `end`): the index after its last line, or nil when the line starts none.
        func htmlBlock(_ first: Int, _ end: Int) -> Int? {
            guard self[first] == UInt8(ascii: "<") else { return nil }
            // 1: script, pre, style, textarea, up to the line holding the closing tag.
            for name in Self.rawTags where matchesTag(name, at: first + 1, end: end) { return lineClosingRawTag(from: first) }
            // 2 to 5: a comment, a processing instruction, a declaration, CDATA, up to the line holding their end.
            if matches("<!--", at: first) { return lineContaining("-->", from: first + 4) }
            if matches("<?", at: first) { return lineContaining("?>", from: first + 2) }
            if matches("<![CDATA[", at: first) { return lineContaining("]]>", from: first + 9) }
            if matches("<!", at: first) && isLetter(self[first + 2]) { return lineContaining(">", from: first + 2) }
            // 6: a block-level tag, open or closing, up to a blank line.
            let nameStart = self[first + 1] == UInt8(ascii: "/") ? first + 2 : first + 1
            if let nameEnd = tagName(at: nameStart), Self.blockTags.contains(lowercased(nameStart, nameEnd)) {
                let after = self[nameEnd]
                if nameEnd >= end || after <= 0x20 || after == UInt8(ascii: ">") || (after == UInt8(ascii: "/") && self[nameEnd + 1] == UInt8(ascii: ">")) {
                    return blankLineEnd(from: first)
                }
            }
            // 7: a whole open or closing tag alone on its line, not after a paragraph's line.
            guard !inParagraph, let tagEnd = autolinkOrTag(at: first), tagEnd <= end, autolink(at: first) == nil,
                  self[first + 1] != UInt8(ascii: "!"), self[first + 1] != UInt8(ascii: "?"), isBlank(tagEnd, end) else { return nil }
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

        /// The start of the first blank line from `start` (the block's end), or the text's end.
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

        /// A link reference definition at `first` (`[label]: address`, optionally a title): the index after its
        /// line(s), or nil.
        func referenceDefinition(_ first: Int) -> Int? {
            guard self[first] == UInt8(ascii: "[") else { return nil }
            var index = first + 1
            while index < count && text[index] != UInt8(ascii: "]") {
                if text[index] == UInt8(ascii: "[") { return nil }
                if text[index] == UInt8(ascii: "\n") && isBlank(index + 1, lineEnd(index + 1)) { return nil }
                index += text[index] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard index < count, index > first + 1, self[index + 1] == UInt8(ascii: ":") else { return nil }
            index = skipSpace(from: index + 2)
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
                let title = skipSpace(from: next)
                if next < count, title < count, [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "(")].contains(text[title]),
                   let titleEnd = titleEnd(from: title), isBlank(titleEnd, lineEnd(titleEnd)) {
                    return nextLine(titleEnd)
                }
                return nextLine(index)
            }
            guard let titleEnd = titleEnd(from: skipSpace(from: index)), isBlank(titleEnd, lineEnd(titleEnd)) else { return nil }
            return nextLine(titleEnd)
        }

        /// A title opening at `start` (`"…"`, `'…'` or `(…)`): the index after it, or nil.
        func titleEnd(from start: Int) -> Int? {
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
