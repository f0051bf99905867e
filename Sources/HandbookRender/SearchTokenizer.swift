import Foundation

/// Turns text into search tokens. The browser's `search-core.js` follows the same rules, and both run
/// against the shared table in `Tests/search/cases.json`, so they cannot drift:
///
/// 1. Fold: decompose (NFD), drop combining marks, lower-case, and spell out letters that do not
///    decompose (ß → ss, æ → ae, œ → oe, ø → o, ł → l, đ and ð → d, þ → th, ı → i).
/// 2. Split on anything but `a`–`z` and `0`–`9`; keep tokens of two characters or more.
/// 3. Drop common English words (`the`, `and`, `of`…).
/// 4. Spell British forms the American way, so either finds both: a short word list (colour, centre,
///    programme, defence…), then endings: -isation → -ization, -ise/-ised/-ising/-iser → -ize…, and
///    -our → -or in words of six letters or more.
/// 5. (Index and query, not `tokens`) `singular`: a plural also counts as its singular, so
///    "jury" finds "juries" and "citizen" finds "citizens"; the index holds both forms, so typing
///    "juri" still finds "juries" by prefix.
public enum SearchTokenizer {
    /// Tokens of `text`, in order, repeats kept.
    public static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current: [UInt8] = []
        func flush() {
            if current.count >= 2 {
                let token = String(decoding: current, as: UTF8.self)
                if !stopwords.contains(token) { tokens.append(spelling(token)) }
            }
            current.removeAll(keepingCapacity: true)
        }
        for byte in fold(text).utf8 {
            if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                current.append(byte)
            } else {
                flush()
            }
        }
        flush()
        return tokens
    }

    /// Text folded for comparison: no accents, lower case, special letters spelt out.
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue }
            if scalar.isASCII {
                let value = scalar.value
                out.unicodeScalars.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(value + 32)! : scalar)
                continue
            }
            for lower in String(scalar).lowercased().unicodeScalars {
                if let spelt = special[lower] { out += spelt } else { out.unicodeScalars.append(lower) }
            }
        }
        return out
    }

    /// The American spelling of a token (tokens are folded already).
    public static func spelling(_ token: String) -> String {
        if let mapped = words[token] { return mapped }
        let length = token.utf8.count
        guard length >= 6 else { return token }
        for (british, american, minimum) in endings where length >= minimum && token.hasSuffix(british) {
            return String(token.dropLast(british.count)) + american
        }
        return token
    }

    /// The singular of a plural token, or nil: -ies → -y from five letters, and a final -s dropped from
    /// four letters except after s, u or i ("process", "status", "analysis" stay).
    public static func singular(_ token: String) -> String? {
        let bytes = Array(token.utf8)
        let count = bytes.count
        guard count >= 4, bytes[count - 1] == UInt8(ascii: "s") else { return nil }
        if count >= 5 && bytes[count - 3] == UInt8(ascii: "i") && bytes[count - 2] == UInt8(ascii: "e") {
            return String(decoding: bytes[..<(count - 3)], as: UTF8.self) + "y"
        }
        if [UInt8(ascii: "s"), UInt8(ascii: "u"), UInt8(ascii: "i")].contains(bytes[count - 2]) { return nil }
        return String(decoding: bytes[..<(count - 1)], as: UTF8.self)
    }

    /// True when two tokens differ by at most one edit (insertion, deletion, substitution or swap of neighbours).
    public static func withinOneEdit(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        if abs(x.count - y.count) > 1 { return false }
        var i = 0
        while i < x.count && i < y.count && x[i] == y[i] { i += 1 }
        if i == x.count && i == y.count { return true }
        if x.count == y.count {
            if x[(i + 1)...] == y[(i + 1)...] { return true }
            return i + 1 < x.count && x[i] == y[i + 1] && x[i + 1] == y[i] && x[(i + 2)...] == y[(i + 2)...]
        }
        return x.count > y.count ? x[(i + 1)...] == y[i...] : x[i...] == y[(i + 1)...]
    }

    static let special: [Unicode.Scalar: String] = ["ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"]

    static let stopwords: Set<String> = [
        "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "before", "between",
        "but", "by", "can", "do", "does", "for", "from", "has", "have", "he", "her", "his", "how", "if", "in", "into",
        "is", "it", "its", "may", "more", "most", "no", "not", "of", "on", "or", "other", "our", "out", "over", "she",
        "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
        "to", "under", "up", "was", "we", "were", "what", "when", "where", "which", "who", "will", "with", "you", "your",
    ]

    static let words: [String: String] = [
        "colour": "color", "colours": "colors", "centre": "center", "centres": "centers", "theatre": "theater",
        "theatres": "theaters", "programme": "program", "programmes": "programs", "defence": "defense",
        "licence": "license", "catalogue": "catalog", "analyse": "analyze", "analysed": "analyzed",
        "ageing": "aging", "travelling": "traveling", "grey": "gray", "metre": "meter", "metres": "meters",
    ]

    /// British endings and their American forms, longest first, with the shortest word each applies to.
    static let endings: [(String, String, Int)] = [
        ("isations", "izations", 9), ("isation", "ization", 8), ("ising", "izing", 7), ("isers", "izers", 7),
        ("ised", "ized", 6), ("ises", "izes", 6), ("iser", "izer", 6), ("ise", "ize", 6),
        ("ours", "ors", 7), ("our", "or", 6),
    ]
}
