import Foundation
import HandbookModel

/// URLs are absolute http or https addresses.
enum URLRule: Rule {
    static let id: RuleID = "url"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "absolute `http`/`https` URLs with a host name"

    static func check(_ text: String, name: String, at position: TextPosition, _ reporter: inout Reporter) -> Bool {
        if let problem = problem(text) {
            reporter.error(id, position, "'\(name)' \(problem)")
            return false
        }
        return true
    }

    /// What is wrong with a URL, or nil when it is an absolute http(s) URL with a host.
    static func problem(_ text: String) -> String? {
        // Nearly every URL in the content is plainly well formed: those are accepted from their bytes; any
        // other goes the whole way, through Foundation's parser, which decides (and words) every refusal.
        if isPlainlyWellFormed(text) { return nil }
        return problemThroughFoundation(text)
    }

    /// True for a URL that `problemThroughFoundation` certainly accepts: `http://` or `https://` in lower case,
    /// a host of letters, digits, dots and hyphens with a dot in it (or `localhost`) and an optional port of
    /// digits, then only characters a URL may hold unescaped (no `%`, brackets or second `#`). False says
    /// nothing: the text is then looked at in full.
    static func isPlainlyWellFormed(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let schemeLength: Int
            if bytes.starts(with: "https://".utf8) { schemeLength = 8 } else if bytes.starts(with: "http://".utf8) { schemeLength = 7 } else { return false }
            var index = schemeLength
            var dots = 0
            // The host.
            while index < bytes.count, bytes[index] != UInt8(ascii: ":"), bytes[index] != UInt8(ascii: "/"),
                  bytes[index] != UInt8(ascii: "?"), bytes[index] != UInt8(ascii: "#") {
                let byte = bytes[index]
                let isLetterOrDigit = (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
                guard isLetterOrDigit || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else { return false }
                if byte == UInt8(ascii: ".") { dots += 1 }
                index += 1
            }
            let host = UnsafeBufferPointer(rebasing: bytes[schemeLength..<index])
            guard !host.isEmpty, host.first != UInt8(ascii: "."), host.last != UInt8(ascii: "."),
                  dots > 0 || host.elementsEqual("localhost".utf8) else { return false }
            // The port.
            if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
                index += 1
                let start = index
                while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 { index += 1 }
                guard index > start, index - start <= 5 else { return false }
                guard index == bytes.count || bytes[index] == UInt8(ascii: "/") || bytes[index] == UInt8(ascii: "?")
                    || bytes[index] == UInt8(ascii: "#") else { return false }
            }
            // Path, query and fragment: unreserved and sub-delimiting characters, `:`, `@`, `/`, `?`, one `#`.
            var fragments = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 { continue }
                switch byte {
                case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "$"),
                     UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"),
                     UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "/"),
                     UInt8(ascii: "?"):
                    continue
                case UInt8(ascii: "#"):
                    fragments += 1
                    if fragments > 1 { return false }
                default:
                    return false
                }
            }
            return true
        }
    }

    /// `problem` worked out in full: the scheme, forbidden characters, Foundation's parse and the host.
    static func problemThroughFoundation(_ text: String) -> String? {
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
            if lower.contains(":") && !lower.hasPrefix("www.") {
                return "must be an http or https URL; '\(text.prefix(60))' uses another scheme"
            }
            return "must be an absolute URL starting with https:// or http://, e.g. https://\(text.prefix(60))"
        }
        if text.unicodeScalars.contains(where: { $0 == " " || $0.value < 0x20 || $0 == "\"" || $0 == "<" || $0 == ">" }) {
            return "must not contain spaces, quotes or angle brackets; encode them (%20)"
        }
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            return "is not a valid URL: '\(text.prefix(80))'"
        }
        guard host.contains(".") || host.hasPrefix("[") || host == "localhost" else {
            return "needs a full host name such as example.org, not '\(host)'"
        }
        return nil
    }
}
