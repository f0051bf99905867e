/// A theme as files: Mustache templates by name and static assets by path.
public struct ThemeFiles: Sendable {
    /// Template sources by name (file name without `.mustache`).
    public var templates: [String: String]
    /// Asset files by path relative to the theme's `assets/` folder.
    public var assets: [String: [UInt8]]
    /// Template paths by name, for error messages.
    public var templatePaths: [String: String]
}

/// Reads `themes/<name>/templates/*.mustache` and everything under `themes/<name>/assets/`.
public enum ThemeLoader {
    /// Loads the theme at `path`.
    public static func load(_ path: String) throws(LoadError) -> ThemeFiles {
        let root = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        guard FileSystem.targetKind(root + "/templates") == .directory else {
            throw LoadError(.themeMissing, path: root)
        }
        var templates: [String: String] = [:]
        var paths: [String: String] = [:]
        for name in try FileSystem.list(root + "/templates") where name.hasSuffix(".mustache") {
            let file = root + "/templates/" + name
            let bytes = try FileSystem.read(file)
            let key = String(name.dropLast(".mustache".count))
            templates[key] = String(decoding: bytes, as: UTF8.self)
            paths[key] = file
        }
        var assets: [String: [UInt8]] = [:]
        if FileSystem.targetKind(root + "/assets") == .directory {
            try collect(root + "/assets", prefix: "", into: &assets)
        }
        return ThemeFiles(templates: templates, assets: assets, templatePaths: paths)
    }

    private static func collect(_ directory: String, prefix: String, into assets: inout [String: [UInt8]]) throws(LoadError) {
        for name in try FileSystem.list(directory) where !name.hasPrefix(".") {
            let path = directory + "/" + name
            switch FileSystem.targetKind(path) {
            case .directory: try collect(path, prefix: prefix + name + "/", into: &assets)
            case .file: assets[prefix + name] = try FileSystem.read(path)
            default: continue
            }
        }
    }
}
