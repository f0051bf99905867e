import Foundation
import HandbookServe

/// What `handbook serve` prints while it runs: straight to standard output as it happens (not collected
/// like other commands' output, since serving ends only with Ctrl-C), from any thread.
enum ServeTerminal {
    private static let lock = NSLock()

    /// Writes lines to standard output (or standard error) now.
    static func print(_ lines: [String], error: Bool = false) {
        guard !lines.isEmpty else { return }
        let data = Data((lines.joined(separator: "\n") + "\n").utf8)
        lock.lock()
        (error ? FileHandle.standardError : FileHandle.standardOutput).write(data)
        lock.unlock()
    }

    /// The lines for one preparation: its diagnostics in the text format with their summary (as `check`
    /// prints them), the theme's error, and what happened.
    static func lines(for rebuild: PreviewServer.Rebuild, contentPath: String) -> [String] {
        var lines: [String] = []
        if !rebuild.changed.isEmpty {
            let shown = rebuild.changed.prefix(3).joined(separator: ", ") + (rebuild.changed.count > 3 ? " and \(rebuild.changed.count - 3) more" : "")
            lines.append(DiagnosticFormatter.terminalSafe("Changed: \(shown)"))
        }
        if let failure = rebuild.failure {
            lines.append("handbook: " + DiagnosticFormatter.terminalSafe(failure))
            lines.append("Pages show this until \(contentPath) can be read again.")
            return lines
        }
        guard let prepared = rebuild.prepared else { return lines }
        let validation = prepared.validation
        let formatted = DiagnosticFormatter.format(validation.diagnostics, as: .text)
        if !formatted.isEmpty { lines.append(String(formatted.dropLast())) }
        // After a save, a clean summary is noise; the first one, or any with problems, says where things stand.
        if rebuild.changed.isEmpty || !validation.diagnostics.isEmpty {
            lines.append(DiagnosticFormatter.summary(validation.diagnostics, files: validation.fileCount))
        }
        if let themeError = prepared.themeError { lines.append("handbook: " + DiagnosticFormatter.terminalSafe(lines: themeError.lines)) }
        let seconds = String(format: "%.2f", rebuild.seconds)
        if let routes = prepared.routes {
            if rebuild.changed.isEmpty {
                lines.append("Ready in \(seconds) s: \(BuildCommand.grouped(routes.pageCount)) pages, each made when it is asked for.")
            } else {
                let read = prepared.parsedFiles == 1 ? "1 file read again" : "\(prepared.parsedFiles) files read again"
                lines.append("Rebuilt in \(seconds) s (\(read)); open pages reload.")
            }
        } else {
            lines.append(rebuild.version == 1
                ? "Nothing to serve until the errors above are fixed; every page shows them and reloads once they are."
                : "Still serving the last version without errors; every page shows the errors above until they are fixed.")
        }
        return lines
    }
}
