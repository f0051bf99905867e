import Foundation
import HandbookBuild
import HandbookModel
import HandbookServe
import HandbookTestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A preview server over a copy of the fixture site, on a free port, stopped when the test ends.
final class ServedFixture {
    let directory: TemporaryDirectory
    let content: String
    let theme: String
    let server: PreviewServer
    let reports = Reports()

    static let fixture = SharedFolder.packageRoot.appendingPathComponent("Tests/HandbookCLITests/Fixtures/valid-site/content").path
    static let defaultTheme = SharedFolder.packageRoot.appendingPathComponent("themes/default").path

    /// Rebuilds as the server reports them.
    final class Reports: @unchecked Sendable {
        private let lock = NSLock()
        private var all: [PreviewServer.Rebuild] = []

        func add(_ rebuild: PreviewServer.Rebuild) {
            lock.lock()
            all.append(rebuild)
            lock.unlock()
        }

        var list: [PreviewServer.Rebuild] {
            lock.lock()
            defer { lock.unlock() }
            return all
        }
    }

    /// Serves a copy of the fixture (and of the theme, when a test changes it); `edit` may change the copy first.
    init(limits: HTTPLimits = HTTPLimits(), polling: Bool = false, quiet: Double = 0.05, copyTheme: Bool = false,
         edit: (String) throws -> Void = { _ in }) throws {
        directory = try TemporaryDirectory()
        content = directory.path + "/content"
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: content)
        if copyTheme {
            theme = directory.path + "/theme"
            try FileManager.default.copyItem(atPath: Self.defaultTheme, toPath: theme)
        } else {
            theme = Self.defaultTheme
        }
        try edit(content)
        let build = Pipeline.BuildOptions(contentPath: content, themePath: theme, outputPath: "", baseURL: nil, checkLinks: false,
                                          today: PartialDate(year: 2026, month: 11, day: 22), fixedChangeDate: 1_790_000_000)
        var options = PreviewServer.Options(build: build)
        options.port = 0
        options.limits = limits
        options.polling = polling
        options.quiet = quiet
        let reports = self.reports
        server = try PreviewServer(options) { reports.add($0) }
        server.start()
    }

    deinit {
        server.stop()
        directory.cleanUp()
    }

    var port: UInt16 { server.addresses[0].port }

    /// A new connection.
    func client() throws -> TestClient {
        try TestClient(port: port)
    }

    /// One GET (or other method) on a connection of its own.
    func get(_ target: String, method: String = "GET", headers: [String] = []) throws -> Reply {
        let client = try client()
        client.request(method, target, headers: headers)
        return try client.reply(head: method == "HEAD")
    }

    /// Replaces text in a content file (a whole new file, as editors save).
    func edit(_ relativePath: String, _ change: (String) -> String) throws {
        let path = content + "/" + relativePath
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try change(text).write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Waits until `condition` holds, at most `seconds`.
    func eventually(_ seconds: Double = 5, _ condition: () throws -> Bool) rethrows -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if try condition() { return true }
            usleep(20_000)
        }
        return try condition()
    }
}
