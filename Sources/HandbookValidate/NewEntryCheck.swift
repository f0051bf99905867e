import HandbookModel

/// What `handbook new` checks before it writes a scaffold: a file `check` would refuse for its name alone is not written.
public enum NewEntryCheck {
    /// Why an entry named `name`, whose file would be `slug.md` in `type`'s folder, cannot be made; nil when it can.
    public static func problem(name: String, slug: String, type: EntityType, types: TypeCatalog) -> String? {
        if let scalar = ControlCharacters.firstForbidden(in: name) {
            return "the name holds a control character (U+\(String(scalar.value, radix: 16, uppercase: true))); type the name without it"
        }
        if SlugRule.reserved(in: type, types: types).contains(slug) {
            let atRoot = types[type].urlFolder.isEmpty
            return "'\(slug)' is used by the site itself (\(atRoot ? "a section's address" : "a filter page")); choose another name"
        }
        return nil
    }
}
