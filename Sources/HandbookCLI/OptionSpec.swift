/// One option of a command, declared once: the parser accepts it, the help lists it, its default comes from here.
struct OptionSpec: Hashable, Sendable {
    /// The option as typed, such as `--content`.
    var name: String
    /// Other spellings the parser accepts, not shown in help (`-h` for `--help`).
    var aliases: [String] = []
    /// What its value is called in help, such as `DIR`; nil for a switch, which takes no value.
    var placeholder: String?
    /// The only values it accepts (shown in the usage line instead of the placeholder); empty when any value goes.
    var choices: [String] = []
    /// The value when the option is not given; nil when there is none.
    var defaultValue: String?
    /// What it does. The first line is the summary; later lines (after `\n`) add detail. Help wraps the text.
    var help: String

    /// True when the option takes no value.
    var isSwitch: Bool { placeholder == nil }

    /// An option that takes a value, written `--name VALUE` or `--name=VALUE`.
    static func value(_ name: String, _ placeholder: String, choices: [String] = [], default defaultValue: String? = nil,
                      help: String) -> OptionSpec {
        OptionSpec(name: name, placeholder: placeholder, choices: choices, defaultValue: defaultValue, help: help)
    }

    /// A switch: present or not, no value.
    static func flag(_ name: String, aliases: [String] = [], help: String) -> OptionSpec {
        OptionSpec(name: name, aliases: aliases, help: help)
    }

    /// `--content DIR`, shared by every command that reads the content tree.
    static let content = value("--content", "DIR", default: "content", help: "the content tree")

    /// `--theme DIR`, shared by every command that renders the site.
    static let theme = value("--theme", "DIR", default: "themes/default", help: "the theme")

    /// `--help`, which every command takes.
    static let help = flag("--help", aliases: ["-h"], help: "show this help")
}
