import HandbookModel

/// Walks `content/`, reads every file and parses its front matter, in parallel and in linear time.
public enum ContentLoader {
    /// Rule ids of the problems the loader reports.
    public enum Rule {
        /// A file or folder where none belongs.
        public static let unknownPath = "unknown-path"
        /// A symbolic link that leads outside the content tree.
        public static let symlink = "symlink"
        /// Bytes that are not UTF-8.
        public static let encoding = "encoding"
        /// Missing or unclosed `---` lines.
        public static let frontMatter = "front-matter"
        /// YAML outside the subset, or not YAML.
        public static let yaml = "yaml"
        /// A key given twice in one mapping.
        public static let duplicateKey = "duplicate-key"
        /// A required file is missing.
        public static let missingFile = "missing-file"
        /// A file or folder could not be read.
        public static let io = "io"
    }

    /// Loads the tree at `contentPath` (shown in diagnostics as given). With a `cache`, files unchanged since
    /// the cache's last load are taken from it instead of being read and parsed again.
    public static func load(contentPath: String, types: TypeCatalog = .standard, cache: LoadCache? = nil) throws(LoadError) -> LoadedTree {
        let root = contentPath.hasSuffix("/") && contentPath.count > 1 ? String(contentPath.dropLast()) : contentPath
        guard FileSystem.targetKind(root) == .directory, let realRoot = FileSystem.realPath(root) else {
            throw LoadError(.contentDirectoryMissing, path: root)
        }
        var diagnostics: [Diagnostic] = []
        var jobs: [Job] = []
        let settingsPath = root + "/handbook.yml"
        var hasSettings = false

        for name in try FileSystem.list(root) where !name.hasPrefix(".") {
            let path = root + "/" + name
            if name == "handbook.yml" {
                hasSettings = true
                continue
            }
            switch resolve(path, realRoot: realRoot, diagnostics: &diagnostics) {
            case .directory:
                guard let type = types.type(folder: name) else {
                    let known = types.types.map(\.folder)
                    diagnostics.append(.error(Rule.unknownPath, at: SourceLocation(path: path, line: 1, column: 1),
                        "'\(name)' is not a content folder; " + (Suggestion.closest(to: name, in: known).map { "did you mean '\($0)'?" } ?? "entries go in \(known.joined(separator: ", "))")))
                    continue
                }
                for file in try FileSystem.list(path) where !file.hasPrefix(".") {
                    let filePath = path + "/" + file
                    switch resolve(filePath, realRoot: realRoot, diagnostics: &diagnostics) {
                    case .file where file.hasSuffix(".md"):
                        jobs.append(Job(type: type, slug: String(file.dropLast(3)), path: filePath))
                    case .file:
                        diagnostics.append(.error(Rule.unknownPath, at: SourceLocation(path: filePath, line: 1, column: 1),
                            "only Markdown files ending in .md belong in \(path)/; move or rename '\(file)'"))
                    case .directory:
                        diagnostics.append(.error(Rule.unknownPath, at: SourceLocation(path: filePath, line: 1, column: 1),
                            "type folders hold files only; move the entries in '\(file)/' up into \(path)/"))
                    default:
                        continue
                    }
                }
            case .file:
                diagnostics.append(.error(Rule.unknownPath, at: SourceLocation(path: path, line: 1, column: 1),
                    "only handbook.yml and the type folders belong in \(root)/; move '\(name)' into a type folder"))
            default:
                continue
            }
        }

        cache?.begin()
        let results = Parallel.map(jobs) { job in cache?.result(for: job.path) { read(job) } ?? read(job) }
        cache?.finish(seen: Set(jobs.map(\.path)))
        var documents: [RawDocument] = []
        documents.reserveCapacity(results.count)
        for result in results {
            diagnostics.append(contentsOf: result.diagnostics)
            if let document = result.document { documents.append(document) }
        }
        var settings: YAMLNode?
        if hasSettings {
            let outcome = readSettings(settingsPath, realRoot: realRoot)
            settings = outcome.node
            diagnostics.append(contentsOf: outcome.diagnostics)
        } else {
            diagnostics.append(.error(Rule.missingFile, at: SourceLocation(path: settingsPath, line: 1, column: 1),
                "handbook.yml is missing: create it with at least a title, topics and methods"))
        }
        return LoadedTree(settings: settings, settingsPath: settingsPath, documents: documents,
                          diagnostics: diagnostics, fileCount: jobs.count + (hasSettings ? 1 : 0))
    }

    /// Parses a file on its own, as `handbook inspect` does; the type is taken from the parent folder if known.
    public static func loadFile(_ path: String) throws(LoadError) -> (node: YAMLNode?, diagnostics: [Diagnostic]) {
        if path.hasSuffix(".yml") || path.hasSuffix(".yaml") {
            let bytes = try FileSystem.read(path)
            return parseYAML(bytes, path: path, lineOffset: 0)
        }
        let components = path.split(separator: "/")
        let folder = components.count >= 2 ? String(components[components.count - 2]) : ""
        let name = String(components.last ?? "")
        let type = TypeCatalog.standard.type(folder: folder) ?? .pages
        let slug = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        let result = try readFile(Job(type: type, slug: slug, path: path))
        return (result.document?.frontMatter, result.diagnostics)
    }
}

