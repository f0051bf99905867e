import Foundation

/// An absolute `http`/`https` address as the handbook accepts one: in URL fields (`url`), and, with neither a
/// query nor a fragment, as the site's base URL (`base_url`, `build --base-url`).
public enum WebAddress {
    /// What is wrong with an address, or nil when it is an absolute http(s) URL with a valid host.
    public static func problem(_ text: String) -> String? {
        // Nearly every URL in the content is plainly well formed: those are accepted from their bytes; any
        // other goes the whole way, through Foundation's parser and the host's rules, which word every refusal.
        if isPlainlyWellFormed(text) { return nil }
        return problemInFull(text)
    }

    /// What is wrong with a base URL, or nil: an address `problem` accepts, without a user, a query or a
    /// fragment, since every page's address is made by adding its path to it. (Whether it ends in `/` is
    /// for the caller: the settings require it, the build option adds it.)
    public static func baseURLProblem(_ text: String) -> String? {
        if let problem = problem(text) { return problem }
        guard let components = URLComponents(string: text) else { return "is not a valid URL: '\(text.prefix(80))'" }
        if components.query != nil || components.fragment != nil {
            return "must not have a query ('?') or a fragment ('#'): every page's address is made by adding to it"
        }
        if components.user != nil || components.password != nil {
            return "must not name a user ('user@'): every page's address is made from it"
        }
        return nil
    }

    /// True for a URL that `problemInFull` certainly accepts: `http://` or `https://` in lower case, a host of
    /// labels of letters, digits and inner hyphens joined by dots (or `localhost`), an optional port from 1 to
    /// 65535, then only characters a URL may hold unescaped (no `%`, brackets or second `#`). False says
    /// nothing: the text is then looked at in full.
    static func isPlainlyWellFormed(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let schemeLength: Int
            if bytes.starts(with: "https://".utf8) { schemeLength = 8 } else if bytes.starts(with: "http://".utf8) { schemeLength = 7 } else { return false }
            var index = schemeLength
            var dots = 0
            var labelStart = index
            // The host, label by label.
            while index < bytes.count, bytes[index] != UInt8(ascii: ":"), bytes[index] != UInt8(ascii: "/"),
                  bytes[index] != UInt8(ascii: "?"), bytes[index] != UInt8(ascii: "#") {
                let byte = bytes[index]
                let isLetterOrDigit = (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
                if byte == UInt8(ascii: ".") {
                    guard isLabel(bytes, labelStart..<index) else { return false }
                    dots += 1
                    labelStart = index + 1
                } else if !isLetterOrDigit && byte != UInt8(ascii: "-") {
                    return false
                }
                index += 1
            }
            guard isLabel(bytes, labelStart..<index) else { return false }
            let host = UnsafeBufferPointer(rebasing: bytes[schemeLength..<index])
            guard dots > 0 || host.elementsEqual("localhost".utf8) else { return false }
            // The port.
            if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
                index += 1
                var port = 0
                let start = index
                while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10, index - start < 5 {
                    port = port * 10 + Int(bytes[index] &- UInt8(ascii: "0"))
                    index += 1
                }
                guard index > start, port >= 1, port <= 65535 else { return false }
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

    /// True when `bytes[range]` is a host label the shortcut takes: 1 to 63 letters, digits and hyphens, not
    /// starting or ending with a hyphen.
    private static func isLabel(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        !range.isEmpty && range.count <= 63 && bytes[range.lowerBound] != UInt8(ascii: "-") && bytes[range.upperBound - 1] != UInt8(ascii: "-")
    }

    /// `problem` worked out in full: the scheme, forbidden characters and escapes, Foundation's parse, the
    /// host and the port.
    static func problemInFull(_ text: String) -> String? {
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
        if let escape = badEscape(in: text) {
            return "has '\(escape)', which is not an escape: '%' must be followed by two hexadecimal digits (write '%25' for '%' itself)"
        }
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            return "is not a valid URL: '\(text.prefix(80))'"
        }
        if let port = components.port, !(1...65535).contains(port) {
            return "has the port \(port), which no server listens on: ports run from 1 to 65535"
        }
        if host.hasPrefix("[") { return nil }
        guard host.contains(".") || host == "localhost" else {
            return "needs a full host name such as example.org, not '\(host)'"
        }
        return hostProblem(host)
    }

    /// What is wrong with a host name, or nil: dot-separated labels of 1 to 63 characters, each of letters
    /// (any script), digits and hyphens, neither starting nor ending with a hyphen.
    static func hostProblem(_ host: String) -> String? {
        for label in host.split(separator: ".", omittingEmptySubsequences: false) {
            if label.isEmpty { return "has the host '\(host)', with an empty part between dots" }
            if label.utf8.count > 63 { return "has the host '\(host)', with a part longer than 63 characters" }
            if label.hasPrefix("-") || label.hasSuffix("-") {
                return "has the host '\(host)', with a part that starts or ends with '-'"
            }
            if let wrong = label.unicodeScalars.first(where: { $0.isASCII && !($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }) {
                return "has the host '\(host)', which holds '\(wrong)': a host name holds only letters, digits, hyphens and dots"
            }
        }
        return nil
    }

    /// The first `%` not followed by two hexadecimal digits, with what follows it, or nil.
    static func badEscape(in text: String) -> String? {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%") {
                let isHex = { (byte: UInt8) in (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x66) }
                guard index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) else {
                    return String(decoding: bytes[index..<min(bytes.count, index + 3)], as: UTF8.self)
                }
                index += 3
            } else {
                index += 1
            }
        }
        return nil
    }
}
