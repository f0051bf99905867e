/// A template that cannot be compiled: which template, where, and what is wrong.
public struct MustacheError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public enum Reason: Hashable, Sendable {
        /// `{{` without a matching `}}`.
        case unclosedTag
        /// A tag with no name.
        case emptyTag
        /// `{{#name}}` never closed.
        case unclosedSection(String)
        /// `{{/name}}` that closes another section, or none.
        case unexpectedClose(expected: String?, found: String)
        /// A delimiter change that cannot be read.
        case badDelimiters
    }

    /// What is wrong.
    public var reason: Reason
    /// The template's name (its file name).
    public var template: String
    /// 1-based line of the problem.
    public var line: Int
    /// 1-based column of the problem.
    public var column: Int

    /// `template:line:column: message`.
    public var description: String {
        let message: String
        switch reason {
        case .unclosedTag: message = "this tag is never closed; add the closing delimiter"
        case .emptyTag: message = "this tag has no name"
        case .unclosedSection(let name): message = "section '\(name)' is never closed; add {{/\(name)}}"
        case .unexpectedClose(let expected?, let found): message = "{{/\(found)}} closes a section that is not open; the open section is '\(expected)'"
        case .unexpectedClose(nil, let found): message = "{{/\(found)}} closes a section that is not open"
        case .badDelimiters: message = "a delimiter change must look like {{=<% %>=}}"
        }
        return "\(template):\(line):\(column): error: \(message)"
    }
}
