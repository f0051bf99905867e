import Foundation

/// A set of named templates that can include each other as partials; compiled once, safe to render from many threads.
public final class MustacheLibrary: Sendable {
    /// How deep partials may include each other before rendering stops, so a runaway recursion cannot crash.
    public static let maximumDepth = 100
    /// How many partials and list items one render expands by default before it stops expanding them. A
    /// partial that includes itself inside a section over a list is expanded once per item at every level,
    /// which the depth limit alone lets grow exponentially; a list page of 100,000 entries expands a few
    /// hundred thousand.
    public static let defaultPartialBudget = 20_000_000

    /// The partials one render may expand.
    private let partialBudget: Int
    private let sources: [String: String]
    private let compiled: [String: MustacheTemplate]
    private let indented = IndentedPartials()

    /// Compiles every template; throws the first template error (file, line, column). One render stops expanding
    /// partials after `partialBudget` of them (and records the cut in `misses`).
    public init(templates: [String: String], partialBudget: Int = MustacheLibrary.defaultPartialBudget) throws(MustacheError) {
        self.partialBudget = partialBudget
        var compiled: [String: MustacheTemplate] = [:]
        for (name, source) in templates.sorted(by: { $0.key < $1.key }) {
            compiled[name] = try MustacheTemplate(name: name, source: source)
        }
        self.sources = templates
        self.compiled = compiled
    }


    /// True when a template of this name exists.
    public func contains(_ name: String) -> Bool { compiled[name] != nil }

    /// Renders the named template with `context`; an unknown name renders as empty text, as a missing partial does.
    /// With `misses`, every name the template asks for that no context provides (not even as null) is recorded
    /// there, so a test can catch a misspelt name that would otherwise render as empty text.
    public func render(_ name: String, _ context: MustacheValue, misses: MissingNames? = nil) -> String {
        String(decoding: renderBytes(name, context, misses: misses), as: UTF8.self)
    }

    /// Renders the named template into UTF-8 bytes, as `render` does (pages are written as bytes, so no
    /// String is built for them).
    /// With `cache`, the partials it names are rendered once per item and reused (see `PartialCache`).
    public func renderBytes(_ name: String, _ context: MustacheValue, misses: MissingNames? = nil, cache: PartialCache? = nil) -> [UInt8] {
        guard let template = compiled[name] else { return [] }
        var out = ByteBuffer(capacity: 16_384)
        var stack = [context]
        stack.reserveCapacity(8)
        var budget = partialBudget
        render(template.program, 0..<template.program.ops.count, stack: &stack, depth: 0, budget: &budget, into: &out,
               misses: misses.map { ($0, name) }, cache: cache)
        return out.array()
    }
}

/// Names templates asked for that their context did not provide, as `template: dotted.name`; safe to share between threads.
public final class MissingNames: @unchecked Sendable {
    private let lock = NSLock()
    private var names: Set<String> = []

    /// An empty record.
    public init() {}

    /// Every name recorded, sorted.
    public var sorted: [String] {
        lock.lock()
        defer { lock.unlock() }
        return names.sorted()
    }

    func record(_ name: String) {
        lock.lock()
        names.insert(name)
        lock.unlock()
    }
}

