/// How often a standing meeting repeats (`repeat.frequency`).
public enum RepeatFrequency: String, CaseIterable, Sendable {
    case weekly, monthly

    /// The frequency of a `repeat` record; `weekly` when it is missing or unknown.
    public init(of rule: FieldValue) {
        self = rule[.frequency]?.text.flatMap(RepeatFrequency.init(rawValue:)) ?? .weekly
    }

    /// The values as front matter writes them.
    public static var choices: [String] { allCases.map(\.rawValue) }
}
