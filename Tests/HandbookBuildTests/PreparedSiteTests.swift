import Foundation
import HandbookBuild
import HandbookLoad
import HandbookModel
import HandbookRender
import HandbookTestSupport
import HandbookValidate
import Testing

/// `Pipeline.prepare`: the site served from memory is the site `build` writes, and a second preparation
/// reuses what did not change.
@Suite struct PreparedSiteTests {
    static let fixture = SharedFolder.packageRoot.appendingPathComponent("Tests/HandbookCLITests/Fixtures/valid-site/content").path
    static let theme = SharedFolder.packageRoot.appendingPathComponent("themes/default").path
    static let today = PartialDate(year: 2026, month: 11, day: 22)

    /// A copy of the fixture's content in a temporary folder.
    static func copy() throws -> (TemporaryDirectory, String) {
        let directory = try TemporaryDirectory()
        let content = directory.path + "/content"
        try FileManager.default.copyItem(atPath: fixture, toPath: content)
        return (directory, content)
    }

    static func options(_ content: String, theme: String = theme, output: String = "") -> Pipeline.BuildOptions {
        Pipeline.BuildOptions(contentPath: content, themePath: theme, outputPath: output, baseURL: "http://127.0.0.1:8000/",
                              checkLinks: false, today: today, fixedChangeDate: 1_790_000_000)
    }

