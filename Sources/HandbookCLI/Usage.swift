/// The help texts of the tool and of each command, generated from the commands' declarations.
enum Usage {
    static let version = "handbook 0.1.0"

    /// Help text is wrapped to this many columns.
    static let width = 100

    /// The tool's help: every command's usage line and summary, the tool's own options and notes.
    static var main: String {
        let commands = HandbookCommand.commands
        let nameWidth = commands.map(\.name.count).max() ?? 0
        var lines = [HandbookCommand.title, "", "Usage:"]
        for command in commands {
            let items = synopsisItems(command)
            lines += items.isEmpty ? ["  handbook " + command.name] : usageLines("  handbook " + pad(command.name, to: nameWidth + 1), items)
        }
        lines += ["", "Commands:"]
        lines += table(commands.map { ($0.name, $0.summary) })
        lines += ["", "Options:"]
        lines += table(HandbookCommand.options.map { ($0.name, $0.help) })
        lines.append("")
        lines += HandbookCommand.notes.flatMap { wrap($0, indent: 0) }
        return lines.joined(separator: "\n")
    }

    /// A command's help: its usage line, description, options with their defaults, and notes.
    static func help(_ command: CommandSpec) -> String {
        let items = synopsisItems(command)
        var lines = items.isEmpty ? ["Usage: handbook \(command.name)"] : usageLines("Usage: handbook \(command.name) ", items)
        lines.append("")
        lines += wrap(command.description, indent: 0)
        lines += ["", "Options:"]
        lines += table(command.acceptedOptions.map { (($0.name + prefixed($0.placeholder ?? "")), withDefault($0)) })
        if !command.notes.isEmpty {
            lines.append("")
            lines += command.notes.flatMap { wrap($0, indent: 0) }
        }
        return lines.joined(separator: "\n")
    }

    /// What follows `handbook NAME` in a usage line: the operands, then every option in brackets.
    static func synopsis(_ command: CommandSpec) -> String {
        synopsisItems(command).joined(separator: " ")
    }

    /// The parts of a usage line: the operands, then each option in brackets.
    static func synopsisItems(_ command: CommandSpec) -> [String] {
        let options = command.options.map { option in
            let value = option.choices.isEmpty ? option.placeholder : option.choices.joined(separator: "|")
            return "[" + option.name + prefixed(value ?? "") + "]"
        }
        return [command.operands].filter { !$0.isEmpty } + options
    }

    /// A usage line, `prefix` then `items`, wrapped to `width`: a line that would be too wide goes on under the
    /// first item, and an item (`[--base-url URL]`) is never split.
    static func usageLines(_ prefix: String, _ items: [String]) -> [String] {
        let margin = String(repeating: " ", count: prefix.count)
        var lines: [String] = []
        var line = prefix
        for item in items {
            if line.count > prefix.count && line.count + 1 + item.count > width {
                lines.append(line)
                line = margin
            }
            line += (line.count > prefix.count ? " " : "") + item
        }
        lines.append(line)
        return lines
    }

    /// An option's help with its default added to the first line.
    static func withDefault(_ option: OptionSpec) -> String {
        guard let fallback = option.defaultValue else { return option.help }
        var lines = option.help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[0] += " (default: \(fallback))"
        return lines.joined(separator: "\n")
    }

    /// Two columns: terms, then their help aligned three spaces past the longest term, wrapped under itself.
    static func table(_ rows: [(term: String, help: String)]) -> [String] {
        let column = 2 + (rows.map(\.term.count).max() ?? 0) + 3
        return rows.flatMap { row in
            let body = wrap(row.help, indent: column)
            return [pad("  " + row.term, to: column) + body[0].dropFirst(column)] + body.dropFirst()
        }
    }

    /// `text` wrapped to `width` with every line indented by `indent`; a `\n` in the text starts a new line.
    static func wrap(_ text: String, indent: Int) -> [String] {
        let margin = String(repeating: " ", count: indent)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                if !line.isEmpty && indent + line.count + 1 + word.count > width {
                    lines.append(margin + line)
                    line = ""
                }
                line += (line.isEmpty ? "" : " ") + word
            }
            lines.append(margin + line)
        }
        return lines
    }

    static func pad(_ text: String, to width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// The text after a space, or nothing when it is empty.
    static func prefixed(_ text: String) -> String {
        text.isEmpty ? "" : " " + text
    }
}
