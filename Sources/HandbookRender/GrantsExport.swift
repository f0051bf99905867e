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
        // Each grant's object is written as bytes as it is made (members in key order, as `JSONValue` sorts them):
        // no table of members per grant, and no tree of values for the whole file.
        var out: [UInt8] = Array("{\"grants\":[".utf8)
        var first = true
        for funder in index.entities(of: .funders) {
            for (position, grant) in (funder[.grants]?.list ?? []).enumerated() {
                guard let record = record(grant, number: position + 1, funder: funder) else { continue }
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                JSONValue.encode(members: record, into: &out)
            }
        }
        out.append(contentsOf: Array("]}\n".utf8))
        return OutputFile(path: "api/360giving.json", bytes: out)
    }

    /// A grant's members in key order, or nil when the standard's required fields are not all there.
    func record(_ grant: FieldValue, number: Int, funder: Entity) -> [(key: String, value: JSONValue)]? {
        guard case .number(let amount)? = grant[.amount], let currency = grant[.currency]?.text,
              case .date(let date)? = grant[.date], case .reference(let recipient)? = grant[.recipient] else { return nil }
        let recipientEntity = index.entity(recipient)
        let recipientName = recipientEntity?.name ?? recipient.slug
        let purpose = grant[.purpose]?.text
        let funderURL = baseURL + index.links.entity(funder.reference)
        var record: [(key: String, value: JSONValue)] = [
            ("id", .string("360G-handbook-\(funder.reference.slug)-\(number)")),
            ("title", .string(purpose ?? "Grant from \(funder.name) to \(recipientName)")),
            ("description", .string(purpose ?? "Grant from \(funder.name) to \(recipientName), as listed in the \(index.settings.title).")),
            ("currency", .string(currency)),
            ("amountAwarded", .number(DataAPI.canonicalNumber(amount))),
            ("awardDate", .string(PartialDate(year: date.year, month: date.month ?? 1, day: date.day ?? 1).description)),
            ("recipientOrganization", .encoded(Self.array(organisation(recipientEntity, reference: recipient, name: recipientName)))),
            ("fundingOrganization", .encoded(Self.array([
                ("id", .string("XI-HANDBOOK-funders-\(funder.reference.slug)")), ("name", .string(funder.name)), ("url", .string(funderURL)),
            ]))),
            ("dataSource", .string(funderURL)),
        ]
        if let url = grant[.url]?.text { record.append(("url", .string(url))) }
        return record.sorted { $0.key < $1.key }
    }

    /// An organisation's members.
    func organisation(_ entity: Entity?, reference: EntityReference, name: String) -> [(key: String, value: JSONValue)] {
        var members: [(key: String, value: JSONValue)] = [("name", .string(name))]
        if let identifiers = entity?[.identifiers]?.record, let first = identifiers.sorted(by: { $0.key < $1.key }).first,
           let number = first.value.text {
            members.append(("id", .string("\(first.key)-\(number)")))
        } else {
            members.append(("id", .string("XI-HANDBOOK-organisations-\(reference.slug)")))
        }
        if let entity {
            members.append(("url", .string(baseURL + index.links.entity(entity.reference))))
            if let country = entity[.country]?.text, country != Jurisdictions.international { members.append(("addressCountry", .string(country))) }
        }
        return members
    }

    /// `[{…}]`: an array of one object of `members`, in key order.
    static func array(_ members: [(key: String, value: JSONValue)]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "[")]
        JSONValue.encode(members: members.sorted { $0.key < $1.key }, into: &out)
        out.append(UInt8(ascii: "]"))
        return out
    }
}
