import HandbookModel

/// The stable id of a rule, such as `unknown-key`: what a diagnostic shows in brackets and what the docs list.
public struct RuleID: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The id as printed.
    public let rawValue: String

    /// Creates an id from its text; rules declare theirs once, as their `id`.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// Creates an id from a literal, so a rule can write `static let id: RuleID = "enum"`.
    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// The id as printed.
    public var description: String { rawValue }

    /// Orders ids alphabetically.
    public static func < (lhs: RuleID, rhs: RuleID) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
