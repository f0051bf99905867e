/// Why a press contact's details may be listed (`basis`).
public enum ContactBasis: String, CaseIterable, Sendable {
    case organisational, consent
    case publicRecord = "public-record"

    /// The values as front matter writes them.
    public static var choices: [String] { allCases.map(\.rawValue) }
}
