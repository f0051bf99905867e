import Foundation
import HandbookCLI
import HandbookModel
import HandbookTestSupport
import Testing

/// A type declared only as a descriptor gets everything the standard types get: folder, validation,
/// pages, list and filter pages, search entries, API files, a JSON Schema and `handbook new`.
@Suite struct AddedTypeTests {
    static let networks = EntityType(folder: "networks", rank: 8)

    static let catalog = TypeCatalog.standard.adding(TypeDescriptor(
        type: networks, singular: "network", plural: "networks", nameField: .name,
        fields: [
            FieldSchema(.name, .text(maxLength: 200), required: true, "the network's name"),
            FieldSchema(.country, .countryOrInternational, required: true, "where it is based"),
            FieldSchema(.partners, .list(.reference(.organisations), minimum: 0), "member organisations (slugs)"),
        ],
        navigationOrder: 7, facets: [.country, .topic], cardFields: [TypeDescriptor.CardField(.country)],
        schemaOrg: SchemaOrgMapping("Organization"), help: "a network of organisations"))

    func run(_ arguments: [String]) -> CLIRun {
        var console = Console()
        let status = HandbookCommand.run(arguments, environment: buildEnvironment, console: &console, types: Self.catalog)
        return CLIRun(status: status, out: console.out, err: console.err)
    }

    @Test func aDescriptorAloneGivesPagesListsFiltersSearchAndData() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try directory.write("content/handbook.yml", "title: T\ntopics:\n  sortition: Sortition\nmethods:\n  jury: Jury\n")
        try directory.write("content/organisations/member.md", "---\nname: Member Org\ncountry: BE\n---\n")
        try directory.write("content/networks/assembly-network.md",
                            "---\nname: Assembly Network\ncountry: BE\npartners: [member]\ntopics: [sortition]\n---\nA network of deliberators.\n")
        let content = directory.path + "/content"
        let check = run(["check", "--content", content])
        #expect(check.status == 0, "\(check.out)\(check.err)")

        let theme = SharedFolder.packageRoot.appendingPathComponent("themes/default").path
        let output = directory.path + "/site"
        let build = run(["build", "--content", content, "--theme", theme, "--output", output, "--check-links"])
        #expect(build.status == 0, "\(build.out)\(build.err)")
        let site = try tree(output).mapValues { String(decoding: $0, as: UTF8.self) }

        let page = try #require(site["networks/assembly-network/index.html"])
        #expect(page.contains("<h1>Assembly Network</h1>") || page.contains(">Assembly Network</h1>"))
        #expect(page.contains("Member Org"), "references are shown as links")
        #expect(try #require(site["organisations/member/index.html"]).contains("Assembly Network"), "backlinks include the new type")
        let list = try #require(site["networks/index.html"])
        #expect(list.contains("Assembly Network"))
        #expect(site["networks/by-country/be/index.html"]?.contains("Assembly Network") == true)
        #expect(site["networks/by-topic/sortition/index.html"] != nil)
        #expect(try #require(site["index.html"]).contains("1 network"), "the home page counts it")
        #expect(list.contains(">Networks<"), "the navigation lists it")

        let manifest = try #require(site["search/manifest.json"])
        #expect(manifest.contains("\"networks\":["))
        #expect(site.contains { $0.key.hasPrefix("search/d/") && $0.value.contains("\"n\":\"Assembly Network\"") })
        #expect(site["api/networks.json"]?.contains("\"count\":1") == true)
        #expect(site["api/networks/0.json"]?.contains("\"name\":\"Assembly Network\"") == true)
        #expect(site["api/schema/networks.schema.json"]?.contains("\"partners\"") == true)
        #expect(site["sitemap.xml"]?.contains("networks/assembly-network/") == true)
    }

    @Test func handbookNewWritesAScaffoldForTheAddedType() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let content = directory.path + "/content"
        #expect(run(["new", "network", "Open Network", "--content", content]).status == 0)
        let text = try directory.read("content/networks/open-network.md")
        #expect(text.contains("name: \"Open Network\""))
        #expect(text.contains("country: \"\"  # required: where it is based"))
        #expect(text.contains("# partners: []  # optional: member organisations (slugs)"))
    }

    @Test func theStandardCatalogDoesNotKnowTheFolder() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try directory.write("content/handbook.yml", "title: T\n")
        try directory.write("content/networks/n.md", "---\nname: N\ncountry: BE\n---\n")
        let check = runCLI(["check", "--content", directory.path + "/content"])
        #expect(check.status == 1)
        #expect(check.out.contains("[unknown-path]"))
    }
}
