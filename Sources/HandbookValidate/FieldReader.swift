import HandbookModel

/// Reads a YAML mapping against a schema table: every key known, every value of its kind, every required field present.
struct FieldReader {
    let context: ValidationContext
    /// The entry being read, which none of its own references may name (nil for handbook.yml).
    var entry: EntityReference? = nil

    /// Reads `node` (a mapping) against `schema`; `prefix` names the enclosing field in messages, e.g. "grants[2].".
    /// Without `requiring`, a required field that is not there is not reported (the mapping is known to be partial).
    func readMapping(_ node: YAMLNode, schema: [FieldSchema], prefix: String, requiring: Bool = true, _ reporter: inout Reporter) -> [FieldEntry] {
        guard let pairs = node.pairs else { return [] }
        // Fields by their place in the schema: a mapping has a few keys and its schema a few dozen fields, so each
        // key is found by comparing names, cheaper than hashing every field's name into a table for every entry.
        var found = [FieldEntry?](repeating: nil, count: schema.count)
        var present = [Bool](repeating: false, count: schema.count)
        for pair in pairs {
            guard let slot = schema.firstIndex(where: { $0.name.rawValue == pair.key }) else {
                UnknownKeyRule.report(pair.key, in: prefix, known: schema.map(\.name.rawValue), at: pair.keyPosition, &reporter)
                continue
            }
            present[slot] = true
            if pair.value.isNull || pair.value.scalarText.map({ $0.trimmingSpaces.isEmpty }) == true {
                if schema[slot].isRequired { RequiredFieldRule.empty(schema[slot], in: prefix, at: pair.keyPosition, &reporter) }
                continue
            }
            let name = schema[slot].name.rawValue
            if let value = read(pair.value, kind: schema[slot].kind, name: prefix + name, &reporter) {
                found[slot] = FieldEntry(key: name, value: value, position: pair.keyPosition)
            }
        }
        for (slot, field) in schema.enumerated() where requiring && field.isRequired && !present[slot] {
            RequiredFieldRule.missing(field, in: prefix, at: node.position, &reporter)
        }
        var entries: [FieldEntry] = []
        entries.reserveCapacity(pairs.count)
        for entry in found { if let entry { entries.append(entry) } }
        return entries
    }

