import Foundation
import HandbookTestSupport
@testable import HandbookValidate
import Testing

/// Issue 15, point 3: a body that funds and also does work is one entry. The funder names its organisation,
/// `check` insists on it when the two share a name or website, and the site shows, searches and draws them as one.
@Suite struct SameBodyTests {
    static let organisation = "---\nname: Example Foundation\ncountry: DE\nwebsite: https://foundation.example/\nsummary: Runs programmes.\n---\nIt runs programmes.\n"
    static let recipient = "---\nname: Example Lab\ncountry: GB\nfunders: [example-foundation-fund]\n---\n"

    /// A tree with the organisation, a recipient and the funder whose front matter is `funder`.
    static func tree(_ directory: TemporaryDirectory, funder: String) throws -> String {
        try directory.write("content/handbook.yml", "title: T\n")
        try directory.write("content/organisations/example-foundation.md", organisation)
        try directory.write("content/organisations/example-lab.md", recipient)
        try directory.write("content/funders/example-foundation-fund.md", "---\n" + funder + "---\nIts grants programme.\n")
        return directory.path + "/content"
    }

    /// Names and websites compare without case, surrounding spaces, scheme, `www.` or trailing slashes.
    @Test func namesAndWebsitesCompareByTheirKey() {
        #expect(SameBodyRule.key("  HTTPS://www.Example.ORG/path//  ") == "example.org/path")
        #expect(SameBodyRule.key("http://example.org") == "example.org")
        #expect(SameBodyRule.key("https://http://x/") == "x", "each scheme once, in order")
        #expect(SameBodyRule.key("Ünïon ÉTUDIANTE") == "ünïon étudiante", "letters beyond ASCII lower-cased too")
        #expect(SameBodyRule.key(" / ") == "")
        #expect(SameBodyRule.key("") == "")
    }

    static let grant = "grants:\n  - recipient: example-lab\n    amount: 1000\n    currency: EUR\n    date: 2024\n    purpose: Pilot\n"

