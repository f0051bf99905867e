/// How validated entries and diagnostics are written as bytes (`ByteRecordWriter`) and read back
/// (`ByteRecordReader`), so that a rebuild can take a file's checked result from the last build instead of
/// reading and checking it again. Reading gives back exactly what was written, or nil for anything damaged.
extension Entity {
    /// Writes the entry: its reference, path, name, fields, body and body line (not its dates, which are found
    /// afresh on every build).
    public func write(to writer: inout ByteRecordWriter) {
        reference.write(to: &writer)
        writer.text(path)
        writer.text(name)
        FieldEntry.write(fields, to: &writer)
        writer.run(body)
        writer.number(bodyLine)
    }

    /// Reads an entry written by `write(to:)`.
    public init?(reading reader: inout ByteRecordReader) {
        guard let reference = EntityReference(reading: &reader), let path = reader.text(), let name = reader.text(),
              let fields = FieldEntry.read(&reader, depth: 0), let body = reader.run(), let bodyLine = reader.number(in: 1...Int(Int32.max))
        else { return nil }
        self.init(reference: reference, path: path, name: name, fields: fields, body: body, bodyLine: bodyLine)
    }
}

extension EntityReference {
    /// Writes the type (folder and rank) and the slug.
    func write(to writer: inout ByteRecordWriter) {
        writer.text(type.folder)
        writer.number(type.rank)
        writer.text(slug)
    }

    /// Reads a reference written by `write(to:)`.
    init?(reading reader: inout ByteRecordReader) {
        guard let folder = reader.text(), let rank = reader.number(), let slug = reader.text() else { return nil }
        self.init(type: EntityType(folder: folder, rank: rank), slug: slug)
    }
}

extension FieldEntry {
    /// How deeply lists and records may nest in bytes read back; front matter nests far less.
    static let deepest = 64

    /// Writes a count, then each entry's key, position and value.
    static func write(_ entries: [FieldEntry], to writer: inout ByteRecordWriter) {
        writer.unsigned(UInt64(entries.count))
        for entry in entries {
            writer.text(entry.key)
            writer.number(entry.position.line)
            writer.number(entry.position.column)
            entry.value.write(to: &writer)
        }
    }

    /// Reads entries written by `write(_:to:)`.
    static func read(_ reader: inout ByteRecordReader, depth: Int) -> [FieldEntry]? {
        guard depth < deepest, let count = reader.unsigned(), count <= UInt64(reader.end - reader.offset) else { return nil }
        var entries: [FieldEntry] = []
        entries.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let key = reader.text(), let line = reader.number(), let column = reader.number(),
                  let value = FieldValue(reading: &reader, depth: depth + 1) else { return nil }
            entries.append(FieldEntry(key: key, value: value, position: TextPosition(line: line, column: column)))
        }
        return entries
    }
}

extension FieldValue {
    /// The tag written before each kind of value.
    private enum Tag: UInt64 {
        case text, integer, number, boolean, date, dateTime, reference, list, record
    }

    /// Writes a tag, then the value.
    func write(to writer: inout ByteRecordWriter) {
        switch self {
        case .text(let text):
            writer.unsigned(Tag.text.rawValue)
            writer.text(text)
        case .integer(let value):
            writer.unsigned(Tag.integer.rawValue)
            writer.number(value)
        case .number(let text):
            writer.unsigned(Tag.number.rawValue)
            writer.text(text)
        case .boolean(let value):
            writer.unsigned(Tag.boolean.rawValue)
            writer.unsigned(value ? 1 : 0)
        case .date(let date):
            writer.unsigned(Tag.date.rawValue)
            date.write(to: &writer)
        case .dateTime(let time):
            writer.unsigned(Tag.dateTime.rawValue)
            time.date.write(to: &writer)
            writer.number(time.hour)
            writer.number(time.minute)
            writer.optionalNumber(time.second)
            writer.optionalNumber(time.offsetMinutes)
        case .reference(let reference):
            writer.unsigned(Tag.reference.rawValue)
            reference.write(to: &writer)
        case .list(let items):
            writer.unsigned(Tag.list.rawValue)
            writer.unsigned(UInt64(items.count))
            for item in items { item.write(to: &writer) }
        case .record(let entries):
            writer.unsigned(Tag.record.rawValue)
            FieldEntry.write(entries, to: &writer)
        }
    }

