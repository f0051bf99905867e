import Foundation
@testable import HandbookModel
@testable import HandbookValidate
import Testing

/// A page at the site's root may not take a name the site's own sections use: `check` must refuse it, or the
/// build would find two things at one address after `check` had passed.
@Suite struct ReservedNamesTests {
    /// Every top-level folder of the built fixture that is neither a type's folder nor one of its pages (which
    /// live at the root).
    static let sections: Set<String> = {
        let typeFolders = Set(TypeCatalog.standard.types.map(\.folder))
        let pages = ((try? FileManager.default.contentsOfDirectory(atPath: Fixtures.validSite + "/pages")) ?? []).map { String($0.dropLast(3)) }
        var names: Set<String> = []
        for path in BuiltPageTests.site.keys {
            guard let slash = path.firstIndex(of: "/") else { continue }
            let name = String(path[..<slash])
            if !typeFolders.contains(name) && !pages.contains(name) { names.insert(name) }
        }
        return names
    }()

    @Test func everySectionTheSiteWritesIsReserved() {
        #expect(Self.sections.isSuperset(of: ["graph", "insights", "privacy", "search", "api", "assets", "topics"]), "\(Self.sections.sorted())")
        let missing = Self.sections.subtracting(SlugRule.siteSections).subtracting(SlugRule.replaceable)
        #expect(missing.isEmpty, "sections a page could take: \(missing.sorted())")
    }

    @Test(arguments: ["graph", "insights"])
    func aPageNamedAfterASectionIsRefused(_ name: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let content = directory.path + "/content"
        try FileManager.default.copyItem(atPath: Fixtures.validSite, toPath: content)
        try "---\ntitle: \"A page\"\n---\nText.\n".write(toFile: content + "/pages/\(name).md", atomically: true, encoding: .utf8)
        let run = runCLI(["check", "--content", content], environment: buildEnvironment)
        #expect(run.status == 1, "\(run.out)\(run.err)")
        #expect(run.out.contains("pages/\(name).md:1:1: error: '\(name)' is used by the site itself"), "\(run.out)")
        #expect(run.out.contains("[slug]"), "\(run.out)")
    }
}
