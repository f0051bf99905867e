import Foundation
import HandbookLoad
import HandbookModel
@testable import HandbookRender
import HandbookTestSupport
import Mustache
import Testing

/// A theme's files and templates as `Theme` takes them: what it refuses, and that it says every problem at once.
@Suite struct ThemeTests {
    static let defaultTheme = SharedFolder.packageRoot.appendingPathComponent("themes/default").path

    /// A copy of the default theme in a fresh folder, for a test to break.
    func copiedTheme() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try FileManager.default.copyItem(atPath: Self.defaultTheme, toPath: directory.path + "/theme")
        return directory
    }

    /// The messages of the theme's problems, or [] when it compiles.
    func problems(_ path: String) throws -> [String] {
        let files = try ThemeLoader.load(path)
        do {
            _ = try Theme(files)
            return []
        } catch {
            return error.problems.map(\.message)
        }
    }

    @Test func theDefaultThemeHasNoProblem() throws {
        #expect(try problems(Self.defaultTheme) == [])
    }

    /// An asset that is a link out of the theme would publish that file (the build's environment, /etc); each such
    /// link, a broken one and a FIFO are refused, all in one run, while a link within the theme is followed.
    @Test func assetsAreOnlyPlainFilesInsideTheTheme() throws {
        let directory = try copiedTheme()
        defer { directory.cleanUp() }
        let assets = directory.path + "/theme/assets"
        try FileManager.default.createSymbolicLink(atPath: assets + "/env.txt", withDestinationPath: "/proc/self/environ")
        try FileManager.default.createSymbolicLink(atPath: assets + "/etc", withDestinationPath: "/etc")
        try FileManager.default.createSymbolicLink(atPath: assets + "/gone.css", withDestinationPath: assets + "/nothing.css")
        try FileManager.default.createSymbolicLink(atPath: assets + "/again.css", withDestinationPath: "style.css")
        #expect(mkfifo(assets + "/pipe", 0o600) == 0)
        let found = try problems(directory.path + "/theme")
        #expect(found.count == 4)
        #expect(found.contains { $0.hasPrefix(assets + "/env.txt: this symbolic link leads outside the theme") })
        #expect(found.contains { $0.hasPrefix(assets + "/etc: this symbolic link leads outside the theme (to /etc)") })
        #expect(found.contains { $0.hasPrefix(assets + "/gone.css: this symbolic link is broken") })
        #expect(found.contains { $0.hasPrefix(assets + "/pipe: this is not a plain file") })
        let files = try ThemeLoader.load(directory.path + "/theme")
        #expect(files.assets["again.css"] == files.assets["style.css"])
        #expect(files.assets.keys.allSatisfy { !$0.hasPrefix("env") && !$0.hasPrefix("etc") })
    }

    @Test func aTemplateThatIsNotUTF8IsRefusedWithItsPlace() throws {
        let directory = try copiedTheme()
        defer { directory.cleanUp() }
        try directory.write("theme/templates/extra.mustache", Data([0x61, 0x0A, 0x62, 0xFF]))
        #expect(try problems(directory.path + "/theme")
                == ["\(directory.path)/theme/templates/extra.mustache:2:2: error: the template is not valid UTF-8 (byte 0xFF); save it as UTF-8"])
    }

    /// Two broken templates, two missing ones and a missing partial are reported together, not one per run (the
    /// partials of the templates that compile are checked although others do not).
    @Test func everyTemplateProblemIsReportedAtOnce() throws {
        let directory = try copiedTheme()
        defer { directory.cleanUp() }
        let templates = directory.path + "/theme/templates/"
        try directory.write("theme/templates/list.mustache", "{{#items}}")
        try directory.write("theme/templates/home.mustache", "{{/nothing}}")
        try FileManager.default.removeItem(atPath: templates + "graph.mustache")
        try FileManager.default.removeItem(atPath: templates + "moved.mustache")
        try directory.write("theme/templates/typo.mustache", "{{>list}}{{>nope}}")
        #expect(try problems(directory.path + "/theme") == [
            templates + "home.mustache:1:1: error: {{/nothing}} closes a section that is not open",
            templates + "list.mustache:1:1: error: section 'items' is never closed; add {{/items}}",
            "the theme has none of these templates: templates/graph.mustache, templates/moved.mustache",
            templates + "typo.mustache:1:10: error: the partial 'nope' is not in the theme; add templates/nope.mustache or correct the name",
        ])
    }

    /// A misspelt partial renders as nothing (as the Mustache spec has it): a theme that names one is refused.
    @Test func aPartialTheThemeLacksIsRefused() throws {
        let directory = try copiedTheme()
        defer { directory.cleanUp() }
        let list = try directory.read("theme/templates/list.mustache")
        try directory.write("theme/templates/list.mustache", "\n  {{>crad}}\n" + list)
        #expect(try problems(directory.path + "/theme") == [
            "\(directory.path)/theme/templates/list.mustache:2:3: error: the partial 'crad' is not in the theme; add templates/crad.mustache or correct the name",
        ])
    }

    /// A partial that includes itself outside any section, directly or through another, is expanded at every level; one
    /// that includes itself inside a section stops where its data does.
    @Test func aPartialIncludingItselfWhateverTheDataIsRefused() throws {
        let directory = try copiedTheme()
        defer { directory.cleanUp() }
        try directory.write("theme/templates/pa.mustache", "A{{#x}}{{>pa}}{{/x}}{{>pb}}")
        try directory.write("theme/templates/pb.mustache", "B{{>pa}}")
        try directory.write("theme/templates/tree.mustache", "{{name}}{{#children}}{{>tree}}{{/children}}")
        let path = "\(directory.path)/theme/templates/pa.mustache"
        #expect(try problems(directory.path + "/theme") == [
            "\(path):1:21: error: the partial 'pa' includes itself outside any section (pa → pb → pa), so it would be expanded without end; put the include inside a section",
        ])
    }

    @Test func cyclesAreFoundThroughAnyPath() {
        #expect(Theme.cycle(from: "a", in: ["a": ["b"], "b": ["c"], "c": ["a"]]) == ["a", "b", "c"])
        #expect(Theme.cycle(from: "a", in: ["a": ["a"]]) == ["a"])
        #expect(Theme.cycle(from: "a", in: ["a": ["b", "c"], "b": ["c"], "c": []]) == nil)
    }

    /// A partial inside a section over a value that is always there runs to the depth limit: the library says so,
    /// so a build can refuse what it rendered.
    @Test func aRenderCutShortIsRecorded() throws {
        let library = try MustacheLibrary(templates: ["page": "{{>loop}}", "loop": "x{{#on}}{{>loop}}{{/on}}", "fine": "{{>other}}", "other": "y"])
        _ = library.render("fine", .null)
        #expect(library.overrun == nil)
        let page = library.render("page", .object(["on": .bool(true)]))
        #expect(page.count == MustacheLibrary.maximumDepth)
        #expect(library.overrun?.contains("the partial loop nested more than \(MustacheLibrary.maximumDepth) deep") == true)
    }

    /// With `escapingRawText`, `{{{…}}}` writes bytes as they are and text escaped, recording the text's name; without
    /// it (the Mustache spec's way), text is written raw.
    @Test func rawTextIsEscapedAndRecordedWhenAsked() throws {
        let templates = ["page": "{{{markup}}}|{{&text}}|{{{text}}}"]
        let context = MustacheValue.object(["markup": .utf8(Array("<b>x</b>".utf8)), "text": .string("<i>y</i>")])
        let strict = try MustacheLibrary.compile(templates: templates, escapingRawText: true).get()
        #expect(strict.rawTextNames.isEmpty)
        #expect(strict.render("page", context) == "<b>x</b>|&lt;i&gt;y&lt;/i&gt;|&lt;i&gt;y&lt;/i&gt;")
        #expect(strict.rawTextNames == ["text"])
        let spec = try MustacheLibrary(templates: templates)
        #expect(spec.render("page", context) == "<b>x</b>|<i>y</i>|<i>y</i>")
        #expect(spec.rawTextNames.isEmpty)
    }

    /// Links that lead back up the assets (`l -> .`) would have the walk go on for ever (two of them doubled it at every
    /// level); each is refused, as are a loop of links and a templates folder linked out of the theme.
    @Test func loopsAndALinkedTemplatesFolderAreRefused() throws {
        let directory = try copiedTheme()
        defer { directory.cleanUp() }
        let theme = directory.path + "/theme"
        try FileManager.default.createSymbolicLink(atPath: theme + "/assets/l1", withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: theme + "/assets/l2", withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: theme + "/assets/a", withDestinationPath: "b")
        try FileManager.default.createSymbolicLink(atPath: theme + "/assets/b", withDestinationPath: "a")
        let found = try problems(theme)
        #expect(found.count == 4, "\(found)")
        #expect(found.filter { $0.contains("leads to a folder of the assets that holds it (a loop)") }.count == 2)
        #expect(found.filter { $0.contains("leads back to itself, through other links or none (a loop)") }.count == 2)
        try FileManager.default.moveItem(atPath: theme + "/templates", toPath: directory.path + "/elsewhere")
        try FileManager.default.createSymbolicLink(atPath: theme + "/templates", withDestinationPath: directory.path + "/elsewhere")
        #expect(try problems(theme).contains { $0.hasPrefix(theme + "/templates: this symbolic link leads outside the theme") })
    }
}
