import Foundation
import HandbookLoad
import HandbookModel

/// Each document's validation, kept between validations of the same tree (for `handbook serve`, and from one
/// build to the next through `CheckedFiles`): while the settings, today and the set of entries are what they were,
/// a document that was not read again gives the same result, so only the changed ones are checked. A change to
/// handbook.yml, a new or removed entry, or another day checks everything again.
public final class ValidationCache: @unchecked Sendable {
    private let lock = NSLock()
    /// The digest of what every result depends on besides its own document (`key(of:today:types:)`).
    private var context: ByteDigest?
    private var results: [String: (entity: Entity?, diagnostics: [Diagnostic])] = [:]
    private var reused = 0

    /// An empty cache: the first validation checks every document.
    public init() {}

    /// A cache holding a previous validation's results, made in `context`.
    public init(context: ByteDigest, results: [String: (entity: Entity?, diagnostics: [Diagnostic])]) {
        self.context = context
        self.results = results
    }

    /// What every document's result depends on besides the document itself: handbook.yml's bytes, today, every
    /// entry's type and slug (in the loader's order, which is sorted), the types whose folder could not be listed,
    /// and the types with their fields.
    public static func key(of tree: LoadedTree, today: PartialDate, types: TypeCatalog) -> ByteDigest {
        var digest = ByteDigest()
        digest.add(tree.settingsDigest)
        digest.add(today.description)
        for descriptor in types.descriptors {
            digest.add(descriptor.type.folder)
            digest.add(Int64(descriptor.type.rank))
            // A catalog made in the tests may change a field's kind and nothing else.
            add(descriptor.fields, to: &digest)
        }
        // A type whose folder could not be listed has its references not judged: not the same as an empty folder.
        for type in tree.unlistedTypes.sorted(by: { $0.rank < $1.rank }) { digest.add("unlisted " + type.folder) }
        digest.add(Int64(tree.documents.count))
        for document in tree.documents {
            digest.add(document.type.folder)
            digest.add(document.slug)
        }
        return digest
    }

    /// Adds each field's name, whether it is required, and its kind (a record's or list's fields within it).
    private static func add(_ fields: [FieldSchema], to digest: inout ByteDigest) {
        func add(_ kind: FieldKind) {
            switch kind {
            case .record(let fields):
                digest.add("record")
                Self.add(fields, to: &digest)
            case .list(let item, let minimum):
                digest.add("list \(minimum)")
                add(item)
            case .dictionary(let key, let value):
                digest.add("dictionary " + key)
                add(value)
            // Named here rather than through `String(describing:)`, which reflects on the value (slowly).
            case .text(let maxLength): digest.add("text \(maxLength ?? -1)")
            case .integer(let minimum, let maximum): digest.add("integer \(minimum ?? Int.min) \(maximum ?? Int.max)")
            case .number(let minimum): digest.add("number \(minimum.map { String($0) } ?? "none")")
            case .choice(let words): digest.add("choice " + words.joined(separator: " "))
            case .reference(let type): digest.add("reference " + type.folder)
            case .url: digest.add("url")
            case .email: digest.add("email")
            case .phone: digest.add("phone")
            case .date: digest.add("date")
            case .partialDate: digest.add("partialDate")
            case .dateOrDateTime: digest.add("dateOrDateTime")
            case .year: digest.add("year")
            case .boolean: digest.add("boolean")
            case .country: digest.add("country")
            case .countryOrInternational: digest.add("countryOrInternational")
            case .region: digest.add("region")
            case .jurisdiction: digest.add("jurisdiction")
            case .currency: digest.add("currency")
            case .timezone: digest.add("timezone")
            case .language: digest.add("language")
            case .topic: digest.add("topic")
            case .method: digest.add("method")
            case .vocabulary: digest.add("vocabulary")
            }
        }
        digest.add(Int64(fields.count))
        for field in fields {
            digest.add(field.name.rawValue + (field.isRequired ? " required" : ""))
            add(field.kind)
        }
    }

    /// The context the kept results were made in, if any.
    public var key: ByteDigest? {
        lock.lock()
        defer { lock.unlock() }
        return context
    }

    /// How many documents the last validation took from the cache.
    public var reusedCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return reused
    }

    /// Every kept result, by path: after a validation, exactly its documents'.
    public var kept: [String: (entity: Entity?, diagnostics: [Diagnostic])] {
        lock.lock()
        defer { lock.unlock() }
        return results
    }

    /// Starts a validation: forgets every result when the context changed.
    func begin(_ now: ByteDigest) {
        lock.lock()
        if context != now {
            context = now
            results = [:]
        }
        reused = 0
        lock.unlock()
    }

    /// The kept result for an unchanged document, if any.
    func result(_ path: String) -> (entity: Entity?, diagnostics: [Diagnostic])? {
        lock.lock()
        defer { lock.unlock() }
        let kept = results[path]
        if kept != nil { reused += 1 }
        return kept
    }

    /// Ends a validation: keeps its results, and only those (removed files are forgotten).
    func finish(_ paths: [String], _ made: [(entity: Entity?, diagnostics: [Diagnostic])]) {
        var kept: [String: (entity: Entity?, diagnostics: [Diagnostic])] = [:]
        kept.reserveCapacity(paths.count)
        for (path, result) in zip(paths, made) { kept[path] = result }
        lock.lock()
        results = kept
        lock.unlock()
    }
}
