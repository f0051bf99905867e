import HandbookModel

/// Prints diagnostics in the formats docs/cli.md describes: text, json and github.
public enum DiagnosticFormatter {
    /// An output format.
    public enum Format: String, CaseIterable, Sendable {
        case text, json, github
    }

    /// The diagnostics as the format prints them, one line each (json: one array).
    public static func format(_ diagnostics: [Diagnostic], as format: Format) -> String {
        switch format {
        case .text:
            return diagnostics.map(textLine).map { $0 + "\n" }.joined()
        case .github:
            return diagnostics.map(githubLine).map { $0 + "\n" }.joined()
        case .json:
            return json(diagnostics) + "\n"
        }
    }

    /// `PATH:LINE:COLUMN: error|warning: MESSAGE [rule]`.
    public static func textLine(_ d: Diagnostic) -> String {
        "\(d.location.path):\(d.location.line):\(d.location.column): \(d.severity.rawValue): \(d.message) [\(d.rule)]"
    }

    /// `::error file=PATH,line=L,col=C,title=RULE::MESSAGE`, escaped as GitHub's workflow commands require.
    public static func githubLine(_ d: Diagnostic) -> String {
        let command = d.severity == .error ? "error" : "warning"
        return "::\(command) file=\(property(d.location.path)),line=\(d.location.line),col=\(d.location.column),title=\(property(d.rule))::\(data(d.message))"
    }

    /// `3 errors, 1 warning in 41 files`.
    public static func summary(errors: Int, warnings: Int, files: Int) -> String {
        "\(count(errors, "error")), \(count(warnings, "warning")) in \(count(files, "file"))"
    }

    /// The summary of `diagnostics`, counted by severity, for a run that read `files` files.
    public static func summary(_ diagnostics: [Diagnostic], files: Int) -> String {
        let errors = diagnostics.lazy.filter { $0.severity == .error }.count
        return summary(errors: errors, warnings: diagnostics.count - errors, files: files)
    }

    static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }

    static func json(_ diagnostics: [Diagnostic]) -> String {
        if diagnostics.isEmpty { return "[]" }
        var out = "[\n"
        for (index, d) in diagnostics.enumerated() {
            out += "  {\"column\": \(d.location.column), \"line\": \(d.location.line), \"message\": \(JSONText.string(d.message)), "
            out += "\"path\": \(JSONText.string(d.location.path)), \"rule\": \(JSONText.string(d.rule)), \"severity\": \(JSONText.string(d.severity.rawValue))}"
            out += index + 1 < diagnostics.count ? ",\n" : "\n"
        }
        return out + "]"
    }

    static func data(_ text: String) -> String {
        text.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A"])
    }

    static func property(_ text: String) -> String {
        text.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
    }
}

private extension String {
    func replacingAll(_ table: [Character: String]) -> String {
        var out = ""
        for character in self {
            if let replacement = table[character] { out += replacement } else { out.append(character) }
        }
        return out
    }
}
