import HandbookModel

/// Reads the handbook's YAML subset (docs/content-format.md, "YAML") from UTF-8 bytes, remembering positions.
///
/// Block mappings and sequences, flow collections, plain, quoted and block scalars and comments are
/// read as YAML 1.2 reads them; anchors, aliases, tags, directives, complex keys and several
/// documents are rejected. Scalars stay text: types come from the schema, not from YAML.
public struct YAMLParser {
    /// How deep collections may nest before the parser gives up, so hostile input cannot exhaust the stack.
    public static let maximumDepth = 64

    /// Parses `bytes`; `lineOffset` is added to every reported line (front matter starts after `---`).
    public static func parse(_ bytes: [UInt8], lineOffset: Int = 0) throws(YAMLSyntaxError) -> YAMLDocument {
        var parser = YAMLParser(bytes: endingInLineBreak(normalisedLineBreaks(bytes)), lineOffset: lineOffset)
        do {
            let root = try parser.parseStream()
            return YAMLDocument(root: root, duplicateKeys: parser.duplicates)
        } catch let failure as Failure {
            throw YAMLSyntaxError(message: failure.message, position: parser.position(of: failure.offset))
        } catch {
            throw YAMLSyntaxError(message: "\(error)", position: TextPosition(line: 1 + lineOffset, column: 1))
        }
    }

    // The parser's state; internal only so its extensions in YAMLScalars.swift and YAMLFlow.swift can
    // read it (nothing outside HandbookLoad can: the type's one public entry is `parse`).
    let b: [UInt8]
    var i = 0
    let lineStarts: [Int]
    /// The line (0-based) of each byte, and of the end: the parser asks which line an offset is on at every
    /// key, value and line end, so the answer is read, not searched for.
    let lineOfByte: [Int32]
    let lineOffset: Int
    var depth = 0
    var duplicates: [YAMLDuplicateKey] = []
    /// True when tabs separated the current node from its indicator or indentation: no block collection may start there.
    var separatedByTab = false
    /// The last position `position(of:)` counted, to count on from (a reference, so non-mutating readers can keep it).
    let lastPosition = CountedPosition()

    private init(bytes: [UInt8], lineOffset: Int) {
        self.b = bytes
        self.lineOffset = lineOffset
        var starts = [0]
        // Room for lines of a few dozen bytes, so a front matter's table is made once, not grown line by line.
        starts.reserveCapacity(bytes.count / 24 + 2)
        var lines = [Int32](repeating: 0, count: bytes.count + 1)
        bytes.withUnsafeBufferPointer { bytes in
            lines.withUnsafeMutableBufferPointer { lines in
                var line: Int32 = 0
                for index in bytes.indices {
                    lines[index] = line
                    if bytes[index] == 0x0A {
                        line += 1
                        starts.append(index + 1)
                    }
                }
                lines[bytes.count] = line
            }
        }
        self.lineStarts = starts
        self.lineOfByte = lines
    }
}

// MARK: - Document structure

extension YAMLParser {
    /// An internal error at a byte offset; converted to a line and column once, when thrown out.
    struct Failure: Error {
        var message: String
        var offset: Int
    }

    /// Where a node sits, which decides whether a block collection may start there.
    enum Context {
        /// At the start of a line, or the document: any node.
        case lineStart
        /// After `- ` on the same line: compact nested collections are allowed.
        case sequenceEntry
        /// After `key: ` on the same line: only a scalar or flow collection.
        case mappingValue
    }

    mutating func parseStream() throws -> YAMLNode? {
        try checkCharacters()
        guard moveToContentLine() else { return nil }
        if b[i] == UInt8(ascii: "%") && column(of: i) == 0 {
            throw Failure(message: "directives (%YAML, %TAG) are not supported; remove the line", offset: i)
        }
        var root: YAMLNode?
        if atDocumentMarker("-") {
            i += 3
            root = try parseValueAfterIndicator(parentIndent: -1, context: .mappingValue, indicatorOffset: i - 3)
        } else if atDocumentMarker(".") {
            i += 3
        } else {
            root = try parseNodeAtLineStart(indent: indentation(of: i))
        }
        try finishLine()
        if moveToContentLine() {
            if atDocumentMarker(".") {
                i += 3
                try finishLine()
                if moveToContentLine() {
                    throw Failure(message: "only one YAML document is allowed; remove everything after '...'", offset: i)
                }
            } else if atDocumentMarker("-") {
                throw Failure(message: "only one YAML document is allowed; remove the second '---'", offset: i)
            } else {
                throw Failure(message: "unexpected text; check the indentation of this line", offset: i)
            }
        }
        return root
    }

