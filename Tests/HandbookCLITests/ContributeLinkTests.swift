import Foundation
import HandbookLoad
import HandbookModel
@testable import HandbookRender
import HandbookTestSupport
import HandbookValidate
import Mustache
import Testing

/// The links from the site to the repository the content is kept in: present on entry, list, contribute and
/// privacy pages when `repository` is set (in handbook.yml or with `build --repository`), absent otherwise.
@Suite struct ContributeLinkTests {
    /// The fixture site copied into `directory`, with `settings` added to its handbook.yml, a contribute page, a
    /// privacy page and an organisation whose name needs encoding. Returns the content path.
    static func fixtureCopy(in directory: TemporaryDirectory, settings: String) throws -> String {
        let content = directory.path + "/content"
        try FileManager.default.copyItem(atPath: Fixtures.validSite, toPath: content)
        let yml = try directory.read("content/handbook.yml")
        try directory.write("content/handbook.yml", settings + yml)
        try directory.write("content/pages/how-to-contribute.md", "---\ntitle: \"How to contribute\"\norder: 2\n---\nSend us your entries.\n")
        try directory.write("content/pages/privacy.md", "---\ntitle: \"Privacy\"\norder: 3\n---\nWhat is listed, and why.\n")
        try directory.write("content/organisations/democratie-co.md", "---\nname: \"Démocratie & Co\"\ncountry: FR\n---\n")
        return content
    }

    static func build(_ content: String, into directory: TemporaryDirectory, _ extra: [String] = []) throws -> [String: String] {
        let output = directory.path + "/site"
        let run = buildFixture(into: output, extra, content: content)
        #expect(run.status == 0, "\(run.out)\(run.err)")
        return try tree(output).filter { $0.key.hasSuffix(".html") }.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test func entryListAndContributePagesLinkToTheRepository() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let pages = try Self.build(Self.fixtureCopy(in: directory, settings: "repository: acme/handbook\n"), into: directory)
        let lab = try #require(pages["organisations/example-lab/index.html"])
        #expect(lab.contains(#"<a href="https://github.com/acme/handbook/edit/main/content/organisations/example-lab.md">Edit this page</a>"#))
        #expect(lab.contains(#"href="https://github.com/acme/handbook/issues/new?template=correction.yml&amp;title=Correction%3A%20Example%20Lab&amp;page=https%3A%2F%2Fexample.org%2Fhandbook%2Forganisations%2Fexample-lab%2F">Suggest a correction</a>"#))
        // Spaces, an ampersand and non-ASCII letters in the name are percent-encoded (UTF-8), so they cannot end the parameter.
        let encoded = try #require(pages["organisations/democratie-co/index.html"])
        #expect(encoded.contains("title=Correction%3A%20D%C3%A9mocratie%20%26%20Co&amp;page="))
        let organisations = try #require(pages["organisations/index.html"])
        #expect(organisations.contains(#"<a href="https://github.com/acme/handbook/issues/new?template=suggest-organisation.yml">Suggest a new organisation</a>"#))
        // Filter pages carry it too; a type with no form of its own links to the page for choosing one.
        #expect(try #require(pages["organisations/by-country/fr/index.html"]).contains("Suggest a new organisation"))
        #expect(try #require(pages["case-studies/index.html"]).contains(#"<a href="https://github.com/acme/handbook/issues/new/choose">Suggest a new case study</a>"#))
        let contribute = try #require(pages["how-to-contribute/index.html"])
        #expect(contribute.contains(#"href="https://github.com/acme/handbook/blob/main/CONTRIBUTING.md""#))
        for form in ["suggest-organisation.yml", "suggest-event.yml", "correction.yml", "removal.yml"] {
            #expect(contribute.contains("https://github.com/acme/handbook/issues/new?template=\(form)\""), "the contribute page lacks \(form)")
        }
        #expect(contribute.contains("edit/main/content/pages/how-to-contribute.md"))
        let privacy = try #require(pages["privacy/index.html"])
        #expect(privacy.contains(#"<a href="https://github.com/acme/handbook/issues/new?template=removal.yml">Ask for your details to be removed</a>"#))
        let about = try #require(pages["about/index.html"])
        #expect(!about.contains("CONTRIBUTING.md"), "only the contribute page shows the guide")
    }

