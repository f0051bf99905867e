import HandbookModel

/// The result of reading one YAML document: its root node (nil when the text holds no document) and
/// every key that a mapping repeated.
public struct YAMLDocument: Sendable {
    /// The root node, or nil when the stream is empty or holds only comments.
    public var root: YAMLNode?
    /// Keys that appeared twice in one mapping; the first occurrence is kept in `root`.
    public var duplicateKeys: [YAMLDuplicateKey]
}

/// A key repeated in one mapping.
public struct YAMLDuplicateKey: Hashable, Sendable {
    /// The repeated key.
    public var key: String
    /// Where the repeat is.
    public var position: TextPosition
    /// Where the key was first given.
    public var firstPosition: TextPosition
}

/// A place where the text leaves the YAML subset the handbook reads, or is not YAML at all.
public struct YAMLSyntaxError: Error, Hashable, Sendable {
    /// What is wrong, and where possible how to fix it.
    public var message: String
    /// Where it is, relative to the start of the parsed text.
    public var position: TextPosition
}

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

    private let b: [UInt8]
    private var i = 0
    private let lineStarts: [Int]
    private let lineOffset: Int
    private var depth = 0
    private var duplicates: [YAMLDuplicateKey] = []
    /// True when tabs separated the current node from its indicator or indentation: no block collection may start there.
    private var separatedByTab = false

    private init(bytes: [UInt8], lineOffset: Int) {
        self.b = bytes
        self.lineOffset = lineOffset
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            starts.append(index + 1)
        }
        self.lineStarts = starts
    }
}

// MARK: - Document structure

private extension YAMLParser {
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

    mutating func parseNodeAtLineStart(indent: Int) throws -> YAMLNode {
        try parseInline(parentIndent: indent - 1, context: .lineStart)
    }

    /// Parses a node that starts at the current offset, on a line that may already hold an indicator.
    mutating func parseInline(parentIndent: Int, context: Context) throws -> YAMLNode {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth {
            throw Failure(message: "collections are nested more than \(Self.maximumDepth) levels deep", offset: i)
        }
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
        var text = Array(b[start..<firstEnd])
        i = firstEnd
        try continuePlain(&text, parentIndent: parentIndent, flow: false)
        return YAMLNode(.scalar(String(decoding: text, as: UTF8.self), .plain), at: position(of: start))
    }

