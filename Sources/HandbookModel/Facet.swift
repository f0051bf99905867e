/// A property list pages can be filtered by; a type's descriptor says which of these it offers.
public enum Facet: String, CaseIterable, Sendable {
    case country, kind, topic, status

    /// The heading of the filter.
    public var label: String {
        switch self {
        case .country: return "Country"
        case .kind: return "Kind"
        case .topic: return "Topic"
        case .status: return "Status"
        }
    }

    /// The values an entry is listed under for this facet: a country is its `country`, or the country part
    /// of a `jurisdiction` (`GB` of `GB-SCT`): an ISO country, or `INT`, `EU` or `UN`.
    public func values(of entity: Entity) -> [String] {
        switch self {
        case .country:
            guard let code = entity.countryCode, ISOCodes.countryNames[code] != nil || Jurisdictions.all.contains(code) else { return [] }
            return [code]
        case .kind: return entity[.kind]?.text.map { [$0] } ?? []
        case .topic: return entity.topics
        case .status: return entity[.status]?.text.map { [$0] } ?? []
        }
    }
}
