import Foundation
import HandbookModel
import Testing

@Suite struct NewCommandTests {
    @Test func writesScaffoldWithCommentsAndRefusesToOverwrite() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let content = directory.path + "/content"
        let first = runCLI(["new", "organisations", "Fórum dos Cidadãos", "--content", content])
        #expect(first.status == 0, "\(first.err)")
        #expect(first.out.contains("Created \(content)/organisations/forum-dos-cidadaos.md"))
        let text = try directory.read("content/organisations/forum-dos-cidadaos.md")
        #expect(text.contains("name: \"Fórum dos Cidadãos\"  # required: the organisation's name"))
        #expect(text.contains("country: \"\"  # required:"))
        #expect(text.contains("# website: \"\"  # optional: its website"))

        try directory.write("content/organisations/forum-dos-cidadaos.md", "edited by hand")
        let second = runCLI(["new", "organisation", "Fórum dos Cidadãos", "--content", content])
        #expect(second.status == 1)
        #expect(second.err.contains("already exists"))
        #expect(try directory.read("content/organisations/forum-dos-cidadaos.md") == "edited by hand")
    }

    @Test func namesWithQuotesAndBackslashesRoundTrip() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let name = "The \"Quoted\" \\ Group: a #1 name"
        #expect(runCLI(["new", "pages", name, "--content", directory.path]).status == 0)
        let run = runCLI(["inspect", directory.path + "/pages/the-quoted-group-a-1-name.md"])
        #expect(run.status == 0, "\(run.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        #expect(object["title"] as? String == name)
    }

    @Test func unknownTypeExitsTwo() {
        let run = runCLI(["new", "organizations", "X"])
        #expect(run.status == 2)
        #expect(run.err.contains("Did you mean 'organisations'?"))
    }

    /// A scaffold of every type fails check until its placeholders are filled, then passes.
    @Test(arguments: TypeCatalog.standard.types)
    func filledScaffoldPassesCheck(_ type: EntityType) throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let content = directory.path + "/content"
        try directory.write("content/handbook.yml", "title: T\ntopics:\n  t: T\nmethods:\n  m: M\n")
        try directory.write("content/organisations/org.md", "---\nname: Org\ncountry: GB\n---\n")
        #expect(runCLI(["new", type.folder, "New entry", "--content", content]).status == 0)
        let path = "content/\(type.folder)/new-entry.md"
        let unfilled = runCLI(["check", "--content", content])
        let descriptor = TypeCatalog.standard[type]
        let requiredCount = descriptor.fields.filter(\.isRequired).count
        if requiredCount > 1 {
            #expect(unfilled.status == 1, "an unfilled scaffold should not pass")
        }
        var text = try directory.read(path)
        for field in descriptor.fields where field.isRequired && field.name != descriptor.nameField {
            text = text.replacingOccurrences(of: "\n\(field.name): \(field.kind.isList ? "[]" : "\"\"")", with: "\n\(field.name): \(Self.sample(field.kind))")
        }
        if type == .events { text = text.replacingOccurrences(of: "# location: \"\"", with: "location: \"Town hall\"") }
        if type == .pressContacts {
            text = text.replacingOccurrences(of: "# organisation: \"\"", with: "organisation: org")
            text = text.replacingOccurrences(of: "# email: \"\"", with: "email: press@example.org")
        }
        try directory.write(path, text)
        let filled = runCLI(["check", "--content", content, "--strict"])
        #expect(filled.status == 0, "\(filled.out)\n\(text)")
    }

    static func sample(_ kind: FieldKind) -> String {
        switch kind {
        case .country, .countryOrInternational: return "GB"
        case .jurisdiction: return "GB"
        case .url: return "\"https://example.org/\""
        case .date, .partialDate, .dateOrDateTime: return "2026-11-01"
        case .choice(let options): return options[0]
        case .list(.url, _): return "[\"https://example.org/source\"]"
        case .list(let item, _): return "[\(sample(item))]"
        case .reference: return "org"
        case .method: return "m"
        case .topic: return "t"
        default: return "\"Some text\""
        }
    }

    /// What `check` would refuse for the name alone is not written: a slug the site uses, a control character in the
    /// name, a type's folder that is a link out of the content tree.
    @Test func namesCheckWouldRefuseAreNotWritten() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let content = directory.path + "/content"
        let filter = runCLI(["new", "organisations", "By country", "--content", content])
        #expect(filter.status == 2)
        #expect(filter.err == "handbook: 'by-country' is used by the site itself (a filter page); choose another name\n")
        let section = runCLI(["new", "pages", "Search", "--content", content])
        #expect(section.err == "handbook: 'search' is used by the site itself (a section's address); choose another name\n")
        let escape = runCLI(["new", "organisations", "Red \u{1B}[31m text", "--content", content])
        #expect(escape.status == 2)
        #expect(escape.err == "handbook: the name holds a control character (U+1B); type the name without it\n")
        try FileManager.default.createDirectory(atPath: directory.path + "/outside", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: content, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: content + "/events", withDestinationPath: directory.path + "/outside")
        let linked = runCLI(["new", "events", "Meeting", "--content", content])
        #expect(linked.status == 2)
        #expect(linked.err.contains("is a symbolic link that leads outside the content tree"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/outside").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: content + "/organisations"))
        #expect(!FileManager.default.fileExists(atPath: content + "/pages"))
    }
}

private extension FieldKind {
    var isList: Bool {
        if case .list = self { return true }
        return false
    }
}