    @Test func withoutARepositoryThereAreNoLinks() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let pages = try Self.build(Self.fixtureCopy(in: directory, settings: ""), into: directory)
        #expect(pages.count > 40)
        for (path, html) in pages {
            #expect(!html.contains("github.com/"), "\(path) links to GitHub")
            #expect(!html.contains("class=\"contribute"), "\(path) has a contribute block")
        }
    }

    @Test func theBranchSettingIsUsedInEditLinks() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let pages = try Self.build(Self.fixtureCopy(in: directory, settings: "repository: acme/handbook\nbranch: release/2026\n"), into: directory)
        #expect(try #require(pages["organisations/example-lab/index.html"])
            .contains("https://github.com/acme/handbook/edit/release/2026/content/organisations/example-lab.md"))
    }

    @Test func theRepositoryOptionOverridesTheSetting() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let content = try Self.fixtureCopy(in: directory, settings: "repository: acme/handbook\n")
        let pages = try Self.build(content, into: directory, ["--repository", "sector-org/the-handbook"])
        let lab = try #require(pages["organisations/example-lab/index.html"])
        #expect(lab.contains("https://github.com/sector-org/the-handbook/edit/main/content/organisations/example-lab.md"))
        #expect(!pages.values.contains { $0.contains("acme/handbook") })
    }

    @Test func theRepositoryOptionAddsLinksWhenHandbookYmlHasNone() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let pages = try Self.build(Fixtures.validSite, into: directory, ["--repository", "sector-org/the-handbook"])
        #expect(try #require(pages["events/index.html"]).contains("https://github.com/sector-org/the-handbook/issues/new?template=suggest-event.yml"))
    }

    @Test(arguments: ["https://github.com/acme/handbook", "acme", "acme/handbook/extra", "-acme/handbook", "acme/handbook.git"])
    func aMalformedRepositoryOptionIsAUsageError(_ value: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let run = buildFixture(into: directory.path + "/site", ["--repository", value])
        #expect(run.status == 2)
        #expect(run.err.contains("--repository "), "\(run.err)")
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/site"))
    }

    @Test func theHelpListsTheRepositoryOption() {
        let help = runCLI(["build", "--help"]).out
        #expect(help.contains("[--repository OWNER/NAME]"))
        #expect(help.contains("  --repository OWNER/NAME   the GitHub repository the content is kept in"))
    }

    /// The forms the site links to are the repository's own, with the field the links fill in.
    @Test func theLinkedIssueFormsExist() throws {
        let folder = SharedFolder.packageRoot.appendingPathComponent(".github/ISSUE_TEMPLATE")
        let forms = [ContributeLinks.correctionForm, ContributeLinks.removalForm] + TypeCatalog.standard.descriptors.compactMap(\.suggestionForm)
        #expect(forms.count == 4)
        for form in forms {
            let text = try String(contentsOf: folder.appendingPathComponent(form), encoding: .utf8)
            #expect(text.contains("body:"), "\(form) is not an issue form")
        }
        let correction = try String(contentsOf: folder.appendingPathComponent(ContributeLinks.correctionForm), encoding: .utf8)
        #expect(correction.contains("id: \(ContributeLinks.pageFormField)\n"))
    }

    /// With a repository and the contribute and privacy pages, every name the contribute blocks use is provided.
    @Test func everyContributeNameIsProvided() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let content = try Self.fixtureCopy(in: directory, settings: "repository: acme/handbook\n")
        let today = PartialDate(year: 2026, month: 11, day: 22)
        let validation = Validator.validate(try ContentLoader.load(contentPath: content), today: today)
        #expect(validation.errorCount == 0)
        #expect(validation.settings.repository?.fullName == "acme/handbook")
        let theme = try Theme(ThemeLoader.load(SharedFolder.packageRoot.appendingPathComponent("themes/default").path))
        let misses = MissingNames()
        let site = SiteContext(index: SiteIndex(settings: validation.settings, entities: validation.entities, today: today),
                               theme: theme, baseURL: "https://example.org/", misses: misses)
        var html = ""
        for generator in Outputs.pages {
            for file in generator.init(site: site).files() { html += String(decoding: file.bytes, as: UTF8.self) }
        }
        #expect(html.contains("Start here") && html.contains("Ask for your details to be removed") && html.contains("Edit this page"))
        #expect(misses.sorted == [], "names no context provides")
    }
}
