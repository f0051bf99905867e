import HandbookBuild
import HandbookLoad
import HandbookModel

/// One problem as the error overlay shows it: where, which rule, what, and the line of the file at fault.
public struct OverlayProblem: Equatable, Sendable {
    /// The file as diagnostics name it.
    public var path: String
    /// The 1-based line, or 0 when the problem concerns no line.
    public var line: Int
    /// The 1-based column, or 0.
    public var column: Int
    /// The rule's id (`template` for a theme's template, `io` for a folder that cannot be read).
    public var rule: String
    /// What is wrong and how to fix it.
    public var message: String
    /// The offending line of the file, when it can be read.
    public var source: String?

    /// The problems a preparation found: its errors (warnings do not stop the site, and are printed in the
    /// terminal only), then the theme's; or why the content could not be read at all.
    static func problems(of prepared: PreparedSite?, failure: String?, contentPath: String) -> [OverlayProblem] {
        if let failure {
            return [OverlayProblem(path: contentPath, line: 0, column: 0, rule: "io", message: failure, source: nil)]
        }
        guard let prepared else { return [] }
        var problems = prepared.validation.diagnostics.filter { $0.severity == .error }.map { diagnostic in
            OverlayProblem(path: diagnostic.location.path, line: diagnostic.location.line, column: diagnostic.location.column,
                           rule: diagnostic.rule, message: diagnostic.message, source: nil)
        }
        for problem in prepared.themeError?.problems ?? [] {
            let location = problem.location
            // The message starts with the place; the overlay shows the place on its own.
            var message = problem.message
            if let location, message.hasPrefix(location.path) {
                if let range = message.range(of: ": error: ") {
                    message = String(message[range.upperBound...])
                } else if message.hasPrefix(location.path + ": ") {
                    message = String(message.dropFirst(location.path.count + 2))
                }
            }
            problems.append(OverlayProblem(path: location?.path ?? "", line: location?.line ?? 0, column: location?.column ?? 0,
                                           rule: "template", message: message, source: nil))
        }
        var lines: [String: [Substring]] = [:]
        for index in problems.indices where problems[index].line > 0 {
            let path = problems[index].path
            if lines[path] == nil {
                // Only a plain file is read: a symbolic link is reported (`symlink`) and never followed, here as
                // when the content is loaded, so a link to a file outside the tree cannot show that file's lines.
                let bytes = FileSystem.kind(path) == .file ? try? FileSystem.read(path) : nil
                lines[path] = bytes.map { String(decoding: $0, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) } ?? []
            }
            if let file = lines[path], problems[index].line <= file.count {
                var text = file[problems[index].line - 1]
                if text.hasSuffix("\r") { text = text.dropLast() }
                problems[index].source = String(text.prefix(400))
            }
        }
        return problems
    }
}
