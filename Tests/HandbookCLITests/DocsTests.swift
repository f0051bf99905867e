import Foundation
import HandbookModel
import HandbookTestSupport
import Testing

/// `docs/content-format.md` documents exactly the fields the type descriptors declare, with the right
/// "required" column, so the reference a contributor reads cannot drift from what `check` enforces.
@Suite struct DocsTests {
    /// Each `### heading` of the document and the rows of its table: first cell (without backticks) and third cell.
    static let sections: [String: [(field: String, required: String)]] = {
        let url = SharedFolder.packageRoot.appendingPathComponent("docs/content-format.md")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        var sections: [String: [(String, String)]] = [:]
        var current = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("### ") { current = String(line.dropFirst(4)); continue }
            if line.hasPrefix("## ") { current = ""; continue }
            guard line.hasPrefix("| `") else { continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count > 4 else { continue }
            sections[current, default: []].append((cells[1].replacingOccurrences(of: "`", with: ""), cells[3]))
        }
        return sections
    }()

    /// Every documented name of a list of fields: `grants`, `grants[].amount`, `repeat.frequency`.
    static func names(_ fields: [FieldSchema], prefix: String = "") -> [(String, Bool)] {
        fields.flatMap { field -> [(String, Bool)] in
            let name = prefix + field.name.rawValue
            switch field.kind {
            case .record(let nested): return [(name, field.isRequired)] + names(nested, prefix: name + ".")
            case .list(.record(let nested), _): return [(name, field.isRequired)] + names(nested, prefix: name + "[].")
            default: return [(name, field.isRequired)]
            }
        }
    }

    @Test(arguments: TypeCatalog.standard.descriptors.map(\.type))
    func everyFieldOfTheTypeIsDocumented(_ type: EntityType) throws {
        let descriptor = TypeCatalog.standard[type]
        let own = descriptor.fields.filter { field in !Schemas.common.contains { $0.name == field.name } || field.isRequired }
        let documented = try #require(Self.sections[type.folder], "no '### \(type.folder)' table")
        let expected = Self.names(own)
        #expect(documented.map(\.field) == expected.map(\.0), "documented fields, in schema order")
        for (row, field) in zip(documented, expected) {
            // "yes" exactly when the schema requires it; conditions ("this or `outlet`") are explained in words.
            #expect(row.required.hasPrefix("yes") == field.1, "\(type.folder).\(row.field) required: \(row.required)")
        }
    }

    @Test func theCommonFieldsAreDocumented() throws {
        let documented = try #require(Self.sections["Fields common to every type"])
        #expect(documented.map(\.field) == Schemas.common.map(\.name.rawValue))
    }

    /// The relationships table names every field with an inverse label, with that label and its relation in the graph.
    @Test func theRelationshipsTableMatchesTheSchemas() throws {
        let url = SharedFolder.packageRoot.appendingPathComponent("docs/content-format.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let section = try #require(text.components(separatedBy: "## Relationships").dropFirst().first?.components(separatedBy: "\n## ").first)
        var documented: [String: String] = [:]
        for line in section.split(separator: "\n") where line.hasPrefix("| ") && line.contains("`") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 5 else { continue }
            let field = cells[1].replacingOccurrences(of: "`", with: "").components(separatedBy: "[]").first ?? ""
            documented["\(cells[0]).\(field)"] = cells[3] + " " + cells[4].replacingOccurrences(of: "`", with: "")
        }
        var declared: [String: String] = [:]
        for descriptor in TypeCatalog.standard.descriptors {
            for field in descriptor.fields {
                if let inverse = field.inverseLabel { declared["\(descriptor.type.folder).\(field.name.rawValue)"] = inverse + " " + (field.relation ?? "") }
            }
        }
        #expect(documented == declared)
    }
}
