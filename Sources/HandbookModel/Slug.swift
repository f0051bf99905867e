import Foundation

/// Slugs: the file names of entries (docs/content-format.md, "File names and slugs").
public enum Slug {
    /// The longest slug allowed.
    public static let maximumLength = 80

    /// True for lower-case ASCII letters, digits and single hyphens, 1–80 characters, no hyphen at either end.
    public static func isValid(_ slug: String) -> Bool {
        guard (1...maximumLength).contains(slug.utf8.count) else { return false }
        var previousHyphen = true
        for c in slug.utf8 {
            let isHyphen = c == UInt8(ascii: "-")
            guard isHyphen || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) else { return false }
            if isHyphen && previousHyphen { return false }
            previousHyphen = isHyphen
        }
        return !previousHyphen
    }

    /// A valid slug made from a name: accents removed, lower-cased, other characters as single hyphens, cut at 80.
    /// Letters that no decomposition takes to ASCII, spelled out as search spells them (`SPECIAL` in
    /// `scripts/generate-fold-table.py`), so "Æblerød" gives `aeblerod`, not `blerd`.
    static let spelledOut: [Unicode.Scalar: String] = ["ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"]

    public static func make(from name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "en"))
            .replacingOccurrences(of: "&", with: " and ")
            .replacingOccurrences(of: "'", with: "")
            .replacingOccurrences(of: "\u{2019}", with: "")
        var out = ""
        for scalar in folded.lowercased().unicodeScalars {
            if (scalar.value >= 0x61 && scalar.value <= 0x7A) || (scalar.value >= 0x30 && scalar.value <= 0x39) {
                out.unicodeScalars.append(scalar)
            } else if let spelled = spelledOut[scalar] {
                out += spelled
            } else if !out.isEmpty && !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        if out.count > maximumLength {
            out = String(out.prefix(maximumLength))
            if let cut = out.lastIndex(of: "-") { out = String(out[..<cut]) }
        }
        return out
    }
}
