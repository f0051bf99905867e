import HandbookLoad
import HandbookModel
import HandbookRender
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The digests a rebuild compares with the last build's (`BuildState`): one of everything the outputs read
/// except entries' bodies and exact change times, and one per content file of those.
struct BuildInputs {
    /// Bump when what the digests cover changes meaning.
    static let version: Int64 = 2

    /// The site's structure: the tool, the options, the theme, the settings, every file's path and front matter,
    /// and the day each entry was added and last changed.
    private(set) var site = ByteDigest()
    /// Each content file's body and exact dates, by path.
    private(set) var entries: [String: BuildState.Entry] = [:]

    /// Starts the site's digest with the tool, the options, the theme and the settings' bytes.
    init(options: Pipeline.BuildOptions, baseURL: String, theme: ThemeFiles) {
        site.add(Self.version)
        site.add(Self.toolIdentity)
        site.add(baseURL)
        site.add(options.repository.map { $0.owner + "/" + $0.name } ?? "")
        site.add(options.today.description)
        site.add(options.fixedChangeDate ?? Int64.min)
        for output in options.outputs { site.add(output.name) }
        // The standard catalog is part of the tool; a catalog made elsewhere (the tests') is told apart by its
        // types, their addresses and fields.
        for descriptor in options.types.descriptors {
            site.add(descriptor.type.folder + " " + descriptor.urlFolder + " " + descriptor.plural + " " + descriptor.template)
            for field in descriptor.fields { site.add(field.name.rawValue) }
        }
        for name in theme.templates.keys.sorted() {
            site.add(name)
            site.add(theme.templates[name]!)
        }
        for name in theme.assets.keys.sorted() {
            site.add(name)
            site.add(theme.assets[name]!)
        }
        site.add((try? FileSystem.read(options.contentPath + "/handbook.yml")) ?? [])
    }

    /// Adds every content file's path and front matter, as loaded (in the loader's order).
    mutating func add(_ frontMatter: [(path: String, digest: ByteDigest)]) {
        for (path, digest) in frontMatter {
            site.add(path)
            site.add(digest)
        }
    }

    /// Adds each dated entry's days to the site's digest, and its body and exact dates to its own.
    mutating func add(_ entities: [Entity]) {
        let digests = Parallel.map(entities) { entity -> BuildState.Entry in
            var dates = ByteDigest()
            dates.add(entity.lastChanged ?? Int64.min)
            dates.add(entity.added ?? Int64.min)
            return BuildState.Entry(body: ByteDigest.of(entity.body), dates: dates)
        }
        entries.reserveCapacity(entities.count)
        for (entity, digest) in zip(entities, digests) {
            entries[entity.path] = digest
            site.add(entity.path)
            site.add(entity.lastChanged.map { Self.day($0) } ?? Int64.min)
            site.add(entity.added.map { Self.day($0) } ?? Int64.min)
        }
    }

    /// The day of a time in seconds since 1970, as pages show it.
    static func day(_ seconds: Int64) -> Int64 {
        seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    }

    /// The running executable's size and modification time: a new build of the tool makes every output again.
    static let toolIdentity: String = {
        #if canImport(Glibc)
        let path = "/proc/self/exe"
        #else
        let path = CommandLine.arguments.first ?? ""
        #endif
        guard let stamp = FileStamp(path: path) else { return "unknown" }
        return "\(stamp.size) \(stamp.modified)"
    }()

    /// The entries whose body differs from `previous`'s, and those whose exact dates do.
    func changed(since previous: BuildState, in entities: [Entity]) -> (bodies: Set<EntityReference>, dates: Set<EntityReference>) {
        var bodies: Set<EntityReference> = [], dates: Set<EntityReference> = []
        for entity in entities {
            let before = previous.entries[entity.path], now = entries[entity.path]
            if before?.body != now?.body { bodies.insert(entity.reference) }
            if before?.dates != now?.dates { dates.insert(entity.reference) }
        }
        return (bodies, dates)
    }
}