    mutating func parseBlockMapping(indent: Int, firstKey: YAMLNode, firstKeyOffset: Int) throws -> YAMLNode {
        var pairs: [YAMLPair] = []
        var seen: [String: TextPosition] = [:]
        var keyNode = firstKey
        var keyOffset = firstKeyOffset
        while true {
            // The scanner sits on the ':' after the key.
            i += 1
            let key = keyNode.scalarText ?? ""
            let keyPosition = position(of: keyOffset)
            let value = try parseValueAfterIndicator(parentIndent: indent, context: .mappingValue, indicatorOffset: i - 1)
                ?? emptyNode(at: i)
            if let first = seen[key] {
                duplicates.append(YAMLDuplicateKey(key: key, position: keyPosition, firstPosition: first))
            } else {
                seen[key] = keyPosition
                pairs.append(YAMLPair(key: key, keyPosition: keyPosition, value: value))
            }
            guard try continueCollection(indent: indent, above: "the key above it; align it or nest it under a key") else { break }
            if atSequenceIndicator() {
                throw Failure(message: "a list item cannot follow a mapping at the same indentation; indent it under its key", offset: i)
            }
            keyOffset = i
            keyNode = try parseImplicitKey()
        }
        return YAMLNode(.mapping(pairs), at: position(of: firstKeyOffset))
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
        var items: [YAMLNode] = []
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

// MARK: - Plain scalars

private extension YAMLParser {
    /// Rejects, with the fix, the YAML features the subset leaves out: anchors, aliases, tags and '?' keys.
    func rejectUnsupportedIndicator() throws {
        switch b[i] {
        case UInt8(ascii: "&"):
            throw Failure(message: "anchors (&name) are not supported; write the value out in full", offset: i)
        case UInt8(ascii: "*"):
            throw Failure(message: "aliases (*name) are not supported; write the value out in full", offset: i)
        case UInt8(ascii: "!"):
            throw Failure(message: "tags (!tag) are not supported; the field's schema gives the type", offset: i)
        case UInt8(ascii: "?") where isBlankOrEnd(at: i + 1):
            throw Failure(message: "complex keys ('?') are not supported; keys are plain text", offset: i)
        default:
            return
        }
    }

    func checkPlainStart(flow: Bool) throws {
        let c = b[i]
        switch c {
        case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            throw Failure(message: "unexpected '\(Character(Unicode.Scalar(c)))'; quote the value if it is text", offset: i)
        case UInt8(ascii: "#"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: "%"):
            throw Failure(message: "a value cannot start with '\(Character(Unicode.Scalar(c)))'; quote it", offset: i)
        case UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"):
            try rejectUnsupportedIndicator()
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
            let next = i + 1 < b.count ? b[i + 1] : 0
            if next == 0 || next == 0x20 || next == 0x09 || next == 0x0A || (flow && isFlowIndicator(next)) {
                throw Failure(message: "a value cannot be a lone '\(Character(Unicode.Scalar(c)))'; quote it", offset: i)
            }
        case 0x09:
            throw Failure(message: "a tab cannot start a value here; use spaces", offset: i)
        default:
            break
        }
    }

    /// Scans one line of a plain scalar from the current offset; stops before `: `, ` #`, a line break
    /// (or a flow indicator in flow context). Returns the end of the text with trailing blanks removed.
    mutating func scanPlainLine(flow: Bool) -> Int {
        var end = i
        while i < b.count {
            let c = b[i]
            if c == 0x0A { break }
            if c == UInt8(ascii: ":") {
                let next = i + 1 < b.count ? b[i + 1] : 0
                if next == 0 || next == 0x20 || next == 0x09 || next == 0x0A || (flow && isFlowIndicator(next)) { break }
            }
            if c == UInt8(ascii: "#"), i > 0, b[i - 1] == 0x20 || b[i - 1] == 0x09 { break }
            if flow && isFlowIndicator(c) { break }
            i += 1
            if c != 0x20 && c != 0x09 { end = i }
        }
        return end
    }

    /// Folds the continuation lines of a multi-line plain scalar into `text`.
    mutating func continuePlain(_ text: inout [UInt8], parentIndent: Int, flow: Bool) throws {
        while true {
            let endOfText = i
            skipInlineSpace()
            if i < b.count && b[i] == UInt8(ascii: "#") { i = endOfText; return }
            guard i < b.count, b[i] == 0x0A else { i = endOfText; return }
            // Look ahead over empty lines to the next line with text.
            var breaks = 0
            var probe = i
            var lineStart = probe
            while probe < b.count && b[probe] == 0x0A {
                breaks += 1
                probe += 1
                lineStart = probe
                while probe < b.count && (b[probe] == 0x20 || b[probe] == 0x09) { probe += 1 }
            }
            guard probe < b.count else { i = endOfText; return }
            var spaces = 0
            while lineStart + spaces < b.count && b[lineStart + spaces] == 0x20 { spaces += 1 }
            let indentOK = flow ? spaces > parentIndent || parentIndent < 0 : spaces > parentIndent
            let c = b[probe]
            if !indentOK || c == UInt8(ascii: "#") || (spaces == 0 && isDocumentMarker(at: lineStart)) {
                i = endOfText
                return
            }
            if flow && isFlowIndicator(c) {
                i = probe
                return
            }
            if !flow && c == UInt8(ascii: "-") && isBlankOrEnd(at: probe + 1) && spaces <= parentIndent {
                i = endOfText
                return
            }
            if c == UInt8(ascii: ":") && isBlankOrEnd(at: probe + 1) {
                if flow { i = probe; return }
                throw Failure(message: "unexpected ':'; a key must fit on one line", offset: probe)
            }
            i = probe
            let start = i
            let end = scanPlainLine(flow: flow)
            if !flow, i < b.count, b[i] == UInt8(ascii: ":"), isBlankOrEnd(at: i + 1) {
                throw Failure(message: "a key cannot follow a multi-line value; check the indentation", offset: start)
            }
            appendFold(&text, breaks: breaks)
            text.append(contentsOf: b[start..<end])
            if end < i {
                // The line ended in blanks before a comment or break: keep scanning from the text's end.
                let afterBlanks = i
                i = end
                if afterBlanks < b.count && b[afterBlanks] == UInt8(ascii: "#") { return }
                i = afterBlanks
                if flow && i < b.count && isFlowIndicator(b[i]) { return }
                i = end
            }
            if flow && i < b.count && (isFlowIndicator(b[i]) || b[i] == UInt8(ascii: ":")) { return }
        }
    }

    func appendFold(_ text: inout [UInt8], breaks: Int) {
        if breaks <= 1 {
            text.append(0x20)
        } else {
            text.append(contentsOf: repeatElement(0x0A, count: breaks - 1))
        }
    }
}

// MARK: - Quoted scalars

private extension YAMLParser {
    mutating func parseQuoted(parentIndent: Int, flow: Bool) throws -> YAMLNode {
        let start = i
        let quote = b[i]
        let double = quote == UInt8(ascii: "\"")
        i += 1
        var out: [UInt8] = []
        // Escaped blanks must survive the trimming that line folding does.
        var protected = 0
        while true {
            guard i < b.count else {
                throw Failure(message: "this quoted text is never closed; add the closing \(double ? "\"" : "'")", offset: start)
            }
            let c = b[i]
            if c == quote {
                if !double, i + 1 < b.count, b[i + 1] == quote {
                    out.append(quote)
                    i += 2
                    protected = out.count
                    continue
                }
                i += 1
                break
            }
            if double && c == UInt8(ascii: "\\") {
                guard i + 1 < b.count else {
                    throw Failure(message: "this quoted text is never closed; add the closing \"", offset: start)
                }
                if b[i + 1] == 0x0A {
                    // An escaped line break joins the lines with nothing between them.
                    i += 2
                    skipBlanksOnContinuation(start: start, parentIndent: parentIndent, flow: flow)
                    try checkQuotedContinuation(start: start, parentIndent: parentIndent, flow: flow)
                    protected = out.count
                    continue
                }
                try appendEscape(&out)
                protected = out.count
                continue
            }
            if c == 0x0A {
                while out.count > protected, let last = out.last, last == 0x20 || last == 0x09 { out.removeLast() }
                var breaks = 0
                while i < b.count && b[i] == 0x0A {
                    breaks += 1
                    i += 1
                    skipBlanksOnContinuation(start: start, parentIndent: parentIndent, flow: flow)
                }
                try checkQuotedContinuation(start: start, parentIndent: parentIndent, flow: flow)
                appendFold(&out, breaks: breaks)
                protected = out.count
                continue
            }
            out.append(c)
            i += 1
        }
        let style: YAMLNode.ScalarStyle = double ? .doubleQuoted : .singleQuoted
        return YAMLNode(.scalar(String(decoding: out, as: UTF8.self), style), at: position(of: start))
    }

    mutating func skipBlanksOnContinuation(start: Int, parentIndent: Int, flow: Bool) {
        while i < b.count && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
    }

    func checkQuotedContinuation(start: Int, parentIndent: Int, flow: Bool) throws {
        guard i < b.count else {
            throw Failure(message: "this quoted text is never closed; add the closing quote", offset: start)
        }
        let lineStart = lineStarts[lineIndex(of: i)]
        if isDocumentMarker(at: lineStart) {
            throw Failure(message: "a document marker cannot appear inside quoted text", offset: lineStart)
        }
        if b[i] == 0x0A { return }
        var spaces = 0
        while lineStart + spaces < b.count && b[lineStart + spaces] == 0x20 { spaces += 1 }
        if !flow && parentIndent >= 0 && spaces <= parentIndent {
            throw Failure(message: "this quoted text is not closed on its line; add the closing quote (or indent the lines that continue it)", offset: start)
        }
    }

    mutating func appendEscape(_ out: inout [UInt8]) throws {
        let escapeStart = i
        let e = b[i + 1]
        i += 2
        func hex(_ count: Int) throws -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<count {
                guard i < b.count, let digit = hexValue(b[i]) else {
                    throw Failure(message: "invalid escape: expected \(count) hexadecimal digits", offset: escapeStart)
                }
                value = value * 16 + UInt32(digit)
                i += 1
            }
            return value
        }
        let scalar: UInt32
        switch e {
        case UInt8(ascii: "0"): scalar = 0
        case UInt8(ascii: "a"): scalar = 7
        case UInt8(ascii: "b"): scalar = 8
        case UInt8(ascii: "t"), 0x09: scalar = 9
        case UInt8(ascii: "n"): scalar = 10
        case UInt8(ascii: "v"): scalar = 11
        case UInt8(ascii: "f"): scalar = 12
        case UInt8(ascii: "r"): scalar = 13
        case UInt8(ascii: "e"): scalar = 0x1B
        case 0x20: scalar = 0x20
        case UInt8(ascii: "\""): scalar = 0x22
        case UInt8(ascii: "/"): scalar = 0x2F
        case UInt8(ascii: "\\"): scalar = 0x5C
        case UInt8(ascii: "N"): scalar = 0x85
        case UInt8(ascii: "_"): scalar = 0xA0
        case UInt8(ascii: "L"): scalar = 0x2028
        case UInt8(ascii: "P"): scalar = 0x2029
        case UInt8(ascii: "x"): scalar = try hex(2)
        case UInt8(ascii: "u"): scalar = try hex(4)
        case UInt8(ascii: "U"): scalar = try hex(8)
        default:
            throw Failure(message: "unknown escape '\\\(Character(Unicode.Scalar(e)))' in double-quoted text; write '\\\\' for a backslash", offset: escapeStart)
        }
        guard let unicode = Unicode.Scalar(scalar) else {
            throw Failure(message: "escape does not name a Unicode character", offset: escapeStart)
        }
        out.append(contentsOf: Array(String(Character(unicode)).utf8))
    }

    func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

// MARK: - Block scalars

private extension YAMLParser {
    mutating func parseBlockScalar(parentIndent: Int) throws -> YAMLNode {
        let start = i
        let folded = b[i] == UInt8(ascii: ">")
        i += 1
        var chomp = 0 // -1 strip, 0 clip, +1 keep
        var explicitIndent = 0
        for _ in 0..<2 {
            guard i < b.count else { break }
            let c = b[i]
            if c == UInt8(ascii: "+") && chomp == 0 { chomp = 1; i += 1 }
            else if c == UInt8(ascii: "-") && chomp == 0 { chomp = -1; i += 1 }
            else if c >= UInt8(ascii: "1") && c <= UInt8(ascii: "9") && explicitIndent == 0 {
                explicitIndent = Int(c - UInt8(ascii: "0"))
                i += 1
            }
        }
        let headerEnd = i
        skipInlineSpace()
        if i < b.count && b[i] == UInt8(ascii: "#") {
            guard i > headerEnd else {
                throw Failure(message: "a comment after '|' or '>' needs a space before '#'", offset: i)
            }
            while i < b.count && b[i] != 0x0A { i += 1 }
        }
        guard i >= b.count || b[i] == 0x0A else {
            throw Failure(message: "text cannot follow '|' or '>' on the same line; start it on the next line", offset: i)
        }
        // As libyaml: an explicit indicator counts from the parent's indentation (0 at the top level).
        var indent = explicitIndent > 0 ? (parentIndent >= 0 ? parentIndent + explicitIndent : explicitIndent) : 0
        if i < b.count { i += 1 } // the header's line break

        var out: [UInt8] = []
        var leadingBreak: [UInt8] = []
        var trailingBreaks: [UInt8] = []
        var leadingBlank = false

        /// Collects empty lines; with `limit` 0 it eats every leading space and records the widest.
        func scanBreaks(_ breaks: inout [UInt8], limit: Int, widest: inout Int) throws {
            while true {
                let lineStart = i
                while i < b.count && b[i] == 0x20 && (limit == 0 || i - lineStart < limit) { i += 1 }
                widest = max(widest, i - lineStart)
                // A tab where indentation is expected is an error; after the indentation it is content.
                if i < b.count && b[i] == 0x09 && (limit == 0 ? i - lineStart <= parentIndent : i - lineStart < limit) {
                    throw Failure(message: "a tab cannot indent a block scalar; use spaces", offset: i)
                }
                if limit == 0 && i < b.count && b[i] == 0x09 { return }
                guard i < b.count, b[i] == 0x0A else { return }
                if i == lineStart && isDocumentMarker(at: lineStart) { return }
                breaks.append(0x0A)
                i += 1
            }
        }
        var widest = 0
        if indent == 0 {
            var widestEmpty = 0
            let scanStart = i
            try scanBreaks(&trailingBreaks, limit: 0, widest: &widestEmpty)
            let firstContent = i < b.count ? column(of: i) : 0
            widest = i < b.count ? firstContent : widestEmpty
            // Measure only the empty lines before the content line.
            var emptyWidest = 0
            var k = scanStart
            while k < b.count && k < i {
                let lineStart = k
                while k < b.count && b[k] == 0x20 { k += 1 }
                if k < b.count && b[k] == 0x0A && k < i { emptyWidest = max(emptyWidest, k - lineStart); k += 1 } else { break }
            }
            if i < b.count && emptyWidest > firstContent && firstContent > parentIndent {
                throw Failure(message: "a blank line at the start of a block scalar is indented more than its first line", offset: scanStart)
            }
            indent = max(i < b.count ? firstContent : widestEmpty, parentIndent + 1)
        } else {
            try scanBreaks(&trailingBreaks, limit: indent, widest: &widest)
        }

        while i < b.count, column(of: i) == indent {
            if column(of: i) == 0 && isDocumentMarker(at: i) { break }
            let trailingBlank = b[i] == 0x20 || b[i] == 0x09
            if folded && leadingBreak.first == 0x0A && !leadingBlank && !trailingBlank {
                if trailingBreaks.isEmpty { out.append(0x20) }
                leadingBreak.removeAll()
            } else {
                out.append(contentsOf: leadingBreak)
                leadingBreak.removeAll()
            }
            out.append(contentsOf: trailingBreaks)
            trailingBreaks.removeAll()
            leadingBlank = b[i] == 0x20 || b[i] == 0x09
            let lineStart = i
            while i < b.count && b[i] != 0x0A { i += 1 }
            out.append(contentsOf: b[lineStart..<i])
            guard i < b.count else { break }
            leadingBreak = [0x0A]
            i += 1
            try scanBreaks(&trailingBreaks, limit: indent, widest: &widest)
        }
        if chomp != -1 { out.append(contentsOf: leadingBreak) }
        if chomp == 1 { out.append(contentsOf: trailingBreaks) }
        // Leave the scanner at the start of the line that ended the scalar.
        if i < b.count {
            i = lineStarts[lineIndex(of: i)]
        }
        let style: YAMLNode.ScalarStyle = folded ? .folded : .literal
        return YAMLNode(.scalar(String(decoding: out, as: UTF8.self), style), at: position(of: start))
    }
}

// MARK: - Flow collections

private extension YAMLParser {
    func isFlowIndicator(_ c: UInt8) -> Bool {
        c == UInt8(ascii: ",") || c == UInt8(ascii: "[") || c == UInt8(ascii: "]")
            || c == UInt8(ascii: "{") || c == UInt8(ascii: "}")
    }

    mutating func parseFlowCollection(parentIndent: Int) throws -> YAMLNode {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth {
            throw Failure(message: "collections are nested more than \(Self.maximumDepth) levels deep", offset: i)
        }
        let start = i
        let isSequence = b[i] == UInt8(ascii: "[")
        let close = isSequence ? UInt8(ascii: "]") : UInt8(ascii: "}")
        i += 1
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var seen: [String: TextPosition] = [:]
        func unterminated() -> Failure {
            Failure(message: "this \(isSequence ? "list" : "mapping") is never closed; add '\(isSequence ? "]" : "}")'", offset: start)
        }
        func add(key: YAMLNode, keyOffset: Int, value: YAMLNode, into list: inout [YAMLPair], seen: inout [String: TextPosition]) {
            let text = key.scalarText ?? ""
            if let first = seen[text] {
                duplicates.append(YAMLDuplicateKey(key: text, position: key.position, firstPosition: first))
            } else {
                seen[text] = key.position
                list.append(YAMLPair(key: text, keyPosition: key.position, value: value))
            }
        }
        while true {
            try skipFlowSpace(parentIndent: parentIndent, opening: start)
            guard i < b.count else { throw unterminated() }
            if b[i] == close { i += 1; break }
            if b[i] == UInt8(ascii: "?") && isBlankOrEnd(at: i + 1) {
                throw Failure(message: "complex keys ('?') are not supported; keys are plain text", offset: i)
            }
            let entryStart = i
            if b[i] == UInt8(ascii: ":") && (isBlankOrEnd(at: i + 1) || isFlowIndicator(b[i + 1])) {
                throw Failure(message: "a key is missing before ':'", offset: i)
            }
            let node = try parseFlowNode(parentIndent: parentIndent)
            let nodeLine = line(of: entryStart)
            let jsonLike = b[entryStart] == UInt8(ascii: "\"") || b[entryStart] == UInt8(ascii: "'")
                || b[entryStart] == UInt8(ascii: "[") || b[entryStart] == UInt8(ascii: "{")
            try skipFlowSpace(parentIndent: parentIndent, opening: start)
            guard i < b.count else { throw unterminated() }
            var value: YAMLNode?
            if b[i] == UInt8(ascii: ":") && (jsonLike || isBlankOrEnd(at: i + 1) || (i + 1 < b.count && isFlowIndicator(b[i + 1]))) {
                guard node.scalarText != nil else {
                    throw Failure(message: "complex keys (a collection as a key) are not supported; keys are plain text", offset: entryStart)
                }
                if isSequence && line(of: i) != nodeLine {
                    throw Failure(message: "a key must fit on one line", offset: entryStart)
                }
                i += 1
                try skipFlowSpace(parentIndent: parentIndent, opening: start)
                guard i < b.count else { throw unterminated() }
                if b[i] == UInt8(ascii: ",") || b[i] == close {
                    value = emptyNode(at: i)
                } else {
                    value = try parseFlowNode(parentIndent: parentIndent)
                }
            }
            if isSequence {
                if let value {
                    var single: [YAMLPair] = []
                    var singleSeen: [String: TextPosition] = [:]
                    add(key: node, keyOffset: entryStart, value: value, into: &single, seen: &singleSeen)
                    items.append(YAMLNode(.mapping(single), at: node.position))
                } else {
                    items.append(node)
                }
            } else {
                guard node.scalarText != nil else {
                    throw Failure(message: "complex keys (a collection as a key) are not supported; keys are plain text", offset: entryStart)
                }
                add(key: node, keyOffset: entryStart, value: value ?? emptyNode(at: i), into: &pairs, seen: &seen)
            }
            try skipFlowSpace(parentIndent: parentIndent, opening: start)
            guard i < b.count else { throw unterminated() }
            if b[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            guard b[i] == close else {
                throw Failure(message: "expected ',' or '\(isSequence ? "]" : "}")' here", offset: i)
            }
        }
        let value: YAMLNode.Value = isSequence ? .sequence(items) : .mapping(pairs)
        return YAMLNode(value, at: position(of: start))
    }

    mutating func parseFlowNode(parentIndent: Int) throws -> YAMLNode {
        switch b[i] {
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            return try parseFlowCollection(parentIndent: parentIndent)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return try parseQuoted(parentIndent: parentIndent, flow: true)
        default:
            try checkPlainStart(flow: true)
            let start = i
            let end = scanPlainLine(flow: true)
            var text = Array(b[start..<end])
            i = end
            try continuePlain(&text, parentIndent: parentIndent, flow: true)
            return YAMLNode(.scalar(String(decoding: text, as: UTF8.self), .plain), at: position(of: start))
        }
    }

    /// Skips blanks, line breaks and comments inside a flow collection.
    mutating func skipFlowSpace(parentIndent: Int, opening: Int) throws {
        while i < b.count {
            let c = b[i]
            if c == 0x20 || c == 0x09 {
                i += 1
            } else if c == 0x0A {
                i += 1
                if isDocumentMarker(at: i) {
                    throw Failure(message: "a document marker cannot appear inside a flow collection", offset: i)
                }
                var spaces = 0
                while i + spaces < b.count && b[i + spaces] == 0x20 { spaces += 1 }
                var probe = i + spaces
                while probe < b.count && (b[probe] == 0x20 || b[probe] == 0x09) { probe += 1 }
                if parentIndent >= 0 && spaces <= parentIndent && probe < b.count && b[probe] != 0x0A && b[probe] != UInt8(ascii: "#") {
                    let closer = b[opening] == UInt8(ascii: "[") ? "]" : "}"
                    throw Failure(message: "this \(closer == "]" ? "list" : "mapping") is not closed before the next line; add '\(closer)' (or indent the lines that continue it)", offset: opening)
                }
            } else if c == UInt8(ascii: "#") {
                guard i > 0, b[i - 1] == 0x20 || b[i - 1] == 0x09 || b[i - 1] == 0x0A else {
                    throw Failure(message: "a comment needs a space before '#'", offset: i)
                }
                while i < b.count && b[i] != 0x0A { i += 1 }
            } else {
                return
            }
        }
    }
}

