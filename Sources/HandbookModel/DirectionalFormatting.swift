#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Unicode's explicit directional formatting characters: embeddings and overrides (U+202A, U+202B, U+202D,
/// U+202E, closed by U+202C) and isolates (U+2066–U+2068, closed by U+2069). One left open reorders all the text
/// after it up to the end of its paragraph, which on a page is whatever follows a name in the same list item
/// or line: a name could make the words after it read backwards. Closed, they only shape the text they enclose.
public enum DirectionalFormatting {
    /// The byte offset of the first opening character in `bytes` (valid UTF-8) that is not closed before the
    /// text ends, or before its line ends when `byLine` (a body, where each line may end a paragraph); nil when
    /// every one is closed.
    ///
    /// Closing follows the Unicode Bidirectional Algorithm (UAX #9): U+202C closes the last embedding or override
    /// unless an isolate was opened after it, U+2069 closes the last isolate and everything opened inside it, and
    /// a closing character with nothing to close does nothing.
    public static func firstUnclosed(in bytes: UnsafeBufferPointer<UInt8>, byLine: Bool) -> Int? {
        var open: [(offset: Int, isIsolate: Bool)] = []
        var index = 0
        let count = bytes.count
        guard let base = bytes.baseAddress else { return nil }
        while index < count {
            if open.isEmpty {
                // Nothing open: only the next E2 byte can matter (memchr, as nearly every text has none of these).
                guard let found = memchr(base + index, 0xE2, count - index) else { return nil }
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            let byte = bytes[index]
            if byte == 0x0A && byLine && !open.isEmpty { return open[0].offset }
            // Every one of these characters is E2 80 xx or E2 81 xx.
            guard byte == 0xE2, index + 2 < count else {
                index += 1
                continue
            }
            let second = bytes[index + 1], third = bytes[index + 2]
            if second == 0x80 && third >= 0xAA && third <= 0xAE {
                if third == 0xAC {
                    if let last = open.last, !last.isIsolate { open.removeLast() }
                } else {
                    open.append((index, false))
                }
            } else if second == 0x81 && third >= 0xA6 && third <= 0xA9 {
                if third == 0xA9 {
                    if let last = open.lastIndex(where: \.isIsolate) { open.removeSubrange(last...) }
                } else {
                    open.append((index, true))
                }
            }
            index += 3
        }
        return open.first?.offset
    }

    /// True for an embedding, override or isolate, or the character that closes one (U+202A–U+202E, U+2066–U+2069).
    public static func isFormatting(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// The name of the opening character at `offset` and of the character that closes it, for a message:
    /// ("U+202E RIGHT-TO-LEFT OVERRIDE", "U+202C POP DIRECTIONAL FORMATTING").
    public static func names(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (opening: String, closing: String) {
        let third = offset + 2 < bytes.count ? bytes[offset + 2] : 0
        if offset + 1 < bytes.count && bytes[offset + 1] == 0x81 {
            let name = ["U+2066 LEFT-TO-RIGHT ISOLATE", "U+2067 RIGHT-TO-LEFT ISOLATE", "U+2068 FIRST STRONG ISOLATE"]
            return (third >= 0xA6 && third <= 0xA8 ? name[Int(third - 0xA6)] : "an isolate", "U+2069 POP DIRECTIONAL ISOLATE")
        }
        let names: [UInt8: String] = [0xAA: "U+202A LEFT-TO-RIGHT EMBEDDING", 0xAB: "U+202B RIGHT-TO-LEFT EMBEDDING",
                                      0xAD: "U+202D LEFT-TO-RIGHT OVERRIDE", 0xAE: "U+202E RIGHT-TO-LEFT OVERRIDE"]
        return (names[third] ?? "an embedding", "U+202C POP DIRECTIONAL FORMATTING")
    }
}