    /// Parses the node that follows an indicator (`key:`, `-`, `---`) on the rest of its line or below it.
    mutating func parseValueAfterIndicator(parentIndent: Int, context: Context, indicatorOffset: Int) throws -> YAMLNode? {
        let blanksStart = i
        skipInlineSpace()
        let tabbed = b[blanksStart..<i].contains(0x09)
        if atLineEnd() {
            let emptyPosition = i
            let save = i
            guard moveToContentLine(), !atAnyDocumentMarker() else {
                i = save
                return parentIndent < 0 ? nil : emptyNode(at: emptyPosition)
            }
            let indent = indentation(of: i)
            if indent > parentIndent {
                return try parseNodeAtLineStart(indent: indent)
            }
            if context == .mappingValue, parentIndent >= 0, indent == parentIndent, atSequenceIndicator() {
                if separatedByTab {
                    throw Failure(message: "tabs cannot be used for indentation; use spaces", offset: i)
                }
                return try parseBlockSequence(indent: indent)
            }
            i = save
            return parentIndent < 0 ? nil : emptyNode(at: emptyPosition)
        }
        separatedByTab = tabbed
        return try parseInline(parentIndent: parentIndent, context: context)
    }

    /// Counts one more collection around what is parsed next (every nested node is inside a collection, so
    /// this also bounds the parser's recursion); more than `maximumDepth` is an error. The caller lowers `depth`
    /// again when the collection ends.
    mutating func enterCollection(at offset: Int) throws {
        depth += 1
        if depth > Self.maximumDepth {
            depth -= 1
            throw Failure(message: "collections are nested more than \(Self.maximumDepth) levels deep", offset: offset)
        }
    }

    mutating func parseNodeAtLineStart(indent: Int) throws -> YAMLNode {
        try parseInline(parentIndent: indent - 1, context: .lineStart)
    }

    /// Parses a node that starts at the current offset, on a line that may already hold an indicator.
    mutating func parseInline(parentIndent: Int, context: Context) throws -> YAMLNode {
        let start = i
        let col = column(of: i)
        let blockAllowed = context != .mappingValue && !separatedByTab
        separatedByTab = false
        try rejectUnsupportedIndicator()
        switch b[i] {
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            return try parseBlockScalar(parentIndent: max(parentIndent, -1))
        case UInt8(ascii: "-") where isBlankOrEnd(at: i + 1):
            guard blockAllowed else {
                throw Failure(message: context == .mappingValue
                    ? "a list cannot start on the same line as its key; start it on the next line"
                    : "tabs cannot indent a list; use spaces", offset: i)
            }
            return try parseBlockSequence(indent: col)
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            let node = try parseFlowCollection(parentIndent: parentIndent)
            skipInlineSpace()
            if i < b.count, b[i] == UInt8(ascii: ":") {
                throw Failure(message: "complex keys (a collection as a key) are not supported; keys are plain text", offset: i)
            }
            return node
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            let keyLine = line(of: i)
            let scalar = try parseQuoted(parentIndent: parentIndent, flow: false)
            let afterScalar = i
            skipInlineSpace()
            if i < b.count, b[i] == UInt8(ascii: ":"), isBlankOrEnd(at: i + 1) {
                guard blockAllowed else {
                    throw Failure(message: "a mapping cannot start on the same line as its key; start it on the next line", offset: start)
                }
                guard line(of: afterScalar) == keyLine else {
                    throw Failure(message: "a key must fit on one line", offset: start)
                }
                return try parseBlockMapping(indent: col, firstKey: scalar, firstKeyOffset: start)
            }
            i = afterScalar
            return scalar
        default:
            return try parsePlainOrKey(parentIndent: parentIndent, blockAllowed: blockAllowed, start: start, column: col)
        }
    }

    mutating func parsePlainOrKey(parentIndent: Int, blockAllowed: Bool, start: Int, column col: Int) throws -> YAMLNode {
        try checkPlainStart(flow: false)
        let firstEnd = scanPlainLine(flow: false)
        if i < b.count, b[i] == UInt8(ascii: ":"), isBlankOrEnd(at: i + 1) {
            guard blockAllowed else {
                throw Failure(message: "a mapping cannot start on the same line as its key; put it on the next line, indented", offset: start)
            }
            let key = YAMLNode(.scalar(text(start, firstEnd), .plain), at: position(of: start))
            return try parseBlockMapping(indent: col, firstKey: key, firstKeyOffset: start)
        }
        i = firstEnd
        return YAMLNode(.scalar(try plainText(start..<firstEnd, parentIndent: parentIndent, flow: false), .plain), at: position(of: start))
    }