private extension MustacheLibrary {
    /// Renders the instructions `range` of `program`; `stack` is the context stack, pushed and popped in place
    /// (sections inside loops would otherwise copy it for every item).
    func render(_ program: MustacheProgram, _ range: Range<Int>, stack: inout [MustacheValue], depth: Int, budget: inout Int,
                into out: inout ByteBuffer, misses: (record: MissingNames, template: String)?, cache: PartialCache?) {
        var at = range.lowerBound
        while at < range.upperBound {
            let op = program.ops[at]
            at += 1
            switch op {
            case .text(let start, let end):
                out.append(UnsafeBufferPointer(rebasing: program.text[Int(start)..<Int(end)]))
            case .variable(let name, let escaped):
                let name = program.names.baseAddress! + Int(name)
                // A one-part name is written from where it is found, without copying its value.
                if Self.writeMember(name, in: stack, escaped: escaped, into: &out) { continue }
                Self.write(lookup(name, in: stack, misses: misses), escaped: escaped, into: &out)
            case .section(let name, let end, let inverted):
                let children = at..<Int(end)
                at = Int(end)
                let value = lookup(program.names.baseAddress! + Int(name), in: stack, misses: misses)
                if inverted {
                    if value.isFalsey { render(program, children, stack: &stack, depth: depth, budget: &budget, into: &out, misses: misses, cache: cache) }
                    continue
                }
                switch value {
                case .list(let items):
                    // By index: each item is retained once, for the stack, not also for a loop variable.
                    for index in items.indices {
                        // Each item is an expansion too: sections over lists nested in a self-including partial
                        // multiply, and the budget bounds the whole render, not only the partials.
                        guard budget > 0 else { break }
                        budget -= 1
                        stack.append(items[index])
                        render(program, children, stack: &stack, depth: depth, budget: &budget, into: &out, misses: misses, cache: cache)
                        stack.removeLast()
                    }
                case _ where value.isFalsey:
                    continue
                default:
                    stack.append(value)
                    render(program, children, stack: &stack, depth: depth, budget: &budget, into: &out, misses: misses, cache: cache)
                    stack.removeLast()
                }
            case .partial(let number):
                let (name, indent) = program.partials[Int(number)]
                guard depth < Self.maximumDepth, let template = partial(name, indent: indent) else { continue }
                guard budget > 0 else {
                    misses?.record.record("\(misses!.template): more than \(partialBudget) partials; \(name) not expanded")
                    continue
                }
                budget -= 1
                if let cache, let outer = cache.partials[name] {
                    renderCached(template, name: name, indent: indent, reading: outer, stack: stack, depth: depth + 1, budget: &budget,
                                 into: &out, misses: misses.map { ($0.record, name) }, cache: cache)
                    continue
                }
                render(template.program, 0..<template.program.ops.count, stack: &stack, depth: depth + 1, budget: &budget, into: &out,
                       misses: misses.map { ($0.record, name) }, cache: cache)
            }
        }
    }

    /// Renders a partial `cache` keeps: its item (the top of `stack`) under the outer names it reads, and nothing
    /// else of the page, reused when the same item was rendered with the same values before.
    func renderCached(_ template: MustacheTemplate, name: String, indent: String, reading outer: [String], stack: [MustacheValue],
                      depth: Int, budget: inout Int, into out: inout ByteBuffer, misses: (record: MissingNames, template: String)?,
                      cache: PartialCache) {
        let item = stack.last ?? .null
        let outerValues = outer.map { Self.member($0, key: MustacheFields.key($0), in: stack) }
        let values = outerValues.compactMap { ($0 ?? .null).cacheText }
        // Only an object has an identity to know it again by, and only plain outer values are compared: anything
        // else is rendered each time, alike.
        let identity = values.count == outer.count ? item.identity : nil
        if let identity, let bytes = cache.bytes(partial: name, indent: indent, outer: values, item: identity) {
            out.append(bytes)
            return
        }
        // A name the page does not have stays absent, so asking for it is recorded as a miss, as without the cache.
        var frame = MustacheFields()
        for (outerName, value) in zip(outer, outerValues) { frame[outerName] = value }
        var isolated: [MustacheValue] = [.fields(frame), item]
        let start = out.count
        render(template.program, 0..<template.program.ops.count, stack: &isolated, depth: depth, budget: &budget, into: &out,
               misses: misses, cache: cache)
        if let identity { cache.keep(out.bytes(from: start), partial: name, indent: indent, outer: values, item: item, identity: identity) }
    }

    /// Resolves a name: the first part of its path anywhere up the stack, the rest inside what it found.
    func lookup(_ name: UnsafePointer<MustacheProgram.Name>, in stack: [MustacheValue], misses: (record: MissingNames, template: String)?) -> MustacheValue {
        if name.pointee.isCurrent { return stack.last ?? .null }
        guard var value = Self.member(name.pointee.first, key: name.pointee.firstKey, in: stack) else {
            misses?.record.record("\(misses!.template): \(name.pointee.dotted)")
            return .null
        }
        for (part, key) in zip(name.pointee.rest, name.pointee.restKeys) {
            guard let next = Self.withMember(part, key: key, of: value, { $0 }) else {
                // A dotted name through null is simply absent; through an object without the key, a miss.
                if let misses, value.members != nil { misses.record.record("\(misses.template): \(name.pointee.dotted)") }
                return .null
            }
            value = next
        }
        return value
    }

