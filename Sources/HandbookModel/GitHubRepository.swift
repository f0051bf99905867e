/// A GitHub repository, `owner/name`, and the addresses on github.com that contributors follow from the
/// site: the file editor, issue forms pre-filled through URL parameters, and files on a branch.
public struct GitHubRepository: Hashable, Sendable {
    /// The account or organisation that owns the repository.
    public let owner: String
    /// The repository's name.
    public let name: String

    /// Reads `owner/name`; nil when `text` is not in that form (`problem(_:)` says why).
    public init?(_ text: String) {
        guard Self.problem(text) == nil else { return nil }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        owner = String(parts[0])
        name = String(parts[1])
    }

    /// `owner/name`.
    public var fullName: String { "\(owner)/\(name)" }

    /// The repository's page, `https://github.com/owner/name`.
    public var url: String { "https://github.com/\(owner)/\(name)" }

    /// GitHub's editor for a file on a branch: `…/edit/BRANCH/PATH`.
    public func editURL(branch: String, path: String) -> String {
        "\(url)/edit/\(Self.encodedPath(branch))/\(Self.encodedPath(path))"
    }

    /// A file as GitHub shows it on a branch: `…/blob/BRANCH/PATH`.
    public func fileURL(branch: String, path: String) -> String {
        "\(url)/blob/\(Self.encodedPath(branch))/\(Self.encodedPath(path))"
    }

    /// The page where a reader chooses an issue form (or writes a blank issue).
    public var newIssueURL: String { "\(url)/issues/new/choose" }

    /// An issue form (`template` is its file name in `.github/ISSUE_TEMPLATE/`), pre-filled: `title` and each
    /// field (by its `id` in the form) are URL parameters, percent-encoded, in the order given.
    public func issueFormURL(template: String, title: String? = nil, fields: [(id: String, value: String)] = []) -> String {
        var parameters = [("template", template)]
        if let title { parameters.append(("title", title)) }
        parameters += fields.map { ($0.id, $0.value) }
        return "\(url)/issues/new?" + parameters.map { Self.encodedComponent($0.0) + "=" + Self.encodedComponent($0.1) }.joined(separator: "&")
    }

    /// What is wrong with `text` as `owner/name`, or nil when it is a well-formed repository name.
    public static func problem(_ text: String) -> String? {
        let lower = text.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("github.com/") {
            let path = text.split(separator: "/").drop { !$0.lowercased().hasPrefix("github.com") }.dropFirst().prefix(2)
            let suggestion = path.count == 2 ? "'\(path.joined(separator: "/"))'" : "'owner/name'"
            return "must be a GitHub repository written owner/name, not an address: write \(suggestion)"
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            return "must be a GitHub repository written owner/name, such as 'democracy-sector/handbook', not '\(text.prefix(80))'"
        }
        let owner = parts[0], name = parts[1]
        let ownerScalars = owner.unicodeScalars
        guard !owner.isEmpty, owner.count <= 39, ownerScalars.allSatisfy({ isASCIIAlphanumeric($0) || $0 == "-" }),
              !owner.hasPrefix("-"), !owner.hasSuffix("-"), !owner.contains("--") else {
            return "has an invalid owner '\(owner.prefix(80))': a GitHub account name is 1–39 letters, digits and single hyphens"
        }
        guard !name.isEmpty, name.count <= 100, name.unicodeScalars.allSatisfy({ isASCIIAlphanumeric($0) || $0 == "-" || $0 == "_" || $0 == "." }),
              name != ".", name != ".." else {
            return "has an invalid repository name '\(name.prefix(80))': use 1–100 letters, digits, '-', '_' and '.'"
        }
        if name.lowercased().hasSuffix(".git") {
            return "names the repository without '.git': write '\(owner)/\(name.dropLast(4))'"
        }
        return nil
    }

    /// What is wrong with `text` as a git branch name, or nil when GitHub accepts it.
    public static func branchProblem(_ text: String) -> String? {
        let forbidden: Set<Unicode.Scalar> = [" ", "~", "^", ":", "?", "*", "[", "\\"]
        if text.isEmpty || text.hasPrefix("-") || text.hasPrefix("/") || text.hasSuffix("/") || text.hasSuffix(".")
            || text.hasSuffix(".lock") || text.contains("..") || text.contains("//") || text.contains("@{") || text == "@"
            || text.unicodeScalars.contains(where: { forbidden.contains($0) || $0.value < 0x20 || $0.value == 0x7F }) {
            return "must be a git branch name such as 'main', with no spaces, '..', '~', '^', ':', '?', '*', '[' or '\\' and no '/' or '.' at either end, not '\(text.prefix(80))'"
        }
        return nil
    }

    static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// Percent-encodes a URL parameter's name or value: every byte of its UTF-8 but the unreserved characters
    /// (letters, digits, `-`, `.`, `_`, `~`), so `&`, `=`, `+`, `#`, spaces and non-ASCII text survive.
    public static func encodedComponent(_ text: String) -> String {
        encoded(text) { _ in false }
    }

    /// Percent-encodes a path, keeping its `/` separators.
    static func encodedPath(_ text: String) -> String {
        encoded(text) { $0 == UInt8(ascii: "/") }
    }

    static func encoded(_ text: String, keeping kept: (UInt8) -> Bool) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if isASCIIAlphanumeric(scalar) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "~") || kept(byte) {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