// MARK: - Lines, blanks and positions

private extension YAMLParser {
    /// Rejects bytes that YAML does not allow in a stream (C0 controls other than tab and line breaks, DEL).
    func checkCharacters() throws {
        for (offset, c) in b.enumerated() where (c < 0x20 && c != 0x09 && c != 0x0A) || c == 0x7F {
            throw Failure(message: "control character U+\(hex4(c)) is not allowed; remove it", offset: offset)
        }
    }

    func hex4(_ c: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "00" + String(digits[Int(c >> 4)]) + String(digits[Int(c & 15)])
    }

    mutating func skipInlineSpace() {
        while i < b.count && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
    }

    /// True at a comment, a line break or the end of input, after optional blanks have been skipped.
    func atLineEnd() -> Bool {
        i >= b.count || b[i] == 0x0A || (b[i] == UInt8(ascii: "#") && (i == 0 || b[i - 1] == 0x20 || b[i - 1] == 0x09 || b[i - 1] == 0x0A))
    }

    /// Requires the rest of the current line to be blank or a comment.
    mutating func finishLine() throws {
        if i > 0 && i < b.count && lineStarts[lineIndex(of: i)] == i && b[i - 1] == 0x0A { return }
        skipInlineSpace()
        guard i < b.count else { return }
        if b[i] == UInt8(ascii: "#") {
            guard i > 0, b[i - 1] == 0x20 || b[i - 1] == 0x09 else {
                throw Failure(message: "a comment needs a space before '#'", offset: i)
            }
            while i < b.count && b[i] != 0x0A { i += 1 }
            return
        }
        guard b[i] == 0x0A else {
            if b[i] == UInt8(ascii: ":") {
                throw Failure(message: "unexpected ':'; quote the value if it contains ': '", offset: i)
            }
            throw Failure(message: "unexpected text after the value", offset: i)
        }
    }