    mutating func parseBlockMapping(indent: Int, firstKey: YAMLNode, firstKeyOffset: Int) throws -> YAMLNode {
        try enterCollection(at: firstKeyOffset)
        defer { depth -= 1 }
        // A front matter is a mapping of a dozen keys or so: room for them at once, not grown key by key.
        var pairs = YAMLPairs(reserving: 12)
        var keyNode = firstKey
        var keyOffset = firstKeyOffset
        while true {
            // The scanner sits on the ':' after the key.
            i += 1
            let key = keyNode.scalarText ?? ""
            let keyPosition = position(of: keyOffset)
            let value = try parseValueAfterIndicator(parentIndent: indent, context: .mappingValue, indicatorOffset: i - 1)
                ?? emptyNode(at: i)
            if let first = pairs.add(YAMLPair(key: key, keyPosition: keyPosition, value: value)) {
                duplicates.append(YAMLDuplicateKey(key: key, position: keyPosition, firstPosition: first))
            }
            guard try continueCollection(indent: indent, above: "the key above it; align it or nest it under a key") else { break }
            if atSequenceIndicator() {
                throw Failure(message: "a list item cannot follow a mapping at the same indentation; indent it under its key", offset: i)
            }
            keyOffset = i
            keyNode = try parseImplicitKey()
        }
        return YAMLNode(.mapping(pairs.pairs), at: position(of: firstKeyOffset))
    }

    /// Parses a key at the start of a mapping line and leaves the scanner on its ':'.
    mutating func parseImplicitKey() throws -> YAMLNode {
        let start = i
        let keyLine = line(of: i)
        try rejectUnsupportedIndicator()
        switch b[i] {
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            throw Failure(message: "complex keys (a collection as a key) are not supported; keys are plain text", offset: i)
        case UInt8(ascii: ":") where isBlankOrEnd(at: i + 1):
            throw Failure(message: "a key is missing before ':'", offset: i)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            let key = try parseQuoted(parentIndent: -1, flow: false)
            guard line(of: i) == keyLine else {
                throw Failure(message: "a key must fit on one line", offset: start)
            }
            skipInlineSpace()
            guard i < b.count, b[i] == UInt8(ascii: ":"), isBlankOrEnd(at: i + 1) else {
                throw Failure(message: "expected ':' after the key", offset: i)
            }
            return key
        default:
            try checkPlainStart(flow: false)
            let end = scanPlainLine(flow: false)
            guard i < b.count, b[i] == UInt8(ascii: ":"), isBlankOrEnd(at: i + 1) else {
                throw Failure(message: "expected 'key: value' here; a mapping line needs a ':' followed by a space", offset: start)
            }
            return YAMLNode(.scalar(text(start, end), .plain), at: position(of: start))
        }
    }

    mutating func parseBlockSequence(indent: Int) throws -> YAMLNode {
        let start = i
        try enterCollection(at: start)
        defer { depth -= 1 }
        var items: [YAMLNode] = []
        items.reserveCapacity(4)
        while true {
            // The scanner sits on the '-'.
            i += 1
            let item = try parseValueAfterIndicator(parentIndent: indent, context: .sequenceEntry, indicatorOffset: i - 1)
                ?? emptyNode(at: i)
            items.append(item)
            let save = i
            guard try continueCollection(indent: indent, above: "the list item above it") else { break }
            guard atSequenceIndicator() else { i = save; break }
        }
        return YAMLNode(.sequence(items), at: position(of: start))
    }

    /// After an entry, moves to the next line of the same block collection and returns true; at the
    /// collection's end it leaves the scanner where it was and returns false.
    mutating func continueCollection(indent: Int, above: String) throws -> Bool {
        try finishLine()
        let save = i
        guard moveToContentLine(), !atAnyDocumentMarker() else { i = save; return false }
        let next = indentation(of: i)
        if next < indent { i = save; return false }
        if next > indent || separatedByTab {
            throw Failure(message: separatedByTab ? "tabs cannot be used for indentation; use spaces"
                : "this line is indented more than \(above)", offset: i)
        }
        return true
    }

    func emptyNode(at offset: Int) -> YAMLNode {
        YAMLNode(.scalar("", .plain), at: position(of: min(offset, b.count)))
    }
}

/// The line, byte offset and column of the last position a parser counted (`YAMLParser.position(of:)`).
final class CountedPosition {
    private(set) var line = -1
    private(set) var offset = 0
    private(set) var column = 1

    /// Remembers a counted position.
    func set(line: Int, offset: Int, column: Int) {
        (self.line, self.offset, self.column) = (line, offset, column)
    }
}
