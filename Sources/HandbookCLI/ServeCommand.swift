import Foundation
import HandbookBuild
import HandbookLoad
import HandbookModel
import HandbookServe

/// `handbook serve`: preview the site from memory, rebuilt on every save, with pages that reload by
/// themselves and show the content's errors in place.
enum ServeCommand {
    static let port = OptionSpec.value("--port", "N", default: "8000", help: "the port to listen on (0: any free port)")
    static let bind = OptionSpec.value("--bind", "ADDR", help: """
        the address to listen on (default: 127.0.0.1 and ::1, this machine only)
        Any other address (such as 0.0.0.0) lets other machines read the preview; a warning says so.
        """)

    static let spec = CommandSpec(
        name: "serve",
        summary: "preview the site: served from memory, rebuilt on save, pages reload by themselves",
        description: """
            Checks and prepares the site, then serves it at the printed address without writing anything: each \
            page is made when a browser asks for it. Saves under the content and the theme are noticed at once; \
            only the changed files are read again, and every open page reloads. While the content or a template \
            has errors, the terminal lists them and every page shows them over the last version without errors; \
            fixing them brings the pages back by themselves. Opens no browser. Ctrl-C stops it.
            """,
        options: [.content, .theme, port, bind],
        notes: [
            "HANDBOOK_TODAY and SOURCE_DATE_EPOCH are read as by build.",
            "Exit status: 0 stopped by Ctrl-C or SIGTERM, 2 usage or I/O error (a port in use, a missing content or theme folder).",
        ])

    static func run(_ arguments: [String], environment: [String: String], console: inout Console, types: TypeCatalog) -> Int32 {
        let parsed: Arguments
        switch HandbookCommand.parseOptions(arguments, for: spec, console: &console) {
        case .success(let arguments): parsed = arguments
        case .failure(let stop): return stop.status
        }
        guard let port = UInt16(parsed.value(Self.port)) else {
            return HandbookCommand.usageError("\(Self.port.name) must be a number from 0 to 65535", for: spec, console: &console)
        }
        var hosts = ListenAddress.loopbackHosts
        if let address = parsed.given(bind), address != "localhost" {
            guard let listen = ListenAddress(host: address, port: port) else {
                return HandbookCommand.usageError("\(bind.name) must be an IP address such as 127.0.0.1, ::1 or 0.0.0.0 (or localhost)", for: spec, console: &console)
            }
            hosts = [listen.host]
        }
        let values: BuildEnvironment.Values
        switch BuildEnvironment.read(environment, for: spec, console: &console) {
        case .success(let read): values = read
        case .failure(let stop): return stop.status
        }
        let content = parsed.value(.content)
        let theme = parsed.value(.theme)
        if FileSystem.targetKind(content) != .directory {
            console.printError("handbook: \(LoadError(.contentDirectoryMissing, path: content).description)")
            return ExitStatus.usage
        }
        if FileSystem.targetKind(theme + "/templates") != .directory {
            console.printError("handbook: \(LoadError(.themeMissing, path: theme).description)")
            return ExitStatus.usage
        }
        let build = Pipeline.BuildOptions(contentPath: content, themePath: theme, outputPath: "", baseURL: nil, checkLinks: false,
                                          today: values.today, fixedChangeDate: values.fixedChangeDate, types: types)
        var options = PreviewServer.Options(build: build)
        options.hosts = hosts
        options.port = port
        let signals = StopSignals.block()
        let server: PreviewServer
        do {
            let timings = environment["HANDBOOK_TIMINGS"] == "1"
            server = try PreviewServer(options) { rebuild in
                ServeTerminal.print(ServeTerminal.lines(for: rebuild, contentPath: content))
                if timings, let phases = rebuild.prepared?.timings {
                    ServeTerminal.print(phases.map { "timing: \($0.phase) \(String(format: "%.4f", $0.seconds)) s" }, error: true)
                }
            }
        } catch {
            var message = "handbook: \(error.description)"
            if error.reason == .addressInUse {
                let optional: Set<String> = hosts == ListenAddress.loopbackHosts ? ["::1"] : []
                message += HTTPServer.freePort(after: port, hosts: hosts, optional: optional).map { "; try \(Self.port.name) \($0)" } ?? ""
            }
            console.printError(message)
            return ExitStatus.usage
        }
        let addresses = server.addresses
        if !addresses.allSatisfy(\.isLoopback) {
            ServeTerminal.print(["warning: listening on \(addresses.map(\.host).joined(separator: ", ")): anyone who can reach this machine "
                + "can read the preview; leave out \(bind.name) to keep it to this machine"], error: true)
        }
        server.start()
        let also = addresses.dropFirst().map(\.url)
        ServeTerminal.print(["Serving the handbook at \(server.url)" + (also.isEmpty ? "" : " (and \(also.joined(separator: ", ")))"),
                             "Watching \(content) and \(theme) for changes; press Ctrl-C to stop."])
        _ = signals.wait()
        server.stop()
        ServeTerminal.print(["Stopped."])
        return ExitStatus.success
    }
}
