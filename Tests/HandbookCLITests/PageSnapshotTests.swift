import Foundation
import HandbookTestSupport
import Testing

/// The `<main>` element of five representative pages of the built fixture, byte for byte.
///
/// Only five pages, and only their `<main>`, so that a change to the header, footer or navigation does not
/// rewrite every snapshot; the other pages are checked by targeted assertions (BuiltPageTests, DataOutputTests).
/// Re-record with `HANDBOOK_RECORD=1 swift test --skip-build --filter PageSnapshotTests`; that run fails on purpose.
@Suite struct PageSnapshotTests {
    static let snapshots = SharedFolder.packageRoot.appendingPathComponent("Tests/HandbookCLITests/Snapshots/main")

    /// Home, an entry page rich in fields and backlinks, an event (dates, time zone, calendar), a list page with filters
    /// and the sector insights (charts, tables, asks and offers).
    static let pages = ["index.html", "organisations/example-trust/index.html", "events/example-meetup/index.html", "organisations/index.html",
                        "insights/index.html"]

    /// The page's `<main>` element, from its start tag to its end tag, with a final newline.
    static func main(of html: String) -> String? {
        guard let start = html.range(of: "<main"),
              let end = html.range(of: "</main>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound]) + "\n"
    }

    /// Where two texts first differ, by line, or nil when they are the same: a failure shows the change, not two pages.
    static func firstDifference(_ built: String, _ expected: String) -> String? {
        guard built != expected else { return nil }
        let a = built.components(separatedBy: "\n")
        let b = expected.components(separatedBy: "\n")
        let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        let got = line < a.count ? a[line] : "(end)"
        let want = line < b.count ? b[line] : "(end)"
        return "line \(line + 1):\n  built:    \(got)\n  snapshot: \(want)"
    }

    @Test(arguments: pages)
    func mainMatchesItsSnapshot(_ path: String) throws {
        let html = try #require(BuiltPageTests.site[path], "\(path) was not built")
        let main = try #require(Self.main(of: html), "\(path) has no <main> element")
        let snapshot = Self.snapshots.appendingPathComponent(path)
        if try Golden.recorded(snapshot, main) { return }
        let expected = try String(contentsOf: snapshot, encoding: .utf8)
        #expect(Self.firstDifference(main, expected) == nil, "\(path) differs from its snapshot")
    }

    /// A snapshot of a page no longer in the list would never be compared, so none may linger.
    @Test func everySnapshotIsOfAListedPage() throws {
        #expect(Set(try tree(Self.snapshots.path).keys) == Set(Self.pages))
    }
}
