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

    /// `PATH:LINE:COLUMN: error|warning: MESSAGE [rule]`, with control characters shown as `<U+XXXX>`.
    public static func textLine(_ d: Diagnostic) -> String {
        terminalSafe("\(d.location.path):\(d.location.line):\(d.location.column): \(d.severity.rawValue): \(d.message) [\(d.rule)]")
    }

    /// `::error file=PATH,line=L,col=C,title=RULE::MESSAGE`, escaped as GitHub's workflow commands require.
    public static func githubLine(_ d: Diagnostic) -> String {
        let command = d.severity == .error ? "error" : "warning"
        return "::\(command) file=\(property(d.location.path)),line=\(d.location.line),col=\(d.location.column),title=\(property(d.rule))::\(data(d.message))"
    }

    /// `text` with every control character (C0 but tab, DEL, C1; and noncharacters) written as `<U+XXXX>`, so a file name or value
    /// cannot start a new line, move the cursor or send an escape sequence to the terminal or the CI log.
    public static func terminalSafe(_ text: String) -> String {
        escaping(text, [:])
    }

    /// Lines made safe one by one and joined: a message of several lines (a theme's problems) keeps its own line
    /// breaks, and nothing from a file name or value can add one.
    public static func terminalSafe(lines: [String]) -> String {
        lines.map(terminalSafe).joined(separator: "\n")
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

    /// A workflow command's message: `%`, CR and LF percent-encoded as GitHub decodes them, other controls as `<U+XXXX>`.
    static func data(_ text: String) -> String {
        escaping(text, ["%": "%25", "\r": "%0D", "\n": "%0A"])
    }

    /// A workflow command's property: as `data`, and `:` and `,` encoded too.
    static func property(_ text: String) -> String {
        escaping(text, ["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
    }

    /// `text` with each scalar in `table` replaced and every other control character written as `<U+XXXX>`.
    /// It works on scalars, not Characters: "\r\n" is one Character, which a table of "\r" and "\n" never matches.
    static func escaping(_ text: String, _ table: [Unicode.Scalar: String]) -> String {
        // Most lines need nothing: look at the bytes once before copying scalar by scalar.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x25 && $0 != 0x3A && $0 != 0x2C }) { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if let replacement = table[scalar] {
                out += replacement
            } else if isControl(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "<U+" + String(repeating: "0", count: 4 - hex.count) + hex + ">"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// What may not reach a terminal raw: every character no published text may hold, line breaks, and the
    /// directional formatting characters (a key holding U+202E would reorder the rest of its message's line).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        ControlCharacters.isForbidden(scalar) || scalar == "\r" || scalar == "\n" || DirectionalFormatting.isFormatting(scalar)
    }
}
