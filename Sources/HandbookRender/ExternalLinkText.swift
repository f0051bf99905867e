/// What a link to an address outside the site shows of it: the address without `https://` or `http://` (each once,
/// in that order), `www.` and a closing slash (`example.org/a` for `https://www.example.org/a/`).
enum ExternalLinkText {
    /// The shown part of `url`, cut by characters.
    static func shown(in url: String) -> Substring {
        var shown = Substring(url)
        for prefix in ["https://", "http://"] where shown.hasPrefix(prefix) { shown = shown.dropFirst(prefix.count) }
        if shown.hasPrefix("www.") { shown = shown.dropFirst(4) }
        if shown.hasSuffix("/") { shown = shown.dropLast() }
        return shown
    }

    /// `shown(in:)` on the address's bytes, or nil where a cut would fall beside a byte that is not ASCII: there a
    /// character may join the bytes around the cut (a combining mark after it, a prefix mark before a closing
    /// slash), which only the characters can tell.
    static func shown(in url: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var start = 0, end = url.count
        // Drops `prefix` when the address starts with it there; false when the cut would fall before a byte that is
        // not ASCII.
        func drop(_ prefix: StaticString) -> Bool {
            let length = prefix.utf8CodeUnitCount
            guard end - start >= length else { return true }
            for offset in 0..<length where url[start + offset] != prefix.utf8Start[offset] { return true }
            if start + length < end && url[start + length] >= 0x80 { return false }
            start += length
            return true
        }
        guard drop("https://"), drop("http://"), drop("www.") else { return nil }
        if end > start && url[end - 1] == UInt8(ascii: "/") {
            if end - 1 > start && url[end - 2] >= 0x80 { return nil }
            end -= 1
        }
        return start..<end
    }
}
