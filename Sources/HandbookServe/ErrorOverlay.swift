import HandbookModel
import Mustache

/// The panel serve mode lays over every page while the content or the theme has errors: each problem's
/// file, line, column, rule, message and offending line, marked under the column. Its styles come from
/// a stylesheet of its own (`/_handbook/overlay.css`), never inline, so a Content-Security-Policy of
/// `style-src 'self'` still holds.
enum ErrorOverlay {
    /// The stylesheet's path.
    static let stylesheetPath = "_handbook/overlay.css"
    /// The most problems listed; the rest are counted.
    static let shown = 50

    /// The panel's markup, to go before `</body>`; empty when there are no problems.
    static func html(_ problems: [OverlayProblem]) -> [UInt8] {
        guard !problems.isEmpty else { return [] }
        var out: [UInt8] = []
        out += Array("<link rel=\"stylesheet\" href=\"/\(stylesheetPath)\">\n".utf8)
        out += Array("<aside id=\"handbook-errors\" role=\"alert\" aria-labelledby=\"handbook-errors-title\">\n".utf8)
        let count = problems.count == 1 ? "1 error" : "\(problems.count) errors"
        out += Array("<h2 id=\"handbook-errors-title\">The handbook has \(count)</h2>\n".utf8)
        out += Array("<p>Until they are fixed, pages show the last version without errors. Save the fix: this page reloads by itself.</p>\n<ol>\n".utf8)
        for problem in problems.prefix(shown) {
            out += Array("<li>\n<p class=\"handbook-error-where\"><code>".utf8)
            var place = problem.path
            if problem.line > 0 { place += ":\(problem.line):\(problem.column)" }
            escape(place, into: &out)
            out += Array("</code> <span class=\"handbook-error-rule\">[".utf8)
            escape(problem.rule, into: &out)
            out += Array("]</span></p>\n<p class=\"handbook-error-message\">".utf8)
            escape(problem.message, into: &out)
            out += Array("</p>\n".utf8)
            if let source = problem.source {
                out += Array("<pre class=\"handbook-error-source\"><span class=\"handbook-error-number\">\(problem.line)</span> ".utf8)
                escape(source, into: &out)
                if problem.column > 0 {
                    // The mark sits under the column: the characters before it become blanks (tabs stay tabs).
                    let lead = String(source.prefix(problem.column - 1).map { $0 == "\t" ? "\t" : " " })
                    out += Array("\n<span class=\"handbook-error-number\">\(String(repeating: " ", count: String(problem.line).count))</span> ".utf8)
                    HTML.escape(lead, into: &out)
                    out += Array("<span class=\"handbook-error-mark\">^</span>".utf8)
                }
                out += Array("</pre>\n".utf8)
            }
            out += Array("</li>\n".utf8)
        }
        out += Array("</ol>\n".utf8)
        if problems.count > shown { out += Array("<p>And \(problems.count - shown) more; the terminal lists them all.</p>\n".utf8) }
        out += Array("</aside>\n".utf8)
        return out
    }

    /// HTML-escaped, with control characters (an escape sequence in a file name, a BEL) shown as U+FFFD: a page shows
    /// them as nothing, and they are not valid in HTML.
    private static func escape(_ text: String, into out: inout [UInt8]) {
        var bytes = Array(text.utf8)
        ControlCharacters.replace(in: &bytes)
        HTML.escape(String(decoding: bytes, as: UTF8.self), into: &out)
    }

    /// A whole page for when there is no site to show yet (the first build had errors).
    static func page(_ problems: [OverlayProblem], version: Int) -> [UInt8] {
        var out = Array("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Errors — handbook serve</title>\n</head>\n<body>\n".utf8)
        out += html(problems)
        out += LiveReload.tag(version: version)
        out += Array("</body>\n</html>\n".utf8)
        return out
    }

    /// The panel's styles: over everything, scrollable, readable in light and dark schemes.
    static let stylesheet = Array("""
        /* handbook serve: the error overlay (not part of the built site). */
        #handbook-errors { position: fixed; inset: 0; z-index: 2147483647; overflow: auto; box-sizing: border-box;
          padding: 2rem max(1rem, calc((100vw - 60rem) / 2)); background: #1b1b1f; color: #f4f4f5;
          font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
        #handbook-errors h2 { margin: 0 0 .5rem; font-size: 1.5rem; color: #ff8a80; }
        #handbook-errors ol { padding-left: 1.5rem; }
        #handbook-errors li { margin: 1.25rem 0; }
        #handbook-errors p { margin: .25rem 0; }
        #handbook-errors code, #handbook-errors pre { font: .9rem/1.45 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
        .handbook-error-where code { color: #8ab4f8; }
        .handbook-error-rule { color: #c4c4cc; }
        .handbook-error-source { margin: .5rem 0 0; padding: .75rem; overflow-x: auto; background: #2a2a30; border-radius: .25rem; white-space: pre; }
        .handbook-error-number { color: #8e8e99; user-select: none; }
        .handbook-error-mark { color: #ff8a80; font-weight: bold; }

        """.utf8)
}
