/// A command of the tool, declared once: its usage line, its `--help`, its line in the tool's help and the
/// options its parser accepts all come from here.
struct CommandSpec: Sendable {
    /// The command's name, such as `check`.
    var name: String
    /// The operands, as the usage line shows them before the options, such as `FILE`; empty for none.
    var operands: String = ""
    /// One line for the tool's list of commands.
    var summary: String
    /// One paragraph: what the command does.
    var description: String
    /// The command's options, in the order help shows them (`--help` is added to every command).
    var options: [OptionSpec]
    /// Paragraphs after the options: environment variables, exit status.
    var notes: [String] = []

    /// Every option the parser accepts: the declared ones, then `--help`.
    var acceptedOptions: [OptionSpec] { options + [.help] }
}
