import HandbookModel

// The parser's scalars: plain, quoted and block (YAMLParser.swift holds its state and the document structure).
// MARK: - Plain scalars

extension YAMLParser {
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

    /// A plain scalar's text: its first line (`firstLine`, the scanner just past it) and the lines that continue
    /// it, folded. Most scalars are one line, made into text straight from the bytes.
    mutating func plainText(_ firstLine: Range<Int>, parentIndent: Int, flow: Bool) throws -> String {
        var rest: [UInt8] = []
        try continuePlain(&rest, parentIndent: parentIndent, flow: flow)
        if rest.isEmpty { return String(decoding: b[firstLine], as: UTF8.self) }
        return String(decoding: b[firstLine] + rest, as: UTF8.self)
    }

    /// Appends to `text` the lines that continue a plain scalar, each after its fold (a space, or the line breaks
    /// of the empty lines between).
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

extension YAMLParser {
    mutating func parseQuoted(parentIndent: Int, flow: Bool) throws -> YAMLNode {
        let start = i
        let quote = b[i]
        let double = quote == UInt8(ascii: "\"")
        i += 1
        let style: YAMLNode.ScalarStyle = double ? .doubleQuoted : .singleQuoted
        // Most quoted text is one line without escapes: it is taken from the bytes as it is.
        let plainEnd = b.withUnsafeBufferPointer { bytes in
            var end = i
            while end < bytes.count, bytes[end] != quote, bytes[end] != 0x0A, !(double && bytes[end] == UInt8(ascii: "\\")) { end += 1 }
            return end
        }
        if plainEnd < b.count, b[plainEnd] == quote, double || plainEnd + 1 >= b.count || b[plainEnd + 1] != quote {
            let text = self.text(i, plainEnd)
            i = plainEnd + 1
            return YAMLNode(.scalar(text, style), at: position(of: start))
        }
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

extension YAMLParser {
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
