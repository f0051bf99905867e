/// A compiled Mustache template: parsed once, rendered many times (spec modules interpolation,
/// sections, inverted, comments, partials and delimiters).
public struct MustacheTemplate: Sendable {
    /// One piece of a compiled template.
    enum Node: Sendable {
        case text([UInt8])
        case variable(path: [String], escaped: Bool)
        case section(path: [String], nodes: [Node], inverted: Bool)
        case partial(name: String, indent: String)
    }

    /// A tag of the template, where it is: a partial it includes, or a name it writes without escaping.
    public struct Use: Sendable, Hashable {
        /// The partial's name, or the dotted name written.
        public var name: String
        /// 1-based line and column of the tag.
        public var line: Int
        public var column: Int
        /// Whether the tag is inside a section (so it is rendered only when the section's value says so).
        public var inSection: Bool
    }

    /// The template's name, used in error messages.
    public let name: String
    /// What rendering walks.
    let program: MustacheProgram
    /// The partials the template includes, in order: a library can check that each exists, and that none includes
    /// itself unconditionally.
    public var partials: [Use] { program.partialUses }
    /// The names written without escaping (`{{{name}}}`, `{{& name}}`), in order.
    public var unescaped: [Use] { program.unescapedUses }

    /// Compiles `source`; throws with the template's name, line and column when it is malformed.
    public init(name: String, source: String) throws(MustacheError) {
        self.name = name
        var parser = Parser(name: name, bytes: Array(source.utf8))
        let nodes = try parser.parse()
        self.program = MustacheProgram(nodes, partialUses: parser.partialUses, unescapedUses: parser.unescapedUses)
    }
}

private extension MustacheTemplate {
    struct Parser {
        let name: String
        let bytes: [UInt8]
        var open: [UInt8] = Array("{{".utf8)
        var close: [UInt8] = Array("}}".utf8)
        var partialUses: [Use] = []
        var unescapedUses: [Use] = []
        /// The last place located, so locating the tags of a template one after another reads it once.
        var located = (offset: 0, line: 1, column: 1)

        init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }

        struct Frame {
            var path: [String]
            var label: String
            var inverted: Bool
            var nodes: [Node] = []
            var offset: Int
        }

        mutating func parse() throws(MustacheError) -> [Node] {
            var stack = [Frame(path: [], label: "", inverted: false, offset: 0)]
            var pendingText: [UInt8] = []
            var i = 0

            func flushText(into stack: inout [Frame], _ text: inout [UInt8]) {
                if !text.isEmpty {
                    stack[stack.count - 1].nodes.append(.text(text))
                    text.removeAll(keepingCapacity: true)
                }
            }

            while i < bytes.count {
                guard let tagStart = find(open, from: i) else {
                    pendingText.append(contentsOf: bytes[i...])
                    break
                }
                pendingText.append(contentsOf: bytes[i..<tagStart])
                var contentStart = tagStart + open.count
                var kind: UInt8 = 0
                if contentStart < bytes.count, let first = Optional(bytes[contentStart]),
                   [UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "/"), UInt8(ascii: "!"), UInt8(ascii: ">"),
                    UInt8(ascii: "="), UInt8(ascii: "&"), UInt8(ascii: "{")].contains(first) {
                    kind = first
                    contentStart += 1
                }
                let closer = kind == UInt8(ascii: "{") ? [UInt8(ascii: "}")] + close : (kind == UInt8(ascii: "=") ? [UInt8(ascii: "=")] + close : close)
                guard let contentEnd = find(closer, from: contentStart) else {
                    throw error(.unclosedTag, at: tagStart)
                }
                let tagEnd = contentEnd + closer.count
                let content = String(decoding: bytes[contentStart..<contentEnd], as: UTF8.self).trimmingBlanks

                // A section, comment, partial or delimiter tag alone on its line takes the line with it.
                var indent = ""
                var next = tagEnd
                let standaloneKinds: [UInt8] = [UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "/"), UInt8(ascii: "!"), UInt8(ascii: ">"), UInt8(ascii: "=")]
                if standaloneKinds.contains(kind), let lineEnd = standaloneEnd(after: tagEnd), let lead = leadingBlanks(before: tagStart) {
                    indent = String(decoding: bytes[(tagStart - lead)..<tagStart], as: UTF8.self)
                    pendingText.removeLast(lead)
                    next = lineEnd
                }