    /// Moves to the first character of the next line that holds more than blanks or a comment.
    /// Returns false at the end of input. Rejects tabs used as indentation.
    mutating func moveToContentLine() -> Bool {
        while i < b.count {
            if b[i] == 0x0A { i += 1; continue }
            let lineStart = lineStarts[lineIndex(of: i)]
            if i == lineStart {
                while i < b.count && b[i] == 0x20 { i += 1 }
            } else {
                skipInlineSpace()
            }
            guard i < b.count else { return false }
            if b[i] == 0x09 {
                var probe = i
                while probe < b.count && (b[probe] == 0x09 || b[probe] == 0x20) { probe += 1 }
                i = probe
                if probe >= b.count || b[probe] == 0x0A || b[probe] == UInt8(ascii: "#") {
                    continue
                }
                // Tabs may separate indentation from a scalar or flow collection, never from a block collection.
                separatedByTab = true
                return true
            }
            separatedByTab = false
            if b[i] == 0x0A { continue }
            if b[i] == UInt8(ascii: "#") {
                while i < b.count && b[i] != 0x0A { i += 1 }
                continue
            }
            return true
        }
        return false
    }

    func atSequenceIndicator() -> Bool {
        i < b.count && b[i] == UInt8(ascii: "-") && isBlankOrEnd(at: i + 1)
    }

