import HandbookModel

extension YAMLParser {
    /// Reads a front matter that did not parse whole a top-level key at a time, keeping the keys whose lines parse on
    /// their own (the first of a repeated key), so that a syntax error in one field does not hide the problems of the
    /// others. A key starts on a line that begins at the margin with anything but a blank, `#`, `-` or a document
    /// marker; its entry runs to the next such line. Only for reporting: the file's own error stands.
    public static func parseKeys(_ bytes: [UInt8], lineOffset: Int = 0) -> YAMLNode {
        var starts: [(offset: Int, line: Int)] = []
        var offset = 0
        var line = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            let marker = offset + 2 < bytes.count && (bytes[offset...].starts(with: [0x2D, 0x2D, 0x2D]) || bytes[offset...].starts(with: [0x2E, 0x2E, 0x2E]))
            if byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != UInt8(ascii: "#") && byte != UInt8(ascii: "-") && !marker {
                starts.append((offset, line))
            }
            while offset < bytes.count && bytes[offset] != 0x0A { offset += 1 }
            offset += 1
            line += 1
        }
        var pairs: [YAMLPair] = []
        var keys: Set<String> = []
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1].offset : bytes.count
            guard let entries = (try? parse(Array(bytes[start.offset..<end]), lineOffset: lineOffset + start.line))?.root?.pairs else { continue }
            for pair in entries where keys.insert(pair.key).inserted { pairs.append(pair) }
        }
        return YAMLNode(.mapping(pairs), at: TextPosition(line: lineOffset + 1, column: 1))
    }
}