    /// Every path and every byte: what the routes serve is exactly what the build writes.
    @Test func theRoutesServeExactlyTheBuiltSite() throws {
        let (directory, content) = try Self.copy()
        defer { directory.cleanUp() }
        let output = directory.path + "/site"
        let report = try Pipeline.build(Self.options(content, output: output))
        #expect(report.written)
        let prepared = try Pipeline.prepare(Self.options(content), cache: PreviewCache())
        let routes = try #require(prepared.routes)
        var built: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: output)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: output + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue, path != ".handbook-output" {
                built.append(path)
            }
        }
        #expect(routes.allPaths() == built.sorted())
        for path in built {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: output + "/" + path)))
            #expect(routes.file(at: path)?.bytes == bytes, "\(path) differs")
        }
        // Serving answers a miss on an HTML address without running the other generators: they make none.
        for path in built where path.hasSuffix(".html") && !path.hasPrefix("assets/") {
            #expect(routes.isPage(path), "\(path) is HTML but not a page")
        }
        #expect(routes.file(at: "organisations/nowhere/index.html") == nil)
        #expect(routes.isPage("organisations/example-network/index.html"))
    }

    /// A save re-reads one file, and the page shows the change.
    @Test func aSecondPreparationRereadsOnlyTheChangedFile() throws {
        let (directory, content) = try Self.copy()
        defer { directory.cleanUp() }
        let cache = PreviewCache()
        let first = try Pipeline.prepare(Self.options(content), cache: cache)
        #expect(first.parsedFiles == 11)
        let unchanged = try Pipeline.prepare(Self.options(content), cache: cache)
        #expect(unchanged.parsedFiles == 0)
        let entry = content + "/organisations/example-network.md"
        let text = try String(contentsOfFile: entry, encoding: .utf8)
        try (text + "\nA paragraph added while serving.\n").write(toFile: entry, atomically: true, encoding: .utf8)
        let second = try Pipeline.prepare(Self.options(content), cache: cache)
        #expect(second.parsedFiles == 1)
        let page = try #require(second.routes?.file(at: "organisations/example-network/index.html"))
        #expect(String(decoding: page.bytes, as: UTF8.self).contains("A paragraph added while serving."))
        let old = try #require(first.routes?.file(at: "organisations/example-network/index.html"))
        #expect(!String(decoding: old.bytes, as: UTF8.self).contains("A paragraph added while serving."))
    }

    /// After a save the search index reuses the last one's tokens, and serves the same files a fresh preparation does.
    @Test func theSearchIndexAfterASaveIsTheFreshOnes() throws {
        let (directory, content) = try Self.copy()
        defer { directory.cleanUp() }
        let cache = PreviewCache()
        let first = try Pipeline.prepare(Self.options(content), cache: cache)
        let manifest = "search/manifest.json"
        #expect(first.routes?.file(at: manifest) != nil)
        let entry = content + "/organisations/example-network.md"
        let text = try String(contentsOfFile: entry, encoding: .utf8)
        try (text + "\nA zanzibarian paragraph added while serving.\n").write(toFile: entry, atomically: true, encoding: .utf8)
        let second = try #require(try Pipeline.prepare(Self.options(content), cache: cache).routes)
        let fresh = try #require(try Pipeline.prepare(Self.options(content), cache: PreviewCache()).routes)
        let searchPaths = fresh.allPaths().filter { $0.hasPrefix("search/") }
        #expect(searchPaths.count > 3)
        for path in searchPaths { #expect(second.file(at: path)?.bytes == fresh.file(at: path)?.bytes, "\(path)") }
        #expect(searchPaths.contains { String(decoding: fresh.file(at: $0)?.bytes ?? [], as: UTF8.self).contains("zanzibarian") })
    }

    /// Validation is kept for unchanged documents while the settings and the set of entries stay; a new entry
    /// checks everything again (its slug may be what a reference was missing), with the same outcome as afresh.
    @Test func validationIsReusedForUnchangedDocuments() throws {
        let (directory, content) = try Self.copy()
        defer { directory.cleanUp() }
        let files = LoadCache()
        let validations = ValidationCache()
        func validate() throws -> ValidationResult {
            let tree = try ContentLoader.load(contentPath: content, cache: files)
            return Validator.validate(tree, today: Self.today, cache: validations, changed: Set(files.parsed.keys))
        }
        let first = try validate()
        #expect(validations.reusedCount == 0)
        let entry = content + "/organisations/example-network.md"
        let text = try String(contentsOfFile: entry, encoding: .utf8)
        try text.replacingOccurrences(of: "country: \"BE\"", with: "country: \"XX\"").write(toFile: entry, atomically: true, encoding: .utf8)
        let second = try validate()
        #expect(validations.reusedCount == 10)
        #expect(second.errorCount == 1 && first.errorCount == 0)
        // A reference to an entry that does not exist yet, then the entry.
        let lab = content + "/organisations/example-lab.md"
        try (try String(contentsOfFile: lab, encoding: .utf8)).replacingOccurrences(of: "---\n", with: "---\npartners: [example-newcomer]\n", options: [],
            range: nil).write(toFile: lab, atomically: true, encoding: .utf8)
        #expect(try validate().diagnostics.contains { $0.rule == "reference" && $0.location.path == lab })
        try "---\nname: \"Example Newcomer\"\ncountry: \"NL\"\nkind: charity\n---\n".write(toFile: content + "/organisations/example-newcomer.md", atomically: true, encoding: .utf8)
        let third = try validate()
        #expect(validations.reusedCount == 0)
        #expect(!third.diagnostics.contains { $0.rule == "reference" })
        let afresh = Validator.validate(try ContentLoader.load(contentPath: content), today: Self.today)
        #expect(third.diagnostics == afresh.diagnostics)
        #expect(third.entities.map(\.reference) == afresh.entities.map(\.reference))
    }

    /// Content errors leave no routes, only the diagnostics; fixing the file brings the routes back.
    @Test func contentErrorsLeaveNoRoutesUntilFixed() throws {
        let (directory, content) = try Self.copy()
        defer { directory.cleanUp() }
        let cache = PreviewCache()
        let entry = content + "/organisations/example-network.md"
        let text = try String(contentsOfFile: entry, encoding: .utf8)
        try text.replacingOccurrences(of: "country: \"BE\"", with: "country: \"XX\"").write(toFile: entry, atomically: true, encoding: .utf8)
        let broken = try Pipeline.prepare(Self.options(content), cache: cache)
        #expect(broken.routes == nil)
        #expect(broken.validation.errorCount == 1)
        #expect(broken.validation.diagnostics.first?.location.line == 3)
        try text.write(toFile: entry, atomically: true, encoding: .utf8)
        let fixed = try Pipeline.prepare(Self.options(content), cache: cache)
        #expect(fixed.routes != nil)
        #expect(fixed.validation.errorCount == 0)
    }

    /// A template that does not compile is a problem with its file, line and column, not a thrown error;
    /// the theme is read again only when asked to.
    @Test func aBrokenTemplateIsReportedWithItsPlace() throws {
        let (directory, content) = try Self.copy()
        defer { directory.cleanUp() }
        let theme = directory.path + "/theme"
        try FileManager.default.copyItem(atPath: Self.theme, toPath: theme)
        let cache = PreviewCache()
        #expect(try Pipeline.prepare(Self.options(content, theme: theme), cache: cache).routes != nil)
        let template = theme + "/templates/home.mustache"
        let source = try String(contentsOfFile: template, encoding: .utf8)
        try ("<p>\n  {{#broken}}\n" + source).write(toFile: template, atomically: true, encoding: .utf8)
        #expect(try Pipeline.prepare(Self.options(content, theme: theme), cache: cache).routes != nil, "the compiled theme is kept until forgotten")
        cache.forgetTheme()
        let broken = try Pipeline.prepare(Self.options(content, theme: theme), cache: cache)
        #expect(broken.routes == nil)
        let location = try #require(broken.themeError?.location)
        #expect(location.path == template)
        #expect(location.line == 2 && location.column == 3)
        try source.write(toFile: template, atomically: true, encoding: .utf8)
        cache.forgetTheme()
        #expect(try Pipeline.prepare(Self.options(content, theme: theme), cache: cache).routes != nil)
    }
}
