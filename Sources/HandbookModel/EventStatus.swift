/// An event's `status`: whether it goes ahead.
public enum EventStatus: String, CaseIterable, Sendable {
    case scheduled, cancelled, postponed

    /// The entry's status; `scheduled` when none is written.
    public init(of entity: Entity) {
        self = entity[.status]?.text.flatMap(EventStatus.init(rawValue:)) ?? .scheduled
    }

    /// The values as front matter writes them.
    public static var choices: [String] { allCases.map(\.rawValue) }
}