    /// Reads one value of a kind; nil (with a diagnostic) when it does not conform.
    func read(_ node: YAMLNode, kind: FieldKind, name: String, _ reporter: inout Reporter) -> FieldValue? {
        switch kind {
        case .list(let itemKind, let minimum):
            guard let items = node.items else {
                TypeRule.expected("a list", for: name, got: node, &reporter)
                return nil
            }
            if items.count < minimum {
                RequiredFieldRule.tooFew(name, minimum: minimum, at: node.position, &reporter)
            }
            var values: [FieldValue] = []
            values.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                if let value = read(item, kind: itemKind, name: name + Self.itemSuffix(index), &reporter) { values.append(value) }
            }
            DuplicateItemRule.check(items, name: name, &reporter)
            return .list(values)
        case .record(let fields):
            guard node.pairs != nil else {
                TypeRule.expected("a mapping of 'key: value' lines", for: name, got: node, &reporter)
                return nil
            }
            return .record(readMapping(node, schema: fields, prefix: name + ".", &reporter))
        case .dictionary(let keyDescription, let valueKind):
            guard let pairs = node.pairs else {
                TypeRule.expected("a mapping of \(keyDescription) to values", for: name, got: node, &reporter)
                return nil
            }
            var entries: [FieldEntry] = []
            entries.reserveCapacity(pairs.count)
            for pair in pairs {
                if let value = read(pair.value, kind: valueKind, name: "\(name).\(pair.key)", &reporter) {
                    entries.append(FieldEntry(key: pair.key, value: value, position: pair.keyPosition))
                }
            }
            return .record(entries)
        case .vocabulary:
            guard let pairs = node.pairs else {
                TypeRule.expected("a mapping of ids to labels", for: name, got: node, &reporter)
                return nil
            }
            var entries: [FieldEntry] = []
            for pair in pairs {
                guard VocabularyRule.checkDeclaredID(pair.key, at: pair.keyPosition, &reporter) else { continue }
                guard let label = pair.value.scalarText, !label.isEmpty else {
                    if pair.value.scalarText == nil {
                        TypeRule.expected("a label (text)", for: "\(name).\(pair.key)", got: pair.value, &reporter)
                    } else {
                        RequiredFieldRule.noLabel("\(name).\(pair.key)", at: pair.value.position, &reporter)
                    }
                    continue
                }
                entries.append(FieldEntry(key: pair.key, value: .text(label), position: pair.keyPosition))
            }
            return .record(entries)
        default:
            guard let text = node.scalarText else {
                TypeRule.expected(scalarDescription(kind), for: name, got: node, &reporter)
                return nil
            }
            return readScalar(text, node: node, kind: kind, name: name, &reporter)
        }
    }

    func readScalar(_ raw: String, node: YAMLNode, kind: FieldKind, name: String, _ reporter: inout Reporter) -> FieldValue? {
        let position = node.position
        // Block scalars keep their final line break; values compare without surrounding blanks.
        let text = raw.trimmingSpaces
        switch kind {
        case .text(let maxLength):
            VisibleTextRule.check(text, name: name, at: position, &reporter)
            TextRule.check(text, maxLength: maxLength, name: name, at: position, &reporter)
            return .text(text)
        case .url:
            return URLRule.check(text, name: name, at: position, &reporter) ? .text(text) : nil
        case .email:
            return EmailRule.check(text, name: name, at: position, &reporter) ? .text(text) : nil
        case .phone:
            return PhoneRule.check(text, name: name, at: position, &reporter) ? .text(text) : nil
        case .date, .partialDate, .dateOrDateTime, .year:
            return DateRule.read(text, kind: kind, name: name, at: position, &reporter)
        case .integer(let minimum, let maximum):
            return NumberRule.integer(text, minimum: minimum, maximum: maximum, name: name, at: position, &reporter)
        case .number(let minimum):
            return NumberRule.number(text, minimum: minimum, name: name, at: position, &reporter)
        case .boolean:
            if text == "true" { return .boolean(true) }
            if text == "false" { return .boolean(false) }
            TypeRule.boolean(text, for: name, at: position, &reporter)
            return nil
        case .choice(let options):
            return ChoiceRule.check(text, options: options, name: name, at: position, &reporter) ? .text(text) : nil
        case .country:
            return CountryRule.check(text, name: name, at: position, &reporter) ? .text(text) : nil
        case .countryOrInternational:
            if Jurisdictions.all.contains(text) { return .text(text) }
            return CountryRule.check(text, name: name, at: position, &reporter) ? .text(text) : nil
        case .region:
            return RegionRule.check(text, name: name, at: position, &reporter) ? .text(text) : nil
        case .jurisdiction:
            return JurisdictionRule.check(text, name: name, at: position, &reporter) ? .text(text) : nil
        case .currency:
            return CurrencyRule.check(text, name: name, at: position, &reporter) ? .text(text) : nil
        case .timezone:
            return TimeZoneRule.check(text, name: name, at: position, &reporter) ? .text(text) : nil
        case .language:
            return LanguageRule.check(text, name: name, at: position, &reporter) ? .text(text) : nil
        case .topic, .method:
            return VocabularyRule.check(text, kind: kind, context: context, at: position, &reporter) ? .text(text) : nil
        case .reference(let type):
            guard ReferenceRule.check(text, type: type, name: name, context: context, naming: entry, at: position, &reporter) else { return nil }
            return .reference(EntityReference(type: type, slug: text))
        case .list, .record, .dictionary, .vocabulary:
            return nil
        }
    }

    /// `[n]` for the item at `index` (n counts from 1), which names a list's item in messages (every rule names items
    /// so): a name is made for every item read, so the common ones are made once.
    static func itemSuffix(_ index: Int) -> String {
        index < itemSuffixes.count ? itemSuffixes[index] : "[\(index + 1)]"
    }

    private static let itemSuffixes = (1...64).map { "[\($0)]" }

    func scalarDescription(_ kind: FieldKind) -> String {
        switch kind {
        case .integer: return "a whole number"
        case .number: return "a number"
        case .boolean: return "true or false"
        case .date, .partialDate, .dateOrDateTime, .year: return "a date"
        case .url: return "a URL"
        case .reference(let type):
            let singular = context.types[type].singular
            return "the slug of \(ReferenceRule.article(singular)) \(singular)"
        default: return "text"
        }
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        // Nearly every value starts and ends with text: then it is given back as it is, without a copy.
        let bytes = utf8
        if let first = bytes.first, let last = bytes.last, !Self.isSpace(Unicode.Scalar(first)), !Self.isSpace(Unicode.Scalar(last)) {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !Self.isSpace($0) }),
              let last = scalars.lastIndex(where: { !Self.isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }
}
