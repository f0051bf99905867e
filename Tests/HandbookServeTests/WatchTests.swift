import Foundation
import HandbookServe
import Testing

/// Saves under the content or the theme are noticed, rebuilt, served, and announced to open pages.
@Suite(.serialized) struct WatchTests {
    /// Edits a body while a page listens: a reload event comes, and the page has the new text.
    func editIsServedAndAnnounced(polling: Bool) throws {
        let served = try ServedFixture(polling: polling)
        let events = try served.client()
        events.request("GET", "/_handbook/events")
        #expect(events.waitFor("event: version\ndata: 1\n\n"))
        #expect(events.received.hasPrefix("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"))
        #expect(served.eventually { served.server.listeners == 1 })
        try served.edit("organisations/example-network.md") { $0 + "\nA paragraph written while serving.\n" }
        #expect(events.waitFor("event: reload\ndata: 2\n\n"), "no reload event: \(events.received)")
        let page = try served.get("/organisations/example-network/")
        #expect(page.text.contains("A paragraph written while serving."))
        #expect(page.text.contains("data-version=\"2\""))
        let last = try #require(served.reports.list.last)
        #expect(last.prepared?.parsedFiles == 1)
        #expect(last.changed.contains(served.content + "/organisations/example-network.md"))
    }

    @Test func anEditIsServedAndAnnouncedWithTheKernelsEvents() throws {
        try editIsServedAndAnnounced(polling: false)
    }

    @Test func anEditIsServedAndAnnouncedWhenScanning() throws {
        try editIsServedAndAnnounced(polling: true)
    }

    /// Five saves in a row make one rebuild, which serves the last.
    @Test func severalQuickSavesMakeOneRebuild() throws {
        // A second of quiet: the five saves are done long before, however busy the machine.
        let served = try ServedFixture(quiet: 1)
        #expect(served.reports.list.count == 1)
        for round in 1...5 {
            try served.edit("organisations/example-network.md") { text in
                text.replacingOccurrences(of: #"Members meet monthly\.( Save \d\.)?"#, with: "Members meet monthly. Save \(round).", options: .regularExpression)
            }
        }
        #expect(served.eventually(10) { served.reports.list.count == 2 })
        usleep(1_500_000)
        #expect(served.reports.list.count == 2)
        #expect(try served.get("/organisations/example-network/").text.contains("Members meet monthly. Save 5."))
    }

    /// A save through a passing file (sed writes `sedXXXXXX` and renames it; vim writes `4913` and a `.swp`) names
    /// only the file that changed.
    @Test func passingFilesOfASaveAreNotNamed() throws {
        let served = try ServedFixture(quiet: 0.3)
        #expect(served.eventually(10) { served.reports.list.count == 1 })
        let folder = served.content + "/organisations/"
        let text = try String(contentsOfFile: folder + "example-network.md", encoding: .utf8)
        try "x".write(toFile: folder + "4913", atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: folder + "4913")
        try "swap".write(toFile: folder + ".example-network.md.swp", atomically: false, encoding: .utf8)
        try text.replacingOccurrences(of: "Members meet monthly.", with: "Members meet weekly.").write(toFile: folder + "sedAb12Cd", atomically: false, encoding: .utf8)
        #expect(rename(folder + "sedAb12Cd", folder + "example-network.md") == 0)
        #expect(served.eventually(10) { served.reports.list.count == 2 })
        let changed = try #require(served.reports.list.last).changed
        #expect(changed == [folder + "example-network.md"], "\(changed)")
        #expect(try served.get("/organisations/example-network/").text.contains("Members meet weekly."))
    }

    /// A new entry gets its page; a removed one loses it.
    @Test func newAndRemovedFilesAreServed() throws {
        let served = try ServedFixture()
        #expect(try served.get("/organisations/example-newcomer/").status == 404)
        try """
            ---
            name: "Example Newcomer"
            country: "NL"
            kind: charity
            ---
            Just arrived.
            """.write(toFile: served.content + "/organisations/example-newcomer.md", atomically: false, encoding: .utf8)
        #expect(served.eventually { (try? served.get("/organisations/example-newcomer/").status) == 200 })
        #expect(try served.get("/organisations/example-newcomer/").text.contains("Just arrived."))
        try FileManager.default.removeItem(atPath: served.content + "/organisations/example-newcomer.md")
        #expect(served.eventually { (try? served.get("/organisations/example-newcomer/").status) == 404 })
    }

    /// The content folder moved away is a problem shown on the pages, not the end of the server; moved back,
    /// it is watched and served again.
    @Test func theContentFolderMayGoAndComeBack() throws {
        let served = try ServedFixture()
        let away = served.directory.path + "/away"
        try FileManager.default.moveItem(atPath: served.content, toPath: away)
        #expect(served.eventually { served.reports.list.last?.failure != nil })
        let page = try served.get("/")
        #expect(page.status == 200 && page.text.contains("no such content directory"))
        try FileManager.default.moveItem(atPath: away, toPath: served.content)
        #expect(served.eventually { served.reports.list.last?.isServed == true })
        try served.edit("organisations/example-network.md") { $0 + "\nWatched again.\n" }
        #expect(served.eventually { (try? served.get("/organisations/example-network/").text.contains("Watched again.")) == true })
    }

    /// The content folder moved away and a copy put in its place (a restore from a backup): the copy is watched, not
    /// the folder moved away, whose watches had followed it.
    @Test func aCopyPutInPlaceOfTheContentFolderIsWatched() throws {
        let served = try ServedFixture()
        let away = served.directory.path + "/away"
        try FileManager.default.moveItem(atPath: served.content, toPath: away)
        try FileManager.default.copyItem(atPath: away, toPath: served.content)
        #expect(served.eventually { served.reports.list.last?.isServed == true && served.reports.list.count >= 2 })
        try served.edit("organisations/example-network.md") { $0 + "\nWritten in the copy.\n" }
        #expect(served.eventually { (try? served.get("/organisations/example-network/").text.contains("Written in the copy.")) == true })
        let count = served.reports.list.count
        let old = away + "/organisations/example-network.md"
        try (String(contentsOfFile: old, encoding: .utf8) + "\nWritten in the folder moved away.\n").write(toFile: old, atomically: false, encoding: .utf8)
        usleep(600_000)
        #expect(served.reports.list.count == count)
        #expect(try served.get("/organisations/example-network/").text.contains("Written in the copy."))
    }

    /// A change to a template is served without restarting.
    @Test func aThemeChangeIsServed() throws {
        let served = try ServedFixture(copyTheme: true)
        let template = served.theme + "/templates/home.mustache"
        let source = try String(contentsOfFile: template, encoding: .utf8)
        try ("<p>Theme edited while serving.</p>\n" + source).write(toFile: template, atomically: true, encoding: .utf8)
        #expect(served.eventually { (try? served.get("/").text.contains("Theme edited while serving.")) == true })
        let stylesheet = served.theme + "/assets/style.css"
        try (try String(contentsOfFile: stylesheet, encoding: .utf8) + "\n/* edited */\n").write(toFile: stylesheet, atomically: false, encoding: .utf8)
        #expect(served.eventually { (try? served.get("/assets/style.css").text.hasSuffix("/* edited */\n")) == true })
    }
}
