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
        // Each grant's object is written as bytes as it is made, its members in key order (as `JSONValue` sorts
        // them): no table of members per grant, and no tree of values for the whole file.
        var out: [UInt8] = Array("{\"grants\":[".utf8)
        var first = true
        for funder in index.entities(of: .funders) {
            // What every grant of a funder repeats, made once for the funder.
            let funderURL = baseURL + index.links.entity(funder.reference)
            var funding: [UInt8] = []
            member("fundingOrganization", first: true, into: &funding)
            funding += Array("[{".utf8)
            member("id", first: true, into: &funding)
            JSONString.append("XI-HANDBOOK-funders-" + funder.reference.slug, to: &funding)
            member("name", into: &funding)
            JSONString.append(funder.name, to: &funding)
            member("url", into: &funding)
            JSONString.append(funderURL, to: &funding)
            funding += Array("}]".utf8)
            for (position, grant) in (funder[.grants]?.list ?? []).enumerated() {
                if write(grant, number: position + 1, funder: funder, funderURL: funderURL, funding: funding, after: !first, into: &out) {
                    first = false
                }
            }
        }
        out.append(contentsOf: Array("]}\n".utf8))
        return OutputFile(path: "api/360giving.json", bytes: out)
    }

    /// Writes a grant's object (after a comma when `after` another), or nothing and false when the standard's
    /// required fields are not all there. `funding` is the funder's `"fundingOrganization":[…]` member.
    func write(_ grant: FieldValue, number: Int, funder: Entity, funderURL: String, funding: [UInt8], after: Bool,
               into out: inout [UInt8]) -> Bool {
        guard case .number(let amount)? = grant[.amount], let currency = grant[.currency]?.text,
              case .date(let date)? = grant[.date], case .reference(let recipient)? = grant[.recipient] else { return false }
        let recipientEntity = index.entity(recipient)
        let recipientName = recipientEntity?.name ?? recipient.slug
        let purpose = grant[.purpose]?.text
        if after { out.append(UInt8(ascii: ",")) }
        out.append(UInt8(ascii: "{"))
        member("amountAwarded", first: true, into: &out)
        out += Array(DataAPI.canonicalNumber(amount).utf8)
        member("awardDate", into: &out)
        JSONString.append(PartialDate(year: date.year, month: date.month ?? 1, day: date.day ?? 1).description, to: &out)
        member("currency", into: &out)
        JSONString.append(currency, to: &out)
        member("dataSource", into: &out)
        JSONString.append(funderURL, to: &out)
        member("description", into: &out)
        JSONString.append(purpose ?? "Grant from \(funder.name) to \(recipientName), as listed in the \(index.settings.title).", to: &out)
        out.append(UInt8(ascii: ","))
        out += funding
        member("id", into: &out)
        JSONString.append("360G-handbook-\(funder.reference.slug)-\(number)", to: &out)
        member("recipientOrganization", into: &out)
        out += Array("[{".utf8)
        organisation(recipientEntity, reference: recipient, name: recipientName, into: &out)
        out += Array("}]".utf8)
        member("title", into: &out)
        JSONString.append(purpose ?? "Grant from \(funder.name) to \(recipientName)", to: &out)
        if let url = grant[.url]?.text {
            member("url", into: &out)
            JSONString.append(url, to: &out)
        }
        out.append(UInt8(ascii: "}"))
        return true
    }

    /// An organisation's members, in key order.
    func organisation(_ entity: Entity?, reference: EntityReference, name: String, into out: inout [UInt8]) {
        var first = true
        if let entity, let country = entity[.country]?.text, country != Jurisdictions.international {
            member("addressCountry", first: true, into: &out)
            JSONString.append(country, to: &out)
            first = false
        }
        member("id", first: first, into: &out)
        if let identifiers = entity?[.identifiers]?.record, let scheme = identifiers.min(by: { $0.key < $1.key }),
           let number = scheme.value.text {
            JSONString.append("\(scheme.key)-\(number)", to: &out)
        } else {
            JSONString.append("XI-HANDBOOK-organisations-" + reference.slug, to: &out)
        }
        member("name", into: &out)
        JSONString.append(name, to: &out)
        if let entity {
            member("url", into: &out)
            JSONString.append(baseURL + index.links.entity(entity.reference), to: &out)
        }
    }

    /// A member's name and colon, after a comma unless it is the object's first.
    func member(_ name: StaticString, first: Bool = false, into out: inout [UInt8]) {
        if !first { out.append(UInt8(ascii: ",")) }
        out.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { out.append(contentsOf: $0) }
        out += [UInt8(ascii: "\""), UInt8(ascii: ":")]
    }
}
