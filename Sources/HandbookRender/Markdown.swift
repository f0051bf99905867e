import CCmark
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders CommonMark to HTML through libcmark: raw HTML is dropped and unsafe link schemes are blanked.
///
/// This is the only file that talks to libcmark, so parsing, rendering and freeing stay in one place.
public enum Markdown {
    /// Renders a UTF-8 Markdown body to HTML with smart punctuation off and raw HTML disabled.
    public static func html(_ bytes: ArraySlice<UInt8>) -> String {
        // CMARK_OPT_SAFE is the default in libcmark ≥ 0.29 (raw HTML and javascript: links removed);
        // it is passed anyway so older libraries behave the same.
        let options = CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8
        let rendered: UnsafeMutablePointer<CChar>? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_markdown_to_html(chars.baseAddress, chars.count, options)
            }
        }
        guard let rendered else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// Renders a body with its headings one level down (`#` becomes `<h2>`), so a page keeps a single `<h1>`.
    public static func html(_ bytes: ArraySlice<UInt8>, demotingHeadings: Bool) -> String {
        let rendered = html(bytes)
        guard demotingHeadings, rendered.contains("<h") else { return rendered }
        var out = rendered
        // Raw HTML is off, so every heading tag in the output is libcmark's own.
        for level in stride(from: 5, through: 1, by: -1) {
            out = out.replacingOccurrences(of: "<h\(level)>", with: "<h\(level + 1)>")
                .replacingOccurrences(of: "</h\(level)>", with: "</h\(level + 1)>")
        }
        return out
    }

    /// Renders a Markdown string to HTML.
    public static func html(_ text: String) -> String {
        html(ArraySlice(text.utf8))
    }
}