    @Test func aFunderWithAnOrganisationsNameMustNameIt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let content = try Self.tree(directory, funder: "name: example foundation \n" + Self.grant)
        let run = runCLI(["check", "--content", content])
        #expect(run.status == 1)
        #expect(run.out.contains("funders/example-foundation-fund.md:2:1: error: this funder has the name 'example foundation', as "), "\(run.out)")
        #expect(run.out.contains("add `organisation: example-foundation` so the two are shown and searched as one entry [same-body]"), "\(run.out)")
    }

    @Test func aFunderWithAnOrganisationsWebsiteMustNameIt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let content = try Self.tree(directory, funder: "name: The Fund\nwebsite: http://www.foundation.example\n" + Self.grant)
        let run = runCLI(["check", "--content", content])
        #expect(run.status == 1)
        #expect(run.out.contains("example-foundation-fund.md:3:1: error: this funder has the website http://www.foundation.example, as "), "\(run.out)")
    }

    @Test func oneOrganisationHasOneFunderEntry() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let content = try Self.tree(directory, funder: "name: The Fund\norganisation: example-foundation\n")
        try directory.write("content/funders/second-fund.md", "---\nname: Second Fund\norganisation: example-foundation\n---\n")
        let run = runCLI(["check", "--content", content])
        #expect(run.status == 1)
        #expect(run.out.contains("second-fund.md:3:1: error: 'example-foundation' is already the organisation of "), "\(run.out)")
        #expect(run.out.components(separatedBy: "[same-body]").count - 1 == 1, "\(run.out)")
    }

    /// The linked tree, checked clean and built.
    static func built(_ directory: TemporaryDirectory) throws -> String {
        let content = try Self.tree(directory, funder: "name: Example Foundation\ncountry: DE\nkind: foundation\norganisation: example-foundation\nsummary: Funds democratic innovation.\n" + Self.grant)
        let check = runCLI(["check", "--content", content])
        #expect(check.status == 0, "\(check.out)")
        let build = runCLI(["build", "--content", content, "--output", directory.path + "/site"])
        #expect(build.status == 0, "\(build.out)\(build.err)")
        return directory.path + "/site/"
    }

    @Test func theOrganisationsPageShowsItsFunderRole() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let site = try Self.built(directory)
        let page = try String(contentsOfFile: site + "organisations/example-foundation/index.html", encoding: .utf8)
        let section = try #require(page.components(separatedBy: "<section class=\"role\" id=\"funder\"").dropFirst().first?
            .components(separatedBy: "</section>").first)
        #expect(section.contains("<h2 id=\"funder-heading\">As a funder</h2>"))
        #expect(section.contains("Funds democratic innovation.") && section.contains("Its grants programme."))
        #expect(section.contains("Example Lab") && section.contains("Pilot"))
        // The link back to the organisation is the section itself, not a fact or a connection; the country the
        // organisation's details give is not said again, the funder's own kind is.
        #expect(!section.contains(">Organisation<") && !page.contains("Funds as"))
        #expect(!section.contains("<dt>Country</dt>") && section.contains("<dt>Kind</dt>"), "\(section)")
        // Who names the funder is a connection of the organisation.
        #expect(page.contains("<li><a href=\"../../organisations/example-lab/\">Example Lab</a></li>"))
        // The recipient's "Funded by" leads to the section.
        let lab = try String(contentsOfFile: site + "organisations/example-lab/index.html", encoding: .utf8)
        #expect(lab.contains("<dd><a href=\"../../organisations/example-foundation/#funder\">Example Foundation</a></dd>"))
    }

    /// A field both give with different values is named for the role in its section: "Kind: Research" in the
    /// details and "Kind of funder: Foundation" under "As a funder", not "Kind" twice.
    @Test func aFieldBothGiveIsNamedForTheRole() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let content = try Self.tree(directory, funder: "name: Example Foundation\nkind: foundation\norganisation: example-foundation\n")
        try directory.write("content/organisations/example-foundation.md", Self.organisation.replacingOccurrences(of: "country: DE\n", with: "country: DE\nkind: research\n"))
        let build = runCLI(["build", "--content", content, "--output", directory.path + "/site"])
        #expect(build.status == 0, "\(build.out)\(build.err)")
        let page = try String(contentsOfFile: directory.path + "/site/organisations/example-foundation/index.html", encoding: .utf8)
        let parts = page.components(separatedBy: "<section class=\"role\" id=\"funder\"")
        #expect(parts.first?.contains("<dt>Kind</dt>\n<dd>Research</dd>") == true)
        #expect(parts.last?.contains("<dt>Kind of funder</dt>\n<dd>Foundation</dd>") == true, "\(parts.last ?? "")")
    }

    @Test func theFundersOwnAddressSendsReadersOn() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let site = try Self.built(directory)
        let page = try String(contentsOfFile: site + "funders/example-foundation-fund/index.html", encoding: .utf8)
        #expect(page.contains("<meta http-equiv=\"refresh\" content=\"0; url=/organisations/example-foundation/#funder\">"), "\(page)")
        #expect(page.contains("<link rel=\"canonical\" href=\"/organisations/example-foundation/\">") || page.contains("organisations/example-foundation/\">\n<meta http-equiv"))
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        let sitemap = try String(contentsOfFile: site + "sitemap.xml", encoding: .utf8)
        #expect(!sitemap.contains("funders/example-foundation-fund/") && sitemap.contains("organisations/example-foundation/"))
    }

    @Test func theBodyIsOneSearchResultAndOneNode() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let site = try Self.built(directory)
        let blocks = try FileManager.default.contentsOfDirectory(atPath: site + "search/d")
        let documents = try blocks.map { try String(contentsOfFile: site + "search/d/" + $0, encoding: .utf8) }.joined()
        #expect(documents.components(separatedBy: "\"n\":\"Example Foundation\"").count - 1 == 1, "\(documents)")
        #expect(documents.contains("\"u\":\"organisations/example-foundation/\""))
        let data = try Data(contentsOf: URL(fileURLWithPath: site + "api/graph.json"))
        let graph = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let ids = try #require(graph["nodes"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(ids.filter { $0.contains("example-foundation") } == ["organisations/example-foundation"], "\(ids)")
        let edges = try #require(graph["edges"] as? [[String: Any]])
        let funds = edges.filter { $0["relation"] as? String == "funds" }
        #expect(funds.count == 1 && funds.first?["source"] as? String == "organisations/example-foundation", "\(edges)")
        #expect(edges.contains { $0["relation"] as? String == "funded-by" && $0["target"] as? String == "organisations/example-foundation" })
    }
}
