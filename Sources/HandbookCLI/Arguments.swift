/// A hand-rolled reader of a command's options: `--name value`, `--name=value`, flags and positionals.
struct Arguments {
    /// Why the arguments could not be read.
    struct Problem: Error {
        var message: String
    }

    private(set) var options: [String: String] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positionals: [String] = []

    /// Reads `arguments`; `valued` options take a value, `switches` take none.
    init(_ arguments: [String], valued: Set<String>, switches: Set<String>) throws(Problem) {
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            if valued.contains(name) {
                if let inlineValue {
                    options[name] = inlineValue
                } else {
                    guard index < arguments.count else { throw Problem(message: "\(name) needs a value") }
                    options[name] = arguments[index]
                    index += 1
                }
            } else if switches.contains(name), inlineValue == nil {
                flags.insert(name)
            } else {
                let known = Array(valued) + Array(switches)
                let hint = closest(to: name, in: known).map { "; did you mean \($0)?" } ?? ""
                throw Problem(message: "unknown option '\(argument)'\(hint)")
            }
        }
    }

    /// The value of an option, or a default.
    func value(_ name: String, default fallback: String) -> String {
        options[name] ?? fallback
    }

    /// True when a switch was given.
    func has(_ flag: String) -> Bool {
        flags.contains(flag)
    }

    private func closest(to word: String, in candidates: [String]) -> String? {
        candidates.sorted().first { $0.hasPrefix(word) || word.hasPrefix($0) }
    }
}
