import HandbookModel

/// Reads a command's arguments against its declared options: `--name value`, `--name=value`, switches and operands.
struct Arguments {
    /// Why the arguments could not be read.
    struct Problem: Error, Hashable, CustomStringConvertible {
        /// What went wrong.
        enum Reason: Hashable {
            /// An option the command does not declare (or a switch given a value), with a near miss if any.
            case unknownOption(suggestion: String?)
            /// An option that takes a value came last, without one.
            case missingValue
            /// A value outside the option's choices.
            case notAChoice([String])
            /// An option that takes a value given twice with different values (`--output a --output b`).
            case givenTwice(first: String, second: String)
        }

        /// What went wrong.
        var reason: Reason
        /// The argument or option concerned, as typed.
        var argument: String

        /// The message shown to the user.
        var description: String {
            switch reason {
            case .unknownOption(let suggestion):
                return "unknown option '\(argument)'" + (suggestion.map { "; did you mean \($0)?" } ?? "")
            case .missingValue:
                return "\(argument) needs a value"
            case .notAChoice(let choices):
                return "\(argument) must be \(choices.dropLast().joined(separator: ", ")) or \(choices.last ?? "")"
            case .givenTwice(let first, let second):
                return "\(argument) is given twice ('\(first)' and '\(second)'); give it once"
            }
        }
    }

    private(set) var values: [String: String] = [:]
    private(set) var flags: Set<String> = []
    private(set) var operands: [String] = []
    /// The first value outside its option's choices; reported after `--help` is honoured, so help always works.
    private(set) var invalidChoice: Problem?

    /// Reads `arguments` against `options` (each known by its name and aliases).
    init(_ arguments: [String], options: [OptionSpec]) throws(Problem) {
        var byName: [String: OptionSpec] = [:]
        for option in options {
            for name in [option.name] + option.aliases { byName[name] = option }
        }
        var index = 0
        var onlyOperands = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyOperands || !argument.hasPrefix("-") || argument == "-" {
                operands.append(argument)
                continue
            }
            if argument == "--" {
                onlyOperands = true
                continue
            }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            guard let option = byName[name], !option.isSwitch || inlineValue == nil else {
                throw Problem(reason: .unknownOption(suggestion: Suggestion.closest(to: name, in: options.map(\.name))), argument: argument)
            }
            if option.isSwitch {
                flags.insert(option.name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count else { throw Problem(reason: .missingValue, argument: name) }
                value = arguments[index]
                index += 1
            }
            // `--output=` or `--output ""`: no option means anything by an empty value.
            guard !value.isEmpty else { throw Problem(reason: .missingValue, argument: name) }
            if !option.choices.isEmpty && !option.choices.contains(value) && invalidChoice == nil {
                invalidChoice = Problem(reason: .notAChoice(option.choices), argument: option.name)
            }
            // Which of two values was meant is not for the tool to guess (a script's default overridden, or a typo).
            if let earlier = values[option.name], earlier != value {
                throw Problem(reason: .givenTwice(first: earlier, second: value), argument: option.name)
            }
            values[option.name] = value
        }
    }

    /// The value given for `option`, else its declared default (an option read this way must declare one).
    func value(_ option: OptionSpec) -> String {
        guard let value = values[option.name] ?? option.defaultValue else {
            preconditionFailure("\(option.name) has no default; read it with given(_:)")
        }
        return value
    }

    /// The value given for `option`, or nil when it was not given.
    func given(_ option: OptionSpec) -> String? {
        values[option.name]
    }

    /// True when the switch was given.
    func has(_ option: OptionSpec) -> Bool {
        flags.contains(option.name)
    }
}