                switch kind {
                case UInt8(ascii: "!"):
                    break
                case UInt8(ascii: "="):
                    let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" })
                    guard parts.count == 2, !parts[0].contains("="), !parts[1].contains("=") else {
                        throw error(.badDelimiters, at: tagStart)
                    }
                    open = Array(parts[0].utf8)
                    close = Array(parts[1].utf8)
                case UInt8(ascii: "#"), UInt8(ascii: "^"):
                    guard !content.isEmpty else { throw error(.emptyTag, at: tagStart) }
                    flushText(into: &stack, &pendingText)
                    stack.append(Frame(path: path(content), label: content, inverted: kind == UInt8(ascii: "^"), offset: tagStart))
                case UInt8(ascii: "/"):
                    flushText(into: &stack, &pendingText)
                    guard stack.count > 1, let frame = stack.last, frame.label == content else {
                        throw error(.unexpectedClose(expected: stack.count > 1 ? stack.last?.label : nil, found: content), at: tagStart)
                    }
                    stack.removeLast()
                    stack[stack.count - 1].nodes.append(.section(path: frame.path, nodes: frame.nodes, inverted: frame.inverted))
                case UInt8(ascii: ">"):
                    guard !content.isEmpty else { throw error(.emptyTag, at: tagStart) }
                    flushText(into: &stack, &pendingText)
                    stack[stack.count - 1].nodes.append(.partial(name: content, indent: indent))
                    let at = locate(tagStart)
                    partialUses.append(Use(name: content, line: at.line, column: at.column, inSection: stack.count > 1))
                default:
                    guard !content.isEmpty else { throw error(.emptyTag, at: tagStart) }
                    flushText(into: &stack, &pendingText)
                    stack[stack.count - 1].nodes.append(.variable(path: path(content), escaped: kind == 0))
                    if kind != 0 {
                        let at = locate(tagStart)
                        unescapedUses.append(Use(name: content, line: at.line, column: at.column, inSection: stack.count > 1))
                    }
                }
                i = next
            }
            flushText(into: &stack, &pendingText)
            if stack.count > 1, let frame = stack.last {
                throw error(.unclosedSection(frame.label), at: frame.offset)
            }
            return stack[0].nodes
        }

        func path(_ name: String) -> [String] {
            name == "." ? ["."] : name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        }

        func find(_ needle: [UInt8], from start: Int) -> Int? {
            guard !needle.isEmpty, start <= bytes.count - needle.count else { return nil }
            var k = start
            let first = needle[0]
            while k <= bytes.count - needle.count {
                if bytes[k] == first {
                    var match = true
                    for j in 1..<needle.count where bytes[k + j] != needle[j] {
                        match = false
                        break
                    }
                    if match { return k }
                }
                k += 1
            }
            return nil
        }

        /// The number of blanks between the start of the line and `offset`, or nil when anything else precedes the tag.
        func leadingBlanks(before offset: Int) -> Int? {
            var k = offset
            while k > 0 {
                let c = bytes[k - 1]
                if c == 0x0A { break }
                guard c == 0x20 || c == 0x09 else { return nil }
                k -= 1
            }
            return offset - k
        }

        /// Where the next line starts when only blanks follow `offset` on its line; nil otherwise.
        func standaloneEnd(after offset: Int) -> Int? {
            var k = offset
            while k < bytes.count {
                let c = bytes[k]
                if c == 0x0A { return k + 1 }
                if c == 0x0D, k + 1 < bytes.count, bytes[k + 1] == 0x0A { return k + 2 }
                guard c == 0x20 || c == 0x09 else { return nil }
                k += 1
            }
            return k
        }

        func error(_ reason: MustacheError.Reason, at offset: Int) -> MustacheError {
            var from = (offset: 0, line: 1, column: 1)
            let (line, column) = Self.advance(&from, to: offset, in: bytes)
            return MustacheError(reason: reason, template: name, line: line, column: column)
        }

        /// The line and column of `offset`, read on from the last place located (tags come in order).
        mutating func locate(_ offset: Int) -> (line: Int, column: Int) {
            if offset < located.offset { located = (0, 1, 1) }
            return Self.advance(&located, to: offset, in: bytes)
        }

        /// Moves `place` on to `offset`, counting lines and characters (not bytes), and returns its line and column.
        static func advance(_ place: inout (offset: Int, line: Int, column: Int), to offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
            for k in place.offset..<min(offset, bytes.count) {
                if bytes[k] == 0x0A {
                    place.line += 1
                    place.column = 1
                } else if bytes[k] & 0xC0 != 0x80 {
                    place.column += 1
                }
            }
            place.offset = max(place.offset, min(offset, bytes.count))
            return (place.line, place.column)
        }
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmingBlanks: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(scalars[first...last])
    }
}
