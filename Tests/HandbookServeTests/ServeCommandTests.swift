import Foundation
import HandbookCLI
import HandbookServe
import HandbookTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `handbook serve` as a user runs it: the built binary, its messages, and how it stops.
@Suite(.serialized) struct ServeCommandTests {
    static let theme = SharedFolder.packageRoot.appendingPathComponent("themes/default").path

    static func executable() throws -> String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("handbook").path
        let fallback = SharedFolder.packageRoot.appendingPathComponent(".build/debug/handbook").path
        return try #require([beside, fallback].first(where: FileManager.default.isExecutableFile), "the handbook binary is not built")
    }

    /// A running `handbook serve` with its output read as it comes.
    final class Running: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var text = ""
        private var errorText = ""
        /// How many of the two pipes have reached their end: a process that has exited may still have bytes in them.
        private var closedPipes = 0
        /// When bytes last came from either pipe.
        private var lastReadAt = Date()

        init(_ arguments: [String], environment extra: [String: String] = [:]) throws {
            process.executableURL = URL(fileURLWithPath: try ServeCommandTests.executable())
            process.arguments = ["serve"] + arguments
            process.environment = ["HANDBOOK_TODAY": "2026-11-22", "SOURCE_DATE_EPOCH": "1790000000", "PATH": "/usr/bin:/bin"]
                .merging(extra) { _, given in given }
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            out.fileHandleForReading.readabilityHandler = { [weak self] handle in self?.read(handle, error: false) }
            err.fileHandleForReading.readabilityHandler = { [weak self] handle in self?.read(handle, error: true) }
            try process.run()
        }

        private func read(_ handle: FileHandle, error: Bool) {
            let data = handle.availableData
            locked {
                guard !data.isEmpty else {
                    // The end of the pipe: nothing more will come.
                    handle.readabilityHandler = nil
                    closedPipes += 1
                    return
                }
                if error { errorText += String(decoding: data, as: UTF8.self) } else { text += String(decoding: data, as: UTF8.self) }
                lastReadAt = Date()
            }
        }

        /// `body`'s result, under the lock the pipes' handlers write under.
        private func locked<Value>(_ body: () -> Value) -> Value {
            lock.lock()
            defer { lock.unlock() }
            return body()
        }

        var output: String { locked { text } }

        var errors: String { locked { errorText } }

        /// Once the process has ended, waits for what it wrote last to be read: both pipes' ends, or (where a pipe's
        /// end is not reported) a moment with nothing more.
        private func settle() {
            let ended = Date(), deadline = ended.addingTimeInterval(5)
            while Date() < deadline {
                let (closed, last) = locked { (closedPipes, lastReadAt) }
                if closed == 2 || Date().timeIntervalSince(max(last, ended)) >= 0.3 { return }
                usleep(5_000)
            }
        }

        /// Waits until the output contains `marker`, at most `seconds`.
        func waitFor(_ marker: String, seconds: Double = 20) -> Bool {
            let end = Date().addingTimeInterval(seconds)
            while Date() < end {
                if output.contains(marker) || errors.contains(marker) { return true }
                if !process.isRunning {
                    settle()
                    return output.contains(marker) || errors.contains(marker)
                }
                usleep(20_000)
            }
            return false
        }

        /// The port of the printed address.
        var port: UInt16? {
            guard let range = output.range(of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) else { return nil }
            return UInt16(output[range].dropFirst("http://127.0.0.1:".count).dropLast())
        }

        /// Waits for the process to end, at most `seconds`; its status, or nil when it did not end.
        func exit(within seconds: Double) -> Int32? {
            let end = Date().addingTimeInterval(seconds)
            while process.isRunning && Date() < end { usleep(20_000) }
            if process.isRunning {
                process.terminate()
                return nil
            }
            settle()
            return process.terminationStatus
        }
    }

    /// It prints the address, serves the site, and stops cleanly (exit 0) on SIGTERM and on Ctrl-C.
    @Test(arguments: [SIGTERM, SIGINT])
    func itServesAndStopsCleanly(_ signal: Int32) throws {
        let running = try Running(["--content", ServedFixture.fixture, "--theme", Self.theme, "--port", "0"])
        #expect(running.waitFor("press Ctrl-C to stop."), "\(running.output)\(running.errors)")
        #expect(running.output.contains("0 errors, 0 warnings in 12 files\nReady in "))
        let port = try #require(running.port, "\(running.output)")
        #expect(running.output.contains("Serving the handbook at http://127.0.0.1:\(port)/"))
        let client = try TestClient(port: port)
        client.request("GET", "/organisations/example-network/")
        let reply = try client.reply()
        #expect(reply.status == 200 && reply.text.contains("Members meet monthly."))
        kill(running.process.processIdentifier, signal)
        #expect(running.exit(within: 10) == 0)
        #expect(running.output.hasSuffix("Stopped.\n"))
    }

    #if os(Linux) && canImport(Glibc)
    /// On Linux the running tool has the allocator's settings (it started itself again with them): the variable is in
    /// its environment, and where the kernel gives huge pages only to memory that asks for them, its heap asks.
    /// A `GLIBC_TUNABLES` the caller set is kept as given, and nothing asks.
    @Test(arguments: [nil, "", "glibc.malloc.arena_max=2"])
    func itRunsWithTheAllocatorSettingsUnlessTheCallerSetThem(_ given: String?) throws {
        let running = try Running(["--content", ServedFixture.fixture, "--theme", Self.theme, "--port", "0"],
                                  environment: given.map { ["GLIBC_TUNABLES": $0] } ?? [:])
        #expect(running.waitFor("press Ctrl-C to stop."), "\(running.output)\(running.errors)")
        let process = "/proc/\(running.process.processIdentifier)"
        let environ = try Data(contentsOf: URL(fileURLWithPath: process + "/environ"))
        let variables = environ.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }.filter { $0.hasPrefix("GLIBC_TUNABLES=") }
        #expect(variables.count == 1)
        if let given {
            #expect(variables == ["GLIBC_TUNABLES=" + given])
        } else {
            // glibc shortens the variable where the program can see it once it has read it: its first setting shows.
            let first = try #require(AllocatorTuning.tunables.split(separator: ":").first)
            #expect(variables.first?.hasPrefix("GLIBC_TUNABLES=" + first) == true, "\(variables)")
        }
        let mode = (try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8)) ?? ""
        if mode.contains("[madvise]") {
            #expect(try Self.heapAsksForHugePages(process) == (given == nil))
        }
        kill(running.process.processIdentifier, SIGTERM)
        #expect(running.exit(within: 10) == 0)
    }

    /// True when the process's heap is eligible for transparent huge pages (`THPeligible: 1` in its `smaps`).
    static func heapAsksForHugePages(_ process: String) throws -> Bool {
        let maps = try String(contentsOfFile: process + "/smaps", encoding: .utf8)
        var inHeap = false
        for line in maps.split(separator: "\n") {
            if let first = line.first, first.isHexDigit, line.contains("-") {
                inHeap = line.hasSuffix("[heap]")
            } else if inHeap, line.hasPrefix("THPeligible:") {
                return line.hasSuffix("1")
            }
        }
        return false
    }
    #endif

    /// A port in use is said plainly, with a free one to try instead; nothing is served (exit 2).
    @Test func aPortInUseSuggestsTheNextFreeOne() throws {
        let taken = try HTTPServer(hosts: ["127.0.0.1"], port: 0) { _ in HTTPResponse(status: 204) }
        defer { taken.stop() }
        let port = taken.addresses[0].port
        let running = try Running(["--content", ServedFixture.fixture, "--theme", Self.theme, "--port", String(port), "--bind", "127.0.0.1"])
        #expect(running.exit(within: 20) == 2)
        let expected = "handbook: port \(port) on 127.0.0.1 is in use (another program is listening there); try --port "
        #expect(running.errors.contains(expected), "\(running.errors)")
        let suggested = running.errors.components(separatedBy: "try --port ").last.flatMap { UInt16($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(suggested.map { $0 > port } == true)
    }

    /// Any address but loopback is served only when asked for, with a warning.
    @Test func anotherAddressIsServedWithAWarning() throws {
        let running = try Running(["--content", ServedFixture.fixture, "--theme", Self.theme, "--port", "0", "--bind", "0.0.0.0"])
        #expect(running.waitFor("press Ctrl-C to stop."))
        #expect(running.errors.contains("warning: listening on 0.0.0.0: anyone who can reach this machine can read the preview"))
        kill(running.process.processIdentifier, SIGTERM)
        #expect(running.exit(within: 10) == 0)
    }

    /// Usage errors stop before anything is served.
    @Test(arguments: [
        (["--port", "70000"], "--port must be a number from 0 to 65535"),
        (["--bind", "example.org"], "--bind must be an IP address"),
        (["content"], "serve takes no arguments"),
        (["--content", "/nonexistent/content"], "no such content directory"),
        (["--theme", "/nonexistent/theme"], "not a theme"),
    ])
    func usageErrorsExit2(_ arguments: [String], _ message: String) throws {
        // Each option once: one given twice with two values is a usage error of its own.
        let defaults = [("--content", ServedFixture.fixture), ("--theme", Self.theme)].filter { !arguments.contains($0.0) }
        let running = try Running(defaults.flatMap { [$0.0, $0.1] } + arguments)
        #expect(running.exit(within: 20) == 2)
        #expect(running.errors.contains(message), "\(running.errors)")
    }
}
