import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders CommonMark to HTML through libcmark: raw HTML is dropped, and links and images are kept to what
/// `BodyLinks` allows (http(s) links and the site's own images).
///
/// This is the only file that talks to libcmark, so parsing, rendering and freeing stay in one place.
public enum Markdown {
    /// Renders a UTF-8 Markdown body to HTML with raw HTML disabled; with `demotingHeadings`, `#` becomes
    /// `<h2>` and so on, so a page keeps a single `<h1>`.
    public static func html(_ bytes: ArraySlice<UInt8>, demotingHeadings: Bool = false) -> String {
        String(decoding: htmlBytes(bytes, demotingHeadings: demotingHeadings), as: UTF8.self)
    }

    /// The HTML as UTF-8 bytes as libcmark wrote them (it validates its input, so they are UTF-8): bodies are
    /// written into pages and JSON as bytes, so no `String` is made (and validated again) for each.
    public static func htmlBytes(_ bytes: ArraySlice<UInt8>, demotingHeadings: Bool = false) -> [UInt8] {
        // CMARK_OPT_SAFE is the default in libcmark ≥ 0.29 (raw HTML and javascript: links removed);
        // it is passed anyway so older libraries behave the same.
        let options = CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8
        let rendered: UnsafeMutablePointer<CChar>? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_markdown_to_html(chars.baseAddress, chars.count, options)
            }
        }
        guard let rendered else { return [] }
        defer { free(rendered) }
        let length = strlen(rendered)
        return rendered.withMemoryRebound(to: UInt8.self, capacity: length) { start in
            let buffer = UnsafeMutableBufferPointer(start: start, count: length)
            if demotingHeadings { demoteHeadings(buffer) }
            return BodyLinks.confined(UnsafeBufferPointer(buffer)) ?? Array(buffer)
        }
    }

    /// Renders a Markdown string to HTML.
    public static func html(_ text: String) -> String {
        html(ArraySlice(text.utf8))
    }

    /// True when the body has anything but blanks, so empty bodies need no rendering.
    public static func hasContent(_ bytes: [UInt8]) -> Bool {
        bytes.contains { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
    }

    /// Turns `<hN>` and `</hN>` (N < 6) into level N + 1 in place: raw HTML is off, so every heading
    /// tag in the output is libcmark's own, and the replacement has the same length.
    static func demoteHeadings(_ html: UnsafeMutableBufferPointer<UInt8>) {
        guard let base = html.baseAddress else { return }
        var i = 0
        let count = html.count
        while i + 3 < count {
            // The next tag, found by libc's `memchr` (many bytes a step) rather than a byte at a time.
            guard let found = memchr(base + i, Int32(UInt8(ascii: "<")), count - i) else { return }
            i = found.assumingMemoryBound(to: UInt8.self) - base
            guard i + 3 < count else { return }
            var digit = i + 2
            if html[i + 1] == UInt8(ascii: "/") { digit += 1 }
            if digit + 1 < count, html[digit - 1] == UInt8(ascii: "h"), html[digit + 1] == UInt8(ascii: ">"),
               html[digit] >= UInt8(ascii: "1"), html[digit] <= UInt8(ascii: "5") {
                html[digit] += 1
                i = digit + 2
                continue
            }
            i += 1
        }
    }
}
