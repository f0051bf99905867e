#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a rendered body may link to and load: links to `http:` and `https:` addresses and within the site,
/// images from the site itself. libcmark's safe mode already blanks `javascript:`, `vbscript:`, `file:` and
/// most `data:` addresses; this pass keeps to the handbook's own rule on what it leaves, reading the HTML
/// libcmark wrote (raw HTML is off, so every `<a href="` and `<img src="` in it is libcmark's own).
///
/// - A link to any other scheme (`mailto:`, `ftp:`, `intent:`…) or a scheme-relative one (`//host/`) keeps
///   its text and loses its address (`href=""`), as libcmark does for an unsafe one.
/// - An image from another host would make every reader's browser, feed reader and API client ask that host
///   for it: an `http(s)` one becomes a link to it (its description as the link's text), any other (and one
///   libcmark blanked, and one inside a link's text) its plain description. Images from the site itself (a
///   relative address) and inline `data:image/png`, `gif`, `jpeg` and `webp` stay.
public enum BodyLinks {
    /// The HTML with every link and image kept to the rule, or nil when it already is (nearly every body).
    static func confined(_ html: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard let base = html.baseAddress else { return nil }
        let count = html.count
        var out: [UInt8]?
        // Bytes before `copied` are in `out` already (once something changed).
        var copied = 0
        var index = 0
        // Inside a link's text (an image there becomes its description alone: a link within a link is not HTML).
        var inLink = false
        while index < count {
            guard let found = memchr(base + index, Int32(UInt8(ascii: "<")), count - index) else { break }
            let tag = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
            index = tag + 1
            // Most tags are none of these (`<p>`, `</em>`…): one byte tells.
            guard index < count, html[index] == UInt8(ascii: "a") || html[index] == UInt8(ascii: "i") || html[index] == UInt8(ascii: "/") else { continue }
            if starts(html, at: tag, with: linkEnd) {
                inLink = false
                continue
            }
            if starts(html, at: tag, with: linkStart) {
                inLink = true
                let start = tag + linkStart.count
                guard let end = quote(html, from: start) else { break }
                let address = UnsafeBufferPointer(rebasing: html[start..<end])
                if isLinkable(address) { continue }
                if out == nil { out = []; out!.reserveCapacity(count) }
                out!.append(contentsOf: UnsafeBufferPointer(rebasing: html[copied..<start]))
                copied = end
                index = end
            } else if starts(html, at: tag, with: imageStart) {
                let start = tag + imageStart.count
                guard let end = quote(html, from: start) else { break }
                let address = UnsafeBufferPointer(rebasing: html[start..<end])
                // An empty address is one libcmark blanked: the image goes, its description stays.
                if !address.isEmpty && (isLocal(address) || isInlineImage(address)) { continue }
                // libcmark writes `<img src="…" alt="…" />` or `<img src="…" alt="…" title="…" />`.
                let altStart = end + 1 + altOpening.count
                guard starts(html, at: end + 1, with: altOpening), let altEnd = quote(html, from: altStart),
                      let close = find(closing, in: html, from: altEnd) else { continue }
                if out == nil { out = []; out!.reserveCapacity(count) }
                out!.append(contentsOf: UnsafeBufferPointer(rebasing: html[copied..<tag]))
                let description = UnsafeBufferPointer(rebasing: html[altStart..<altEnd])
                if !inLink && !address.isEmpty && isLinkable(address) && !isLocal(address) {
                    out!.append(contentsOf: linkStart)
                    out!.append(contentsOf: address)
                    out!.append(contentsOf: Array("\">".utf8))
                    out!.append(contentsOf: description)
                    out!.append(contentsOf: Array("</a>".utf8))
                } else {
                    out!.append(contentsOf: description)
                }
                copied = close + closing.count
                index = copied
            }
        }
        guard var out else { return nil }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: html[copied...]))
        return out
    }

    /// True when a link may keep its address: `http:` or `https:`, or within the site (no scheme, and not
    /// starting `//`, which names another host).
    static func isLinkable(_ address: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let scheme = scheme(of: address) else { return isLocal(address) }
        return equalsIgnoringCase(scheme, "http") || equalsIgnoringCase(scheme, "https")
    }

    /// `isLocal` for a link as a page holds it (the link check reads built pages with it).
    public static func isLocal(_ address: String) -> Bool {
        var address = address
        return address.withUTF8 { isLocal($0) }
    }

    /// True when an address leads within the site: no scheme, and not scheme-relative (`//host/…`).
    static func isLocal(_ address: UnsafeBufferPointer<UInt8>) -> Bool {
        guard scheme(of: address) == nil else { return false }
        // libcmark writes a backslash as `%5C`, so only slashes can make an address scheme-relative.
        return !(address.count >= 2 && address[0] == UInt8(ascii: "/") && address[1] == UInt8(ascii: "/"))
    }

    /// The address's scheme, as a URL parser reads one: a letter, then letters, digits, `+`, `-` or `.`, up
    /// to a colon; nil when it has none (a path, a query, a fragment).
    static func scheme(of address: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard let first = address.first, isLetter(first) else { return nil }
        for index in address.indices.dropFirst() {
            let byte = address[index]
            if byte == UInt8(ascii: ":") { return UnsafeBufferPointer(rebasing: address[..<index]) }
            guard isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "+")
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else { return nil }
        }
        return nil
    }

    /// True for an inline image of a type browsers show and run nothing in: `data:image/png`, `gif`, `jpeg` or
    /// `webp`, then `;` or `,` (libcmark checks the start only, so `data:image/pngx` reaches here).
    static func isInlineImage(_ address: UnsafeBufferPointer<UInt8>) -> Bool {
        for type in inlineImageTypes where startsIgnoringCase(address, with: type) {
            let next = type.utf8CodeUnitCount
            return next < address.count && (address[next] == UInt8(ascii: ";") || address[next] == UInt8(ascii: ","))
        }
        return false
    }

    private static let inlineImageTypes: [StaticString] = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
    private static let linkStart = Array("<a href=\"".utf8)
    private static let linkEnd = Array("</a>".utf8)
    private static let imageStart = Array("<img src=\"".utf8)
    private static let altOpening = Array(" alt=\"".utf8)
    private static let closing = Array(" />".utf8)

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        bytes.count == word.utf8CodeUnitCount && startsIgnoringCase(bytes, with: word)
    }

    private static func startsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, with word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard bytes.count >= length else { return false }
        return (0..<length).allSatisfy { bytes[$0] | 0x20 == word.utf8Start[$0] | 0x20 }
    }

    private static func starts(_ html: UnsafeBufferPointer<UInt8>, at offset: Int, with prefix: [UInt8]) -> Bool {
        offset + prefix.count <= html.count && prefix.indices.allSatisfy { html[offset + $0] == prefix[$0] }
    }

    /// The position of the next `"` from `start` (the end of an attribute's value).
    private static func quote(_ html: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        (start..<html.count).first { html[$0] == UInt8(ascii: "\"") }
    }

    private static func find(_ needle: [UInt8], in html: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index + needle.count <= html.count {
            if starts(html, at: index, with: needle) { return index }
            index += 1
        }
        return nil
    }
}