    /// The member `name` (keyed `key`) of the nearest object up the stack that has it, or nil. The stack is
    /// read in place: only the value found is copied, not each object asked on the way.
    static func member(_ name: String, key: UInt64, in stack: [MustacheValue]) -> MustacheValue? {
        stack.withUnsafeBufferPointer { stack in
            var index = stack.count
            while index > 0 {
                index -= 1
                if let found = withMember(name, key: key, of: stack[index], { $0 }) { return found }
            }
            return nil
        }
    }

    /// Writes the value of a name from where it is found, read in place: the first part from the nearest object
    /// up the stack that has it, the rest inside it. False when the name is `.`, or it is not found all the way
    /// (then `lookup` resolves it, and records a miss).
    static func writeMember(_ name: UnsafePointer<MustacheProgram.Name>, in stack: [MustacheValue], escaped: Bool,
                            into out: inout ByteBuffer) -> Bool {
        guard !name.pointee.isCurrent else { return false }
        return stack.withUnsafeBufferPointer { stack in
            var index = stack.count
            while index > 0 {
                index -= 1
                let found = withMember(name.pointee.first, key: name.pointee.firstKey, of: stack[index]) { value in
                    writePath(value, name, from: 0, escaped: escaped, into: &out)
                }
                // The first part found decides, whether or not the rest is found inside it.
                if let found { return found }
            }
            return false
        }
    }

    /// Writes the part of `name`'s path from `part` on, inside `value`; false when a part is not found.
    private static func writePath(_ value: MustacheValue, _ name: UnsafePointer<MustacheProgram.Name>, from part: Int, escaped: Bool,
                                  into out: inout ByteBuffer) -> Bool {
        guard part < name.pointee.rest.count else {
            write(value, escaped: escaped, into: &out)
            return true
        }
        return withMember(name.pointee.rest[part], key: name.pointee.restKeys[part], of: value) { inner in
            writePath(inner, name, from: part + 1, escaped: escaped, into: &out)
        } ?? false
    }

    /// `body`'s result for the member `name` (keyed `key`) of an object, read in place; nil when there is none
    /// (or `value` is not an object).
    @inline(__always)
    static func withMember<Result>(_ name: String, key: UInt64, of value: MustacheValue, _ body: (MustacheValue) -> Result) -> Result? {
        switch value {
        case .fields(let fields): return fields.withValue(of: name, key: key, body)
        case .object(let members): return members[name].map(body)
        default: return nil
        }
    }

    /// Writes a value as an interpolation does: bytes as they are, text (HTML-escaped when `escaped`).
    @inline(__always)
    static func write(_ value: MustacheValue, escaped: Bool, into out: inout ByteBuffer) {
        switch value {
        case .utf8(let bytes):
            if escaped { HTML.escape(bytes, into: &out) } else { out.append(bytes) }
        case .string(let text):
            if escaped { HTML.escape(text, into: &out) } else { out.append(text) }
        default:
            if escaped { HTML.escape(value.text, into: &out) } else { out.append(value.text) }
        }
    }

    /// The partial, with `indent` put before each of its lines when the tag stood alone on an indented line.
    func partial(_ name: String, indent: String) -> MustacheTemplate? {
        if indent.isEmpty { return compiled[name] }
        guard let source = sources[name] else { return nil }
        return indented.template(name: name, indent: indent) {
            var text = ""
            var atLineStart = true
            for character in source {
                if atLineStart { text += indent }
                text.append(character)
                atLineStart = character == "\n"
            }
            return try? MustacheTemplate(name: name, source: text)
        }
    }
}

/// Indented copies of partials, made on first use and shared between threads.
private final class IndentedPartials: @unchecked Sendable {
    private let lock = NSLock()
    private var cache: [String: MustacheTemplate] = [:]

    func template(name: String, indent: String, make: () -> MustacheTemplate?) -> MustacheTemplate? {
        let key = indent + "\u{0}" + name
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[key] { return cached }
        let made = make()
        if let made { cache[key] = made }
        return made
    }
}