    /// Reads a value written by `write(to:)`.
    init?(reading reader: inout ByteRecordReader, depth: Int) {
        guard depth < FieldEntry.deepest, let code = reader.unsigned(), let tag = Tag(rawValue: code) else { return nil }
        switch tag {
        case .text:
            guard let text = reader.text() else { return nil }
            self = .text(text)
        case .integer:
            guard let value = reader.number() else { return nil }
            self = .integer(value)
        case .number:
            guard let text = reader.text() else { return nil }
            self = .number(text)
        case .boolean:
            guard let value = reader.unsigned(), value <= 1 else { return nil }
            self = .boolean(value == 1)
        case .date:
            guard let date = PartialDate(reading: &reader) else { return nil }
            self = .date(date)
        case .dateTime:
            guard let date = PartialDate(reading: &reader), let hour = reader.number(in: 0...23), let minute = reader.number(in: 0...59),
                  let second = reader.optionalNumber(), second.map({ (0...59).contains($0) }) ?? true,
                  let offset = reader.optionalNumber(), offset.map({ abs($0) <= 24 * 60 }) ?? true else { return nil }
            self = .dateTime(DateTimeValue(date: date, hour: hour, minute: minute, second: second, offsetMinutes: offset))
        case .reference:
            guard let reference = EntityReference(reading: &reader) else { return nil }
            self = .reference(reference)
        case .list:
            guard let count = reader.unsigned(), count <= UInt64(reader.end - reader.offset) else { return nil }
            var items: [FieldValue] = []
            items.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let item = FieldValue(reading: &reader, depth: depth + 1) else { return nil }
                items.append(item)
            }
            self = .list(items)
        case .record:
            guard let entries = FieldEntry.read(&reader, depth: depth) else { return nil }
            self = .record(entries)
        }
    }
}

extension PartialDate {
    /// Writes year, month and day (0 for none).
    func write(to writer: inout ByteRecordWriter) {
        writer.number(year)
        writer.unsigned(UInt64(month ?? 0))
        writer.unsigned(UInt64(day ?? 0))
    }

    /// Reads a date written by `write(to:)`.
    init?(reading reader: inout ByteRecordReader) {
        guard let year = reader.number(), let month = reader.unsigned(), month <= 12, let day = reader.unsigned(), day <= 31,
              day == 0 || month != 0 else { return nil }
        self.init(year: year, month: month == 0 ? nil : Int(month), day: day == 0 ? nil : Int(day))
    }
}

extension Diagnostic {
    /// Writes severity, rule, place and message.
    public func write(to writer: inout ByteRecordWriter) {
        writer.unsigned(severity == .error ? 1 : 0)
        writer.text(rule)
        writer.text(location.path)
        writer.number(location.line)
        writer.number(location.column)
        writer.text(message)
    }

    /// Reads a diagnostic written by `write(to:)`.
    public init?(reading reader: inout ByteRecordReader) {
        guard let severity = reader.unsigned(), severity <= 1, let rule = reader.text(), let path = reader.text(),
              let line = reader.number(), let column = reader.number(), let message = reader.text() else { return nil }
        self.init(severity == 1 ? .error : .warning, rule: rule, at: SourceLocation(path: path, line: line, column: column), message)
    }

    /// Writes a count, then each diagnostic.
    public static func write(_ diagnostics: [Diagnostic], to writer: inout ByteRecordWriter) {
        writer.unsigned(UInt64(diagnostics.count))
        for diagnostic in diagnostics { diagnostic.write(to: &writer) }
    }

    /// Reads diagnostics written by `write(_:to:)`.
    public static func read(_ reader: inout ByteRecordReader) -> [Diagnostic]? {
        guard let count = reader.unsigned(), count <= UInt64(reader.end - reader.offset) else { return nil }
        var diagnostics: [Diagnostic] = []
        diagnostics.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let diagnostic = Diagnostic(reading: &reader) else { return nil }
            diagnostics.append(diagnostic)
        }
        return diagnostics
    }
}
