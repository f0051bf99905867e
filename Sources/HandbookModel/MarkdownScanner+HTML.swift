/// HTML blocks (CommonMark's seven kinds) and link reference definitions, found at a line's start.
extension MarkdownScanner {
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
    /// open (so no block's end is known yet: it is read up to the text's end): the index after its line(s), or nil.
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
        index = skipSpace(from: index + 2, limit: count)
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
            let title = skipSpace(from: next, limit: count)
            if next < count, let titleEnd = definitionTitleEnd(from: title), isBlank(titleEnd, lineEnd(titleEnd)) {
                return nextLine(titleEnd)
            }
            return nextLine(index)
        }
        guard let titleEnd = definitionTitleEnd(from: skipSpace(from: index, limit: count)), isBlank(titleEnd, lineEnd(titleEnd)) else { return nil }
        return nextLine(titleEnd)
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