/// HTML escaping for interpolated values.
public enum HTML {
    /// Appends `text` with `&`, `<`, `>`, `"` and `'` escaped, safe in element text and quoted attributes.
    public static func escape(_ text: String, into out: inout String) {
        var bytes: [UInt8] = []
        escape(text, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text`'s UTF-8 bytes with `&`, `<`, `>`, `"` and `'` escaped; runs without them are copied whole.
    public static func escape(_ text: String, into out: inout [UInt8]) {
        text.withUTF8Bytes { bytes in pieces(of: bytes) { out.append(contentsOf: $0) } }
    }

    /// Appends UTF-8 bytes with `&`, `<`, `>`, `"` and `'` escaped, as `escape(_:into:)` does for text.
    public static func escape(_ bytes: [UInt8], into out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { bytes in pieces(of: bytes) { out.append(contentsOf: $0) } }
    }

    /// Appends UTF-8 bytes read in place with `&`, `<`, `>`, `"` and `'` escaped.
    public static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        pieces(of: bytes) { out.append(contentsOf: $0) }
    }

    /// Appends `text`'s UTF-8 bytes with `&`, `<`, `>`, `"` and `'` escaped into a buffer.
    public static func escape(_ text: String, into out: inout ByteBuffer) {
        text.withUTF8Bytes { bytes in pieces(of: bytes) { out.append($0) } }
    }

    /// Appends UTF-8 bytes with `&`, `<`, `>`, `"` and `'` escaped into a buffer.
    public static func escape(_ bytes: [UInt8], into out: inout ByteBuffer) {
        bytes.withUnsafeBufferPointer { bytes in pieces(of: bytes) { out.append($0) } }
    }

    /// Appends UTF-8 bytes read in place with `&`, `<`, `>`, `"` and `'` escaped into a buffer.
    public static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout ByteBuffer) {
        pieces(of: bytes) { out.append($0) }
    }

    /// The escaped form of `bytes` as the pieces to append in turn: runs without a special character as they
    /// are, and each special character's reference.
    @inline(__always)
    private static func pieces(of bytes: UnsafeBufferPointer<UInt8>, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        let count = bytes.count
        // Most values have nothing to escape: tested a word at a time, the last word overlapping the one before,
        // and then given whole, without looking at the last bytes one by one.
        if count >= 8, let base = bytes.baseAddress {
            var word = 0
            while word + 8 <= count, !maySpecial(UnsafeRawPointer(base + word).loadUnaligned(as: UInt64.self)) { word += 8 }
            if word == count || (word + 8 > count && !maySpecial(UnsafeRawPointer(base + count - 8).loadUnaligned(as: UInt64.self))) {
                emit(bytes)
                return
            }
        }
        var start = 0
        var index = 0
        while index < count {
            // Eight bytes at a time past runs with nothing to escape: every value of every page comes through here.
            if index + 8 <= count, !maySpecial(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let replacement: StaticString
            switch bytes[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default:
                index += 1
                continue
            }
            emit(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            emit(UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            index += 1
            start = index
        }
        emit(UnsafeBufferPointer(rebasing: bytes[start..<count]))
    }

    /// False when no byte of `word` is `&`, `'`, `<`, `>` or `"`. Three exact presence tests: a byte with its
    /// lowest bit set is 0x27 for `&` and `'`, with its second bit set 0x3E for `<` and `>`.
    @inline(__always)
    private static func maySpecial(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zero(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        return zero((word | ones) ^ (ones &* 0x27)) | zero((word | (ones &* 2)) ^ (ones &* 0x3E)) | zero(word ^ (ones &* 0x22)) != 0
    }

    /// `text` with HTML's special characters escaped.
    public static func escape(_ text: String) -> String {
        // Most names, links and labels have nothing to escape: then the text is given back as it is.
        let special = text.withUTF8Bytes { bytes in
            var index = 0
            while index + 8 <= bytes.count {
                if maySpecial(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)) { return true }
                index += 8
            }
            return bytes[index...].contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        }
        guard special else { return text }
        var out = ""
        escape(text, into: &out)
        return out
    }
}
