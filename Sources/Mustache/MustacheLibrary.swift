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
    /// How large one page may grow before rendering stops expanding partials and list items for it: a runaway
    /// partial with text of its own would otherwise fill the memory well before the budget (a list page of 100,000
    /// entries is a few tens of megabytes).
    public static let maximumPageBytes = 256 << 20

    /// The partials one render may expand.
    private let partialBudget: Int
    private let sources: [String: String]
    private let compiled: [String: MustacheTemplate]
    private let indented = IndentedPartials()

    /// Renders cut short, by depth or by budget, so a caller can report a runaway theme rather than publish its pieces.
    private let overruns = Overruns()
    /// Whether text (`.string`) written without escaping is escaped all the same and recorded (`rawText`): only bytes
    /// (`.utf8`) are then taken as markup. Off by default, as the Mustache spec writes text raw.
    private let escapesRawText: Bool
    private let rawTexts = Overruns()

    /// Compiles every template; throws the first template error (file, line, column). One render stops expanding
    /// partials after `partialBudget` of them (and records the cut in `misses`, and in `overrun`).
    public convenience init(templates: [String: String], partialBudget: Int = MustacheLibrary.defaultPartialBudget) throws(MustacheError) {
        switch Self.compiling(templates: templates) {
        case .success(let compiled): self.init(sources: templates, compiled: compiled, partialBudget: partialBudget)
        case .failure(let failure): throw failure.errors[0]
        }
    }

    private init(sources: [String: String], compiled: [String: MustacheTemplate], partialBudget: Int, escapesRawText: Bool = false) {
        self.partialBudget = partialBudget
        self.escapesRawText = escapesRawText
        self.sources = sources
        self.compiled = compiled
    }

    /// Compiles every template, reporting every template's error (in the order of their names), not only the first.
    /// With `escapingRawText`, a value written without escaping (`{{{name}}}`, `{{&name}}`) is written raw only when it
    /// is bytes (`.utf8`, markup its maker vouches for); text is escaped all the same, and the first such name is
    /// recorded (`rawText`), so a caller can refuse a template that would print text it did not make as markup.
    public static func compile(templates: [String: String], partialBudget: Int = MustacheLibrary.defaultPartialBudget,
                               escapingRawText: Bool = false) -> Result<MustacheLibrary, CompileErrors> {
        compiling(templates: templates).map {
            MustacheLibrary(sources: templates, compiled: $0, partialBudget: partialBudget, escapesRawText: escapingRawText)
        }
    }

    /// The errors of `compile`, one per template at fault.
    public struct CompileErrors: Error, Sendable {
        /// Each template's first error, in the order of the templates' names.
        public var errors: [MustacheError]
    }

    private static func compiling(templates: [String: String]) -> Result<[String: MustacheTemplate], CompileErrors> {
        var compiled: [String: MustacheTemplate] = [:]
        var errors: [MustacheError] = []
        for (name, source) in templates.sorted(by: { $0.key < $1.key }) {
            do {
                compiled[name] = try MustacheTemplate(name: name, source: source)
            } catch {
                errors.append(error)
            }
        }
        return errors.isEmpty ? .success(compiled) : .failure(CompileErrors(errors: errors))
    }

    /// The compiled template of this name, for what it includes and writes (`MustacheTemplate.partials`).
    public func template(named name: String) -> MustacheTemplate? { compiled[name] }

    /// The names of the templates, sorted.
    public var names: [String] { compiled.keys.sorted() }

    /// How the first render cut short was cut (a partial nested deeper than `maximumDepth`, or more expansions than
    /// the budget), or nil when every render so far was whole.
    public var overrun: String? { overruns.first }

    /// Every name whose text a template wrote without escaping (with `escapingRawText`), sorted.
    public var rawTextNames: [String] { rawTexts.all }


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
            case .variable(let name, let escaped) where !escaped && escapesRawText:
                let name = program.names.baseAddress! + Int(name)
                let value = lookup(name, in: stack, misses: misses)
                if case .string = value { rawTexts.record(name.pointee.dotted) }
                Self.write(value, escaped: { if case .utf8 = value { return false } else { return true } }(), into: &out)
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
                        guard budget > 0, out.count <= Self.maximumPageBytes, !overruns.happened else {
                            overruns.record(budget > 0 ? "a page grew past \(Self.maximumPageBytes >> 20) MB"
                                                       : "more than \(partialBudget) partials and list items in one page")
                            break
                        }
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
                guard depth < Self.maximumDepth else {
                    overruns.record("the partial \(name) nested more than \(Self.maximumDepth) deep: a partial that includes itself without end")
                    continue
                }
                guard budget > 0 else {
                    misses?.record.record("\(misses!.template): more than \(partialBudget) partials; \(name) not expanded")
                    overruns.record("more than \(partialBudget) partials and list items in one page")
                    continue
                }
                // Once one render has run away, every render stops expanding: what they would make is refused anyway,
                // and a runaway theme would otherwise take minutes a page.
                guard out.count <= Self.maximumPageBytes, !overruns.happened else {
                    overruns.record("a page grew past \(Self.maximumPageBytes >> 20) MB")
                    continue
                }
                guard let template = partial(name, indent: indent) else { continue }
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
        // Plain outer values, and a partial that only interpolates them: one render per item, kept with holes.
        if let identity = item.identity, outerValues.allSatisfy(HoledRender.fills) {
            let (allowed, kept) = cache.holed(partial: name, indent: indent, program: template.program, outer: outer, item: identity)
            if let kept {
                write(kept, filling: outerValues, names: outer, into: &out)
                return
            }
            if allowed && !HoledRender.holdsNUL(item) {
                var frame = MustacheFields()
                for (index, outerName) in outer.enumerated() { frame[outerName] = HoledRender.probe(index) }
                var isolated: [MustacheValue] = [.fields(frame), item]
                var probed = ByteBuffer(capacity: 1024)
                render(template.program, 0..<template.program.ops.count, stack: &isolated, depth: depth, budget: &budget,
                       into: &probed, misses: misses, cache: cache)
                if let holed = HoledRender(probed: probed.array(), outerCount: outer.count) {
                    cache.keep(holed, partial: name, indent: indent, item: item, identity: identity)
                    write(holed, filling: outerValues, names: outer, into: &out)
                    return
                }
            }
        }
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

    /// Writes a render kept with holes, each hole filled with its outer value as an interpolation writes it.
    /// A hole written without escaping takes text escaped all the same, and recorded, as the render loop does.
    func write(_ holed: HoledRender, filling values: [MustacheValue?], names: [String], into out: inout ByteBuffer) {
        holed.bytes.withUnsafeBufferPointer { bytes in
            var from = 0
            for hole in holed.holes {
                out.append(UnsafeBufferPointer(rebasing: bytes[from..<hole.at]))
                let value = values[hole.outer] ?? .null
                if !hole.escaped && escapesRawText, case .string = value {
                    rawTexts.record(names[hole.outer])
                    Self.write(value, escaped: true, into: &out)
                } else {
                    Self.write(value, escaped: hole.escaped, into: &out)
                }
                from = hole.at
            }
            out.append(UnsafeBufferPointer(rebasing: bytes[from...]))
        }
    }

    /// Resolves a name: the first part of its path anywhere up the stack, the rest inside what it found.
    func lookup(_ name: UnsafePointer<MustacheProgram.Name>, in stack: [MustacheValue], misses: (record: MissingNames, template: String)?) -> MustacheValue {
        if name.pointee.isCurrent { return stack.last ?? .null }
        guard var value = Self.member(name.pointee.first, key: name.pointee.firstKey, in: stack) else {
            misses?.record.record("\(misses!.template): \(name.pointee.dotted)")
            return .null
        }
        // By position in the name's own arrays: zipping them retained both, and copied each part, every lookup.
        var part = 0
        while part < name.pointee.rest.count {
            guard let next = Self.withMember(name.pointee.rest[part], key: name.pointee.restKeys[part], of: value, { $0 }) else {
                // A dotted name through null is simply absent; through an object without the key, a miss.
                if let misses, value.members != nil { misses.record.record("\(misses.template): \(name.pointee.dotted)") }
                return .null
            }
            value = next
            part += 1
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

    /// Writes the part of `name`'s path from `part` on, inside `value`; false when a part is not found. It only
    /// reads values and writes into the buffer, so it releases nothing the caller holds (see `ByteBuffer`): the
    /// values it is handed from the context stack are not retained for it.
    @_effects(releasenone)
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
