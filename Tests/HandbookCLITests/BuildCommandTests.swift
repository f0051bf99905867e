import Foundation
import HandbookTestSupport
import Testing

/// A fixed environment so builds of the fixture are reproducible: today's date and every entry's last change.
let buildEnvironment = ["HANDBOOK_TODAY": fixedToday, "SOURCE_DATE_EPOCH": "1790000000"]

/// Every file under a directory, by relative path.
func tree(_ root: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let base = URL(fileURLWithPath: root)
    guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
    for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
        let relative = String(url.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1))
        files[relative] = try Data(contentsOf: url)
    }
    return files
}

func buildFixture(into output: String, _ extra: [String] = [], content: String = Fixtures.validSite) -> CLIRun {
    let theme = SharedFolder.packageRoot.appendingPathComponent("themes/default").path
    return runCLI(["build", "--content", content, "--theme", theme, "--output", output] + extra, environment: buildEnvironment)
}

/// `handbook build`: what it writes, where it refuses to write, and how it fails.
@Suite struct BuildCommandTests {
    /// The fixture uses every type and field; with `--check-links` it must build with no diagnostic and no broken link.
    @Test func fixtureBuildsCleanlyWithCheckLinks() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let run = buildFixture(into: directory.path + "/site", ["--check-links"])
        #expect(run.status == 0, "\(run.out)\(run.err)")
        #expect(run.out.hasPrefix("0 errors, 0 warnings in 12 files\n"), "\(run.out)")
        #expect(run.err.isEmpty, "\(run.err)")
    }

    /// Theme assets are copied byte for byte under `assets/`, with nothing added there.
    @Test func themeAssetsAreCopiedUnchanged() throws {
        let themeAssets = try tree(SharedFolder.packageRoot.appendingPathComponent("themes/default/assets").path)
        #expect(!themeAssets.isEmpty)
        let built = DataOutputTests.site.filter { $0.key.hasPrefix("assets/") }
        #expect(Set(built.keys) == Set(themeAssets.keys.map { "assets/" + $0 }))
        for (path, data) in themeAssets {
            #expect(built["assets/" + path] == data, "assets/\(path) differs from the theme's")
        }
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        #expect(buildFixture(into: directory.path + "/a").status == 0)
        #expect(buildFixture(into: directory.path + "/b").status == 0)
        let a = try tree(directory.path + "/a")
        let b = try tree(directory.path + "/b")
        #expect(a.count > 40)
        #expect(a == b)
    }

    @Test func rebuildingReplacesThePreviousOutput() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let output = directory.path + "/site"
        #expect(buildFixture(into: output).status == 0)
        try directory.write("site/stale.html", "left over")
        #expect(buildFixture(into: output).status == 0)
        #expect(!FileManager.default.fileExists(atPath: output + "/stale.html"))
        #expect(FileManager.default.fileExists(atPath: output + "/index.html"))
        let leftovers = OutputSiblings.leftovers(in: directory.path).filter { $0.hasPrefix(".site.") }
        #expect(leftovers.isEmpty, "staging directories left behind: \(leftovers)")
        #expect(OutputSiblings.standbyIsACopy(of: output))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/.site.standby/stale.html"))
    }

    @Test func failingBuildLeavesThePreviousOutputUntouched() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let output = directory.path + "/site"
        #expect(buildFixture(into: output).status == 0)
        let before = try tree(output)
        try FileManager.default.copyItem(atPath: Fixtures.validSite, toPath: directory.path + "/content")
        try directory.write("content/organisations/broken.md", "---\nname: Broken\ncountry: XX\n---\n")
        let run = buildFixture(into: output, content: directory.path + "/content")
        #expect(run.status == 1)
        #expect(run.out.contains("broken.md:3:10: error:"))
        #expect(run.out.contains("Nothing was written"))
        #expect(try tree(output) == before)
    }

    @Test func refusesTheContentOrThemeAsOutput() throws {
        let theme = SharedFolder.packageRoot.appendingPathComponent("themes/default").path
        #expect(buildFixture(into: Fixtures.validSite).status == 2)
        #expect(buildFixture(into: theme).err.contains("is the theme directory"))
        let parent = URL(fileURLWithPath: Fixtures.validSite).deletingLastPathComponent().path
        let run = buildFixture(into: parent)
        #expect(run.status == 2)
        #expect(run.err.contains("overlaps the content directory"))
    }

    @Test func refusesANonEmptyDirectoryItDidNotMake() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try directory.write("mine/notes.txt", "precious")
        let run = buildFixture(into: directory.path + "/mine")
        #expect(run.status == 2)
        #expect(run.err.contains("was not made by handbook"))
        #expect(try directory.read("mine/notes.txt") == "precious")
        try directory.write("file", "x")
        #expect(buildFixture(into: directory.path + "/file").status == 2)
    }

    @Test func baseURLMakesCanonicalLinksAndTheNotFoundPage() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        #expect(buildFixture(into: directory.path + "/site", ["--base-url", "https://example.github.io/handbook"]).status == 0)
        let home = try directory.read("site/index.html")
        #expect(home.contains("<link rel=\"canonical\" href=\"https://example.github.io/handbook/\">"))
        #expect(home.contains("href=\"./organisations/\""))
        let notFound = try directory.read("site/404.html")
        #expect(notFound.contains("href=\"/handbook/assets/style.css\""))
        #expect(try directory.read("site/sitemap.xml").contains("<loc>https://example.github.io/handbook/organisations/example-trust/</loc>"))
        #expect(try directory.read("site/robots.txt").contains("Sitemap: https://example.github.io/handbook/sitemap.xml"))
        #expect(buildFixture(into: directory.path + "/other", ["--base-url", "example.org"]).status == 2)
        let empty = runCLI(["build", "--content", Fixtures.validSite, "--output="], environment: buildEnvironment)
        #expect(empty.status == 2)
        #expect(empty.err.contains("--output needs a value"), "\(empty.err)")
        let withQuery = buildFixture(into: directory.path + "/other", ["--base-url", "https://x.org/?q=1#f"])
        #expect(withQuery.status == 2)
        #expect(withQuery.err.contains("--base-url must not have a query"), "\(withQuery.err)")
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/other"))
    }

    @Test func brokenLinksFailTheBuildWithCheckLinks() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try FileManager.default.copyItem(atPath: SharedFolder.packageRoot.appendingPathComponent("themes/default").path, toPath: directory.path + "/theme")
        let topics = try directory.read("theme/templates/topics.mustache")
        try directory.write("theme/templates/topics.mustache", topics + "<a href=\"{{root}}nowhere/\">x</a><img src=\"missing.png\" alt=\"\">\n")
        let run = runCLI(["build", "--content", Fixtures.validSite, "--theme", directory.path + "/theme", "--output", directory.path + "/site", "--check-links"], environment: buildEnvironment)
        #expect(run.status == 1)
        // Broken links go through the diagnostic formatter: the page, the line and column of the address, the rule.
        let site = NSRegularExpression.escapedPattern(for: directory.path + "/site")
        let lines = [
            "\(site)/topics/index\\.html:[0-9]+:10: error: broken link to '\\.\\./nowhere/': nothing was built at 'nowhere/'; .* \\[broken-link\\]",
            "\(site)/topics/index\\.html:[0-9]+:38: error: broken link to 'missing\\.png': nothing was built at 'topics/missing\\.png'; .* \\[broken-link\\]",
            "2 errors, 0 warnings in [0-9]+ files",
            "Nothing was written; \(site)/ is unchanged\\.",
        ]
        #expect(run.out.range(of: "^" + lines.joined(separator: "\n") + "\n$", options: .regularExpression) != nil, "\(run.out)")
        #expect(run.out.components(separatedBy: " [broken-link]\n").count == 3)
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/site"))
    }

    @Test func templateErrorsNameTheFileLineAndColumn() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try FileManager.default.copyItem(atPath: SharedFolder.packageRoot.appendingPathComponent("themes/default").path, toPath: directory.path + "/theme")
        try directory.write("theme/templates/topics.mustache", "<h1>Topics</h1>\n{{#topics}}\n")
        let run = runCLI(["build", "--content", Fixtures.validSite, "--theme", directory.path + "/theme", "--output", directory.path + "/site"], environment: buildEnvironment)
        #expect(run.status == 1)
        #expect(run.err.contains("theme/templates/topics.mustache:2:1: error: section 'topics' is never closed"))
    }

    /// A partial that includes itself inside a section over a value every page has runs to the renderer's limits: the
    /// build stops with the theme's error, and the site built before is left as it was.
    @Test func aRunawayPartialLeavesTheSiteAsItWas() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let built = buildFixture(into: directory.path + "/site")
        #expect(built.status == 0)
        let before = try directory.read("site/index.html")
        try FileManager.default.copyItem(atPath: SharedFolder.packageRoot.appendingPathComponent("themes/default").path, toPath: directory.path + "/theme")
        try directory.write("theme/templates/loop.mustache", "x{{#site}}{{>loop}}{{/site}}")
        let layout = try directory.read("theme/templates/layout.mustache")
        try directory.write("theme/templates/layout.mustache", layout.replacingOccurrences(of: "<body>", with: "<body>{{>loop}}"))
        let run = runCLI(["build", "--content", Fixtures.validSite, "--theme", directory.path + "/theme", "--output", directory.path + "/site"], environment: buildEnvironment)
        #expect(run.status == 1)
        #expect(run.err.contains("a page was cut short, the partial loop nested more than 100 deep"), "\(run.err)")
        #expect(try directory.read("site/index.html") == before)
    }

    /// Every problem of a theme is printed, one a line, with nothing from a file name able to add a line.
    @Test func everyThemeProblemIsPrintedOnItsOwnLine() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try FileManager.default.copyItem(atPath: SharedFolder.packageRoot.appendingPathComponent("themes/default").path, toPath: directory.path + "/theme")
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/theme/assets/x\n::error::injected", withDestinationPath: "/etc/hostname")
        try directory.write("theme/templates/topics.mustache", "{{#topics}}")
        let run = runCLI(["build", "--content", Fixtures.validSite, "--theme", directory.path + "/theme", "--output", directory.path + "/site"], environment: buildEnvironment)
        #expect(run.status == 1)
        let lines = run.err.split(separator: "\n").map(String.init)
        #expect(lines.first == "handbook: the theme has 2 problems:", "\(run.err)")
        #expect(lines.count == 4)
        #expect(lines.last == "Nothing was written; \(directory.path)/site/ is unchanged.")
        #expect(lines.contains { $0.hasPrefix("  \(directory.path)/theme/assets/x<U+000A>::error::injected: this symbolic link leads outside the theme") })
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/site"))
    }

    /// An output that is a mount point (a container's volume) is changed in place, its staging folder inside it (a
    /// rename cannot cross into another file system): an empty one takes a first build, and a rebuild removes what
    /// the site no longer has. Needs a tmpfs mount, which only root can make: elsewhere there is nothing to run.
    @Test func anOutputThatIsAMountPointIsBuiltInPlace() throws {
        guard geteuid() == 0 else { return }
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let volume = directory.path + "/volume"
        try FileManager.default.createDirectory(atPath: volume, withIntermediateDirectories: true)
        guard (try? Subprocess.run("/bin/mount", ["-t", "tmpfs", "-o", "size=16m", "tmpfs", volume]))?.status == 0 else { return }
        defer { _ = try? Subprocess.run("/bin/umount", [volume]) }
        try FileManager.default.copyItem(atPath: Fixtures.validSite, toPath: directory.path + "/content")
        let first = buildFixture(into: volume, content: directory.path + "/content")
        #expect(first.status == 0, "\(first.err)")
        try FileManager.default.removeItem(atPath: directory.path + "/content/pages/about.md")
        let second = buildFixture(into: volume, content: directory.path + "/content")
        #expect(second.status == 0, "\(second.err)")
        #expect(second.out.contains(" removed)"))
        #expect(buildFixture(into: directory.path + "/fresh", content: directory.path + "/content").status == 0)
        let diff = try Subprocess.run("/usr/bin/diff", ["-r", volume, directory.path + "/fresh"])
        #expect(diff.status == 0, "\(diff.output)")
        #expect(!FileManager.default.fileExists(atPath: volume + "/.handbook-output-staging"))
    }

    /// The output is the tool's: files put into it by hand go with the next build, which counts them as removed,
    /// whether or not it starts from the standby (which did not have them).
    @Test func filesPutIntoTheOutputByHandAreCountedAsRemoved() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let site = directory.path + "/site"
        #expect(buildFixture(into: site).status == 0)
        #expect(buildFixture(into: site).out.contains("0 written"))
        try directory.write("site/USER.txt", "mine")
        try directory.write("site/userdir/sub/k.txt", "mine")
        let run = buildFixture(into: site)
        #expect(run.status == 0)
        #expect(run.out.contains("(0 written, "), "\(run.out)")
        #expect(run.out.contains(" unchanged, 2 removed)"), "\(run.out)")
        #expect(!FileManager.default.fileExists(atPath: site + "/USER.txt"))
    }

    /// A theme may write without escaping only markup the tool made (bodies, drawings, formatted fields): a name
    /// from the content written so is escaped all the same, and the build is refused, naming the tag.
    @Test func textWrittenWithoutEscapingRefusesTheTheme() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try FileManager.default.copyItem(atPath: SharedFolder.packageRoot.appendingPathComponent("themes/default").path, toPath: directory.path + "/theme")
        let entity = try directory.read("theme/templates/entity.mustache")
        try directory.write("theme/templates/entity.mustache", "{{{entity.name}}}\n" + entity)
        let run = runCLI(["build", "--content", Fixtures.validSite, "--theme", directory.path + "/theme", "--output", directory.path + "/site"], environment: buildEnvironment)
        #expect(run.status == 1)
        #expect(run.err == "handbook: \(directory.path)/theme/templates/entity.mustache:1:1: error: 'entity.name' is written without escaping; it holds "
                + "text, not markup the tool made, so it is written escaped; write {{entity.name}}\n"
                + "Nothing was written; \(directory.path)/site/ is unchanged.\n", "\(run.err)")
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/site"))
        // Every name so written is reported in one run, the cached card's outer `root` among them.
        let card = try directory.read("theme/templates/card.mustache")
        try directory.write("theme/templates/card.mustache", "{{{root}}}" + card)
        try directory.write("theme/templates/entity.mustache", "{{{entity.name}}}{{&entity.summary}}\n" + entity)
        let again = runCLI(["build", "--content", Fixtures.validSite, "--theme", directory.path + "/theme", "--output", directory.path + "/site"], environment: buildEnvironment)
        #expect(again.status == 1)
        for name in ["entity.name", "entity.summary", "root"] {
            #expect(again.err.contains("error: '\(name)' is written without escaping"), "\(again.err)")
        }
    }

}
