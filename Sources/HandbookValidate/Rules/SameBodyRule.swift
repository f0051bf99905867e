import HandbookModel

/// One real-world body, one entry: a funder that is also an organisation in the handbook names it in its
/// `organisation` field (the descriptor's `roleField`), and is then shown and searched as part of it. An entry
/// with the same name or website as an entry of the type its role field names, but not naming it, is an error;
/// so is a second role of one type for the same entry.
public enum SameBodyRule: Rule {
    /// The rule id.
    public static let id: RuleID = "same-body"
    /// An error: the body would be listed, searched and drawn twice.
    public static let defaultSeverity = Diagnostic.Severity.error
    /// What it checks.
    public static let summary = "a funder that is also an organisation in the handbook names it in `organisation` (one entry per real-world body)"

    /// The problems among the published and draft entries of `types`.
    public static func check(_ entities: [Entity], types: TypeCatalog) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for descriptor in types.descriptors {
            guard let roleField = descriptor.roleField, case .reference(let ownerType)? = descriptor.field(roleField)?.kind else { continue }
            var byName: [String: Entity] = [:]
            var byWebsite: [String: Entity] = [:]
            // Every name and website made into its key on every core; the tables are filled in order on one.
            let owners = entities.filter { $0.reference.type == ownerType }
            byName.reserveCapacity(owners.count)
            byWebsite.reserveCapacity(owners.count)
            for (owner, keys) in zip(owners, Parallel.map(owners) { (name: key($0.name), website: $0[.website]?.text.map(key)) }) {
                if byName[keys.name] == nil { byName[keys.name] = owner }
                if let website = keys.website, byWebsite[website] == nil { byWebsite[website] = owner }
            }
            var claimed: [EntityReference: Entity] = [:]
            for role in entities where role.reference.type == descriptor.type {
                if case .reference(let owner)? = role[roleField] {
                    if let first = claimed[owner] {
                        diagnostics.append(diagnostic(at: role.location(of: roleField), "'\(owner.slug)' is already the \(roleField) of \(first.path); one body has one \(descriptor.singular) entry: merge the two"))
                    } else {
                        claimed[owner] = role
                    }
                    continue
                }
                let sameName = byName[key(role.name)]
                let sameSite = role[.website]?.text.flatMap { byWebsite[key($0)] }
                guard let owner = sameName ?? sameSite else { continue }
                let what = sameName != nil ? "the name '\(role.name)'" : "the website \(role[.website]?.text ?? "")"
                let field = sameName != nil ? descriptor.nameField : FieldName.website
                diagnostics.append(diagnostic(at: role.location(of: field), "this \(descriptor.singular) has \(what), as \(owner.path) has: they are one body; add `\(roleField): \(owner.reference.slug)` so the two are shown and searched as one entry"))
            }
        }
        return diagnostics
    }

    /// A name or address compared without case, surrounding spaces, a scheme or a trailing slash.
    static func key(_ text: String) -> String {
        // On bytes: every entry's name and website pass through here on every check.
        var bytes = Array(text.utf8)
        if bytes.contains(where: { $0 >= 0x80 }) {
            bytes = Array(text.lowercased().utf8)
        } else {
            for index in bytes.indices where bytes[index] &- UInt8(ascii: "A") < 26 { bytes[index] |= 0x20 }
        }
        var start = 0, end = bytes.count
        func has(_ prefix: String) -> Bool {
            let prefix = prefix.utf8
            return end - start >= prefix.count && bytes[start..<(start + prefix.count)].elementsEqual(prefix)
        }
        while start < end && bytes[start] == UInt8(ascii: " ") { start += 1 }
        while end > start && bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        for scheme in ["https://", "http://"] where has(scheme) { start += scheme.utf8.count }
        if has("www.") { start += 4 }
        while end > start && bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
