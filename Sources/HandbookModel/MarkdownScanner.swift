#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `MarkdownText`'s reading of one body: where it is, what is open, and the lines and blocks it finds; the inline
/// constructs and the HTML blocks are read in the extensions beside this file.
struct MarkdownScanner {
    let text: UnsafeBufferPointer<UInt8>
    let count: Int
    /// Where the run being read began.
    var runStart = 0
    /// `[` seen in the current paragraph and not closed yet: a `](` closes a link only after one.
    var brackets = 0
    /// The value of `brackets` inside the outermost `![` open in the current paragraph: what is read until its `]`
    /// is an image's description.
    var imageDepth: Int?
    /// The fence of the fenced code block being read (its byte and length), if any.
    var fence: (byte: UInt8, length: Int)?
    /// Where the paragraph (or heading) being read ends: no inline construct reaches past it. A line before it
    /// continues the paragraph.
    var blockEnd = 0
    /// For each closing mark a search failed to find, where that search ended (the block's end): a later search
    /// for it in the same block fails at once.
    var failedUntil: [Closing: Int] = [:]

    /// A closing mark a search may fail to find in a block.
    enum Closing: Hashable {
        /// `--` ending a comment, `]]>` a CDATA section, `>` a declaration, `?>` a processing instruction.
        case comment, cdata, declaration, instruction
        /// The quote ending an attribute's value.
        case attributeQuote(UInt8)
        /// The byte ending a link's title (`"`, `'` or `)`).
        case title(UInt8)
        /// A run of this many backticks, ending a code span.
        case backticks(Int)
    }

    init(_ text: UnsafeBufferPointer<UInt8>) {
        self.text = text
        count = text.count
    }

    subscript(_ index: Int) -> UInt8 { index < count && index >= 0 ? text[index] : 0 }

    mutating func scan(_ visit: MarkdownText.Visit) {
        var index = 0
        while index < count {
            index = line(from: index, visit)
        }
        emit(upTo: count, visit)
    }

    /// Gives the run read so far, up to `end`, if it is not empty.
    func emit(upTo end: Int, _ visit: MarkdownText.Visit) {
        if end > runStart { visit(UnsafeBufferPointer(rebasing: text[runStart..<end]), imageDepth == nil ? .text : .imageDescription) }
    }

    /// Leaves out `start..<end`: the run so far is given, and the next begins at `end`.
    mutating func skip(_ start: Int, to end: Int, _ visit: MarkdownText.Visit) {
        emit(upTo: start, visit)
        runStart = max(runStart, end)
    }

    /// Ends the run at `index` (given, if not empty), so that the next is read as `imageDepth` now says.
    mutating func split(at index: Int, _ visit: MarkdownText.Visit) {
        guard index > runStart else { return }
        emit(upTo: index, visit)
        runStart = index
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
    mutating func line(from start: Int, _ visit: MarkdownText.Visit) -> Int {
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
        // A line before the paragraph's end continues it: the rest of the paragraph is read as inline text at once.
        if start < blockEnd { return inline(from: start, to: blockEnd, visit) }
        // An image's description left open ends with its paragraph.
        if imageDepth != nil {
            split(at: start, visit)
            imageDepth = nil
        }
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
        if let htmlEnd = htmlBlock(inner, end, interrupting: false) {
            skip(start, to: htmlEnd, visit)
            return htmlEnd
        }
        if let definitionEnd = referenceDefinition(inner) {
            skip(start, to: definitionEnd, visit)
            return definitionEnd
        }
        // A heading is a block of one line; any other text starts a paragraph, which runs to the next line that
        // is blank or starts a block.
        blockEnd = isHeading(inner, end) || isThematicBreak(inner, end) ? next : paragraphEnd(after: next)
        return inline(from: start, to: blockEnd, visit)
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
}
