import HandbookModel

/// Every grant in the 360Giving Data Standard's JSON package form (`api/360giving.json`).
///
/// A grant goes in when it has an amount, a currency and a date, which the standard requires. A year or a
/// month is published as its first day, as the standard's `awardDate` is a full date. Organisation ids
/// come from the recipient's `identifiers` (an org-id scheme and number, such as `GB-CHC-1234567`) and are
/// otherwise stable handbook ids (`XI-HANDBOOK-organisations-<slug>`); grant ids are
/// `360G-handbook-<funder>-<n>`, n counting the funder's grants from 1 in file order.
struct GrantsExport: OutputGenerator {
    static let name = "360Giving grants"
    static let inputs = OutputInputs.structure
    let index: SiteIndex
    let baseURL: String

    init(site: SiteContext) {
        index = site.index
        baseURL = site.baseURL
    }

    func files() -> [OutputFile] {
        [file()]
    }

    func file() -> OutputFile {
        var grants: [JSONValue] = []
        for funder in index.entities(of: .funders) {
            for (position, grant) in (funder[.grants]?.list ?? []).enumerated() {
                if let record = record(grant, number: position + 1, funder: funder) { grants.append(record) }
            }
        }
        return OutputFile(path: "api/360giving.json", json: JSONValue.object(["grants": .array(grants)]))
    }

    func record(_ grant: FieldValue, number: Int, funder: Entity) -> JSONValue? {
        guard case .number(let amount)? = grant[.amount], let currency = grant[.currency]?.text,
              case .date(let date)? = grant[.date], case .reference(let recipient)? = grant[.recipient] else { return nil }
        let recipientEntity = index.entity(recipient)
        let recipientName = recipientEntity?.name ?? recipient.slug
        let purpose = grant[.purpose]?.text
        var record: [String: JSONValue] = [
            "id": .string("360G-handbook-\(funder.reference.slug)-\(number)"),
            "title": .string(purpose ?? "Grant from \(funder.name) to \(recipientName)"),
            "description": .string(purpose ?? "Grant from \(funder.name) to \(recipientName), as listed in the \(index.settings.title)."),
            "currency": .string(currency),
            "amountAwarded": .number(DataAPI.canonicalNumber(amount)),
            "awardDate": .string(PartialDate(year: date.year, month: date.month ?? 1, day: date.day ?? 1).description),
            "recipientOrganization": .array([organisation(recipientEntity, reference: recipient, name: recipientName)]),
            "fundingOrganization": .array([.object([
                "id": .string("XI-HANDBOOK-funders-\(funder.reference.slug)"), "name": .string(funder.name),
                "url": .string(baseURL + index.links.entity(funder.reference)),
            ])]),
            "dataSource": .string(baseURL + index.links.entity(funder.reference)),
        ]
        if let url = grant[.url]?.text { record["url"] = .string(url) }
        return .object(record)
    }

    func organisation(_ entity: Entity?, reference: EntityReference, name: String) -> JSONValue {
        var object: [String: JSONValue] = ["name": .string(name)]
        if let identifiers = entity?[.identifiers]?.record, let first = identifiers.sorted(by: { $0.key < $1.key }).first,
           let number = first.value.text {
            object["id"] = .string("\(first.key)-\(number)")
        } else {
            object["id"] = .string("XI-HANDBOOK-organisations-\(reference.slug)")
        }
        if let entity {
            object["url"] = .string(baseURL + index.links.entity(entity.reference))
            if let country = entity[.country]?.text, country != Jurisdictions.international { object["addressCountry"] = .string(country) }
        }
        return .object(object)
    }
}