    func isBlankOrEnd(at offset: Int) -> Bool {
        offset >= b.count || b[offset] == 0x20 || b[offset] == 0x09 || b[offset] == 0x0A
    }

    func isDocumentMarker(at offset: Int) -> Bool {
        guard offset + 2 < b.count else { return false }
        let c = b[offset]
        guard c == UInt8(ascii: "-") || c == UInt8(ascii: ".") else { return false }
        return b[offset + 1] == c && b[offset + 2] == c && isBlankOrEnd(at: offset + 3)
    }

    func atDocumentMarker(_ kind: Character) -> Bool {
        column(of: i) == 0 && isDocumentMarker(at: i) && b[i] == kind.asciiValue
    }

    func atAnyDocumentMarker() -> Bool {
        column(of: i) == 0 && isDocumentMarker(at: i)
    }

    func lineIndex(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    func line(of offset: Int) -> Int { lineIndex(of: offset) }

    /// The number of spaces that start the line holding `offset` (tabs never count as indentation).
    func indentation(of offset: Int) -> Int {
        let start = lineStarts[lineIndex(of: offset)]
        var k = start
        while k < offset && b[k] == 0x20 { k += 1 }
        return k - start
    }

    /// The 0-based column in bytes, which equals spaces for indentation.
    func column(of offset: Int) -> Int {
        offset - lineStarts[lineIndex(of: offset)]
    }

    func position(of offset: Int) -> TextPosition {
        let index = lineIndex(of: offset)
        var column = 1
        var k = lineStarts[index]
        let end = min(offset, b.count)
        while k < end {
            if b[k] & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        return TextPosition(line: index + 1 + lineOffset, column: column)
    }

    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: b[start..<end], as: UTF8.self)
    }

    /// YAML reads the end of input as the end of a line: a last line of blanks still ends with a break.
    static func endingInLineBreak(_ bytes: [UInt8]) -> [UInt8] {
        guard let last = bytes.last, last != 0x0A else { return bytes }
        var k = bytes.count - 1
        while k >= 0 && (bytes[k] == 0x20 || bytes[k] == 0x09) { k -= 1 }
        guard k < 0 || bytes[k] == 0x0A else { return bytes }
        return bytes + [0x0A]
    }

    static func normalisedLineBreaks(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0x0D) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var k = 0
        while k < bytes.count {
            let c = bytes[k]
            if c == 0x0D {
                out.append(0x0A)
                if k + 1 < bytes.count && bytes[k + 1] == 0x0A { k += 1 }
            } else {
                out.append(c)
            }
            k += 1
        }
        return out
    }
}
