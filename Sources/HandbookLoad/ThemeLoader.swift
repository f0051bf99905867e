/// A theme as files: Mustache templates by name and static assets by path.
public struct ThemeFiles: Sendable {
    /// Template sources by name (file name without `.mustache`).
    public var templates: [String: String]
    /// Asset files by path relative to the theme's `assets/` folder.
    public var assets: [String: [UInt8]]
    /// Template paths by name, for error messages.
    public var templatePaths: [String: String]
    /// Files of the theme that cannot be used as they are, each with why: every one is reported, not only the first.
    public var problems: [Problem] = []

    /// A theme file that cannot be used.
    public struct Problem: Sendable, Hashable {
        /// The file, or the folder, at fault.
        public var path: String
        /// What is wrong, and what to do.
        public var message: String
        /// Where in the file, when a place in it is at fault (1-based), else line 0.
        public var line = 0
        public var column = 0
    }
}

/// Reads `themes/<name>/templates/*.mustache` and everything under `themes/<name>/assets/`.
///
/// A theme's files are published (assets) or decide what is published (templates), so the loader takes only plain
/// files inside the theme's folder: a symbolic link that leads outside it (to `/proc/self/environ`, to `/etc`) would
/// copy that file into the site, and is refused as the content tree refuses one; so are broken links, FIFOs and
/// devices, and templates that are not UTF-8.
public enum ThemeLoader {
    /// Loads the theme at `path`; a theme with no `templates/` folder, or whose folders cannot be listed, throws.
    public static func load(_ path: String) throws(LoadError) -> ThemeFiles {
        let root = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        guard FileSystem.targetKind(root + "/templates") == .directory else {
            throw LoadError(.themeMissing, path: root)
        }
        var files = ThemeFiles(templates: [:], assets: [:], templatePaths: [:])
        // Links are followed only within the theme's own folder, as it is once every link is resolved.
        let realRoot = FileSystem.realPath(root) ?? root
        // The templates' folder itself as a link out of the theme: refused as a template linked out would be.
        if FileSystem.kind(root + "/templates") == .symbolicLink && resolve(root + "/templates", listed: nil, realRoot: realRoot, into: &files.problems) != .directory {
            return files
        }
        for entry in try FileSystem.entries(root + "/templates") where entry.name.hasSuffix(".mustache") {
            let file = root + "/templates/" + entry.name
            if FileSystem.isMisreadName(entry.name, in: root + "/templates") {
                files.problems.append(ThemeFiles.Problem(path: file, message: "this name is not valid UTF-8; rename it"))
                continue
            }
            guard let bytes = read(file, listed: entry.kind, realRoot: realRoot, into: &files.problems) else { continue }
            if let invalid = UTF8Check.firstInvalidOffset(bytes) {
                let (line, column) = UTF8Check.position(of: invalid, in: bytes)
                files.problems.append(ThemeFiles.Problem(path: file, message: "the template is not valid UTF-8 (byte 0x"
                    + String(bytes[invalid], radix: 16, uppercase: true) + "); save it as UTF-8", line: line, column: column))
                continue
            }
            let key = String(entry.name.dropLast(".mustache".count))
            files.templates[key] = String(decoding: bytes, as: UTF8.self)
            files.templatePaths[key] = file
        }
        switch FileSystem.kind(root + "/assets") {
        case .missing: break
        case .directory, .symbolicLink:
            switch resolve(root + "/assets", listed: nil, realRoot: realRoot, into: &files.problems) {
            case .directory:
                var visited: Set<String> = []
                try collect(root + "/assets", prefix: "", realRoot: realRoot, visited: &visited, into: &files)
            case .missing: break
            default: files.problems.append(ThemeFiles.Problem(path: root + "/assets", message: "the theme's assets must be a folder"))
            }
        default:
            files.problems.append(ThemeFiles.Problem(path: root + "/assets", message: "the theme's assets must be a folder"))
        }
        return files
    }

    private static func collect(_ directory: String, prefix: String, realRoot: String, visited: inout Set<String>,
                                into files: inout ThemeFiles) throws(LoadError) {
        // A link to a folder the walk is already in (`assets/l -> .`) would have it walk for ever.
        guard visited.insert(FileSystem.realPath(directory) ?? directory).inserted else {
            files.problems.append(ThemeFiles.Problem(path: directory, message: "this symbolic link leads to a folder of the assets that holds it "
                + "(a loop), whose files the site would publish again and again; remove it"))
            return
        }
        defer { visited.remove(FileSystem.realPath(directory) ?? directory) }
        for entry in try FileSystem.entries(directory) where !entry.name.hasPrefix(".") {
            let path = directory + "/" + entry.name
            if FileSystem.isMisreadName(entry.name, in: directory) {
                files.problems.append(ThemeFiles.Problem(path: path, message: "this name is not valid UTF-8, and an asset's name is its address; rename it"))
                continue
            }
            switch resolve(path, listed: entry.kind, realRoot: realRoot, into: &files.problems) {
            case .directory: try collect(path, prefix: prefix + entry.name + "/", realRoot: realRoot, visited: &visited, into: &files)
            case .file:
                if let bytes = read(path, listed: .file, realRoot: realRoot, into: &files.problems) { files.assets[prefix + entry.name] = bytes }
            case .other:
                files.problems.append(ThemeFiles.Problem(path: path, message: "this is not a plain file (a FIFO, socket or device); remove it from the theme"))
            case .symbolicLink, .missing: continue
            }
        }
    }

    /// The bytes of the plain file at `path`, or nil with the problem recorded.
    private static func read(_ path: String, listed: FileSystem.Kind?, realRoot: String, into problems: inout [ThemeFiles.Problem]) -> [UInt8]? {
        switch resolve(path, listed: listed, realRoot: realRoot, into: &problems) {
        case .file:
            do {
                return try FileSystem.read(path)
            } catch {
                problems.append(ThemeFiles.Problem(path: path, message: error.description))
                return nil
            }
        case .missing, .symbolicLink: return nil
        case .directory, .other:
            problems.append(ThemeFiles.Problem(path: path, message: "this is not a plain file; a template is a file named NAME.mustache"))
            return nil
        }
    }

    /// What `path` is once a link inside the theme is followed; a link that is broken or leads outside the theme
    /// is recorded as a problem, and is `.missing`.
    private static func resolve(_ path: String, listed: FileSystem.Kind?, realRoot: String, into problems: inout [ThemeFiles.Problem]) -> FileSystem.Kind {
        let kind = listed ?? FileSystem.kind(path)
        guard kind == .symbolicLink else { return kind }
        guard let target = FileSystem.realPath(path) else {
            problems.append(ThemeFiles.Problem(path: path, message: FileSystem.isLinkLoop(path)
                ? "this symbolic link leads back to itself, through other links or none (a loop); remove it"
                : "this symbolic link is broken; remove it or point it at a file in the theme"))
            return .missing
        }
        guard target.hasPrefix(realRoot + "/") else {
            problems.append(ThemeFiles.Problem(path: path, message: "this symbolic link leads outside the theme (to \(target)), "
                + "whose files the site would publish; copy the file into the theme instead"))
            return .missing
        }
        return FileSystem.targetKind(path)
    }
}
