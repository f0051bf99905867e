/// The types of entry a handbook has, as descriptors: the one list every stage reads.
///
/// `standard` is the handbook's own; tests and forks build others (`standard.adding(…)`), and every
/// stage of the pipeline takes the catalog it is given, so a type added here gets folders, validation,
/// pages, lists, filters, search, data files and `handbook new` with no other change.
public struct TypeCatalog: Sendable {
    /// The descriptors in canonical order (by `EntityType.rank`).
    public let descriptors: [TypeDescriptor]
    private let byFolder: [String: Int]
    /// Each descriptor's type, in the same order: a type is found by comparing ranks, without hashing its folder.
    private let keys: [EntityType]

    /// A catalog of these descriptors; they are put in canonical order.
    public init(_ descriptors: [TypeDescriptor]) {
        let sorted = descriptors.sorted { $0.type < $1.type }
        self.descriptors = sorted
        var byFolder: [String: Int] = [:]
        for (index, descriptor) in sorted.enumerated() { byFolder[descriptor.type.folder] = index }
        self.byFolder = byFolder
        self.keys = sorted.map(\.type)
    }

    /// The handbook's types.
    public static let standard = TypeCatalog([
        .organisations, .caseStudies, .funders, .pressContacts, .policies, .events, .resources, .pages,
    ])

    /// This catalog with one more type.
    public func adding(_ descriptor: TypeDescriptor) -> TypeCatalog {
        TypeCatalog(descriptors + [descriptor])
    }

    /// Every type, in canonical order.
    public var types: [EntityType] { descriptors.map(\.type) }

    /// The type whose folder this is, or nil.
    public func type(folder: String) -> EntityType? {
        byFolder[folder].map { descriptors[$0].type }
    }

    /// The type named by its folder or by its singular with hyphens (`case-study`), as `handbook new` accepts.
    public func type(named name: String) -> EntityType? {
        type(folder: name) ?? descriptors.first { $0.singular.replacingOccurrences(of: " ", with: "-") == name }?.type
    }

    /// The descriptor of a type of this catalog.
    public subscript(type: EntityType) -> TypeDescriptor {
        descriptors[position(of: type)]
    }

    /// Where `type`'s descriptor is; a type not of this catalog is a programming error.
    private func position(of type: EntityType) -> Int {
        // Read in place: iterating the keys would copy each one (and retain its folder) on the way.
        let found = keys.withUnsafeBufferPointer { keys -> Int? in
            for index in keys.indices where keys[index].rank == type.rank && keys[index].folder == type.folder { return index }
            return nil
        }
        if let found { return found }
        guard let index = byFolder[type.folder] else {
            preconditionFailure("\(type.folder) is not a type of this catalog")
        }
        return index
    }

    /// The listed types in navigation order (the navigation, the home page's counts, list pages).
    public var listed: [TypeDescriptor] {
        descriptors.filter(\.isListed).sorted { $0.navigationOrder! < $1.navigationOrder! }
    }

    /// Every type in search order: the listed ones in navigation order, then the rest in canonical order.
    public var searchOrder: [TypeDescriptor] {
        listed + descriptors.filter { !$0.isListed }
    }
}
