import HandbookModel

/// JSON Schemas (draft 2020-12) of each type's front matter, generated from the same schema tables the
/// validator reads, so editors can check and complete front matter as they type.
///
/// The schemas describe front matter as a YAML 1.2 editor reads it: `12` is a number, `2020-05-01` is
/// text, `true` is a boolean. Rules that need the whole site (references that exist, slugs) stay with
/// `handbook check`; a value the schema accepts may still fail there, never the other way round for
/// type and enumeration errors.
struct JSONSchemaExport: OutputGenerator {
    static let name = "JSON Schemas"
    static let inputs = OutputInputs.structure
    let index: SiteIndex
    let baseURL: String

    init(site: SiteContext) {
        index = site.index
        baseURL = site.baseURL
    }

    func files() -> [OutputFile] {
        index.types.descriptors.map { descriptor in
            OutputFile(path: "api/schema/\(descriptor.type.folder).schema.json", json: schema(for: descriptor))
        }
    }

    func schema(for descriptor: TypeDescriptor) -> JSONValue {
        var object = record(descriptor.fields)
        guard case .object(var members) = object else { return object }
        members["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        members["$id"] = .string(baseURL + "api/schema/\(descriptor.type.folder).schema.json")
        members["title"] = .string("\(index.settings.title): \(descriptor.singular) front matter")
        // "At least one of these fields" is `anyOf` with one `required` per field; several such groups all hold.
        let groups: [JSONValue] = descriptor.oneOfRequired.map { group in
            .array(group.map { .object(["required": .array([.string($0.rawValue)])]) })
        }
        if groups.count == 1 {
            members["anyOf"] = groups[0]
        } else if groups.count > 1 {
            members["allOf"] = .array(groups.map { .object(["anyOf": $0]) })
        }
        object = .object(members)
        return object
    }

    func record(_ fields: [FieldSchema]) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        for field in fields {
            guard case .object(var property) = self.kind(field.kind) else { continue }
            property["description"] = .string(field.summary)
            properties[field.name.rawValue] = .object(property)
        }
        return .object([
            "type": "object",
            "properties": .object(properties),
            "required": .array(fields.filter(\.isRequired).map { .string($0.name.rawValue) }),
            "additionalProperties": .bool(false),
        ])
    }

    func kind(_ fieldKind: FieldKind) -> JSONValue {
        switch fieldKind {
        case .text(let maxLength):
            var text: [String: JSONValue] = ["type": .array(["string", "number", "boolean"])]
            if let maxLength { text["maxLength"] = .number(String(maxLength)) }
            return .object(text)
        case .url:
            return .object(["type": "string", "format": "uri", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s\"<>]+$"])
        case .email:
            return .object(["type": "string", "format": "email", "pattern": "^[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}$"])
        case .phone:
            return .object(["type": "string", "pattern": "^\\+?[0-9 ()\\-.]{6,}$"])
        case .date:
            return .object(["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"])
        case .partialDate:
            return .object(["anyOf": .array([
                .object(["type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"]),
                .object(["type": "integer", "minimum": .number("1"), "maximum": .number("9999")]),
            ])])
        case .year:
            return .object(["anyOf": .array([
                .object(["type": "string", "pattern": "^[0-9]{4}$"]),
                .object(["type": "integer", "minimum": .number("1"), "maximum": .number("9999")]),
            ])])
        case .dateOrDateTime:
            return .object(["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}:[0-9]{2})?)?$"])
        case .integer(let minimum, let maximum):
            var number: [String: JSONValue] = ["type": "integer"]
            if let minimum { number["minimum"] = .number(String(minimum)) }
            if let maximum { number["maximum"] = .number(String(maximum)) }
            return .object(["anyOf": .array([.object(number), .object(["type": "string", "pattern": "^-?[0-9]+$"])])])
        case .number(let minimum):
            var number: [String: JSONValue] = ["type": "number"]
            if let minimum { number["minimum"] = .number(String(Int(minimum))) }
            return .object(["anyOf": .array([.object(number), .object(["type": "string", "pattern": "^-?[0-9]+(\\.[0-9]+)?$"])])])
        case .boolean:
            return .object(["type": "boolean"])
        case .choice(let options):
            return .object(["enum": .array(options.map(JSONValue.string))])
        case .country:
            return .object(["enum": .array(ISOCodes.countryNames.keys.sorted().map(JSONValue.string))])
        case .countryOrInternational:
            return .object(["enum": .array((ISOCodes.countryNames.keys.sorted() + Jurisdictions.all.sorted()).map(JSONValue.string))])
        case .region:
            return .object(["type": "string"])
        case .jurisdiction:
            return .object(["type": "string", "pattern": "^([A-Z]{2}(-[A-Z0-9]{1,3})?|EU|UN|INT)$"])
        case .currency:
            return .object(["enum": .array(ISOCodes.currencyNames.keys.sorted().map(JSONValue.string))])
        case .timezone:
            return .object(["type": "string", "pattern": "^[A-Za-z_]+(/[A-Za-z0-9_+\\-]+)*$"])
        case .language:
            return .object(["type": "string", "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"])
        case .topic:
            return .object(["enum": .array(index.settings.topics.map { .string($0.id) })])
        case .method:
            return .object(["enum": .array(index.settings.methods.map { .string($0.id) })])
        case .reference:
            // A slug of digits alone, written plain, is an integer to a YAML reader (check reads it as the text).
            return .object(["anyOf": .array([.object(["type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"]),
                                             .object(["type": "integer", "minimum": .number("0")])])])
        case .list(let item, let minimum):
            var list: [String: JSONValue] = ["type": "array", "items": self.kind(item)]
            if minimum > 0 { list["minItems"] = .number(String(minimum)) }
            return .object(list)
        case .record(let fields):
            return record(fields)
        case .dictionary(_, let value):
            return .object(["type": "object", "additionalProperties": self.kind(value)])
        case .vocabulary:
            return .object(["type": "object", "additionalProperties": .object(["type": "string"])])
        }
    }
}
