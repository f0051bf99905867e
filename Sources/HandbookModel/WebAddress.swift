import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// What is wrong with a base URL, or nil: an address `problem` accepts (which has no user), without a query
    /// or a fragment, since every page's address is made by adding its path to it. (Whether it ends in `/` is
    /// for the caller: the settings require it, the build option adds it.)
    public static func baseURLProblem(_ text: String) -> String? {
        if let problem = problem(text) { return problem }
        guard let components = URLComponents(string: text) else { return "is not a valid URL: '\(text.prefix(80))'" }
        if components.query != nil || components.fragment != nil {
            return "must not have a query ('?') or a fragment ('#'): every page's address is made by adding to it"
        }
        // Written into sitemaps, feeds and calendars as it is, whose readers expect ASCII and compare addresses as text.
        let scheme = text.utf8.prefix { $0 != UInt8(ascii: ":") }
        let host = text.utf8.dropFirst(scheme.count + 3).prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: ":") }
        if host.contains(where: { $0 >= 0x80 }) {
            return "has a host name that is not ASCII: write it in its ASCII form (an internationalised name as 'xn--…')"
        }
        func hasCapital(_ part: Substring.UTF8View) -> Bool { part.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") } }
        if hasCapital(scheme) || hasCapital(host) {
            return "has capitals in its scheme or host: write them in lower case ('\(text.lowercased().prefix(80))')"
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
            // A last part of digits only (an IPv4 address, or a name a browser would read as one) and a host of more
            // than 253 characters go to the full check.
            guard host.count <= 253, !bytes[labelStart..<index].allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) else { return false }
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
            if let scheme = ["https:", "http:"].first(where: { lower.hasPrefix($0) }) {
                return "needs two slashes after '\(scheme)', as in \(scheme)//example.org/"
            }
            if lower.contains(":") && !lower.hasPrefix("www.") {
                return "must be an http or https URL; '\(text.prefix(60))' uses another scheme"
            }
            return "must be an absolute URL starting with https:// or http://, e.g. https://\(text.prefix(60))"
        }
        if text.unicodeScalars.contains(where: { $0 == " " || $0.value < 0x20 || $0 == "\"" || $0 == "<" || $0 == ">" }) {
            return "must not contain spaces, quotes or angle brackets; encode them (%20)"
        }
        if let space = text.unicodeScalars.first(where: { $0.properties.isWhitespace || $0.properties.isDefaultIgnorableCodePoint }) {
            return "holds U+\(String(space.value, radix: 16, uppercase: true)), a space or an invisible character; remove it"
        }
        // A browser reads a backslash as a slash, so `https://a.example\@b.example/` would go to a host other than
        // the one checked here.
        if text.contains("\\") {
            return "must not contain a backslash ('\\'); write '/' between parts of the path, or '%5C' for a backslash itself"
        }
        if let escape = badEscape(in: text) {
            return "has '\(escape)', which is not an escape: '%' must be followed by two hexadecimal digits (write '%25' for '%' itself)"
        }
        guard let components = URLComponents(string: text), let parsed = components.host, !parsed.isEmpty else {
            return "is not a valid URL: '\(text.prefix(80))'"
        }
        // The host as written: the parser may map characters in it (an invisible space dropped, '。' read as '.'),
        // which a reader of the page would not see.
        let host = writtenHost(of: text) ?? parsed
        if let port = components.port, !(1...65535).contains(port) {
            return "has the port \(port), which no server listens on: ports run from 1 to 65535"
        }
        // A name before the host (`https://trusted.example@other.example/`) makes a link look as if it led elsewhere.
        if components.user != nil || components.password != nil {
            return "must not name a user before the host ('user@'); write the address without it"
        }
        if host.hasPrefix("[") {
            return isIPv6(host.dropFirst().dropLast()) ? nil : "has the host '\(host)', which is not an IPv6 address"
        }
        guard host.contains(".") || host == "localhost" else {
            return "needs a full host name such as example.org, not '\(host)'"
        }
        return hostProblem(host)
    }

    /// The host of an `http(s)://` address as written: after `://` and any `user@`, up to the port, path, query or
    /// fragment.
    static func writtenHost(of text: String) -> String? {
        guard let start = text.range(of: "://")?.upperBound else { return nil }
        var authority = text[start...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            return String(authority[...close])
        }
        return String(authority.prefix { $0 != ":" })
    }

    /// True for the text of an IPv6 address (no zone), as between a URL's brackets.
    static func isIPv6(_ text: Substring) -> Bool {
        var address = in6_addr()
        return !text.isEmpty && !text.contains("%") && inet_pton(AF_INET6, String(text), &address) == 1
    }

    /// What is wrong with a host name, or nil: dot-separated labels of 1 to 63 characters, each of letters
    /// (any script), digits and hyphens, neither starting nor ending with a hyphen.
    static func hostProblem(_ host: String) -> String? {
        if host.utf8.count > 253 { return "has a host of \(host.utf8.count) characters; a host name has at most 253" }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        for label in labels {
            if label.isEmpty { return "has the host '\(host)', with an empty part between dots (or a dot at its end)" }
            if label.utf8.count > 63 { return "has the host '\(host)', with a part longer than 63 characters" }
            if label.hasPrefix("-") || label.hasSuffix("-") {
                return "has the host '\(host)', with a part that starts or ends with '-'"
            }
            // Letters and marks of any script (an IDN), digits and hyphens: not an invisible character, nor a dot,
            // slash or other sign that a browser would read as part of the address's shape.
            if let wrong = label.unicodeScalars.first(where: { !isHostScalar($0) }) {
                return "has the host '\(host)', which holds U+\(String(wrong.value, radix: 16, uppercase: true)): a host name holds only letters, digits, hyphens and dots"
            }
        }
        // A browser reads a host whose last part is a number as an IPv4 address.
        if let last = labels.last, last.allSatisfy({ $0.isASCII && $0.isNumber }), !isIPv4(labels) {
            return "has the host '\(host)', whose last part is a number but which is not an IPv4 address; a name ends in letters (example.org)"
        }
        return nil
    }

    /// True for a character a host's label may hold: a letter or mark of any script, an ASCII digit, or a hyphen.
    static func isHostScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
            return true
        default:
            return false
        }
    }

    /// True for four parts of 0 to 255 written in decimal.
    static func isIPv4(_ labels: [Substring]) -> Bool {
        labels.count == 4 && labels.allSatisfy { $0.count <= 3 && $0.allSatisfy { $0.isASCII && $0.isNumber } && Int($0).map { $0 <= 255 } == true }
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
