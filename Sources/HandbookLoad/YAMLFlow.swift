import HandbookModel

// The parser's flow collections, and the lines, blanks and positions every part of it reads.
// MARK: - Flow collections

extension YAMLParser {
    func isFlowIndicator(_ c: UInt8) -> Bool {
        c == UInt8(ascii: ",") || c == UInt8(ascii: "[") || c == UInt8(ascii: "]")
            || c == UInt8(ascii: "{") || c == UInt8(ascii: "}")
    }

    mutating func parseFlowCollection(parentIndent: Int) throws -> YAMLNode {
        try enterCollection(at: i)
        defer { depth -= 1 }
        let start = i
        let isSequence = b[i] == UInt8(ascii: "[")
        let close = isSequence ? UInt8(ascii: "]") : UInt8(ascii: "}")
        i += 1
        var items: [YAMLNode] = []
        if isSequence { items.reserveCapacity(4) }
        var pairs = YAMLPairs()
        func unterminated() -> Failure {
            Failure(message: "this \(isSequence ? "list" : "mapping") is never closed; add '\(isSequence ? "]" : "}")'", offset: start)
        }
        func add(key: YAMLNode, value: YAMLNode, into list: inout YAMLPairs) {
            let text = key.scalarText ?? ""
            if let first = list.add(YAMLPair(key: text, keyPosition: key.position, value: value)) {
                duplicates.append(YAMLDuplicateKey(key: text, position: key.position, firstPosition: first))
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
                    var single = YAMLPairs()
                    add(key: node, value: value, into: &single)
                    items.append(YAMLNode(.mapping(single.pairs), at: node.position))
                } else {
                    items.append(node)
                }
            } else {
                guard node.scalarText != nil else {
                    throw Failure(message: "complex keys (a collection as a key) are not supported; keys are plain text", offset: entryStart)
                }
                add(key: node, value: value ?? emptyNode(at: i), into: &pairs)
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
        let value: YAMLNode.Value = isSequence ? .sequence(items) : .mapping(pairs.pairs)
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
            i = end
            return YAMLNode(.scalar(try plainText(start..<end, parentIndent: parentIndent, flow: true), .plain), at: position(of: start))
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

extension YAMLParser {
    /// Rejects bytes that YAML does not allow in a stream (C0 controls other than tab and line breaks, DEL).
    func checkCharacters() throws {
        let found = b.withUnsafeBufferPointer { bytes -> Int? in
            for index in bytes.indices {
                let c = bytes[index]
                if (c < 0x20 && c != 0x09 && c != 0x0A) || c == 0x7F { return index }
            }
            return nil
        }
        if let found {
            throw Failure(message: "control character U+\(hex4(b[found])) is not allowed; remove it", offset: found)
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
        Int(lineOfByte[min(max(offset, 0), lineOfByte.count - 1)])
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

    /// The line and column (in characters) of `offset`. Columns are counted on from the last position asked for
    /// when it is earlier on the same line, so the nodes of a long one-line flow collection cost a pass over the
    /// line, not one each.
    func position(of offset: Int) -> TextPosition {
        let index = lineIndex(of: offset)
        let end = min(offset, b.count)
        var column = 1
        var k = lineStarts[index]
        // Near its line's start (nearly every node), counted from there; far into a line, from the last position
        // counted on it.
        let far = end - k > 256
        if far, lastPosition.line == index, lastPosition.offset <= end, lastPosition.offset >= k {
            (k, column) = (lastPosition.offset, lastPosition.column)
        }
        while k < end {
            if b[k] & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        if far { lastPosition.set(line: index, offset: end, column: column) }
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
        guard bytes.withUnsafeBufferPointer({ bytes in bytes.indices.contains { bytes[$0] == 0x0D } }) else { return bytes }
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
