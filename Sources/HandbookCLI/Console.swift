/// What a command prints: standard output and standard error, collected so tests can read them.
public struct Console: Sendable {
    /// Text for standard output.
    public var out = ""
    /// Text for standard error.
    public var err = ""

    /// Creates an empty console.
    public init() {}

    /// Appends a line to standard output.
    public mutating func print(_ line: String) {
        out += line
        out += "\n"
    }

    /// Appends a line to standard error.
    public mutating func printError(_ line: String) {
        err += line
        err += "\n"
    }
}