extension ContentLoader {
    /// What reading one file gave: its document, if it could be parsed, and its problems.
    struct FileResult: Sendable {
        var document: RawDocument?
        var diagnostics: [Diagnostic]
    }
}

private extension ContentLoader {
    struct Job: Sendable {
        var type: EntityType
        var slug: String
        var path: String
    }

    static func read(_ job: Job) -> FileResult {
        do {
            return try readFile(job)
        } catch {
            return FileResult(document: nil, diagnostics: [.error(Rule.io, at: SourceLocation(path: job.path, line: 1, column: 1), error.description)])
        }
    }

    static func readFile(_ job: Job) throws(LoadError) -> FileResult {
        var bytes = try FileSystem.read(job.path)
        let start = SourceLocation(path: job.path, line: 1, column: 1)
        if let where_ = UTF8Check.text(&bytes) {
            return FileResult(document: nil, diagnostics: [.error(Rule.encoding, at: SourceLocation(path: job.path, line: where_.line, column: where_.column),
                "the file is not valid UTF-8 (byte 0x\(String(where_.byte, radix: 16, uppercase: true))); save it as UTF-8")])
        }
        let split: FrontMatter
        do {
            split = try FrontMatter.split(bytes)
        } catch .missingOpening {
            return FileResult(document: nil, diagnostics: [.error(Rule.frontMatter, at: start,
                "the file must start with a line '---', then the front matter, then another '---' line")])
        } catch {
            return FileResult(document: nil, diagnostics: [.error(Rule.frontMatter, at: start,
                "the front matter opened on line 1 is never closed; add a line '---' after the last field")])
        }
        let parsed = parseYAML(split.yaml, path: job.path, lineOffset: split.yamlLine - 1)
        var node = parsed.node
        if node == nil && parsed.diagnostics.isEmpty {
            node = YAMLNode(.mapping([]), at: TextPosition(line: 1, column: 1))
        }
        let document = RawDocument(type: job.type, slug: job.slug, path: job.path, frontMatter: node,
                                   body: split.body, bodyLine: split.bodyLine)
        return FileResult(document: document, diagnostics: parsed.diagnostics)
    }

    static func parseYAML(_ bytes: [UInt8], path: String, lineOffset: Int) -> (node: YAMLNode?, diagnostics: [Diagnostic]) {
        do {
            let document = try YAMLParser.parse(bytes, lineOffset: lineOffset)
            var diagnostics = document.duplicateKeys.map { duplicate in
                Diagnostic.error(Rule.duplicateKey, at: SourceLocation(path: path, position: duplicate.position),
                    "'\(duplicate.key.excerpt)' is given twice (first on line \(duplicate.firstPosition.line)); keep one")
            }
            guard let root = document.root else { return (nil, diagnostics) }
            guard root.pairs != nil else {
                diagnostics.append(.error(Rule.yaml, at: SourceLocation(path: path, position: root.position),
                    "the front matter must be a mapping of 'field: value' lines, not \(root.kindName)"))
                return (nil, diagnostics)
            }
            return (root, diagnostics)
        } catch {
            return (nil, [.error(Rule.yaml, at: SourceLocation(path: path, position: error.position), error.message)])
        }
    }

    static func readSettings(_ path: String, realRoot: String) -> (node: YAMLNode?, diagnostics: [Diagnostic]) {
        do {
            var bytes = try FileSystem.read(path)
            if let where_ = UTF8Check.text(&bytes) {
                return (nil, [.error(Rule.encoding, at: SourceLocation(path: path, line: where_.line, column: where_.column),
                    "the file is not valid UTF-8; save it as UTF-8")])
            }
            let parsed = parseYAML(bytes, path: path, lineOffset: 0)
            if parsed.node == nil && parsed.diagnostics.isEmpty {
                return (YAMLNode(.mapping([]), at: TextPosition(line: 1, column: 1)), [])
            }
            return parsed
        } catch {
            return (nil, [.error(Rule.io, at: SourceLocation(path: path, line: 1, column: 1), error.description)])
        }
    }

    /// What a path is once links inside the tree are followed; links leaving the tree are reported and skipped.
    static func resolve(_ path: String, realRoot: String, diagnostics: inout [Diagnostic]) -> FileSystem.Kind {
        let kind = FileSystem.kind(path)
        guard kind == .symbolicLink else { return kind }
        guard let target = FileSystem.realPath(path) else {
            diagnostics.append(.error(Rule.symlink, at: SourceLocation(path: path, line: 1, column: 1),
                "this symbolic link is broken; remove it or point it at a file in the content tree"))
            return .missing
        }
        guard target.hasPrefix(realRoot + "/") else {
            diagnostics.append(.error(Rule.symlink, at: SourceLocation(path: path, line: 1, column: 1),
                "this symbolic link leads outside the content tree (to \(target)); copy the file in instead"))
            return .missing
        }
        return FileSystem.targetKind(path)
    }
}
