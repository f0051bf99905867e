/// A compiled template flattened for rendering: each piece is an instruction of a few integers pointing into
/// tables the template shares (its text, its names, its partials), and a section's contents are the
/// instructions up to its end. The tables are fixed buffers read through pointers: walking them copies
/// nothing that must be retained, which walking a tree of pieces holding arrays and strings did for every
/// piece of every page.
final class MustacheProgram: @unchecked Sendable {
    /// One instruction.
    enum Op: Sendable {
        /// The bytes `start..<end` of `text`.
        case text(start: Int32, end: Int32)
        /// The value of `names[name]`, HTML-escaped or not.
        case variable(name: Int32, escaped: Bool)
        /// A section over `names[name]`: its contents are the instructions after it, up to `end`.
        case section(name: Int32, end: Int32, inverted: Bool)
        /// The partial `partials[partial]`.
        case partial(Int32)
    }

    /// A name as a tag gives it: `.` for the current item, or a dotted path.
    struct Name: Sendable {
        /// The first part of the path, looked up the context stack, and its key (`MustacheFields.key`).
        let first: String
        let firstKey: UInt64
        /// The other parts, looked up inside what the first found, and their keys.
        let rest: [String]
        let restKeys: [UInt64]
        /// True for `.`.
        let isCurrent: Bool
        /// The name as written, for a record of names no context provided.
        let dotted: String
    }

    /// The instructions; never changed after `init`, freed with the program.
    let ops: UnsafeMutableBufferPointer<Op>
    let text: UnsafeMutableBufferPointer<UInt8>
    let names: UnsafeMutableBufferPointer<Name>
    let partials: [(name: String, indent: String)]
    /// The template's partial tags and unescaped tags with their places (`MustacheTemplate.partials`, `.unescaped`):
    /// kept here, in the one object a template value points to, so that copying a template while rendering retains
    /// nothing more.
    let partialUses: [MustacheTemplate.Use]
    let unescapedUses: [MustacheTemplate.Use]

    /// Flattens a parsed template.
    init(_ nodes: [MustacheTemplate.Node], partialUses: [MustacheTemplate.Use] = [], unescapedUses: [MustacheTemplate.Use] = []) {
        var builder = Builder()
        builder.add(nodes)
        ops = Self.copy(builder.ops)
        text = Self.copy(builder.text)
        names = Self.copy(builder.names)
        partials = builder.partials
        self.partialUses = partialUses
        self.unescapedUses = unescapedUses
    }

    deinit {
        ops.deinitialize().deallocate()
        text.deinitialize().deallocate()
        names.deinitialize().deallocate()
    }

    /// True when the names `outer` are read only by interpolation: no section over one, and no partial (which could
    /// read one), so their values change nothing but the text interpolated; and no NUL in the template's own text,
    /// which marks where they go while a render is kept with holes (`HoledRender`).
    func readsOnlyByInterpolation(_ outer: [String]) -> Bool {
        for op in ops {
            switch op {
            case .partial: return false
            case .section(let name, _, _): if outer.contains(names[Int(name)].first) { return false }
            case .text, .variable: continue
            }
        }
        return !text.contains(0)
    }

    private static func copy<T>(_ items: [T]) -> UnsafeMutableBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, items.count))
        _ = buffer.initialize(from: items)
        return UnsafeMutableBufferPointer(rebasing: buffer[0..<items.count])
    }

    private struct Builder {
        var ops: [Op] = []
        var text: [UInt8] = []
        var names: [Name] = []
        var partials: [(name: String, indent: String)] = []

        mutating func add(_ nodes: [MustacheTemplate.Node]) {
            for node in nodes {
                switch node {
                case .text(let bytes):
                    ops.append(.text(start: Int32(text.count), end: Int32(text.count + bytes.count)))
                    text += bytes
                case .variable(let path, let escaped):
                    ops.append(.variable(name: name(path), escaped: escaped))
                case .section(let path, let children, let inverted):
                    let at = ops.count
                    ops.append(.text(start: 0, end: 0))
                    add(children)
                    ops[at] = .section(name: name(path), end: Int32(ops.count), inverted: inverted)
                case .partial(let partial, let indent):
                    ops.append(.partial(Int32(partials.count)))
                    partials.append((partial, indent))
                }
            }
        }

        mutating func name(_ path: [String]) -> Int32 {
            let first = path.first ?? "", rest = Array(path.dropFirst())
            names.append(Name(first: first, firstKey: MustacheFields.key(first), rest: rest, restKeys: rest.map(MustacheFields.key),
                              isCurrent: path == ["."], dotted: path.joined(separator: ".")))
            return Int32(names.count - 1)
        }
    }
}
